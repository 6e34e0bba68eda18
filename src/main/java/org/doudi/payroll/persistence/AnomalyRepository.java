package org.doudi.payroll.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doudi.payment.BatchReview;
import org.doudi.payment.CallerSql;
import org.doudi.payroll.RosterAnomalies.Anomaly;
import org.doudi.payroll.RosterAnomalies.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The anomalies of a county's regular payroll, set-based: one statement per kind over the month's batch rows (the
 * payment module's {@link BatchReview}, which finds them by the batch's range of ids, as the differences), each
 * returning its count and one page; the details of the page's ID numbers and accounts in one more statement each. The
 * province's awards are probed by the indexes of V17_1 (payee_id_number, account_number) with the conditions this
 * class hands to the payment module: per batch row one index probe (EXISTS stops at the first other award), never a
 * scan of the province's awards per county, nor a pairwise join (a placeholder ID number shared by thousands of
 * awards stays linear).
 */
@Repository
public class AnomalyRepository {

  /** Beneficiaries listed per ID number or account; the rest are counted ({@link Anomaly#more}). */
  static final int LISTED = 10;

  /** The award a is its beneficiary's award in force on the month's first day and not a STOP (2 × the date). */
  private static final String ACTIVE = "a.change_kind <> 'STOP' AND " + AwardRepository.IN_FORCE;

  private final JdbcTemplate jdbc;
  private final BatchReview review;

  public AnomalyRepository(JdbcTemplate jdbc, BatchReview review) {
    this.jdbc = jdbc;
    this.review = review;
  }

  /** A page of one kind and the kind's count. */
  public record Page(int count, List<Anomaly> items) {}

  /**
   * ID numbers of this month's rows that are also the payee's ID number of another active award (another
   * beneficiary, or the same one in another scheme), anywhere in the province.
   */
  public Page duplicateIds(String countyCode, LocalDate month, int offset, int limit) {
    return page(countyCode, month, "payee_id_number", "EXISTS (SELECT 1 FROM benefit_award a "
        + "WHERE a.payee_id_number = n.payee_id_number "
        + "AND (a.beneficiary_key <> n.beneficiary_key OR a.scheme <> n.scheme) AND " + ACTIVE + ")", offset, limit,
        Kind.DUPLICATE_ID);
  }

  /** Accounts of this month's rows that another beneficiary's active award also pays into, anywhere. */
  public Page sharedAccounts(String countyCode, LocalDate month, int offset, int limit) {
    return page(countyCode, month, "account_number", "EXISTS (SELECT 1 FROM benefit_award a "
        + "WHERE a.account_number = n.account_number AND a.beneficiary_key <> n.beneficiary_key AND " + ACTIVE + ")",
        offset, limit, Kind.SHARED_ACCOUNT);
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

  /** A page of the values of {@code column} whose rows meet {@code exists} (over the row n), with their details. */
  private Page page(String countyCode, LocalDate month, String column, String exists, int offset, int limit,
      Kind kind) {
    Date d = Date.valueOf(month);
    BatchReview.Page<String> values = review.matchingValues(countyCode, month, column,
        new CallerSql(exists, List.of(d, d)), offset, limit);
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
}
