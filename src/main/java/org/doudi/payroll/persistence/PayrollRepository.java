package org.doudi.payroll.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.doudi.payroll.PayrollRun;
import org.doudi.payroll.RosterDifferences;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** payroll_run and the bulk roster SQL (benefit_award → payment_ledger). */
@Repository
public class PayrollRepository {

  static final String RUN_COLS = "id, county_code, payroll_month, status, process_instance_id, roster_count, "
      + "roster_total, approved_count, approved_total, approved_at, approved_by, created_at, created_by";

  /** Regular payroll rows (not extras): their keys start with this. */
  public static final String PAYROLL_KEY_PREFIX = "payroll:";

  private final JdbcTemplate jdbc;
  private final String rosterWorkMem;
  private volatile Boolean postgres;

  public PayrollRepository(JdbcTemplate jdbc,
      @Value("${doudi.payroll.roster-work-mem:256MB}") String rosterWorkMem) {
    this.jdbc = jdbc;
    if (!rosterWorkMem.matches("\\d{1,6}(kB|MB|GB)")) {
      throw new IllegalArgumentException("doudi.payroll.roster-work-mem must be like 256MB: " + rosterWorkMem);
    }
    this.rosterWorkMem = rosterWorkMem;
  }

  /** Inserts the run unless one exists for the county and month (the unique constraint backs this up). */
  public int insertRunIfAbsent(String countyCode, LocalDate month, Instant at, String actor) {
    return jdbc.update("INSERT INTO payroll_run (county_code, payroll_month, status, created_at, created_by) "
        + "SELECT ?, ?, 'OPEN', ?, ? FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
        + "(SELECT 1 FROM payroll_run r WHERE r.county_code = ? AND r.payroll_month = ?)",
        countyCode, Date.valueOf(month), Timestamp.from(at), actor, countyCode, Date.valueOf(month));
  }

  public Optional<PayrollRun> find(String countyCode, LocalDate month) {
    return jdbc.query("SELECT " + RUN_COLS + " FROM payroll_run WHERE county_code = ? AND payroll_month = ?",
        PayrollRepository::map, countyCode, Date.valueOf(month)).stream().findFirst();
  }

  public Optional<PayrollRun> find(long id) {
    return jdbc.query("SELECT " + RUN_COLS + " FROM payroll_run WHERE id = ?", PayrollRepository::map, id).stream()
        .findFirst();
  }

  /** The run, locked for the rest of the transaction: the steps of one run happen one after the other. */
  public Optional<PayrollRun> lock(long id) {
    return jdbc.query("SELECT " + RUN_COLS + " FROM payroll_run WHERE id = ? FOR UPDATE", PayrollRepository::map, id)
        .stream().findFirst();
  }

  public List<PayrollRun> list(String countyPrefix, LocalDate month) {
    return jdbc.query("SELECT " + RUN_COLS + " FROM payroll_run WHERE county_code LIKE ? "
        + (month == null ? "AND 1 = 1 " : "AND payroll_month = '" + month + "' ")
        + "ORDER BY payroll_month DESC, county_code FETCH FIRST 500 ROWS ONLY", PayrollRepository::map,
        countyPrefix + "%");
  }

  public void setProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE payroll_run SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  public void setRoster(long id, int count, BigDecimal total, Instant at) {
    jdbc.update("UPDATE payroll_run SET status = 'ROSTER', roster_count = ?, roster_total = ?, roster_at = ? "
        + "WHERE id = ?", count, total, Timestamp.from(at), id);
  }

  public void setApproved(long id, int count, BigDecimal total, Instant at, String actor) {
    jdbc.update("UPDATE payroll_run SET status = 'APPROVED', approved_count = ?, approved_total = ?, "
        + "approved_at = ?, approved_by = ? WHERE id = ?", count, total, Timestamp.from(at), actor, id);
  }

  public void setStatus(long id, String status) {
    jdbc.update("UPDATE payroll_run SET status = ? WHERE id = ?", status, id);
  }

