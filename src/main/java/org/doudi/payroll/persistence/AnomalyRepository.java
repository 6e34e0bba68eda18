package org.doudi.payroll.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doudi.payment.LedgerBulk;
import org.doudi.payroll.RosterAnomalies.Anomaly;
import org.doudi.payroll.RosterAnomalies.Kind;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The anomalies of a county's regular payroll, set-based: one statement per kind over the month's batch rows (found
 * by the batch's range of ids, as the differences are), each returning its count and one page; the details of the
 * page's ID numbers and accounts in one more statement each. The province's awards are probed by the indexes of
 * V17_1 (payee_id_number, account_number): per batch row one index probe (EXISTS stops at the first other award),
 * never a scan of the province's awards per county, nor a pairwise join (a placeholder ID number shared by thousands
 * of awards stays linear).
 */
@Repository
public class AnomalyRepository {

  /** Beneficiaries listed per ID number or account; the rest are counted ({@link Anomaly#more}). */
  static final int LISTED = 10;

  /** This month's regular payroll rows of the county: batch rows, not cancelled (alias l). */
  private static final String ROWS = "SELECT l.beneficiary_key, l.scheme, l.payee_name, l.payee_id_number, "
      + "l.account_number, l.amount FROM payment_ledger l WHERE %s AND l.status <> 'CANCELLED'";

  /** The award a is its beneficiary's award in force on the month's first day and not a STOP (2 × the date). */
  private static final String ACTIVE = "a.change_kind <> 'STOP' AND " + AwardRepository.IN_FORCE;

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public AnomalyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of one kind and the kind's count. */
  public record Page(int count, List<Anomaly> items) {}

  /**
   * ID numbers of this month's rows that are also the payee's ID number of another active award (another
   * beneficiary, or the same one in another scheme), anywhere in the province.
   */
  public Page duplicateIds(LedgerBulk.Condition now, LocalDate month, int offset, int limit) {
    String sql = "SELECT d.v, COUNT(*) OVER () FROM (SELECT DISTINCT n.payee_id_number AS v FROM ("
        + String.format(ROWS, now.sql()) + ") n WHERE EXISTS (SELECT 1 FROM benefit_award a "
        + "WHERE a.payee_id_number = n.payee_id_number "
        + "AND (a.beneficiary_key <> n.beneficiary_key OR a.scheme <> n.scheme) AND " + ACTIVE + ")) d "
        + "ORDER BY d.v OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    return page(sql, now, month, offset, limit, "payee_id_number", Kind.DUPLICATE_ID);
  }

  /** Accounts of this month's rows that another beneficiary's active award also pays into, anywhere. */
  public Page sharedAccounts(LedgerBulk.Condition now, LocalDate month, int offset, int limit) {
    String sql = "SELECT d.v, COUNT(*) OVER () FROM (SELECT DISTINCT n.account_number AS v FROM ("
        + String.format(ROWS, now.sql()) + ") n WHERE EXISTS (SELECT 1 FROM benefit_award a "
        + "WHERE a.account_number = n.account_number AND a.beneficiary_key <> n.beneficiary_key AND " + ACTIVE
        + ")) d ORDER BY d.v OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    return page(sql, now, month, offset, limit, "account_number", Kind.SHARED_ACCOUNT);
  }

  /**
   * Beneficiaries whose amount differs from last month's regular payroll by more than {@code share} of last month's
   * (both months' batch rows, joined by beneficiary and scheme). On PostgreSQL with nested loops off, as the
   * differences (the planner takes a batch's range of ids for a handful of rows).
   */
  public Page amountChanges(LedgerBulk.Condition now, LedgerBulk.Condition last, BigDecimal share, int offset,
      int limit) {
    String sql = "SELECT n.beneficiary_key, n.scheme, n.payee_name, o.amount, n.amount, COUNT(*) OVER () FROM ("
        + String.format(ROWS, now.sql()) + ") n JOIN (" + String.format(ROWS, last.sql()) + ") o "
        + "ON o.beneficiary_key = n.beneficiary_key AND o.scheme = n.scheme "
        + "WHERE ABS(n.amount - o.amount) > ? * o.amount "
        + "ORDER BY n.beneficiary_key, n.scheme OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    List<Object> args = new ArrayList<>(now.args());
    args.addAll(last.args());
    args.add(share);
    args.add(offset);
    args.add(Math.max(1, limit));
    int[] count = {0};
    List<Anomaly> items = new ArrayList<>();
    withoutNestedLoops(() -> jdbc.query(sql, rs -> {
      count[0] = rs.getInt(6);
      if (items.size() < limit) {
        BigDecimal before = rs.getBigDecimal(4);
        BigDecimal after = rs.getBigDecimal(5);
        String pct = after.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 0, RoundingMode.HALF_UP)
            .toPlainString();
        items.add(new Anomaly(Kind.AMOUNT_CHANGE, "金额较上月变化超过" + percent(share) + "：" + rs.getString(3) + "（"
            + rs.getString(1) + "，" + rs.getString(2) + "）上月 " + before + " 元，本月 " + after + " 元（"
            + (pct.startsWith("-") ? "" : "+") + pct + "%）", List.of(rs.getString(1)), List.of(before, after), 0));
      }
    }, args.toArray()));
    if (count[0] == 0 && offset > 0) {
      count[0] = countOnly(sql, args, 6, true);
    }
    return new Page(count[0], items);
  }

  private Page page(String sql, LedgerBulk.Condition now, LocalDate month, int offset, int limit, String column,
      Kind kind) {
    List<Object> args = new ArrayList<>(now.args());
    Date d = Date.valueOf(month);
    args.add(d);
    args.add(d);
    args.add(offset);
    args.add(Math.max(1, limit));
    int[] count = {0};
    List<String> values = new ArrayList<>();
    jdbc.query(sql, rs -> {
      count[0] = rs.getInt(2);
      if (values.size() < limit) {
        values.add(rs.getString(1));
      }
    }, args.toArray());
    if (count[0] == 0 && offset > 0) {
      count[0] = countOnly(sql, args, 2, false);
    }
    return new Page(count[0], values.isEmpty() ? List.of() : details(kind, column, values, month));
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

  /** The kind's count when the page lies beyond it (the window count then has no row to come with). */
  private int countOnly(String pageSql, List<Object> args, int countColumn, boolean hashJoin) {
    List<Object> a = new ArrayList<>(args);
    a.set(a.size() - 2, 0);
    a.set(a.size() - 1, 1);
    int[] n = {0};
    Runnable query = () -> jdbc.query(pageSql, rs -> {
      n[0] = rs.getInt(countColumn);
    }, a.toArray());
    if (hashJoin) {
      withoutNestedLoops(query);
    } else {
      query.run();
    }
    return n[0];
  }

  private void withoutNestedLoops(Runnable query) {
    if (postgres()) {
      jdbc.execute("SET LOCAL enable_nestloop = off");
    }
    query.run();
    // back on for the rest of the transaction (a failed statement ends it, and the setting with it)
    if (postgres()) {
      jdbc.execute("SET LOCAL enable_nestloop = on");
    }
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
