package org.doudi.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流向、流速、流量 of the ledger per county and calendar month (Asia/Shanghai), for fund monitoring (docs/funds.md):
 * read here, where the ledger is written, from {@code payment_ledger}, {@code payment_batch} (the approval of a
 * month's payroll is its batch's, and so is its payment when the bank's result covered the whole file) and
 * {@code payment_status_change}, in one SQL statement (H2 and PostgreSQL). The months' bounds are bound as
 * timestamps, so that the database never converts time zones itself.
 */
@Service
public class LedgerFlows {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * One county's month: rows approved ({@code approved_at} in the month), paid and returned (their PAID / RETURNED
   * change in the month), the distinct beneficiaries paid, and for the rows paid in the month the days from approval
   * to payment (average and maximum, unrounded; null when none had an approval time). Amounts as summed (null: none).
   */
  public record CountyMonth(YearMonth month, String countyCode, long approvedCount, BigDecimal approvedAmount,
      long paidCount, BigDecimal paidAmount, long paidBeneficiaries, long returnedCount, BigDecimal returnedAmount,
      BigDecimal avgDaysToPayment, BigDecimal maxDaysToPayment) {}

  private final JdbcTemplate jdbc;

  public LedgerFlows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The months from {@code from} to {@code to} of the counties with any movement, in order of month and county.
   *
   * @param county         one county only, or null
   * @param countyPrefixes counties whose code starts with one of these, or null for every county
   */
  @Transactional(readOnly = true)
  public List<CountyMonth> perCountyAndMonth(YearMonth from, YearMonth to, String county,
      List<String> countyPrefixes) {
    if (countyPrefixes != null && countyPrefixes.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    StringBuilder months = new StringBuilder();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      if (months.length() > 0) {
        months.append(", ");
      }
      months.append("(CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))");
      args.add(Date.valueOf(m.atDay(1)));
      args.add(Timestamp.from(m.atDay(1).atStartOfDay(ZONE).toInstant()));
      args.add(Timestamp.from(m.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant()));
    }
    List<Object> filterArgs = new ArrayList<>();
    String filter = filter(county, countyPrefixes, filterArgs, "l");
    List<Object> batchFilterArgs = new ArrayList<>();
    String batchFilter = filter(county, countyPrefixes, batchFilterArgs, "b");
    args.addAll(filterArgs);
    args.addAll(batchFilterArgs);
    args.addAll(filterArgs);
    args.addAll(batchFilterArgs);
    // approvals: each payment with its own status by its approved_at (the county/month index holds them, V13_4),
    // and each batch approved in the month for the rows still following it (its rows less those on their own)
    String detached = " FROM payment_ledger x WHERE x.county_code = b.county_code AND x.payroll_month = b.payroll_month"
        + " AND x.batch_id = b.id AND x.status <> 'BATCH'";
    String sql = "WITH m (month_start, t0, t1) AS (VALUES " + months + "), "
        + "ev AS ("
        + " SELECT m.month_start, l.county_code, 'APPROVED' AS ev_kind, 1 AS n, l.amount, l.beneficiary_key,"
        + "        CAST(NULL AS NUMERIC(18,6)) AS days"
        + " FROM payment_ledger l JOIN m ON l.approved_at >= m.t0 AND l.approved_at < m.t1"
        + " WHERE (l.batch_id IS NULL OR l.status <> 'BATCH')" + filter
        + " UNION ALL"
        + " SELECT m.month_start, b.county_code, 'APPROVED', b.row_count - (SELECT COUNT(*)" + detached + "),"
        + "        b.total_amount - (SELECT COALESCE(SUM(x.amount), 0)" + detached + "), NULL, NULL"
        + " FROM payment_batch b JOIN m ON b.approved_at >= m.t0 AND b.approved_at < m.t1"
        + " WHERE 1 = 1" + batchFilter
        + " UNION ALL"
        + " SELECT m.month_start, l.county_code, c.to_status, 1, l.amount, l.beneficiary_key,"
        + "        CASE WHEN c.to_status = 'PAID' AND l.approved_at IS NOT NULL"
        + "             THEN CAST((EXTRACT(EPOCH FROM c.changed_at) - EXTRACT(EPOCH FROM l.approved_at)) / 86400"
        + "                  AS NUMERIC(18,6)) END"
        + " FROM payment_status_change c JOIN m ON c.changed_at >= m.t0 AND c.changed_at < m.t1"
        + " JOIN payment_entry l ON l.id = c.ledger_id"
        + " WHERE c.to_status IN ('PAID', 'RETURNED')" + filter
        // a batch paid as a whole (the bank's result for its file): each row still following it, by its range of ids
        + " UNION ALL"
        + " SELECT m.month_start, l.county_code, 'PAID', 1, l.amount, l.beneficiary_key,"
        + "        CAST((EXTRACT(EPOCH FROM c.changed_at) - EXTRACT(EPOCH FROM b.approved_at)) / 86400"
        + "             AS NUMERIC(18,6))"
        + " FROM payment_status_change c JOIN m ON c.changed_at >= m.t0 AND c.changed_at < m.t1"
        + " JOIN payment_batch b ON b.id = c.batch_id"
        + " JOIN payment_ledger l ON l.batch_id = b.id AND l.id BETWEEN b.first_id AND b.last_id"
        + " AND l.status = 'BATCH'"
        + " WHERE c.to_status = 'PAID'" + batchFilter
        + ") "
        + "SELECT month_start, county_code,"
        + " SUM(CASE WHEN ev_kind = 'APPROVED' THEN n ELSE 0 END),"
        + " SUM(CASE WHEN ev_kind = 'APPROVED' THEN amount ELSE 0 END),"
        + " SUM(CASE WHEN ev_kind = 'PAID' THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN ev_kind = 'PAID' THEN amount ELSE 0 END),"
        + " COUNT(DISTINCT CASE WHEN ev_kind = 'PAID' THEN beneficiary_key END),"
        + " SUM(CASE WHEN ev_kind = 'RETURNED' THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN ev_kind = 'RETURNED' THEN amount ELSE 0 END),"
        + " AVG(days), MAX(days)"
        + " FROM ev GROUP BY month_start, county_code ORDER BY month_start, county_code";
    return jdbc.query(sql, (rs, i) -> new CountyMonth(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2),
        rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8),
        rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11)), args.toArray());
  }

  private static String filter(String county, List<String> countyPrefixes, List<Object> args, String alias) {
    StringBuilder f = new StringBuilder();
    if (county != null) {
      f.append(" AND ").append(alias).append(".county_code = ?");
      args.add(county);
    }
    if (countyPrefixes != null) {
      f.append(" AND (");
      for (int i = 0; i < countyPrefixes.size(); i++) {
        f.append(i == 0 ? "" : " OR ").append(alias).append(".county_code LIKE ?");
        args.add(countyPrefixes.get(i) + "%");
      }
      f.append(")");
    }
    return f.toString();
  }
}