  /**
   * The roster in one statement: a ledger row for every beneficiary of the county whose award in force on the month's
   * first day is not a STOP, with its current amount and account, key {@code payroll:<yyyy-MM>:<scheme>:<beneficiaryKey>},
   * in the county's batch of the month (status BATCH: it follows the batch, V12_1); keys already in the ledger are
   * skipped (NOT EXISTS, with the unique key as the backstop; the probe is left out when the month has no roster rows
   * yet). The caller holds the run's row lock and has opened the batch. Returns the rows inserted.
   */
  public int insertRoster(String countyCode, long batchId, YearMonth month, Instant at, String actor) {
    return insertRoster(java.util.Map.of(countyCode, batchId), hasRosterRows(countyCode, month.atDay(1)), month, at,
        actor);
  }

  /**
   * The same for several counties ({@code batches}: county → its batch of the month) in one statement. One county:
   * its awards by the county index, the award in force found by probing the beneficiary's later rows. Several (the
   * province): one pass over all awards, the award in force being the latest row of each beneficiary (a window over
   * all awards, so that a beneficiary who moved is paid by the county of the latest row only), on PostgreSQL with
   * {@code doudi.payroll.roster-work-mem} for the sorts. The batches are a VALUES list, not a join with payment_batch,
   * whose rows this transaction has just written and the planner would take for none. {@code probe}: skip keys
   * already in the ledger (NOT EXISTS); false when none of the counties has roster rows for the month yet. Rows go in
   * by county and key: a county's rows lie together (its review, approval and bank file read only its own pages), and
   * the month's keys (month first) are appended at the end of the key index.
   */
  public int insertRoster(java.util.Map<String, Long> batches, boolean probe, YearMonth month, Instant at,
      String actor) {
    List<String> counties = List.copyOf(new java.util.TreeSet<>(batches.keySet()));
    Date start = Date.valueOf(month.atDay(1));
    String key = "CONCAT('" + PAYROLL_KEY_PREFIX + month + ":', a.scheme, ':', a.beneficiary_key)";
    // by county, then in key order: (scheme, beneficiary) orders the keys as the month's prefix is the same for all
    // and no scheme is a prefix of another before ':'; cheaper to sort than the concatenated key
    List<Object> args = new ArrayList<>(List.of(start, Date.valueOf(month.atEndOfMonth()), start, Timestamp.from(at),
        actor));
    StringBuilder values = new StringBuilder();
    List<Object> valueArgs = new ArrayList<>();
    for (String c : counties) {
      values.append(values.length() == 0 ? "" : ", ").append("(CAST(? AS VARCHAR(6)), CAST(? AS BIGINT))");
      valueArgs.add(c);
      valueArgs.add(batches.get(c));
    }
    String batchJoin = " JOIN (VALUES " + values + ") AS pb (county_code, id) ON pb.county_code = a.county_code";
    String source;
    if (counties.size() == 1) {
      source = "benefit_award a" + batchJoin + " WHERE " + AwardRepository.IN_FORCE;
      args.addAll(valueArgs);
      args.add(start);
      args.add(start);
    } else {
      // every award of each beneficiary who has one in these counties (a mover's rows elsewhere decide too), so that
      // groups of counties running side by side do not each sort the whole province
      String in = String.join(", ", counties.stream().map(c -> "?").toList());
      source = "(SELECT w.*, ROW_NUMBER() OVER (PARTITION BY w.beneficiary_key, w.scheme ORDER BY w.seq DESC) AS rn "
          + "FROM benefit_award w WHERE w.effective_from <= ? AND w.beneficiary_key IN (SELECT m.beneficiary_key "
          + "FROM benefit_award m WHERE m.county_code IN (" + in + "))) a" + batchJoin + " WHERE a.rn = 1";
      args.add(start);
      args.addAll(counties);
      args.addAll(valueArgs);
      if (postgres()) {
        jdbc.execute("SET LOCAL work_mem = '" + rosterWorkMem + "'");
      }
    }
    int n = jdbc.update("INSERT INTO payment_ledger (idempotency_key, scheme, kind, case_ref, beneficiary_key, "
        + "payee_name, payee_id_number, county_code, region_code, period_start, period_end, amount, channel, "
        + "bank_name, account_number, payroll_month, status, batch_id, created_at, created_by) "
        + "SELECT " + key + ", a.scheme, "
        + "'PAYMENT', a.case_ref, a.beneficiary_key, a.payee_name, a.payee_id_number, a.county_code, a.region_code, "
        + "?, ?, a.monthly_amount, 'BANK', a.bank_name, a.account_number, ?, 'BATCH', pb.id, ?, ? "
        + "FROM " + source + " AND a.change_kind <> 'STOP' AND a.monthly_amount > 0"
        + (probe ? " AND NOT EXISTS (SELECT 1 FROM payment_ledger l WHERE l.idempotency_key = " + key + ")" : "")
        + " ORDER BY a.county_code, a.scheme, a.beneficiary_key", args.toArray());
    return n;
  }

