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
import java.util.Map;
import java.util.Optional;
import org.doudi.payment.LedgerBulk;
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
  /** Ids in a roster statement's block (V13_5). */
  static final long ROSTER_BLOCK = 1L << 24;

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

  /** The county's latest payroll month from {@code from} on whose run is approved (or further), if any. */
  public Optional<LocalDate> lastApprovedFrom(String countyCode, LocalDate from) {
    Date last = jdbc.queryForObject("SELECT MAX(payroll_month) FROM payroll_run WHERE county_code = ? "
        + "AND payroll_month >= ? AND status NOT IN ('OPEN', 'ROSTER')", Date.class, countyCode, Date.valueOf(from));
    return Optional.ofNullable(last).map(Date::toLocalDate);
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
   * yet). The caller holds the run's row lock and has opened the batch. Returns the rows inserted (per batch).
   */
  public Map<Long, LedgerBulk.Added> insertRoster(String countyCode, long batchId, YearMonth month, Instant at,
      String actor) {
    return insertRoster(Map.of(countyCode, batchId), hasRosterRows(countyCode, month.atDay(1)), month, at, actor);
  }

  /**
   * The same for several counties ({@code batches}: county → its batch of the month) in one statement: one pass over
   * the awards, the award in force by {@link AwardRepository#IN_FORCE} (for a province a hash anti-join with the
   * awards' later changes; for one county its awards by the county index and a probe of the beneficiary's later
   * rows), on PostgreSQL with {@code doudi.payroll.roster-work-mem} for the hash and the sort. The batches are a VALUES
   * list, not a join with payment_batch, whose rows this transaction has just written and the planner would take for
   * none. {@code probe}: skip keys already in the ledger (NOT EXISTS); false when none of the counties has roster rows
   * for the month yet. Rows go in by county, with ids from the statement's own block (V13_5): a county's rows lie
   * together in the table and in one range of ids (its review, approval and bank file read only its own pages); only
   * the award's columns are sorted (the key and the constants are made after the sort). Returns what went into each
   * batch, with its range of ids.
   */
  public Map<Long, LedgerBulk.Added> insertRoster(Map<String, Long> batches, boolean probe, YearMonth month,
      Instant at, String actor) {
    List<String> counties = List.copyOf(new java.util.TreeSet<>(batches.keySet()));
    Date start = Date.valueOf(month.atDay(1));
    String prefix = PAYROLL_KEY_PREFIX + month + ":";
    List<Object> args = new ArrayList<>(List.of(start, Date.valueOf(month.atEndOfMonth()), start, Timestamp.from(at),
        actor));
    StringBuilder values = new StringBuilder();
    List<Object> valueArgs = new ArrayList<>();
    for (String c : counties) {
      values.append(values.length() == 0 ? "" : ", ").append("(CAST(? AS VARCHAR(6)), CAST(? AS BIGINT))");
      valueArgs.add(c);
      valueArgs.add(batches.get(c));
    }
    // the award in force: a hash anti-join of the awards with the later changes (rows with seq > 1, a tenth of the
    // table) for a province, the beneficiary's index for one county; global, not per county, so a beneficiary who
    // moved is paid by the county of the award in force only
    String source = "benefit_award a JOIN (VALUES " + values + ") AS pb (county_code, id) "
        + "ON pb.county_code = a.county_code WHERE " + AwardRepository.IN_FORCE;
    args.addAll(valueArgs);
    args.add(start);
    args.add(start);
    if (postgres()) {
      jdbc.execute("SET LOCAL work_mem = '" + rosterWorkMem + "'");
    }
    // the statement's block of ids (V13_5), numbered in the order of the rows: by county only (a county's rows
    // together; sorting by county alone is a single short key: 3 s less for a province than also by scheme and
    // beneficiary, and the key index takes the keys out of order at no measurable cost)
    long block = jdbc.queryForObject(postgres() ? "SELECT nextval('payment_roster_block_seq')"
        : "SELECT NEXT VALUE FOR payment_roster_block_seq", Long.class);
    args.add(0, block);
    String insert = "INSERT INTO payment_ledger (id, idempotency_key, scheme, kind, case_ref, beneficiary_key, "
        + "payee_name, payee_id_number, county_code, region_code, period_start, period_end, amount, channel, "
        + "bank_name, account_number, payroll_month, status, batch_id, created_at, created_by) "
        + "SELECT CAST(? AS BIGINT) + ROW_NUMBER() OVER (ORDER BY s.county_code) - 1, "
        + "CONCAT('" + prefix + "', s.scheme, ':', s.beneficiary_key), s.scheme, 'PAYMENT', s.case_ref, "
        + "s.beneficiary_key, s.payee_name, s.payee_id_number, s.county_code, s.region_code, ?, ?, s.monthly_amount, "
        + "'BANK', s.bank_name, s.account_number, ?, 'BATCH', s.batch_id, ?, ? "
        + "FROM (SELECT a.scheme, a.case_ref, a.beneficiary_key, a.payee_name, a.payee_id_number, a.county_code, "
        + "a.region_code, a.monthly_amount, a.bank_name, a.account_number, pb.id AS batch_id "
        + "FROM " + source + " AND a.change_kind <> 'STOP' AND a.monthly_amount > 0"
        + (probe ? " AND NOT EXISTS (SELECT 1 FROM payment_ledger l WHERE l.idempotency_key = CONCAT('" + prefix
            + "', a.scheme, ':', a.beneficiary_key))" : "")
        + " ORDER BY a.county_code) s";
    // what went into each batch, from the inserted rows themselves (not a second pass over the ledger)
    String sql = postgres()
        ? "WITH ins AS (" + insert + " RETURNING batch_id, amount, id) SELECT batch_id, COUNT(*), SUM(amount), "
            + "MIN(id), MAX(id) FROM ins GROUP BY batch_id"
        : "SELECT batch_id, COUNT(*), SUM(amount), MIN(id), MAX(id) FROM FINAL TABLE (" + insert + ") "
            + "GROUP BY batch_id";
    Map<Long, LedgerBulk.Added> added = new java.util.HashMap<>();
    jdbc.query(sql, rs -> {
      added.put(rs.getLong(1), new LedgerBulk.Added(rs.getInt(2), rs.getBigDecimal(3).setScale(2), rs.getLong(4),
          rs.getLong(5)));
    }, args.toArray());
    if (added.values().stream().anyMatch(a -> a.lastId() - block >= ROSTER_BLOCK)) {
      // rolls the statement back with the transaction: the next block's ids would have been taken
      throw new IllegalStateException("一次生成的名册超过" + ROSTER_BLOCK + "条，请按县分组生成");
    }
    return added;
  }

  /**
   * After a province's roster (a month's rows at once): the planner's statistics must know them before the counties'
   * queries run, or it plans them for an empty table. PostgreSQL only. A sample of 3,000 rows (statistics target 10)
   * instead of 30,000: the counties' queries need the month's size and its share per county, not fine histograms
   * (1.2 s → 0.08 s for a province); autovacuum analyzes the table in full soon after a million new rows.
   */
  public void analyzeLedger() {
    if (postgres()) {
      jdbc.execute((ConnectionCallback<Void>) c -> {
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("SET default_statistics_target = 10");
          try {
            st.execute("ANALYZE payment_ledger");
          } finally {
            st.execute("RESET default_statistics_target");
          }
        }
        return null;
      });
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
  public List<Long> openPayments(LedgerBulk.Condition monthRows, String beneficiaryKey) {
    List<Object> args = new ArrayList<>(monthRows.args());
    args.add(beneficiaryKey);
    return jdbc.queryForList("SELECT l.id FROM payment_entry l WHERE " + monthRows.sql() + " AND l.beneficiary_key = ? "
        + "AND l.status = 'CREATED' ORDER BY l.id", Long.class, args.toArray());
  }

  /**
   * Whether the county's month already has roster rows. The first roster (the usual case) then needs no NOT EXISTS
   * probe per row (the unique key stays the backstop); a repeated one skips the keys already there.
   */
  public boolean hasRosterRows(String countyCode, LocalDate month) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM payment_batch WHERE county_code = ? "
        + "AND payroll_month = ? AND row_count > 0)", Boolean.class, countyCode, Date.valueOf(month)));
  }

  /** The differences of a county's regular payroll to last month's: each kind counted, the first lines kept. */
  public record DifferenceLines(Map<String, Integer> counts, List<RosterDifferences.Line> first) {}

  /**
   * This month's regular payroll (the rows written with the county's batch, not cancelled) against last month's: new,
   * stopped and changed beneficiaries, counted, and the first {@code limit} by kind and beneficiary. One statement:
   * each month's rows by their batch's range of ids, compared by hash joins; only the counts and the first lines
   * leave the database (reading both months into the application cost about twice as much). On PostgreSQL the
   * planner takes a batch's range of ids for a handful of rows and would probe one month for every row of the other
   * (quadratic), so nested loops are off for this statement.
   */
  public DifferenceLines differences(LedgerBulk.Condition now, LedgerBulk.Condition last, int limit) {
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
        + "CAST(NULL AS BIGINT) FROM d ORDER BY kind, beneficiary_key, scheme FETCH FIRST " + limit
        + " ROWS ONLY) f";
    List<Object> args = new ArrayList<>(now.args());
    args.addAll(last.args());
    Map<String, Integer> counts = new java.util.HashMap<>();
    List<RosterDifferences.Line> first = new ArrayList<>();
    if (postgres()) {
      jdbc.execute("SET LOCAL enable_nestloop = off");
    }
    jdbc.query(sql, rs -> {
      if (rs.getString(2) == null) {
        counts.put(rs.getString(1), rs.getInt(7));
      } else {
        first.add(new RosterDifferences.Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBigDecimal(5), rs.getBigDecimal(6)));
      }
    }, args.toArray());
    // back on for the rest of the transaction (a failed statement ends it, and the setting with it)
    if (postgres()) {
      jdbc.execute("SET LOCAL enable_nestloop = on");
    }
    first.sort(java.util.Comparator.comparing(RosterDifferences.Line::kind)
        .thenComparing(RosterDifferences.Line::beneficiaryKey).thenComparing(RosterDifferences.Line::scheme));
    return new DifferenceLines(counts, first);
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
