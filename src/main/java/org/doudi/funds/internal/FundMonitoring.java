package org.doudi.funds.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.doudi.funds.FundsRequestException;
import org.doudi.funds.MonitoringRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流向、流速、流量: per county and month, from {@code payment_ledger}, {@code payment_batch} (the approval of a month's
 * payroll is its batch's, and so is its payment when the bank's result covered the whole file) and
 * {@code payment_status_change}, in one SQL
 * statement (H2 and PostgreSQL). Months are calendar months in Asia/Shanghai; their bounds are bound as
 * timestamps so that the database never converts time zones itself.
 */
@Service
public class FundMonitoring {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** At most this many months per request (a third-party evaluation asks for a year or two). */
  public static final int MAX_MONTHS = 36;

  private final JdbcTemplate jdbc;

  public FundMonitoring(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Which counties a caller may see: {@code null} = all, otherwise county-code prefixes ("22" = the province,
   * "2201" = 长春市, "220102" = 南关区). A county filter narrows it further.
   */
  public record Scope(List<String> countyPrefixes) {
    public static Scope all() {
      return new Scope(null);
    }

    public boolean covers(String countyCode) {
      return countyPrefixes == null || countyPrefixes.stream().anyMatch(countyCode::startsWith);
    }
  }

  @Transactional(readOnly = true)
  public List<MonitoringRow> figures(YearMonth from, YearMonth to, String county, Scope scope) {
    if (from.isAfter(to)) {
      throw new FundsRequestException("起始月份不能晚于结束月份");
    }
    if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
      throw new FundsRequestException("一次最多查询" + MAX_MONTHS + "个月");
    }
    if (county != null && !county.matches("\\d{6}")) {
      throw new FundsRequestException("县级区划代码应为6位数字：" + county);
    }
    if (scope.countyPrefixes() != null && scope.countyPrefixes().isEmpty()) {
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
    String filter = filter(county, scope, filterArgs, "l");
    List<Object> batchFilterArgs = new ArrayList<>();
    String batchFilter = filter(county, scope, batchFilterArgs, "b");
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
    Map<String, String> names = countyNames();
    return jdbc.query(sql, (rs, i) -> {
      String code = rs.getString(2);
      return new MonitoringRow(YearMonth.from(rs.getDate(1).toLocalDate()), code, names.get(code),
          rs.getLong(3), money(rs.getBigDecimal(4)),
          rs.getLong(5), money(rs.getBigDecimal(6)), rs.getLong(7),
          rs.getLong(8), money(rs.getBigDecimal(9)),
          days(rs.getBigDecimal(10)), days(rs.getBigDecimal(11)));
    }, args.toArray());
  }

  private static String filter(String county, Scope scope, List<Object> args, String alias) {
    StringBuilder f = new StringBuilder();
    if (county != null) {
      f.append(" AND ").append(alias).append(".county_code = ?");
      args.add(county);
    }
    if (scope.countyPrefixes() != null) {
      f.append(" AND (");
      for (int i = 0; i < scope.countyPrefixes().size(); i++) {
        f.append(i == 0 ? "" : " OR ").append(alias).append(".county_code LIKE ?");
        args.add(scope.countyPrefixes().get(i) + "%");
      }
      f.append(")");
    }
    return f.toString();
  }

  private Map<String, String> countyNames() {
    Map<String, String> names = new HashMap<>();
    jdbc.query("SELECT code, name FROM region WHERE level = 'COUNTY'", rs -> {
      names.put(rs.getString(1), rs.getString(2));
    });
    return names;
  }

  private static BigDecimal money(BigDecimal v) {
    return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal days(BigDecimal v) {
    return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
  }
}
