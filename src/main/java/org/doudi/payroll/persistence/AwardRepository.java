package org.doudi.payroll.persistence;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.doudi.payment.CallerSql;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** benefit_award (V10_1): insert and read only. */
@Repository
public class AwardRepository {

  static final String COLS = "id, beneficiary_key, scheme, seq, change_kind, case_ref, county_code, region_code, "
      + "urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, monthly_amount, "
      + "effective_from, reason, decided_by, created_at";

  /**
   * The row in force in a month for each beneficiary: the latest (highest seq) effective by the month's first day.
   * Parameters: the first day, twice. The one statement of the rule: every read of awards in force uses it (the
   * roster insert, {@link #inForce}, {@link #activeIn}, {@link #streamActive}); no other module reads benefit_award.
   * {@code b.seq > 1} follows from {@code b.seq > a.seq} (seq starts at 1, V13_6) and lets PostgreSQL hash only the
   * changes for a whole province.
   */
  public static final String IN_FORCE = "a.effective_from <= ? AND NOT EXISTS (SELECT 1 FROM benefit_award b "
      + "WHERE b.beneficiary_key = a.beneficiary_key AND b.scheme = a.scheme AND b.seq > a.seq AND b.seq > 1 "
      + "AND b.effective_from <= ?)";

  /**
   * What the month's roster pays (docs/payroll.md "Roster"): every award in force on the month's first day that is
   * not a STOP, with {@link org.doudi.payment.LedgerBulk#ROSTER_COLUMNS}; the payment module writes the ledger rows
   * around it in one statement ({@link org.doudi.payment.LedgerBulk#insertRoster}), its batches choosing the
   * counties. Global, not per county, so that a beneficiary who moved is paid by the county of the award in force
   * only; for a province a hash anti-join of the awards with their later changes (rows with seq &gt; 1, a tenth of the
   * table), for one county its awards by the county index and a probe of the beneficiary's later rows.
   */
  public static CallerSql payable(LocalDate month) {
    Date start = Date.valueOf(month);
    return new CallerSql("SELECT a.county_code, a.scheme, a.beneficiary_key, a.case_ref, a.payee_name, "
        + "a.payee_id_number, a.region_code, a.monthly_amount AS amount, a.bank_name, a.account_number "
        + "FROM benefit_award a WHERE " + IN_FORCE + " AND a.change_kind <> 'STOP'", List.of(start, start));
  }

  private static final String A_COLS = COLS.replaceAll("(^|, )", "$1a.");

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;

