package org.doudi.payroll.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.doudi.payroll.StandardRise;
import org.doudi.payroll.StandardRiseLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * standard_rise, standard_rise_rule, standard_rise_line (V30_1), and the set-based statements of a rise: lines for
 * every award of the county and type in one INSERT … SELECT, the award rows of an approved rise in one more.
 * Portable SQL (H2 2.3, PostgreSQL 15; MERGE for the updates that follow a join).
 */
@Repository
public class StandardRiseRepository {

  /** The latest row of each award (its state now and the row a change follows), active, 低保, of the place. */
  static final String LATEST_OF_PLACE = "a.scheme = 'DIBAO' AND a.county_code = ? AND a.urban_rural = ? "
      + "AND a.change_kind <> 'STOP' AND NOT EXISTS (SELECT 1 FROM benefit_award z WHERE "
      + "z.beneficiary_key = a.beneficiary_key AND z.scheme = a.scheme AND z.seq > a.seq)";

  /**
   * The latest row of each active 低保 award under one of the batch's rises (joined as {@code sr}): for a province,
   * one pass with hash joins rather than a county's probes sixty times; {@code z.seq > 1} lets PostgreSQL hash only
   * the awards' changes (as the roster's IN_FORCE). Parameter: none; the batch is an IN list.
   */
  static String latestOfBatch(String ids) {
    return "a.scheme = 'DIBAO' AND a.change_kind <> 'STOP' AND sr.id IN (" + ids + ") AND NOT EXISTS (SELECT 1 "
        + "FROM benefit_award z WHERE z.beneficiary_key = a.beneficiary_key AND z.scheme = a.scheme "
        + "AND z.seq > a.seq AND z.seq > 1)";
  }

  static final String JOIN_RISE = " JOIN standard_rise sr ON sr.county_code = a.county_code "
      + "AND sr.urban_rural = a.urban_rural ";

  /** A member's age on the day before the rise's month (sr.age_year, sr.age_md); −1 without a birth date. */
  static final String SR_AGE = "CASE WHEN m.birth_date IS NULL THEN -1 ELSE CAST(sr.age_year "
      + "- EXTRACT(YEAR FROM m.birth_date) - CASE WHEN EXTRACT(MONTH FROM m.birth_date) * 100 "
      + "+ EXTRACT(DAY FROM m.birth_date) > sr.age_md THEN 1 ELSE 0 END AS INT) END";

  /**
   * {@link #SR_AGE}, on PostgreSQL with date_part (double precision) instead of EXTRACT (numeric since PostgreSQL 14,
   * twice as slow over two million members); the same integers.
   */
  private String srAge() {
    return postgres() ? SR_AGE.replace("EXTRACT(YEAR FROM m.birth_date)", "date_part('year', m.birth_date)")
        .replace("EXTRACT(MONTH FROM m.birth_date)", "date_part('month', m.birth_date)")
        .replace("EXTRACT(DAY FROM m.birth_date)", "date_part('day', m.birth_date)") : SR_AGE;
  }

  /** The rule found for a member (r) gives another supplement than the one applied (m); false without a rule. */
  static final String RULE_DIFFERS = "(r.supplement_percent <> m.supplement_percent "
      + "OR r.supplement_category <> m.supplement_category "
      + "OR (m.single_percent IS NOT NULL AND r.single_percent <> m.single_percent))";

  static String ids(List<Long> ids) {
    return String.join(", ", ids.stream().map(String::valueOf).toList());
  }

  /**
   * A member's age in full years on a day: parameters the day's year and its month × 100 + day; −1 without a birth
   * date (as the assessment passes it to the rules).
   */
  public static final String AGE = "CASE WHEN m.birth_date IS NULL THEN -1 ELSE CAST(CAST(? AS INT) "
      + "- EXTRACT(YEAR FROM m.birth_date) - CASE WHEN EXTRACT(MONTH FROM m.birth_date) * 100 "
      + "+ EXTRACT(DAY FROM m.birth_date) > CAST(? AS INT) THEN 1 ELSE 0 END AS INT) END";

  private static final String COLS = "id, standard_id, county_code, urban_rural, new_standard, standard_from, "
      + "effective_month, entered_by, status, process_instance_id, line_count, increase_count, increase_total, "
      + "decrease_count, decrease_total, unchanged_count, manual_count, old_total, new_total, decision, "
      + "decrease_handling, decrease_reason, decision_note, reviewed_by, reviewed_at, applied_count, catch_up_count, "
      + "applied_at, created_at";

  private final JdbcTemplate jdbc;
  private final org.springframework.context.ApplicationEventPublisher events;

