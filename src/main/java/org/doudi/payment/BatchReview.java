package org.doudi.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a county's reviewer reads from its regular payroll of a month (the rows written with the county's batch, not
 * cancelled), set-based, for the payroll's review task: the differences to another month, large amount changes, the
 * rows' ID numbers or accounts that meet a condition of the caller's (the payroll's probes of its awards), and a
 * beneficiary's open payments. Each read is one statement over the batch's rows, found by the batch's range of ids
 * ({@link BatchRows#batchRows}); only counts and a page leave the database. Joins the caller's transaction.
 */
@Service
@Transactional(readOnly = true)
public class BatchReview {

  /** A page of what matched, and how many matched in all. */
  public record Page<T>(int count, List<T> items) {}

  /** One difference: kind NEW, STOPPED or CHANGED; amounts null where absent. */
  public record Difference(String kind, String beneficiaryKey, String scheme, String payeeName, BigDecimal before,
      BigDecimal after) {}

  /** The differences of one month's batch rows to another's: each kind counted, the first ones listed. */
  public record Differences(Map<String, Integer> counts, List<Difference> first) {}

  /** A beneficiary whose amount changed from one month's batch rows to another's. */
  public record Change(String beneficiaryKey, String scheme, String payeeName, BigDecimal before, BigDecimal after) {}

  /** The columns {@link #matchingValues} lists. */
  public static final Set<String> VALUE_COLUMNS = Set.of("payee_id_number", "account_number");

  /**
   * The batch rows as {@link #matchingValues} and {@link #amountChanges} see them (aliases n and o): beneficiary_key,
   * scheme, payee_name, payee_id_number, account_number, amount.
   */
  private static final String ROWS = "SELECT l.beneficiary_key, l.scheme, l.payee_name, l.payee_id_number, "
      + "l.account_number, l.amount FROM payment_ledger l WHERE %s AND l.status <> 'CANCELLED'";

  private final JdbcTemplate jdbc;
  private final BatchRows where;
  private volatile Boolean postgres;

  public BatchReview(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.where = new BatchRows(jdbc);
  }

  /**
   * The county's batch rows of {@code payrollMonth} against those of {@code previousMonth}: new, stopped and changed
   * beneficiaries (by beneficiary and scheme), counted, and the first {@code limit} by kind and beneficiary. One
   * statement: each month's rows by their batch's range of ids, compared by hash joins; only the counts and the first
   * lines leave the database (reading both months into the application cost about twice as much). On PostgreSQL the
   * planner takes a batch's range of ids for a handful of rows and would probe one month for every row of the other
   * (quadratic), so nested loops are off for this statement.
   */
  public Differences differences(String countyCode, LocalDate payrollMonth, LocalDate previousMonth, int limit) {
    BatchRows.Condition now = where.batchRows(countyCode, payrollMonth);
    BatchRows.Condition last = where.batchRows(countyCode, previousMonth);
    String rows = "SELECT l.beneficiary_key, l.scheme, l.payee_name, l.amount FROM payment_ledger l WHERE %s "
        + "AND l.status <> 'CANCELLED'";
    // at most one row per beneficiary and scheme a month (the key is unique)
    String sql = "WITH n AS (" + String.format(rows, now.sql()) + "), o AS (" + String.format(rows, last.sql())
        + "), d AS (SELECT CASE WHEN o.amount IS NULL THEN 'NEW' ELSE 'CHANGED' END AS kind, n.beneficiary_key, "
        + "n.scheme, n.payee_name, o.amount AS before, n.amount AS after FROM n LEFT JOIN o "
        + "ON o.beneficiary_key = n.beneficiary_key AND o.scheme = n.scheme "
        + "WHERE o.amount IS NULL OR o.amount <> n.amount "
        + "UNION ALL SELECT 'STOPPED', o.beneficiary_key, o.scheme, o.payee_name, o.amount, NULL FROM o "
        + "WHERE NOT EXISTS (SELECT 1 FROM n WHERE n.beneficiary_key = o.beneficiary_key AND n.scheme = o.scheme)) "
        + "SELECT kind, CAST(NULL AS VARCHAR(64)), CAST(NULL AS VARCHAR(30)), CAST(NULL AS VARCHAR(50)), "
        + "CAST(NULL AS NUMERIC(12,2)), CAST(NULL AS NUMERIC(12,2)), COUNT(*) FROM d GROUP BY kind "
        + "UNION ALL SELECT * FROM (SELECT kind, beneficiary_key, scheme, payee_name, before, after, "
        + "CAST(NULL AS BIGINT) FROM d ORDER BY kind, beneficiary_key, scheme FETCH FIRST " + Math.max(0, limit)
        + " ROWS ONLY) f";
    List<Object> args = new ArrayList<>(now.args());
    args.addAll(last.args());
    Map<String, Integer> counts = new HashMap<>();
    List<Difference> first = new ArrayList<>();
    withoutNestedLoops(() -> jdbc.query(sql, rs -> {
      if (rs.getString(2) == null) {
        counts.put(rs.getString(1), rs.getInt(7));
      } else {
        first.add(new Difference(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6)));
      }
    }, args.toArray()));
    first.sort(java.util.Comparator.comparing(Difference::kind).thenComparing(Difference::beneficiaryKey)
        .thenComparing(Difference::scheme));
    return new Differences(counts, first);
  }

  /**
   * Beneficiaries whose amount in the county's batch rows of {@code payrollMonth} differs from {@code previousMonth}'s
   * by more than {@code share} of the earlier amount (joined by beneficiary and scheme), by beneficiary and scheme, a
   * page from {@code offset} of at most {@code limit} (0: only the count). Nested loops off on PostgreSQL, as for the
   * differences.
   */
  public Page<Change> amountChanges(String countyCode, LocalDate payrollMonth, LocalDate previousMonth,
      BigDecimal share, int offset, int limit) {
    BatchRows.Condition now = where.batchRows(countyCode, payrollMonth);
    BatchRows.Condition last = where.batchRows(countyCode, previousMonth);
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
    List<Change> items = new ArrayList<>();
    withoutNestedLoops(() -> jdbc.query(sql, rs -> {
      count[0] = rs.getInt(6);
      if (items.size() < limit) {
        items.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
            rs.getBigDecimal(5)));
      }
    }, args.toArray()));
    if (count[0] == 0 && offset > 0) {
      count[0] = countOnly(sql, args, 6, true);
    }
    return new Page<>(count[0], items);
  }

  /**
   * The distinct values of {@code column} ({@link #VALUE_COLUMNS}) among the county's batch rows of the month that
   * meet the caller's {@code condition}, in order, a page from {@code offset} of at most {@code limit} (0: only the
   * count), with how many there are. The condition is SQL over the caller's own tables that may refer to the row as
   * {@code n} with the columns beneficiary_key, scheme, payee_name, payee_id_number, account_number, amount (the
   * payroll: an EXISTS probe of its awards by an index, once per row).
   */
  public Page<String> matchingValues(String countyCode, LocalDate payrollMonth, String column, CallerSql condition,
      int offset, int limit) {
    if (!VALUE_COLUMNS.contains(column)) {
      throw new IllegalArgumentException("not a listed column: " + column);
    }
    BatchRows.Condition now = where.batchRows(countyCode, payrollMonth);
    String sql = "SELECT d.v, COUNT(*) OVER () FROM (SELECT DISTINCT n." + column + " AS v FROM ("
        + String.format(ROWS, now.sql()) + ") n WHERE " + condition.sql() + ") d "
        + "ORDER BY d.v OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    List<Object> args = new ArrayList<>(now.args());
    args.addAll(condition.args());
    args.add(offset);
    args.add(Math.max(1, limit));
    int[] count = {0};
    List<String> values = new ArrayList<>();
    // a hash (semi-)join of the county's rows with what the condition names: the planner takes a freshly written
    // short list (the payroll's month's sets) for one row and would read the county's rows once per value of it
    withoutNestedLoops(() -> jdbc.query(sql, rs -> {
      count[0] = rs.getInt(2);
      if (values.size() < limit) {
        values.add(rs.getString(1));
      }
    }, args.toArray()));
    if (count[0] == 0 && offset > 0) {
      count[0] = countOnly(sql, args, 2, true);
    }
    return new Page<>(count[0], values);
  }

  /** Ids of the beneficiary's payments of the county's payroll month still awaiting approval (CREATED). */
  public List<Long> openPayments(String countyCode, LocalDate payrollMonth, String beneficiaryKey) {
    BatchRows.Condition monthRows = where.monthRows(countyCode, payrollMonth);
    List<Object> args = new ArrayList<>(monthRows.args());
    args.add(beneficiaryKey);
    return jdbc.queryForList("SELECT l.id FROM payment_entry l WHERE " + monthRows.sql() + " AND l.beneficiary_key = ? "
        + "AND l.status = 'CREATED' ORDER BY l.id", Long.class, args.toArray());
  }

  /** The count when the page lies beyond it (the window count then has no row to come with). */
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

  private boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
          .equals("PostgreSQL"));
    }
    return postgres;
  }
}
