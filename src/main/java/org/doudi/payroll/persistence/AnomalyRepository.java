package org.doudi.payroll.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.payment.BatchReview;
import org.doudi.payment.CallerSql;
import org.doudi.payroll.RosterAnomalies.Anomaly;
import org.doudi.payroll.RosterAnomalies.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The anomalies of a county's regular payroll, set-based: one statement per kind over the month's batch rows (the
 * payment module's {@link BatchReview}, which finds them by the batch's range of ids, as the differences), each
 * returning its count and one page; the details of the page's ID numbers and accounts in one more statement each. The
 * province-wide kinds (duplicate ID numbers, shared accounts) are computed once a month for the whole province from
 * the awards in force ({@link #refreshSets}: two GROUP BYs, kept in payroll_anomaly_set, V18_1) and each county's rows
 * are matched with that short list (the condition this class hands to the payment module); the sets are recomputed
 * when an award row effective by the month is written after them (the stamp of payroll_award_stamp, kept by triggers
 * on benefit_award, V18_2). The details of the page's values read the awards by the indexes of V17_1.
 */
@Repository
public class AnomalyRepository {

  /** Beneficiaries listed per ID number or account; the rest are counted ({@link Anomaly#more}). */
  static final int LISTED = 10;

  /** The award a is its beneficiary's award in force on the month's first day and not a STOP (2 × the date). */
  private static final String ACTIVE = "a.change_kind <> 'STOP' AND " + AwardRepository.IN_FORCE;

  /**
   * The province-wide sets leave out the awards paid beside a basic-living benefit ({@link
   * org.doudi.payment.Scheme#alongsideBasicLiving}: the disability subsidies): a person on 低保 with a disability
   * subsidy, paid into the household's account, is one person and one account by design.
   */
  private static final String SET_SCOPE = " AND a.scheme NOT IN (" + String.join(", ",
      java.util.Arrays.stream(org.doudi.payment.Scheme.values())
          .filter(org.doudi.payment.Scheme::alongsideBasicLiving).map(s -> "'" + s.name() + "'").toList()) + ")";

  /**
   * The month's set of one kind from the province's awards in force (H2): its value (%1$s), and what makes it an
   * anomaly (%2$s) among the awards of that value. Parameters: the month, the kind, the first day twice.
   */
  private static final String SET = "INSERT INTO payroll_anomaly_set (payroll_month, kind, shared_value) "
      + "SELECT CAST(? AS DATE), ?, a.%1$s FROM benefit_award a WHERE " + ACTIVE + SET_SCOPE
      + " GROUP BY a.%1$s HAVING %2$s";

  /**
   * PostgreSQL: both sets in one pass over the province's awards in force, grouped first by 64-bit hashes of the ID
   * number and the account (sorts of a million bigints, 25 MB each; hashing a million texts into groups took 160–240
   * MB and about twice the time) and then, for the few rows whose hash is not unique, by the values themselves: as
   * exact as {@link #SET}, a collision only adds rows to the second grouping. Parameters: the first day twice
   * ({@link #ACTIVE}), then the month twice.
   */
  private static final String SETS_POSTGRES = "INSERT INTO payroll_anomaly_set (payroll_month, kind, shared_value) "
      + "WITH f AS MATERIALIZED (SELECT a.payee_id_number, a.account_number, a.beneficiary_key, "
      + "hashtextextended(a.payee_id_number, 0) AS hi, hashtextextended(a.account_number, 0) AS ha "
      + "FROM benefit_award a WHERE " + ACTIVE + SET_SCOPE + "), "
      + "ci AS (SELECT hi FROM f GROUP BY hi HAVING COUNT(*) > 1), "
      + "ca AS (SELECT ha FROM f GROUP BY ha HAVING COUNT(*) > 1) "
      + "SELECT CAST(? AS DATE), 'DUPLICATE_ID', payee_id_number FROM f WHERE hi IN (SELECT hi FROM ci) "
      + "GROUP BY payee_id_number HAVING COUNT(*) > 1 "
      + "UNION ALL SELECT CAST(? AS DATE), 'SHARED_ACCOUNT', account_number FROM f WHERE ha IN (SELECT ha FROM ca) "
      + "GROUP BY account_number HAVING MIN(beneficiary_key) <> MAX(beneficiary_key)";

  private final JdbcTemplate jdbc;
  private final BatchReview review;
  private final String workMem;
  private volatile Boolean postgres;

  public AnomalyRepository(JdbcTemplate jdbc, BatchReview review,
      @Value("${doudi.payroll.roster-work-mem:256MB}") String workMem) {
    this.jdbc = jdbc;
    this.review = review;
    this.workMem = workMem;
  }

  /** A page of one kind and the kind's count. */
  public record Page(int count, List<Anomaly> items) {}

  /**
   * The month's stamp: award rows written (inserted, changed, deleted) effective by its first day. It grows with
   * every change of the awards in force in the month, and only with those.
   */
  public long awardStamp(LocalDate month) {
    return jdbc.queryForObject("SELECT COALESCE(SUM(changes), 0) FROM payroll_award_stamp WHERE effective_from <= ?",
        Long.class, Date.valueOf(month));
  }

  /** The stamp the month's sets were computed at; empty when they never were. */
  public Optional<Long> setsStamp(LocalDate month) {
    return jdbc.queryForList("SELECT award_stamp FROM payroll_anomaly_month WHERE payroll_month = ?", Long.class,
        Date.valueOf(month)).stream().findFirst().filter(s -> s >= 0);
  }

  /**
   * Makes the month's province-wide sets current, in the caller's (writable) transaction: nothing when they were
   * computed at the current stamp. Otherwise the month's row is locked (concurrent reviews wait, then find them
   * current), the stamp read again and then the sets computed: an award committed after that read raises the stamp,
   * so the sets are recomputed by the next review rather than kept without it. Returns the milliseconds spent
   * computing them, 0 when they were current.
   */
  public long refreshSets(LocalDate month) {
    Date d = Date.valueOf(month);
    if (setsStamp(month).filter(s -> s == awardStamp(month)).isPresent()) {
      return 0;
    }
    jdbc.update(postgres()
        ? "INSERT INTO payroll_anomaly_month (payroll_month, award_stamp) VALUES (?, -1) "
            + "ON CONFLICT (payroll_month) DO NOTHING"
        : "MERGE INTO payroll_anomaly_month m USING (VALUES (CAST(? AS DATE))) AS w (d) ON m.payroll_month = w.d "
            + "WHEN NOT MATCHED THEN INSERT (payroll_month, award_stamp) VALUES (w.d, -1)", d);
    long computedAt = jdbc.queryForObject("SELECT award_stamp FROM payroll_anomaly_month WHERE payroll_month = ? "
        + "FOR UPDATE", Long.class, d);
    long stamp = awardStamp(month);
    if (computedAt == stamp) {
      return 0; // another review computed them while this one waited
    }
    long t0 = System.nanoTime();
    jdbc.update("DELETE FROM payroll_anomaly_set WHERE payroll_month = ?", d);
    if (postgres()) {
      // the awards in force and their sorts in memory, as the roster's selection; sorted, not hashed, groups
      jdbc.execute("SET LOCAL work_mem = '" + workMem + "'");
      jdbc.execute("SET LOCAL enable_hashagg = off");
      jdbc.update(SETS_POSTGRES, d, d, d, d);
      jdbc.execute("SET LOCAL work_mem TO DEFAULT");
      jdbc.execute("SET LOCAL enable_hashagg TO DEFAULT");
    } else {
      // one award in force per beneficiary and scheme: two of them with one ID number are two households, or one
      // household in two schemes (低保 and 特困)
      jdbc.update(String.format(SET, "payee_id_number", "COUNT(*) > 1"), d, Kind.DUPLICATE_ID.name(), d, d);
      // two beneficiaries (not one household's two schemes) paid into one account; MIN <> MAX rather than
      // COUNT(DISTINCT), which PostgreSQL can only sort for
      jdbc.update(String.format(SET, "account_number", "MIN(a.beneficiary_key) <> MAX(a.beneficiary_key)"), d,
          Kind.SHARED_ACCOUNT.name(), d, d);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    jdbc.update("UPDATE payroll_anomaly_month SET award_stamp = ?, computed_at = ?, millis = ? WHERE payroll_month = ?",
        stamp, Timestamp.from(java.time.Instant.now()), millis, d);
    return millis;
  }

  /**
   * ID numbers of this month's rows that are also the payee's ID number of another active award (another
   * beneficiary, or the same one in another scheme), anywhere in the province.
   */
  public Page duplicateIds(String countyCode, LocalDate month, int offset, int limit) {
    return page(countyCode, month, "payee_id_number", offset, limit, Kind.DUPLICATE_ID);
  }

  /** Accounts of this month's rows that another beneficiary's active award also pays into, anywhere. */
  public Page sharedAccounts(String countyCode, LocalDate month, int offset, int limit) {
    return page(countyCode, month, "account_number", offset, limit, Kind.SHARED_ACCOUNT);
  }

  /**
   * Beneficiaries whose amount differs from last month's regular payroll by more than {@code share} of last month's
   * (both months' batch rows, joined by beneficiary and scheme).
   */
  public Page amountChanges(String countyCode, LocalDate month, BigDecimal share, int offset, int limit) {
    BatchReview.Page<BatchReview.Change> changes = review.amountChanges(countyCode, month, month.minusMonths(1),
        share, offset, limit);
    List<Anomaly> items = new ArrayList<>();
    for (BatchReview.Change c : changes.items()) {
      String pct = c.after().subtract(c.before()).multiply(BigDecimal.valueOf(100))
          .divide(c.before(), 0, RoundingMode.HALF_UP).toPlainString();
      items.add(new Anomaly(Kind.AMOUNT_CHANGE, "金额较上月变化超过" + percent(share) + "：" + c.payeeName() + "（"
          + c.beneficiaryKey() + "，" + c.scheme() + "）上月 " + c.before() + " 元，本月 " + c.after() + " 元（"
          + (pct.startsWith("-") ? "" : "+") + pct + "%）", List.of(c.beneficiaryKey()), List.of(c.before(),
          c.after()), 0));
    }
    return new Page(changes.count(), items);
  }

  /**
   * A page of the values of {@code column} of the county's rows (row n) that are in the month's set of the kind
   * ({@link #refreshSets} first), with their details.
   */
  private Page page(String countyCode, LocalDate month, String column, int offset, int limit, Kind kind) {
    Date d = Date.valueOf(month);
    BatchReview.Page<String> values = review.matchingValues(countyCode, month, column,
        new CallerSql("EXISTS (SELECT 1 FROM payroll_anomaly_set s WHERE s.shared_value = n." + column
            + " AND s.payroll_month = ? AND s.kind = ?)", List.of(d, kind.name())), offset, limit);
    return new Page(values.count(), values.items().isEmpty() ? List.of()
        : details(kind, column, values.items(), month));
  }

  /** The active awards of the page's ID numbers or accounts, the first {@link #LISTED} of each, and how many. */
  private List<Anomaly> details(Kind kind, String column, List<String> values, LocalDate month) {
    String in = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    String sql = "SELECT v, beneficiary_key, scheme, county_code, payee_name, monthly_amount, k FROM ("
        + "SELECT a." + column + " AS v, a.beneficiary_key, a.scheme, a.county_code, a.payee_name, a.monthly_amount, "
        + "ROW_NUMBER() OVER (PARTITION BY a." + column + " ORDER BY a.beneficiary_key, a.scheme) AS r, "
        + "COUNT(*) OVER (PARTITION BY a." + column + ") AS k FROM benefit_award a WHERE a." + column + " IN (" + in
        + ") AND " + ACTIVE + ") x WHERE r <= " + LISTED + " ORDER BY v, beneficiary_key, scheme";
    List<Object> args = new ArrayList<>(values);
    Date d = Date.valueOf(month);
    args.add(d);
    args.add(d);
    Map<String, List<Object[]>> byValue = new LinkedHashMap<>();
    values.forEach(v -> byValue.put(v, new ArrayList<>()));
    jdbc.query(sql, rs -> {
      byValue.get(rs.getString(1)).add(new Object[] {rs.getString(2), rs.getString(3), rs.getString(4),
          rs.getString(5), rs.getBigDecimal(6), rs.getInt(7)});
    }, args.toArray());
    List<Anomaly> out = new ArrayList<>();
    byValue.forEach((v, rows) -> {
      int all = rows.isEmpty() ? 0 : (int) rows.get(0)[5];
      List<String> keys = new ArrayList<>();
      List<BigDecimal> amounts = new ArrayList<>();
      StringBuilder b = new StringBuilder(kind == Kind.DUPLICATE_ID ? "身份证号 " : "银行账号 ").append(v)
          .append(kind == Kind.DUPLICATE_ID ? " 有 " + all + " 份有效待遇：" : " 用于不同家庭的 " + all + " 份有效待遇：");
      for (int i = 0; i < rows.size(); i++) {
        Object[] r = rows.get(i);
        keys.add((String) r[0]);
        amounts.add((BigDecimal) r[4]);
        b.append(i == 0 ? "" : "、").append(r[0]).append("（").append(r[3]).append("，").append(r[2]).append(" ")
            .append(r[1]).append("，").append(r[4]).append(" 元）");
      }
      if (all > rows.size()) {
        b.append("等");
      }
      out.add(new Anomaly(kind, b.toString(), List.copyOf(keys), List.copyOf(amounts), Math.max(0, all - rows.size())));
    });
    return out;
  }

  static String percent(BigDecimal share) {
    return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
          .equals("PostgreSQL"));
    }
    return postgres;
  }
}