  public StandardRiseRepository(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** The audit event of a write to the rise's row (before and after). */
  private void published(String action, long riseId, StandardRise before) {
    StandardRise after = find(riseId).orElseThrow();
    events.publishEvent(new org.doudi.payroll.StandardRiseChanged(action, riseId, after.countyCode(),
        after.processInstanceId(), "DECIDED".equals(action) ? after.reviewedBy() : null, "standard_rise " + riseId,
        before, after));
  }

  /** Whether any active 低保 award is paid under the county and type. */
  public boolean anyActiveAward(String countyCode, String urbanRural) {
    return !jdbc.queryForList("SELECT 1 FROM benefit_award a WHERE " + LATEST_OF_PLACE + " FETCH FIRST 1 ROWS ONLY",
        Integer.class, countyCode, urbanRural).isEmpty();
  }

  private Boolean postgres;

  /**
   * PostgreSQL: hash joins for the batch's statements (on) or the planner's choice back (off), for the rest of the
   * transaction. Its estimate of the awards under a batch of rises (county and type, correlated) is far too low, and
   * the nested loops it then picks probe the indexes once per award: a province's rise took minutes instead of
   * seconds.
   */
  public void bulkPlans(boolean on) {
    if (postgres()) {
      jdbc.execute("SET LOCAL enable_nestloop = " + (on ? "off" : "on"));
      // and no JIT: compiling a batch statement's expressions cost more than it saved
      // (docs/benchmarks/standard-rise.md, run 9)
      jdbc.execute("SET LOCAL jit = " + (on ? "off" : "DEFAULT"));
    }
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c -> c.getMetaData()
          .getDatabaseProductName().equals("PostgreSQL"));
    }
    return postgres;
  }

  public Optional<StandardRise> byStandard(long standardId) {
    return jdbc.query("SELECT " + COLS + " FROM standard_rise WHERE standard_id = ?", StandardRiseRepository::map,
        standardId).stream().findFirst();
  }

  public long insert(long standardId, String countyCode, String urbanRural, BigDecimal newStandard,
      LocalDate standardFrom, LocalDate effectiveMonth, String enteredBy, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("INSERT INTO standard_rise (standard_id, county_code, urban_rural, new_standard, "
          + "standard_from, effective_month, entered_by, status, created_at, age_year, age_md) VALUES (?, ?, ?, ?, ?, "
          + "?, ?, 'COMPUTING', ?, ?, ?)", new String[] {"id"});
      ps.setLong(1, standardId);
      ps.setString(2, countyCode);
      ps.setString(3, urbanRural);
      ps.setBigDecimal(4, newStandard);
      ps.setDate(5, Date.valueOf(standardFrom));
      ps.setDate(6, Date.valueOf(effectiveMonth));
      ps.setString(7, enteredBy);
      ps.setTimestamp(8, Timestamp.from(at));
      LocalDate ageOn = effectiveMonth.minusDays(1);
      ps.setInt(9, ageOn.getYear());
      ps.setInt(10, ageOn.getMonthValue() * 100 + ageOn.getDayOfMonth());
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  public void setProcessInstance(long id, String pid) {
    jdbc.update("UPDATE standard_rise SET process_instance_id = ? WHERE id = ?", pid, id);
    published("OPENED", id, null);
  }

  public Optional<StandardRise> find(long id) {
    return jdbc.query("SELECT " + COLS + " FROM standard_rise WHERE id = ?", StandardRiseRepository::map, id)
        .stream().findFirst();
  }

  public StandardRise lock(long id) {
    return jdbc.query("SELECT " + COLS + " FROM standard_rise WHERE id = ? FOR UPDATE", StandardRiseRepository::map,
        id).stream().findFirst().orElseThrow(() -> new IllegalStateException("没有标准调整" + id));
  }

  /**
   * The batch one job works on: the rises in a status (and, for REVIEW, approved) whose id leaves the same remainder
   * as {@code riseId}'s when divided by {@code parts}, locked in id order. The parts are disjoint, so the jobs of two
   * parts run side by side on two connections; two jobs of one part wait for each other instead of deadlocking.
   */
  public List<StandardRise> lockPart(StandardRise.Status status, boolean approved, long riseId, int parts) {
    return jdbc.query("SELECT " + COLS + " FROM standard_rise WHERE status = ?" + approved(approved)
        + " AND MOD(id, ?) = ? ORDER BY id FOR UPDATE", StandardRiseRepository::map, status.name(), parts,
        Math.floorMod(riseId, parts));
  }

  /** The rises in a status, unlocked, in id order. */
  public List<StandardRise> all(StandardRise.Status status, boolean approved) {
    return jdbc.query("SELECT " + COLS + " FROM standard_rise WHERE status = ?" + approved(approved) + " ORDER BY id",
        StandardRiseRepository::map, status.name());
  }

  private static String approved(boolean approved) {
    return approved ? " AND decision = 'APPROVE' AND reviewed_by IS NOT NULL" : "";
  }

  public List<StandardRise> list(List<String> countyPrefixes, int limit) {
    if (countyPrefixes.isEmpty()) {
      return List.of();
    }
    String where = String.join(" OR ", countyPrefixes.stream().map(p -> "county_code LIKE ?").toList());
    List<Object> args = new java.util.ArrayList<>(countyPrefixes.stream().map(p -> (Object) (p + "%")).toList());
    args.add(limit);
    return jdbc.query("SELECT " + COLS + " FROM standard_rise WHERE " + where + " ORDER BY id DESC "
        + "FETCH FIRST ? ROWS ONLY", StandardRiseRepository::map, args.toArray());
  }

  /** Clears what an earlier (rolled-back or repeated) computation left. */
  public void clearComputation(List<Long> riseIds) {
    jdbc.update("DELETE FROM standard_rise_line WHERE rise_id IN (" + ids(riseIds) + ")");
    jdbc.update("DELETE FROM standard_rise_rule WHERE rise_id IN (" + ids(riseIds) + ")");
  }

  /**
   * The distinct (birth date, illness, category, grade) of the members of every 低保 basis: a superset of the
   * combinations of the batch's members, found from the members alone (joining the awards to keep only the batch's,
   * as the lines do, cost a third of the lines' statement; computing the ages here, a sort of every member:
   * docs/benchmarks/standard-rise.md, runs 36–40). The caller takes the ages on its rises' age days
   * ({@link #ageOn}); a rule row no member needs is never joined.
   */
  public void distinctInputs(RowCallbackHandler each) {
    jdbc.query("SELECT DISTINCT m.birth_date, m.serious_illness, COALESCE(m.disability_category, '-') AS cat, "
        + "COALESCE(m.disability_grade, -1) AS grade FROM award_basis_member m WHERE m.scheme = 'DIBAO'", each);
  }

  /**
   * A member's age on a rise's age day as {@link #SR_AGE} computes it in the lines' join (the day's year and its
   * month × 100 + day); −1 without a birth date.
   */
  public static int ageOn(LocalDate birth, int ageYear, int ageMd) {
    if (birth == null) {
      return -1;
    }
    return ageYear - birth.getYear() - (birth.getMonthValue() * 100 + birth.getDayOfMonth() > ageMd ? 1 : 0);
  }

  /** Each rise's age day (age_year × 10000 + age_md, as {@link #SR_AGE} reads them). */
  public java.util.Map<Long, Integer> ageDays(List<Long> riseIds) {
    java.util.Map<Long, Integer> days = new java.util.HashMap<>();
    jdbc.query("SELECT id, age_year, age_md FROM standard_rise WHERE id IN (" + ids(riseIds) + ")",
        rs -> {
          days.put(rs.getLong(1), rs.getInt(2) * 10000 + rs.getInt(3));
        });
    return days;
  }

  /** Rows: rise id, age, illness, category ('-'), grade (−1), supplement category, percent, single percent. */
  public void insertRules(List<Object[]> rows) {
    jdbc.batchUpdate("INSERT INTO standard_rise_rule (rise_id, age, serious_illness, disability_category, "
        + "disability_grade, supplement_category, supplement_percent, single_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /**
   * A line's (l) formula in Chinese, built from its numbers and its rise (sr) where it is read — the lines' page, the
   * review form, the award rows — rather than stored with each of a million lines (V49_1; lines computed before keep
   * their stored text). HOUSEHOLD: 按户补差 n × S − net + supplements = amount; SINGLE_PERSON: 参照单人户; MANUAL: no
   * basis, or the household no longer below the standard.
   */
  static final String REASON = "CASE WHEN l.reason IS NOT NULL THEN l.reason "
      + "WHEN l.outcome IS NULL THEN '无测算依据（授予待遇时未保存家庭收入和成员信息），需人工复核' "
      + "WHEN l.kind = 'MANUAL' THEN '按新标准 ' || CAST(sr.new_standard AS VARCHAR(20)) || ' 元，家庭月人均收入 ' "
      + "|| CAST(l.per_capita_income AS VARCHAR(20)) || ' 元不低于标准，不再按户补差，需人工复核' "
      + "WHEN l.outcome = 'HOUSEHOLD' THEN '按户补差：' || CAST(sr.new_standard AS VARCHAR(20)) || ' × ' "
      + "|| CAST(l.household_size AS VARCHAR(5)) || ' 人 − 家庭月净收入 ' || CAST(l.net_income AS VARCHAR(20)) "
      + "|| ' + 分类施保 ' || CAST(l.supplements AS VARCHAR(20)) || ' = ' || CAST(l.new_amount AS VARCHAR(20)) "
      + "|| ' 元（原标准 ' || CAST(l.old_standard AS VARCHAR(20)) || ' 元，原月补助 ' "
      + "|| CAST(l.old_amount AS VARCHAR(20)) || ' 元）' "
      + "|| CASE WHEN l.old_amount <> l.basis_amount THEN '；原月补助与测算金额 ' "
      + "|| CAST(l.basis_amount AS VARCHAR(20)) || ' 元不同（曾人工调整）' ELSE '' END "
      + "ELSE '参照单人户：' || CAST(l.member_count AS VARCHAR(5)) || ' 人按新标准 ' "
      + "|| CAST(sr.new_standard AS VARCHAR(20)) || ' 元的保障比例计 ' || CAST(l.new_amount AS VARCHAR(20)) "
      + "|| ' 元（原标准 ' || CAST(l.old_standard AS VARCHAR(20)) || ' 元，原月补助 ' "
      + "|| CAST(l.old_amount AS VARCHAR(20)) || ' 元）' END";

  /**
   * Every award of the place as one line, in one statement: the award's latest row, its basis and members, and the
   * rules evaluated for the members' combinations. HOUSEHOLD: ROUND(n × S − net income) + Σ ROUND(S × percent / 100);
   * SINGLE_PERSON: Σ ROUND(MIN(S × single, S × (100 + percent)) / 100) (as the assessment computes them). No basis,
   * or a household no longer below the standard: MANUAL, the amount kept.
   */
  private String linesInsert(List<Long> riseIds) {
    String s = "sr.new_standard";
    String sql = "INSERT INTO standard_rise_line (rise_id, beneficiary_key, scheme, based_on_award_id, based_on_seq, "
        + "region_code, payee_name, old_amount, new_amount, difference, kind, member_changes, outcome, household_size, "
        + "net_income, per_capita_income, old_standard, basis_amount, member_count, supplements) "
        + "SELECT x.rise_id, x.beneficiary_key, x.scheme, x.id, x.seq, x.region_code, x.payee_name, x.old_amount, "
        + "CASE WHEN x.manual = 1 THEN x.old_amount ELSE x.new_amount END, "
        + "CASE WHEN x.manual = 1 THEN 0 ELSE x.new_amount - x.old_amount END, "
        + "CASE WHEN x.manual = 1 THEN 'MANUAL' WHEN x.new_amount > x.old_amount THEN 'INCREASE' "
        + "WHEN x.new_amount < x.old_amount THEN 'DECREASE' ELSE 'UNCHANGED' END, "
        + "x.member_changes, x.outcome, x.household_size, x.net_income, x.per_capita, x.old_standard, "
        + "x.basis_amount, x.members, x.supplements "
        + "FROM (SELECT sr.id AS rise_id, a.beneficiary_key, a.scheme, a.id, a.seq, a.region_code, "
        + "a.payee_name, a.monthly_amount AS old_amount, b.outcome, b.household_size, b.net_income, "
        + "b.per_capita_income AS per_capita, b.standard AS old_standard, b.amount AS basis_amount, " + s + " AS std, "
        + "COUNT(m.id_number) AS members, "
        + "SUM(ROUND(" + s + " * r.supplement_percent / 100, 2)) AS supplements, "
        + "CASE WHEN b.outcome = 'HOUSEHOLD' THEN ROUND(" + s + " * b.household_size - b.net_income, 2) "
        + "+ SUM(ROUND(" + s + " * r.supplement_percent / 100, 2)) "
        + "ELSE SUM(ROUND(LEAST(" + s + " * r.single_percent, " + s + " * (100 + r.supplement_percent)) / 100, 2)) "
        + "END AS new_amount, "
        + "CASE WHEN b.outcome IS NULL OR COUNT(r.age) < COUNT(m.id_number) OR COUNT(m.id_number) = 0 "
        + "OR (b.outcome = 'HOUSEHOLD' AND " + s + " * b.household_size - b.net_income <= 0) "
        + "OR (b.outcome = 'SINGLE_PERSON' AND COUNT(r.single_percent) < COUNT(m.id_number)) THEN 1 ELSE 0 END "
        + "AS manual, "
        // the members whose supplement the rise changes (the apply updates only those lines' members)
        + "SUM(CASE WHEN " + RULE_DIFFERS + " THEN 1 ELSE 0 END) AS member_changes "
        + "FROM benefit_award a" + JOIN_RISE + "LEFT JOIN award_basis b ON b.beneficiary_key = a.beneficiary_key "
        + "AND b.scheme = a.scheme LEFT JOIN award_basis_member m ON m.beneficiary_key = b.beneficiary_key "
        + "AND m.scheme = b.scheme LEFT JOIN standard_rise_rule r ON r.rise_id = sr.id AND r.age = " + srAge()
        + " AND r.serious_illness = m.serious_illness AND r.disability_category = COALESCE(m.disability_category, '-') "
        + "AND r.disability_grade = COALESCE(m.disability_grade, -1) "
        + "WHERE " + latestOfBatch(ids(riseIds)) + " GROUP BY "
        // PostgreSQL: the primary keys only (the other columns depend on them), a hash of two numbers and a key
        // rather than a sort on fifteen columns; H2 needs every column listed
        // (the award's key first: the lines come out in their primary key's order, its index filled in order)
        + (postgres() ? "sr.id, a.beneficiary_key, a.scheme, a.id, b.beneficiary_key, b.scheme"
            : "sr.id, sr.new_standard, a.beneficiary_key, "
            + "a.scheme, a.id, a.seq, a.region_code, a.payee_name, a.monthly_amount, b.outcome, b.household_size, "
            + "b.net_income, b.per_capita_income, b.standard, b.amount") + ") x "
        // in the lines' key order: their primary key's index filled page after page, and the planner streams the
        // groups out of a sort instead of hashing a million of them (docs/benchmarks/standard-rise.md, runs 25–27)
        + "ORDER BY x.rise_id, x.beneficiary_key, x.scheme";
    return sql;
  }

  /** PostgreSQL's default work_mem, for the lines' statement (see {@link #insertLines}). */
  static final String LINES_WORK_MEM = "4MB";

  /** The review's figures of a rise, over its lines (l): the columns of standard_rise they are stored in. */
  static final String FIGURES = "COUNT(*), "
      + "SUM(CASE WHEN l.kind = 'INCREASE' THEN 1 ELSE 0 END), "
      + "SUM(CASE WHEN l.kind = 'INCREASE' THEN l.difference ELSE 0 END), "
      + "SUM(CASE WHEN l.kind = 'DECREASE' THEN 1 ELSE 0 END), "
      + "SUM(CASE WHEN l.kind = 'DECREASE' THEN l.difference ELSE 0 END), "
      + "SUM(CASE WHEN l.kind = 'UNCHANGED' THEN 1 ELSE 0 END), "
      + "SUM(CASE WHEN l.kind = 'MANUAL' THEN 1 ELSE 0 END), "
      + "SUM(l.old_amount), SUM(l.new_amount), "
      + "SUM(CASE WHEN l.member_changes IS NULL OR l.member_changes > 0 THEN 1 ELSE 0 END)";

  /**
   * The batch's lines and the figures of its rises (which then are under review, with zeros when a rise has no
   * line). PostgreSQL: the figures are aggregated from the INSERT's RETURNING (no second pass over a million lines);
   * H2: from the lines stored.
   *
   * @return the lines written
   */
  public int insertLines(List<Long> riseIds, Instant at) {
    List<StandardRise> before = riseIds.stream().map(id -> find(id).orElseThrow()).toList();
    jdbc.update("UPDATE standard_rise SET line_count = 0, increase_count = 0, increase_total = 0, decrease_count = 0, "
        + "decrease_total = 0, unchanged_count = 0, manual_count = 0, old_total = 0, new_total = 0, "
        + "member_change_lines = 0, status = 'REVIEW', computed_at = ? WHERE id IN (" + ids(riseIds) + ")",
        Timestamp.from(at));
    if (postgres()) {
      // the lines' statement at the server's default memory, not the roster's: with 256MB the planner hashes the
      // million groups (and spills them) where with 4MB it sorts and streams them, which measured faster
      // (docs/benchmarks/standard-rise.md, runs 25–27)
      jdbc.execute("SET LOCAL work_mem = '" + LINES_WORK_MEM + "'");
    }
    String figures = postgres()
        ? "WITH l AS (" + linesInsert(riseIds) + " RETURNING rise_id, kind, old_amount, new_amount, difference, "
            + "member_changes) SELECT l.rise_id, " + FIGURES + " FROM l GROUP BY l.rise_id"
        : "SELECT l.rise_id, " + FIGURES + " FROM standard_rise_line l WHERE l.rise_id IN (" + ids(riseIds) + ") "
            + "GROUP BY l.rise_id";
    if (!postgres()) {
      jdbc.update(linesInsert(riseIds));
    }
    List<Object[]> rows = jdbc.query(figures, (rs, i) -> new Object[] {rs.getInt(2), rs.getInt(3),
        rs.getBigDecimal(4), rs.getInt(5), rs.getBigDecimal(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9),
        rs.getBigDecimal(10), rs.getInt(11), rs.getLong(1)});
    jdbc.batchUpdate("UPDATE standard_rise SET line_count = ?, increase_count = ?, increase_total = ?, "
        + "decrease_count = ?, decrease_total = ?, unchanged_count = ?, manual_count = ?, old_total = ?, "
        + "new_total = ?, member_change_lines = ? WHERE id = ?", rows);
    if (postgres()) {
      // the million lines just written are unknown to the planner until autovacuum samples them (a minute or more):
      // the apply's statement then planned for a handful of lines and chose sorts and merge joins for a million
      // (docs/benchmarks/standard-rise.md, run 30); ANALYZE reads a sample, not the table
      jdbc.execute("ANALYZE standard_rise_line");
    }
    before.forEach(b -> published("COMPUTED", b.id(), b));
    return rows.stream().mapToInt(r -> (Integer) r[0]).sum();
  }

  public List<StandardRiseLine> lines(long riseId, String kind, List<String> regionPrefixes, int offset, int limit) {
    List<Object> args = new java.util.ArrayList<>();
    args.add(riseId);
    String where = "";
    if (kind != null) {
      where += " AND l.kind = ?";
      args.add(kind);
    }
    if (regionPrefixes != null) {
      if (regionPrefixes.isEmpty()) {
        return List.of();
      }
      where += " AND (" + String.join(" OR ", regionPrefixes.stream().map(p -> "l.region_code LIKE ?").toList()) + ")";
      regionPrefixes.forEach(p -> args.add(p + "%"));
    }
    args.add(offset);
    args.add(limit);
    return jdbc.query("SELECT l.beneficiary_key, l.scheme, l.based_on_award_id, l.based_on_seq, l.region_code, "
        + "l.payee_name, l.old_amount, l.new_amount, l.difference, l.kind, " + REASON + " FROM standard_rise_line l "
        + "JOIN standard_rise sr ON sr.id = l.rise_id WHERE l.rise_id = ?" + where
        + " ORDER BY l.beneficiary_key OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", (rs, i) -> new StandardRiseLine(rs.getString(1),
          rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
          rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), rs.getString(11)), args.toArray());
  }

  public void recordDecision(long riseId, String decision, String handling, String decreaseReason, String note,
      String by, Instant at) {
    StandardRise before = find(riseId).orElseThrow();
    jdbc.update("UPDATE standard_rise SET decision = ?, decrease_handling = ?, decrease_reason = ?, "
        + "decision_note = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?", decision, handling, decreaseReason,
        note, by, Timestamp.from(at), riseId);
    published("DECIDED", riseId, before);
  }

  /**
   * The approved lines as award rows, the bases of the rows written on the new standard and amount, and per rise of
   * the batch the rows it wrote. PostgreSQL: one statement (the INSERT's RETURNING feeds the bases' UPDATE and the
   * counts, instead of joining a million lines with the award table twice more); H2: the three statements.
   */
  public java.util.Map<Long, Integer> writeAwardRows(List<Long> riseIds, Instant at) {
    if (!postgres()) {
      insertAwardRows(riseIds, at);
      java.util.Map<Long, Integer> counts = appliedCounts(riseIds, at);
      updateBases(riseIds, at);
      return counts;
    }
    java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
    String batch = "JOIN standard_rise sr ON sr.county_code = i.county_code AND sr.urban_rural = i.urban_rural "
        + "AND sr.id IN (" + ids(riseIds) + ")";
    jdbc.query("WITH ins AS (" + awardRows(riseIds) + " RETURNING beneficiary_key, scheme, county_code, urban_rural, "
        + "monthly_amount), upd AS (UPDATE award_basis b SET standard = sr.new_standard, amount = i.monthly_amount, "
        + "updated_at = ? FROM ins i " + batch + " WHERE b.beneficiary_key = i.beneficiary_key "
        + "AND b.scheme = i.scheme) SELECT sr.id, COUNT(*) FROM ins i " + batch + " GROUP BY sr.id",
        rs -> {
          counts.put(rs.getLong(1), rs.getInt(2));
        }, Timestamp.from(at), Timestamp.from(at));
    return counts;
  }

  /**
   * The approved lines as award rows, one statement: INCREASE, and DECREASE when the reviewer applied decreases
   * with a reason; only where the award is still at the row the line was computed from (a change since, or this
   * statement before, wrote a later row: nothing). Effective from the rise's month, never before the row it follows.
   * Parameter: the rows' created_at.
   */
  static String awardRows(List<Long> riseIds) {
    return "INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code, "
        + "region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, "
        + "monthly_amount, effective_from, reason, decided_by, created_at) "
        + "SELECT l.a_key, l.a_scheme, l.a_seq + 1, l.kind, l.a_case_ref, l.a_county, l.a_region, l.a_urban_rural, "
        + "l.a_member_count, l.a_payee_name, l.a_payee_id, l.a_bank, l.a_account, "
        + "l.new_amount, CASE WHEN l.a_from > sr.effective_month THEN l.a_from "
        + "ELSE sr.effective_month END, SUBSTRING('标准调整（第' || CAST(sr.id AS VARCHAR(20)) || '号，' "
        + "|| sr.county_code || CASE WHEN sr.urban_rural = 'URBAN' THEN '城市' ELSE '农村' END || '低保标准 ' "
        + "|| CAST(sr.new_standard AS VARCHAR(20)) || ' 元）：' || " + REASON + " || CASE WHEN l.kind = 'DECREASE' "
        + "THEN '；减发理由：' || sr.decrease_reason ELSE '' END FROM 1 FOR 500), sr.reviewed_by, "
        + "CAST(? AS TIMESTAMP WITH TIME ZONE) "
        // the rows to write, sorted on the lines' numbers and the award's columns; the reason text is built from them
        // after the sort, not carried through it (a narrower sort of a million rows)
        + "FROM (SELECT l.rise_id, l.kind, l.new_amount, l.reason, l.outcome, l.per_capita_income, l.household_size, "
        + "l.net_income, l.supplements, l.old_standard, l.old_amount, l.basis_amount, l.member_count, "
        + "a.beneficiary_key AS a_key, a.scheme AS a_scheme, a.seq AS a_seq, a.case_ref AS a_case_ref, "
        + "a.county_code AS a_county, a.region_code AS a_region, a.urban_rural AS a_urban_rural, "
        + "a.member_count AS a_member_count, a.payee_name AS a_payee_name, a.payee_id_number AS a_payee_id, "
        + "a.bank_name AS a_bank, a.account_number AS a_account, a.effective_from AS a_from "
        + "FROM standard_rise_line l JOIN standard_rise sr ON sr.id = l.rise_id "
        + "JOIN benefit_award a ON a.id = l.based_on_award_id "
        + "WHERE l.rise_id IN (" + ids(riseIds) + ") AND (l.kind = 'INCREASE' OR (l.kind = 'DECREASE' "
        + "AND sr.decrease_handling = 'APPLY')) AND NOT EXISTS (SELECT 1 FROM benefit_award z "
        + "WHERE z.beneficiary_key = a.beneficiary_key AND z.scheme = a.scheme AND z.seq > a.seq AND z.seq > 1) "
        // in the unique key's order: its index (and the bases updated from the rows) filled page after page, not at
        // random pages (docs/benchmarks/standard-rise.md, runs 9–12); the join with the rise that follows (sixty
        // rows, hashed) keeps it
        + "ORDER BY a.beneficiary_key, a.scheme OFFSET 0 ROWS) l JOIN standard_rise sr ON sr.id = l.rise_id";
  }

  int insertAwardRows(List<Long> riseIds, Instant at) {
    return jdbc.update(awardRows(riseIds), Timestamp.from(at));
  }

  /** Per rise of the batch: the award rows it wrote (the row after the line's, at {@code at}). */
  java.util.Map<Long, Integer> appliedCounts(List<Long> riseIds, Instant at) {
    java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
    jdbc.query("SELECT l.rise_id, COUNT(*) FROM standard_rise_line l JOIN benefit_award z "
        + "ON z.beneficiary_key = l.beneficiary_key AND z.scheme = l.scheme AND z.seq = l.based_on_seq + 1 "
        + "WHERE l.rise_id IN (" + ids(riseIds) + ") AND l.kind IN ('INCREASE', 'DECREASE') AND z.seq > 1 "
        + "AND z.created_at = ? GROUP BY l.rise_id", rs -> {
          counts.put(rs.getLong(1), rs.getInt(2));
        }, Timestamp.from(at));
    return counts;
  }

  /**
   * The bases of the applied lines (their award row written at {@code at}) now stand on the new standard and amount.
   */
  void updateBases(List<Long> riseIds, Instant at) {
    jdbc.update("MERGE INTO award_basis b USING (SELECT l.beneficiary_key, l.scheme, l.new_amount, sr.new_standard "
        + applied(riseIds) + ") s ON (b.beneficiary_key = s.beneficiary_key AND b.scheme = s.scheme) WHEN MATCHED "
        + "THEN UPDATE SET standard = s.new_standard, amount = s.new_amount, updated_at = ?", Timestamp.from(at),
        Timestamp.from(at));
  }

  /** The batch's lines whose award row was written at the parameter (joined as l, sr, z). */
  private static String applied(List<Long> riseIds) {
    return "FROM standard_rise_line l JOIN standard_rise sr ON sr.id = l.rise_id JOIN benefit_award z "
        + "ON z.beneficiary_key = l.beneficiary_key AND z.scheme = l.scheme AND z.seq = l.based_on_seq + 1 "
        + "AND z.seq > 1 AND z.created_at = ? WHERE l.rise_id IN (" + ids(riseIds) + ") "
        + "AND l.kind IN ('INCREASE', 'DECREASE')";
  }

  /**
   * The members of the applied lines whose supplement the rules in force changed take it (few: a rise changes the
   * standard, not the age bands). The computation counted them per line (member_changes): only those lines' members
   * are joined with the rules again, and nothing at all when no line of the batch has any (the usual rise).
   *
   * @return the members changed, or −1 when no line of the batch has a member to change (nothing joined)
   */
  public int updateMembers(List<Long> riseIds, Instant at) {
    Integer withChanges = jdbc.queryForObject("SELECT COUNT(*) FROM standard_rise WHERE id IN (" + ids(riseIds)
        + ") AND (member_change_lines IS NULL OR member_change_lines > 0)", Integer.class);
    if (withChanges == null || withChanges == 0) {
      return -1;
    }
    return jdbc.update("MERGE INTO award_basis_member t USING (SELECT m.beneficiary_key, m.scheme, m.id_number, "
        + "r.supplement_category, r.supplement_percent, r.single_percent "
        + applied(riseIds).replace("WHERE", "JOIN award_basis_member m ON m.beneficiary_key = l.beneficiary_key "
            + "AND m.scheme = l.scheme JOIN standard_rise_rule r ON r.rise_id = l.rise_id AND r.age = " + srAge()
            + " AND r.serious_illness = m.serious_illness AND r.disability_category = "
            + "COALESCE(m.disability_category, '-') AND r.disability_grade = COALESCE(m.disability_grade, -1) WHERE")
        + " AND (l.member_changes IS NULL OR l.member_changes > 0) AND " + RULE_DIFFERS + ") s "
        + "ON (t.beneficiary_key = s.beneficiary_key AND t.scheme = s.scheme AND t.id_number = s.id_number) "
        + "WHEN MATCHED THEN UPDATE SET supplement_category = s.supplement_category, "
        + "supplement_percent = s.supplement_percent, "
        + "single_percent = CASE WHEN t.single_percent IS NULL THEN NULL ELSE s.single_percent END",
        Timestamp.from(at));
  }

  /** The increases applied, for a 补发 of months whose roster was made before the rise. */
  public record Applied(String beneficiaryKey, String caseRef, String countyCode, String regionCode, String payeeName,
      String payeeIdNumber, String bankName, String accountNumber, BigDecimal difference) {}

  public List<Applied> appliedIncreases(long riseId) {
    return jdbc.query("SELECT z.beneficiary_key, z.case_ref, z.county_code, z.region_code, z.payee_name, "
        + "z.payee_id_number, z.bank_name, z.account_number, l.difference FROM standard_rise_line l "
        + "JOIN benefit_award z ON z.beneficiary_key = l.beneficiary_key AND z.scheme = l.scheme "
        + "AND z.seq = l.based_on_seq + 1 AND z.reason LIKE '标准调整（第' || CAST(l.rise_id AS VARCHAR(20)) || '号%' "
        + "WHERE l.rise_id = ? AND l.kind = 'INCREASE' ORDER BY l.beneficiary_key", (rs, i) -> new Applied(rs.getString(1), rs.getString(2), rs.getString(3),
          rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9)),
        riseId);
  }

  public void markApplied(long riseId, int applied, int catchUp, Instant at) {
    StandardRise before = find(riseId).orElseThrow();
    jdbc.update("UPDATE standard_rise SET status = 'APPLIED', applied_count = ?, catch_up_count = ?, applied_at = ? "
        + "WHERE id = ?", applied, catchUp, Timestamp.from(at), riseId);
    published("APPLIED", riseId, before);
  }

  public void markRejected(long riseId) {
    StandardRise before = find(riseId).orElseThrow();
    jdbc.update("UPDATE standard_rise SET status = 'REJECTED' WHERE id = ?", riseId);
    published("REJECTED", riseId, before);
  }

  static StandardRise map(ResultSet rs, int i) throws SQLException {
    return new StandardRise(rs.getLong("id"), rs.getLong("standard_id"), rs.getString("county_code"),
        rs.getString("urban_rural"), rs.getBigDecimal("new_standard"), rs.getDate("standard_from").toLocalDate(),
        rs.getDate("effective_month").toLocalDate(), rs.getString("entered_by"),
        StandardRise.Status.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
        (Integer) rs.getObject("line_count", Integer.class), (Integer) rs.getObject("increase_count", Integer.class),
        rs.getBigDecimal("increase_total"), (Integer) rs.getObject("decrease_count", Integer.class),
        rs.getBigDecimal("decrease_total"), (Integer) rs.getObject("unchanged_count", Integer.class),
        (Integer) rs.getObject("manual_count", Integer.class), rs.getBigDecimal("old_total"),
        rs.getBigDecimal("new_total"), rs.getString("decision"), rs.getString("decrease_handling"),
        rs.getString("decrease_reason"), rs.getString("decision_note"), rs.getString("reviewed_by"),
        ts(rs, "reviewed_at"), (Integer) rs.getObject("applied_count", Integer.class),
        (Integer) rs.getObject("catch_up_count", Integer.class), ts(rs, "applied_at"), ts(rs, "created_at"));
  }

  private static Instant ts(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }
}
