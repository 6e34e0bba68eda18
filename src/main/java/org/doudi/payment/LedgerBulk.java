package org.doudi.payment;

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
 * Set-based status changes on the ledger for the monthly payroll (helper payroll), with the same rules as
 * {@link Payments#transition} (only the allowed transitions; amounts never touched), in the caller's transaction.
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

  public LedgerBulk(JdbcTemplate jdbc) {
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
    return new Step(approved, jdbc.update("UPDATE payment_ledger SET status = 'APPROVED', approved_at = ?, "
        + "approved_by = ? WHERE county_code = ? AND payroll_month = ? AND status = 'CREATED'", ts, actor, countyCode,
        month));
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
    return new Step(sent, jdbc.update("UPDATE payment_ledger l SET status = 'SENT', bank_file_id = ? "
        + "WHERE l.county_code = ? AND " + month + " AND l.status = 'APPROVED' AND l.channel = 'BANK' "
        + "AND l.bank_file_id IS NULL", upd.toArray()));
  }

  /** Count and sum of what {@link #markSent} would take now. */
  public Totals pendingForFile(String countyCode, LocalDate payrollMonth) {
    String month = payrollMonth == null ? "payroll_month IS NULL" : "payroll_month = ?";
    Object[] args = payrollMonth == null ? new Object[] {countyCode}
        : new Object[] {countyCode, Date.valueOf(payrollMonth)};
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM payment_entry WHERE county_code = ? "
        + "AND " + month + " AND status = 'APPROVED' AND channel = 'BANK' AND bank_file_id IS NULL",
        (rs, i) -> new Totals(rs.getInt(1), rs.getBigDecimal(2).setScale(2)), args);
  }

  public record Totals(int count, java.math.BigDecimal total) {}

  /** Counties with approved one-off bank payments (no payroll month) that are in no bank file yet. */
  public List<String> countiesWithPendingOneOff() {
    return jdbc.queryForList("SELECT DISTINCT county_code FROM payment_ledger WHERE payroll_month IS NULL "
        + "AND status = 'APPROVED' AND channel = 'BANK' AND bank_file_id IS NULL ORDER BY county_code", String.class);
  }

  /**
   * The bank's results: SENT → PAID or RETURNED for the given rows of one bank file (batched statements). Rows not
   * SENT (already settled) are left alone. Returns the ids actually changed to each status.
   */
  public Map<PaymentStatus, List<Long>> settle(long bankFileId, Map<Long, PaymentStatus> results,
      Map<Long, String> notes, Instant at, String actor) {
    Timestamp ts = Timestamp.from(at);
    List<Long> paid = new ArrayList<>();
    List<Long> returned = new ArrayList<>();
    for (Map.Entry<Long, PaymentStatus> e : results.entrySet()) {
      if (e.getValue() != PaymentStatus.PAID && e.getValue() != PaymentStatus.RETURNED) {
        throw new IllegalArgumentException("only PAID or RETURNED");
      }
    }
    // the file's batch (a payroll file): SENT for good, so its rows may take their own status without a lock on it
    List<Object[]> batch = jdbc.query("SELECT id, approved_at, approved_by FROM payment_batch WHERE bank_file_id = ? "
        + "AND status = 'SENT'", (rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), rs.getString(3)},
        bankFileId);
    Object[] b = batch.isEmpty() ? new Object[] {-1L, null, null} : batch.get(0);
    List<Object[]> updates = new ArrayList<>();
    List<Long> order = new ArrayList<>(results.keySet());
    for (Long id : order) {
      updates.add(new Object[] {results.get(id).name(), bankFileId, b[1], b[2], id, bankFileId, b[0]});
    }
    int[] counts = jdbc.batchUpdate("UPDATE payment_ledger SET status = ?, bank_file_id = ?, "
        + "approved_at = COALESCE(approved_at, ?), approved_by = COALESCE(approved_by, ?) WHERE id = ? "
        + "AND ((bank_file_id = ? AND status = 'SENT') OR (status = 'BATCH' AND batch_id = ?))", updates);
    List<Object[]> history = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
        Long id = order.get(i);
        PaymentStatus to = results.get(id);
        (to == PaymentStatus.PAID ? paid : returned).add(id);
        history.add(new Object[] {id, to.name(), ts, actor, notes.get(id)});
      }
    }
    jdbc.batchUpdate("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by, "
        + "note) VALUES (?, 'SENT', ?, ?, ?, ?)", history);
    return Map.of(PaymentStatus.PAID, paid, PaymentStatus.RETURNED, returned);
  }
}
