package org.doudi.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly payroll's bulk writes on the ledger, in the caller's transaction: its roster in one statement per group
 * of counties ({@link #insertRoster}, around the payroll's query of its awards) and set-based status changes with the
 * same rules as {@link Payments#transition} (only the allowed transitions; amounts never touched).
 *
 * <p>A county's regular payroll of a month is a <em>batch</em> (V12_1): its rows are inserted once with status
 * {@code BATCH} and the batch's id ({@link #openBatch}), and approval and sending change the batch, with one history
 * row for the batch, instead of a million rows and a million history rows. Rows that are not in a batch (price
 * subsidies, one-off payments, re-issues) change one by one, each with its history row, as before.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerBulk {

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  private final org.springframework.context.ApplicationEventPublisher events;

  public LedgerBulk(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
  }

  /**
   * The batch of the county's payroll month, created (CREATED) if missing, locked for the rest of the transaction.
   * Rows may only be added while it is CREATED.
   *
   * @throws IllegalStateException the batch is already approved
   */
  public long openBatch(String countyCode, LocalDate payrollMonth, Instant at, String actor) {
    Date month = Date.valueOf(payrollMonth);
    jdbc.update("INSERT INTO payment_batch (county_code, payroll_month, status, created_at, created_by) "
        + "SELECT ?, ?, 'CREATED', ?, ? FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
        + "(SELECT 1 FROM payment_batch b WHERE b.county_code = ? AND b.payroll_month = ?)",
        countyCode, month, Timestamp.from(at), actor, countyCode, month);
    Batch b = lockBatch(countyCode, payrollMonth).orElseThrow();
    if (!b.status().equals("CREATED")) {
      throw new IllegalStateException("发放批次" + countyCode + " " + payrollMonth + "已审批，不能再加入付款");
    }
    return b.id();
  }

  /** A batch and the status its rows follow. */
  private record Batch(long id, String status) {}

  private Optional<Batch> lockBatch(String countyCode, LocalDate payrollMonth) {
    return jdbc.query("SELECT id, status FROM payment_batch WHERE county_code = ? AND payroll_month = ? FOR UPDATE",
        (rs, i) -> new Batch(rs.getLong(1), rs.getString(2)), countyCode, Date.valueOf(payrollMonth)).stream()
        .findFirst();
  }

  private void batchChange(long batchId, String from, String to, Timestamp at, String actor, String note) {
    jdbc.update("INSERT INTO payment_status_change (batch_id, from_status, to_status, changed_at, changed_by, note) "
        + "VALUES (?, ?, ?, ?, ?, ?)", batchId, from, to, at, actor, note);
  }

  /**
   * What a bulk step changed: whether the batch moved (then every row still following it moved with it; they are
   * not counted here, which would read them all) and how many other rows moved one by one.
   */
  public record Step(boolean batch, int rows) {}

  /**
   * CREATED → APPROVED for a county's payroll month: its batch (one history row) and every other CREATED row of the
   * month (each with its history row).
   */
  public Step approveMonth(String countyCode, LocalDate payrollMonth, Instant at, String actor, String note) {
    Timestamp ts = Timestamp.from(at);
    Date month = Date.valueOf(payrollMonth);
    boolean approved = false;
    Optional<Batch> batch = lockBatch(countyCode, payrollMonth);
    if (batch.isPresent() && batch.get().status().equals("CREATED")) {
      jdbc.update("UPDATE payment_batch SET status = 'APPROVED', approved_at = ?, approved_by = ? WHERE id = ?",
          ts, actor, batch.get().id());
      batchChange(batch.get().id(), "CREATED", "APPROVED", ts, actor, note);
      approved = true;
    }
    jdbc.update("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by, note) "
        + "SELECT l.id, 'CREATED', 'APPROVED', ?, ?, ? FROM payment_ledger l "
        + "WHERE l.county_code = ? AND l.payroll_month = ? AND l.status = 'CREATED'",
        ts, actor, note, countyCode, month);
    Step step = new Step(approved, jdbc.update("UPDATE payment_ledger SET status = 'APPROVED', approved_at = ?, "
        + "approved_by = ? WHERE county_code = ? AND payroll_month = ? AND status = 'CREATED'", ts, actor, countyCode,
        month));
    events.publishEvent(new LedgerChanged("APPROVED_MONTH", null, null, countyCode, payrollMonth, step.rows(), null,
        actor, approved ? "batch approved" : null));
    return step;
  }

  /**
   * APPROVED → SENT with {@code bank_file_id} for the bank rows not yet in a file: of a county's payroll month (its
   * batch, one history row, and the month's other rows), or with {@code payrollMonth} null the one-off payments
   * (temporary assistance, re-issues) of the county.
   */
  public Step markSent(long bankFileId, String countyCode, LocalDate payrollMonth, Instant at, String actor,
      String note) {
    Timestamp ts = Timestamp.from(at);
    boolean sent = false;
    if (payrollMonth != null) {
      Optional<Batch> batch = lockBatch(countyCode, payrollMonth);
      if (batch.isPresent() && batch.get().status().equals("APPROVED")) {
        jdbc.update("UPDATE payment_batch SET status = 'SENT', bank_file_id = ? WHERE id = ?", bankFileId,
            batch.get().id());
        batchChange(batch.get().id(), "APPROVED", "SENT", ts, actor, note);
        sent = true;
      }
    }
    String month = payrollMonth == null ? "l.payroll_month IS NULL" : "l.payroll_month = ?";
    List<Object> args = new ArrayList<>(List.of(ts, actor, note, countyCode));
    if (payrollMonth != null) {
      args.add(Date.valueOf(payrollMonth));
    }
    jdbc.update("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by, note) "
        + "SELECT l.id, 'APPROVED', 'SENT', ?, ?, ? FROM payment_ledger l WHERE l.county_code = ? AND " + month
        + " AND l.status = 'APPROVED' AND l.channel = 'BANK' AND l.bank_file_id IS NULL", args.toArray());
    List<Object> upd = new ArrayList<>(List.of(bankFileId, countyCode));
    if (payrollMonth != null) {
      upd.add(Date.valueOf(payrollMonth));
    }
    Step step = new Step(sent, jdbc.update("UPDATE payment_ledger l SET status = 'SENT', bank_file_id = ? "
        + "WHERE l.county_code = ? AND " + month + " AND l.status = 'APPROVED' AND l.channel = 'BANK' "
        + "AND l.bank_file_id IS NULL", upd.toArray()));
    events.publishEvent(new LedgerChanged("SENT", null, null, countyCode, payrollMonth, step.rows(), null, actor,
        "bank file " + bankFileId + (sent ? ", batch sent" : "")));
    return step;
  }

  /** What one roster statement wrote into a batch: how many rows, their total, and their lowest and highest id. */
  public record Added(int count, BigDecimal total, long firstId, long lastId) {}

  /** Ids in a roster statement's block (V13_5). */
  static final long ROSTER_BLOCK = 1L << 24;

  /**
   * The columns a roster's source produces, by these names: what each ledger row is paid from. {@code amount} is
   * the month's amount (rows with an amount of 0 or less are not written), {@code county_code} chooses the batch.
   */
  public static final List<String> ROSTER_COLUMNS = List.of("county_code", "scheme", "beneficiary_key", "case_ref",
      "payee_name", "payee_id_number", "region_code", "amount", "bank_name", "account_number");

  /**
   * A roster in one statement: {@code INSERT INTO payment_ledger … SELECT} over the caller's {@code source} (a query
   * over its own tables producing {@link #ROSTER_COLUMNS}, one row per payment: the payroll's awards in force), into
   * the counties' batches of the month ({@code batches}: county → its batch, opened by {@link #openBatch} in this
   * transaction; source rows of other counties are not written). Each row: kind PAYMENT, channel BANK, the whole
   * month as its period, status BATCH (it follows its batch, V12_1), key {@code keyPrefix + scheme + ':' +
   * beneficiary_key}; keys already in the ledger are skipped (NOT EXISTS, with the unique key as the backstop; the
   * probe is left out when none of the batches has rows yet, the usual first roster). Ids come from the statement's
   * own block (V13_5), numbered by county, so a county's rows lie together in the table and hold one range of ids;
   * only the source's columns are sorted (the key and the constants are made after the sort). The batches are a
   * VALUES list, not a join with payment_batch, whose rows this transaction has just written and the planner would
   * take for none; the counties are also a filter on the source's rows (the planner sorts the whole province's rows
   * before a merge join with the list otherwise, where a group of counties needs half of them). The batches' figures (V13_1) and ranges (V13_3) take the rows in, from the inserted rows
   * themselves ({@code RETURNING}), not a second pass. Returns what went into each batch.
   *
   * @throws IllegalStateException a batch is missing or no longer CREATED, or more rows than a block holds
   */
  public Map<Long, Added> insertRoster(Map<String, Long> batches, LocalDate payrollMonth, String keyPrefix,
      CallerSql source, Instant at, String actor) {
    if (!keyPrefix.matches("[A-Za-z0-9:_-]{1,40}")) {
      throw new IllegalArgumentException("key prefix: letters, digits, ':', '_', '-': " + keyPrefix);
    }
    if (batches.isEmpty()) {
      return Map.of();
    }
    List<String> counties = List.copyOf(new java.util.TreeSet<>(batches.keySet()));
    StringBuilder values = new StringBuilder();
    List<Object> valueArgs = new ArrayList<>();
    for (String c : counties) {
      values.append(values.length() == 0 ? "" : ", ").append("(CAST(? AS VARCHAR(6)), CAST(? AS BIGINT))");
      valueArgs.add(c);
      valueArgs.add(batches.get(c));
    }
    boolean probe = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM payment_batch WHERE id IN ("
        + String.join(", ", java.util.Collections.nCopies(counties.size(), "?")) + ") AND row_count > 0)",
        Boolean.class, batches.values().toArray()));
    long block = jdbc.queryForObject(postgres() ? "SELECT nextval('payment_roster_block_seq')"
        : "SELECT NEXT VALUE FOR payment_roster_block_seq", Long.class);
    Date start = Date.valueOf(payrollMonth.withDayOfMonth(1));
    List<Object> args = new ArrayList<>(List.of(block, start, Date.valueOf(payrollMonth.withDayOfMonth(
        payrollMonth.lengthOfMonth())), start, Timestamp.from(at), actor));
    args.addAll(source.args());
    args.addAll(valueArgs);
    args.addAll(counties);
    String key = "CONCAT('" + keyPrefix + "', r.scheme, ':', r.beneficiary_key)";
    String insert = "INSERT INTO payment_ledger (id, idempotency_key, scheme, kind, case_ref, beneficiary_key, "
        + "payee_name, payee_id_number, county_code, region_code, period_start, period_end, amount, channel, "
        + "bank_name, account_number, payroll_month, status, batch_id, created_at, created_by) "
        + "SELECT CAST(? AS BIGINT) + ROW_NUMBER() OVER (ORDER BY s.county_code) - 1, "
        + "CONCAT('" + keyPrefix + "', s.scheme, ':', s.beneficiary_key), s.scheme, 'PAYMENT', s.case_ref, "
        + "s.beneficiary_key, s.payee_name, s.payee_id_number, s.county_code, s.region_code, ?, ?, s.amount, "
        + "'BANK', s.bank_name, s.account_number, ?, 'BATCH', s.batch_id, ?, ? "
        + "FROM (SELECT r.scheme, r.case_ref, r.beneficiary_key, r.payee_name, r.payee_id_number, r.county_code, "
        + "r.region_code, r.amount, r.bank_name, r.account_number, pb.id AS batch_id "
        + "FROM (" + source.sql() + ") r JOIN (VALUES " + values + ") AS pb (county_code, id) "
        + "ON pb.county_code = r.county_code WHERE r.amount > 0 AND r.county_code IN ("
        + String.join(", ", java.util.Collections.nCopies(counties.size(), "?")) + ")"
        + (probe ? " AND NOT EXISTS (SELECT 1 FROM payment_ledger l WHERE l.idempotency_key = " + key + ")" : "")
        + " ORDER BY r.county_code) s";
    String sql = postgres()
        ? "WITH ins AS (" + insert + " RETURNING batch_id, amount, id) SELECT batch_id, COUNT(*), SUM(amount), "
            + "MIN(id), MAX(id) FROM ins GROUP BY batch_id"
        : "SELECT batch_id, COUNT(*), SUM(amount), MIN(id), MAX(id) FROM FINAL TABLE (" + insert + ") "
            + "GROUP BY batch_id";
    Map<Long, Added> added = new java.util.HashMap<>();
    jdbc.query(sql, rs -> {
      added.put(rs.getLong(1), new Added(rs.getInt(2), rs.getBigDecimal(3).setScale(2), rs.getLong(4),
          rs.getLong(5)));
    }, args.toArray());
    if (added.values().stream().anyMatch(a -> a.lastId() - block >= ROSTER_BLOCK)) {
      // rolls the statement back with the transaction: the next block's ids would have been taken
      throw new IllegalStateException("一次生成的名册超过" + ROSTER_BLOCK + "条，请按县分组生成");
    }
    addedToBatches(added);
    int rows = added.values().stream().mapToInt(Added::count).sum();
    java.math.BigDecimal total = added.values().stream().map(Added::total)
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    events.publishEvent(new LedgerChanged("ROSTER", null, null, counties.size() == 1 ? counties.get(0) : null,
        payrollMonth, rows, total, actor, counties.size() + " counties, key prefix " + keyPrefix));
    return added;
  }

  /**
   * Rows the roster has just written into batches (batch id → what it wrote), in the transaction that wrote them,
   * while the batches are locked and CREATED: each batch's figures (V13_1) grow by as much and its range of ids
   * (V13_3) takes the new rows in.
   *
   * @throws IllegalStateException a batch is missing or no longer CREATED
   */
  private void addedToBatches(Map<Long, Added> added) {
    List<Long> ids = List.copyOf(added.keySet());
    List<Object[]> args = ids.stream().map(id -> {
      Added a = added.get(id);
      return new Object[] {a.count(), a.total(), a.firstId(), a.firstId(), a.lastId(), a.lastId(), id};
    }).toList();
    int[] n = jdbc.batchUpdate("UPDATE payment_batch SET row_count = row_count + ?, total_amount = total_amount + ?, "
        + "first_id = CASE WHEN first_id IS NULL OR first_id > ? THEN ? ELSE first_id END, "
        + "last_id = CASE WHEN last_id IS NULL OR last_id < ? THEN ? ELSE last_id END "
        + "WHERE id = ? AND status = 'CREATED'", args);
    for (int i = 0; i < n.length; i++) {
      if (n[i] == 0) {
        throw new IllegalStateException("发放批次" + ids.get(i) + "不存在或已审批，不能再加入付款");
      }
    }
  }

  /**
   * After a bulk insert of a month's rows (a province's roster, committed): the planner's statistics must know them
   * before the counties' queries run, or it plans them for an empty table. PostgreSQL only. A sample of 3,000 rows
   * (statistics target 10) instead of 30,000: the counties' queries need the month's size and its share per county,
   * not fine histograms (1.2 s → 0.08 s for a province); autovacuum analyzes the table in full soon after.
   */
  @Transactional(propagation = Propagation.SUPPORTS)
  public void analyze() {
    if (postgres()) {
      jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
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
      postgres = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c ->
          c.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
    }
    return postgres;
  }

  /**
   * Part of a county's payroll month as payment_entry shows it: rows of one status, written with the month's batch
   * (the roster) or not, in a bank file yet or not (bank rows only), with their count and total.
   */
  public record Part(String status, boolean batch, boolean unfiled, int count, BigDecimal total) {}

  /** Count and total of the parts that match. */
  public static Totals sum(List<Part> parts, java.util.function.Predicate<Part> which) {
    int n = 0;
    BigDecimal t = BigDecimal.ZERO.setScale(2);
    for (Part p : parts) {
      if (which.test(p)) {
        n += p.count();
        t = t.add(p.total());
      }
    }
    return new Totals(n, t);
  }

  /**
   * The payroll month of each county in parts, in one statement and without reading the rows that still follow the
   * batch (tens of thousands a county): the batch's figures (V13_1) less its rows that took a status of their own,
   * and those rows and the month's other rows, found by the county/month index on their status. Counties without
   * rows have no parts.
   */
  @Transactional(propagation = Propagation.SUPPORTS)
  public Map<String, List<Part>> monthParts(java.util.Collection<String> counties, LocalDate payrollMonth) {
    Map<String, List<Part>> out = new java.util.HashMap<>();
    if (counties.isEmpty()) {
      return out;
    }
    String in = String.join(", ", counties.stream().map(c -> "?").toList());
    List<Object> args = new ArrayList<>(counties);
    args.add(Date.valueOf(payrollMonth));
    args.addAll(counties);
    args.add(Date.valueOf(payrollMonth));
    Map<String, Part> batches = new java.util.HashMap<>();
    Map<String, Totals> detached = new java.util.HashMap<>();
    jdbc.query("SELECT county_code, 'B' AS src, status, 1 AS in_batch, "
        + "CASE WHEN bank_file_id IS NULL THEN 1 ELSE 0 END AS unfiled, row_count AS n, total_amount AS t "
        + "FROM payment_batch WHERE county_code IN (" + in + ") AND payroll_month = ? "
        + "UNION ALL SELECT county_code, 'R', status, CASE WHEN batch_id IS NULL THEN 0 ELSE 1 END, "
        + "CASE WHEN channel = 'BANK' AND bank_file_id IS NULL THEN 1 ELSE 0 END, COUNT(*), SUM(amount) "
        + "FROM payment_ledger WHERE county_code IN (" + in + ") AND payroll_month = ? "
        + "AND status IN ('CREATED', 'APPROVED', 'SENT', 'PAID', 'RETURNED', 'CANCELLED') "
        + "GROUP BY county_code, status, CASE WHEN batch_id IS NULL THEN 0 ELSE 1 END, "
        + "CASE WHEN channel = 'BANK' AND bank_file_id IS NULL THEN 1 ELSE 0 END", rs -> {
          String county = rs.getString(1);
          Part p = new Part(rs.getString(3), rs.getInt(4) == 1, rs.getInt(5) == 1, rs.getInt(6),
              rs.getBigDecimal(7).setScale(2));
          if (rs.getString(2).equals("B")) {
            batches.put(county, p);
            return;
          }
          out.computeIfAbsent(county, c -> new ArrayList<>()).add(p);
          if (p.batch()) {
            detached.merge(county, new Totals(p.count(), p.total()),
                (a, b) -> new Totals(a.count() + b.count(), a.total().add(b.total())));
          }
        }, args.toArray());
    batches.forEach((county, b) -> {
      // the rows still following the batch: all it was written with, less those with a status of their own
      Totals gone = detached.getOrDefault(county, new Totals(0, BigDecimal.ZERO));
      out.computeIfAbsent(county, c -> new ArrayList<>()).add(new Part(b.status(), true, b.unfiled(),
          b.count() - gone.count(), b.total().subtract(gone.total())));
    });
    return out;
  }

  /** Count and sum of what {@link #markSent} would take now. */
  public Totals pendingForFile(String countyCode, LocalDate payrollMonth) {
    if (payrollMonth != null) {
      return sum(monthParts(List.of(countyCode), payrollMonth).getOrDefault(countyCode, List.of()),
          p -> p.status().equals("APPROVED") && p.unfiled());
    }
    // one-off payments are never in a batch
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM payment_ledger WHERE county_code = ? "
        + "AND payroll_month IS NULL AND status = 'APPROVED' AND channel = 'BANK' AND bank_file_id IS NULL",
        (rs, i) -> new Totals(rs.getInt(1), rs.getBigDecimal(2).setScale(2)), countyCode);
  }

  public record Totals(int count, BigDecimal total) {}

  /** Counties with approved one-off bank payments (no payroll month) that are in no bank file yet. */
  public List<String> countiesWithPendingOneOff() {
    return jdbc.queryForList("SELECT DISTINCT county_code FROM payment_ledger WHERE payroll_month IS NULL "
        + "AND status = 'APPROVED' AND channel = 'BANK' AND bank_file_id IS NULL ORDER BY county_code", String.class);
  }

  /** What a bank result changed: payments newly PAID (with the batch's rows, counted) and the ids newly RETURNED. */
  public record Settled(int paid, List<Long> returned) {}

  /**
   * The bank's results: SENT → PAID or RETURNED for the given rows of one bank file. Rows not SENT (already settled)
   * are left alone. When the results cover every row still following the file's batch (the bank answers for the whole
   * file, the usual case), the batch itself becomes PAID (one row, one history row, as for approval and sending) and
   * only its RETURNED rows and the file's other rows change one by one; otherwise (a partial result) each row
   * changes on its own, and the batch becomes PAID with the result that completes it.
   */
  public Settled settle(long bankFileId, Map<Long, PaymentStatus> results, Map<Long, String> notes, Instant at,
      String actor) {
    Timestamp ts = Timestamp.from(at);
    for (Map.Entry<Long, PaymentStatus> e : results.entrySet()) {
      if (e.getValue() != PaymentStatus.PAID && e.getValue() != PaymentStatus.RETURNED) {
        throw new IllegalArgumentException("only PAID or RETURNED");
      }
    }
    // the file's batch (a payroll file), locked: its rows may take their own status, or all of it PAID
    List<Object[]> batch = jdbc.query("SELECT id, approved_at, approved_by, first_id, last_id FROM payment_batch "
        + "WHERE bank_file_id = ? AND status = 'SENT' FOR UPDATE", (rs, i) -> new Object[] {rs.getLong(1),
            rs.getTimestamp(2), rs.getString(3), rs.getLong(4), rs.getLong(5)}, bankFileId);
    Object[] b = batch.isEmpty() ? new Object[] {-1L, null, null} : batch.get(0);
    java.util.Set<Long> following = new java.util.HashSet<>();
    if (!batch.isEmpty()) {
      following.addAll(jdbc.queryForList("SELECT id FROM payment_ledger WHERE batch_id = ? AND id BETWEEN ? AND ? "
          + "AND status = 'BATCH'", Long.class, b[0], b[3], b[4]));
    }
    boolean wholeBatch = !following.isEmpty() && results.keySet().containsAll(following);
    Map<Long, PaymentStatus> oneByOne = new java.util.LinkedHashMap<>();
    int withBatch = 0;
    for (Map.Entry<Long, PaymentStatus> e : results.entrySet()) {
      if (wholeBatch && e.getValue() == PaymentStatus.PAID && following.contains(e.getKey())) {
        withBatch++;
      } else {
        oneByOne.put(e.getKey(), e.getValue());
      }
    }
    List<Long> order = new ArrayList<>(oneByOne.keySet());
    List<Object[]> updates = new ArrayList<>();
    for (Long id : order) {
      updates.add(new Object[] {oneByOne.get(id).name(), bankFileId, b[1], b[2], id, bankFileId, b[0]});
    }
    // a row of the file's batch leaves it here; when the whole batch is being settled, its PAID rows do not come here
    // and follow the batch below, and other rows of the file (the month's extra payments) are SENT on their own
    int[] counts = jdbc.batchUpdate("UPDATE payment_ledger SET status = ?, bank_file_id = ?, "
        + "approved_at = COALESCE(approved_at, ?), approved_by = COALESCE(approved_by, ?) WHERE id = ? "
        + "AND ((bank_file_id = ? AND status = 'SENT') OR (status = 'BATCH' AND batch_id = ?))", updates);
    int paid = 0;
    List<Long> returned = new ArrayList<>();
    List<Object[]> history = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
        Long id = order.get(i);
        PaymentStatus to = oneByOne.get(id);
        if (to == PaymentStatus.PAID) {
          paid++;
        } else {
          returned.add(id);
        }
        history.add(new Object[] {id, to.name(), ts, actor, notes.get(id)});
      }
    }
    jdbc.batchUpdate("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by, "
        + "note) VALUES (?, 'SENT', ?, ?, ?, ?)", history);
    if (wholeBatch) {
      jdbc.update("UPDATE payment_batch SET status = 'PAID' WHERE id = ? AND status = 'SENT'", b[0]);
      batchChange((Long) b[0], "SENT", "PAID", ts, actor, "银行回盘");
      paid += withBatch;
    }
    events.publishEvent(new LedgerChanged("SETTLED", null, null, null, null, paid + returned.size(), null, actor,
        "bank file " + bankFileId + ": " + paid + " paid, " + returned.size() + " returned"));
    return new Settled(paid, returned);
  }
}