  public AwardRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("benefit_award").usingGeneratedKeyColumns("id");
  }

  public long insert(AwardRow r) {
    Map<String, Object> m = new HashMap<>();
    m.put("beneficiary_key", r.beneficiaryKey());
    m.put("scheme", r.scheme().name());
    m.put("seq", r.seq());
    m.put("change_kind", r.changeKind().name());
    m.put("case_ref", r.caseRef());
    m.put("county_code", r.countyCode());
    m.put("region_code", r.regionCode());
    m.put("urban_rural", r.urbanRural());
    m.put("member_count", r.memberCount());
    m.put("payee_name", r.payeeName());
    m.put("payee_id_number", r.payeeIdNumber());
    m.put("bank_name", r.bankName());
    m.put("account_number", r.accountNumber());
    m.put("monthly_amount", r.monthlyAmount());
    m.put("effective_from", Date.valueOf(r.effectiveFrom()));
    m.put("reason", r.reason());
    m.put("decided_by", r.decidedBy());
    m.put("created_at", Timestamp.from(r.createdAt()));
    return insert.executeAndReturnKey(m).longValue();
  }

  public void insertCovered(long awardId, List<org.doudi.register.Person> persons) {
    jdbc.batchUpdate("INSERT INTO benefit_award_person (award_id, id_number, person_name) VALUES (?, ?, ?)",
        persons.stream().map(p -> new Object[] {awardId, p.idNumber(), p.name()}).toList());
  }

  /** The covered persons of the beneficiary's latest GRANT. */
  public List<org.doudi.register.Person> covered(String beneficiaryKey, Scheme scheme) {
    return jdbc.query("SELECT p.id_number, p.person_name FROM benefit_award_person p JOIN benefit_award a "
        + "ON a.id = p.award_id WHERE a.beneficiary_key = ? AND a.scheme = ? AND a.seq = (SELECT MAX(g.seq) "
        + "FROM benefit_award g WHERE g.beneficiary_key = a.beneficiary_key AND g.scheme = a.scheme "
        + "AND g.change_kind = 'GRANT') ORDER BY p.id_number",
        (rs, i) -> new org.doudi.register.Person(rs.getString(1), rs.getString(2)), beneficiaryKey, scheme.name());
  }

  public AwardRow byId(long id) {
    return jdbc.queryForObject("SELECT " + COLS + " FROM benefit_award WHERE id = ?", AwardRepository::map, id);
  }

  public Optional<AwardRow> latest(String beneficiaryKey, Scheme scheme) {
    return jdbc.query("SELECT " + COLS + " FROM benefit_award WHERE beneficiary_key = ? AND scheme = ? "
        + "ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY", AwardRepository::map, beneficiaryKey, scheme.name())
        .stream().findFirst();
  }

  public Optional<AwardRow> inForce(String beneficiaryKey, Scheme scheme, LocalDate monthStart) {
    Date d = Date.valueOf(monthStart);
    return jdbc.query("SELECT " + A_COLS + " FROM benefit_award a WHERE a.beneficiary_key = ? AND a.scheme = ? AND "
        + IN_FORCE, AwardRepository::map, beneficiaryKey, scheme.name(), d, d).stream().findFirst();
  }

  public List<AwardRow> activeIn(Scheme scheme, String countyCode, LocalDate monthStart) {
    Date d = Date.valueOf(monthStart);
    return jdbc.query("SELECT " + A_COLS + " FROM benefit_award a WHERE a.scheme = ? "
        + "AND a.county_code = ? AND a.change_kind <> 'STOP' AND " + IN_FORCE + " ORDER BY a.beneficiary_key",
        AwardRepository::map, scheme.name(), countyCode, d, d);
  }

  /**
   * The awards in force and not stopped in the month, of the schemes, whose county code starts with one of
   * {@code countyPrefixes} or whose region is one of {@code regionCodes}, in order of beneficiary and scheme, to
   * {@code rows} one by one as the database hands them over ({@code fetch} at a time: a province's awards never sit
   * in memory at once). Joins the caller's transaction (PostgreSQL streams only inside one), in which {@code rows}
   * may run statements of its own between two fetches.
   */
  public void streamActive(LocalDate monthStart, Collection<Scheme> schemes, Collection<String> countyPrefixes,
      Collection<String> regionCodes, int fetch, Consumer<AwardRow> rows) {
    if (schemes.isEmpty() || countyPrefixes.isEmpty() && regionCodes.isEmpty()) {
      return;
    }
    Date d = Date.valueOf(monthStart);
    List<Object> args = new ArrayList<>();
    schemes.forEach(s -> args.add(s.name()));
    List<String> places = new ArrayList<>();
    countyPrefixes.forEach(p -> {
      places.add("a.county_code LIKE ?");
      args.add(p + "%");
    });
    if (!regionCodes.isEmpty()) {
      places.add("a.region_code IN (" + String.join(", ", Collections.nCopies(regionCodes.size(), "?")) + ")");
      args.addAll(regionCodes);
    }
    args.add(d);
    args.add(d);
    String sql = "SELECT " + A_COLS + " FROM benefit_award a WHERE a.scheme IN ("
        + String.join(", ", Collections.nCopies(schemes.size(), "?")) + ") AND (" + String.join(" OR ", places)
        + ") AND a.change_kind <> 'STOP' AND " + IN_FORCE + " ORDER BY a.beneficiary_key, a.scheme";
    jdbc.query(c -> {
      PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      ps.setFetchSize(fetch);
      new ArgumentPreparedStatementSetter(args.toArray()).setValues(ps);
      return ps;
    }, (RowCallbackHandler) rs -> rows.accept(map(rs, 0)));
  }

  /** Every row of every award (beneficiary and scheme) that one of whose rows this case wrote, by award and seq. */
  public List<AwardRow> ofCase(String caseRef) {
    return jdbc.query("SELECT " + A_COLS + " FROM benefit_award a WHERE EXISTS (SELECT 1 FROM benefit_award c "
        + "WHERE c.case_ref = ? AND c.beneficiary_key = a.beneficiary_key AND c.scheme = a.scheme) "
        + "ORDER BY a.scheme, a.beneficiary_key, a.seq", AwardRepository::map, caseRef);
  }

  public List<AwardRow> history(String beneficiaryKey, Scheme scheme) {
    return jdbc.query("SELECT " + COLS + " FROM benefit_award WHERE beneficiary_key = ? AND scheme = ? ORDER BY seq",
        AwardRepository::map, beneficiaryKey, scheme.name());
  }

  /** Award rows per county (all changes, so a county's share of the work), by county code. */
  public java.util.Map<String, Integer> countsByCounty() {
    java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
    jdbc.query("SELECT county_code, COUNT(*) FROM benefit_award GROUP BY county_code ORDER BY county_code", rs -> {
      m.put(rs.getString(1), rs.getInt(2));
    });
    return m;
  }

  public List<String> counties() {
    return jdbc.queryForList("SELECT DISTINCT county_code FROM benefit_award ORDER BY county_code", String.class);
  }

  static AwardRow map(ResultSet rs, int i) throws SQLException {
    int m = rs.getInt("member_count");
    Integer members = rs.wasNull() ? null : m;
    return new AwardRow(rs.getLong("id"), rs.getString("beneficiary_key"), Scheme.valueOf(rs.getString("scheme")),
        rs.getInt("seq"), AwardRow.ChangeKind.valueOf(rs.getString("change_kind")), rs.getString("case_ref"),
        rs.getString("county_code"), rs.getString("region_code"), rs.getString("urban_rural"),
        members, rs.getString("payee_name"), rs.getString("payee_id_number"),
        rs.getString("bank_name"), rs.getString("account_number"), rs.getBigDecimal("monthly_amount"),
        rs.getDate("effective_from").toLocalDate(), rs.getString("reason"), rs.getString("decided_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