  /**
   * After a province's roster (a month's rows at once): the planner's statistics must know them before the counties'
   * queries run, or it plans them for an empty table. PostgreSQL only.
   */
  public void analyzeLedger() {
    if (postgres()) {
      jdbc.execute("ANALYZE payment_ledger");
    }
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
          .equals("PostgreSQL"));
    }
    return postgres;
  }

  /** Ids of the beneficiary's payments of the county's month still awaiting approval. */
  public List<Long> openPayments(String countyCode, LocalDate month, String beneficiaryKey) {
    return jdbc.queryForList("SELECT id FROM payment_entry WHERE county_code = ? AND payroll_month = ? "
        + "AND beneficiary_key = ? AND status = 'CREATED' ORDER BY id", Long.class, countyCode, Date.valueOf(month),
        beneficiaryKey);
  }

  /**
   * Whether the county's month already has roster rows. The first roster (the usual case) then needs no NOT EXISTS
   * probe per row (the unique key stays the backstop); a repeated one skips the keys already there.
   */
  public boolean hasRosterRows(String countyCode, LocalDate month) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM payment_ledger WHERE county_code = ? "
        + "AND payroll_month = ? AND idempotency_key LIKE '" + PAYROLL_KEY_PREFIX + "%')", Boolean.class, countyCode,
        Date.valueOf(month)));
  }

  /**
   * [count, total, extras count, extras total] per county of a payroll month, not cancelled (extras: rows not from
   * the roster), in one pass over the month.
   */
  public java.util.Map<String, Object[]> totalsByCounty(List<String> counties, LocalDate month) {
    java.util.Map<String, Object[]> m = new java.util.HashMap<>();
    if (counties.isEmpty()) {
      return m;
    }
    List<Object> args = new ArrayList<>(counties);
    args.add(Date.valueOf(month));
    jdbc.query("SELECT county_code, COUNT(*), COALESCE(SUM(amount), 0), "
        + "SUM(CASE WHEN idempotency_key LIKE '" + PAYROLL_KEY_PREFIX + "%' THEN 0 ELSE 1 END), "
        + "COALESCE(SUM(CASE WHEN idempotency_key LIKE '" + PAYROLL_KEY_PREFIX + "%' THEN 0 ELSE amount END), 0) "
        + "FROM payment_ledger WHERE county_code IN (" + String.join(", ", counties.stream().map(c -> "?").toList())
        + ") AND payroll_month = ? AND status <> 'CANCELLED' GROUP BY county_code", rs -> {
          m.put(rs.getString(1), new Object[] {rs.getInt(2), rs.getBigDecimal(3).setScale(2), rs.getInt(4),
              rs.getBigDecimal(5).setScale(2)});
        }, args.toArray());
    return m;
  }

  /** [count, total] of the county's payroll month that is APPROVED (rows of an approved batch included). */
  public Object[] approvedTotals(String countyCode, LocalDate month) {
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM payment_entry WHERE county_code = ? "
        + "AND payroll_month = ? AND status = 'APPROVED'",
        (rs, i) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2).setScale(2)}, countyCode, Date.valueOf(month));
  }

  /** This month's regular payroll against last month's: new, stopped and changed beneficiaries. */
  public RosterDifferences differences(String countyCode, YearMonth month) {
    Date cur = Date.valueOf(month.atDay(1));
    Date prev = Date.valueOf(month.minusMonths(1).atDay(1));
    String base = "SELECT beneficiary_key, scheme, payee_name, amount FROM payment_ledger WHERE county_code = ? "
        + "AND payroll_month = ? AND kind = 'PAYMENT' AND status <> 'CANCELLED' AND idempotency_key LIKE '"
        + PAYROLL_KEY_PREFIX + "%'";
    String sql = "SELECT CASE WHEN p.beneficiary_key IS NULL THEN 'NEW' ELSE 'CHANGED' END AS k, c.beneficiary_key, "
        + "c.scheme, c.payee_name, p.amount AS before_amount, c.amount AS after_amount FROM (" + base + ") c "
        + "LEFT JOIN (" + base + ") p ON c.beneficiary_key = p.beneficiary_key AND c.scheme = p.scheme "
        + "WHERE p.beneficiary_key IS NULL OR c.amount <> p.amount "
        + "UNION ALL SELECT 'STOPPED', p.beneficiary_key, p.scheme, p.payee_name, p.amount, NULL FROM (" + base
        + ") p WHERE NOT EXISTS (SELECT 1 FROM payment_ledger c WHERE c.county_code = ? AND c.payroll_month = ? "
        + "AND c.beneficiary_key = p.beneficiary_key AND c.scheme = p.scheme AND c.kind = 'PAYMENT' "
        + "AND c.status <> 'CANCELLED' AND c.idempotency_key LIKE '" + PAYROLL_KEY_PREFIX + "%')";
    Object[] args = {countyCode, cur, countyCode, prev, countyCode, prev, countyCode, cur};
    // one pass without a sort: every difference counted, the first 200 (by kind and beneficiary) kept; a county's
    // first month is all new, tens of thousands of lines
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    java.util.Comparator<RosterDifferences.Line> order = java.util.Comparator.comparing(RosterDifferences.Line::kind)
        .thenComparing(RosterDifferences.Line::beneficiaryKey).thenComparing(RosterDifferences.Line::scheme);
    java.util.PriorityQueue<RosterDifferences.Line> kept = new java.util.PriorityQueue<>(order.reversed());
    jdbc.query(sql, rs -> {
      RosterDifferences.Line line = new RosterDifferences.Line(rs.getString(1), rs.getString(2), rs.getString(3),
          rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6));
      counts.merge(line.kind(), 1, Integer::sum);
      kept.add(line);
      if (kept.size() > 200) {
        kept.poll();
      }
    }, args);
    List<RosterDifferences.Line> first = new ArrayList<>(kept);
    first.sort(order);
    java.util.Map<java.time.LocalDate, Object[]> regular = new java.util.HashMap<>();
    jdbc.query("SELECT payroll_month, COUNT(*), COALESCE(SUM(amount), 0) FROM payment_ledger WHERE county_code = ? "
        + "AND payroll_month IN (?, ?) AND kind = 'PAYMENT' AND status <> 'CANCELLED' AND idempotency_key LIKE '"
        + PAYROLL_KEY_PREFIX + "%' GROUP BY payroll_month", rs -> {
          regular.put(rs.getDate(1).toLocalDate(), new Object[] {rs.getInt(2), rs.getBigDecimal(3).setScale(2)});
        }, countyCode, cur, prev);
    Object[] none = {0, BigDecimal.ZERO.setScale(2)};
    Object[] now = regular.getOrDefault(cur.toLocalDate(), none);
    Object[] last = regular.getOrDefault(prev.toLocalDate(), none);
    return new RosterDifferences((int) now[0], (BigDecimal) now[1], (int) last[0], (BigDecimal) last[1],
        counts.getOrDefault("NEW", 0), counts.getOrDefault("STOPPED", 0), counts.getOrDefault("CHANGED", 0), first);
  }

  static PayrollRun map(ResultSet rs, int i) throws SQLException {
    int rc = rs.getInt("roster_count");
    Integer rosterCount = rs.wasNull() ? null : rc;
    int ac = rs.getInt("approved_count");
    Integer approvedCount = rs.wasNull() ? null : ac;
    Timestamp approvedAt = rs.getTimestamp("approved_at");
    return new PayrollRun(rs.getLong("id"), rs.getString("county_code"),
        YearMonth.from(rs.getDate("payroll_month").toLocalDate()), rs.getString("status"),
        rs.getString("process_instance_id"), rosterCount, rs.getBigDecimal("roster_total"), approvedCount,
        rs.getBigDecimal("approved_total"), approvedAt == null ? null : approvedAt.toInstant(),
        rs.getString("approved_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
  }
}
