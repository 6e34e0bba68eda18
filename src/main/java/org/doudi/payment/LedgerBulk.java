package org.doudi.payment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-based status changes on the ledger for the monthly payroll (helper payroll): one statement per step instead of
 * one per payment, with the same rules as {@link Payments#transition}: only the allowed transitions (the WHERE clause
 * names the from-status), and one {@code payment_status_change} row per changed payment, written by the same
 * statement set in the caller's transaction. Amounts are never touched.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerBulk {

  private final JdbcTemplate jdbc;

  public LedgerBulk(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The highest ledger id so far (0 when empty): rows inserted afterwards by this transaction lie above it. */
  public long maxId() {
    Long max = jdbc.queryForObject("SELECT MAX(id) FROM payment_ledger", Long.class);
    return max == null ? 0 : max;
  }

  /**
   * History rows (null → CREATED) for the rows of a county's payroll month that the caller has just inserted in bulk:
   * ids above {@code afterId} whose key starts with {@code keyPrefix}. The caller must hold the lock that makes it the
   * only writer of such keys (the payroll run's row), so no other transaction can have added any above
   * {@code afterId}; {@code countyCode} null: every county (the caller locked all of them). (No NOT EXISTS on payment_status_change here: PostgreSQL would plan it against the table being
   * filled by the same statement.)
   */
  public int recordCreated(long afterId, String keyPrefix, String countyCode, LocalDate payrollMonth, Instant at,
      String actor, String note) {
    return jdbc.update("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by, "
        + "note) SELECT l.id, NULL, 'CREATED', ?, ?, ? FROM payment_ledger l WHERE l.id > ? "
        + (countyCode == null ? "" : "AND l.county_code = '" + countyCode.replaceAll("\\D", "") + "' ")
        + "AND l.payroll_month = ? AND l.status = 'CREATED' AND l.idempotency_key LIKE ?",
        Timestamp.from(at), actor, note, afterId, Date.valueOf(payrollMonth), keyPrefix + "%");
  }

  /** CREATED → APPROVED for every row of a county's payroll month (roster and extras). Returns the rows changed. */
  public int approveMonth(String countyCode, LocalDate payrollMonth, Instant at, String actor, String note) {
    Timestamp ts = Timestamp.from(at);
    Date month = Date.valueOf(payrollMonth);
    jdbc.update("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by, note) "
        + "SELECT l.id, 'CREATED', 'APPROVED', ?, ?, ? FROM payment_ledger l "
        + "WHERE l.county_code = ? AND l.payroll_month = ? AND l.status = 'CREATED'",
        ts, actor, note, countyCode, month);
    return jdbc.update("UPDATE payment_ledger SET status = 'APPROVED', approved_at = ?, approved_by = ? "
        + "WHERE county_code = ? AND payroll_month = ? AND status = 'CREATED'", ts, actor, countyCode, month);
  }

  /**
   * APPROVED → SENT with {@code bank_file_id} for the bank rows not yet in a file: of a county's payroll month, or
   * with {@code payrollMonth} null the one-off payments (temporary assistance, re-issues) of the county.
   */
  public int markSent(long bankFileId, String countyCode, LocalDate payrollMonth, Instant at, String actor,
      String note) {
    Timestamp ts = Timestamp.from(at);
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
    return jdbc.update("UPDATE payment_ledger l SET status = 'SENT', bank_file_id = ? WHERE l.county_code = ? AND "
        + month + " AND l.status = 'APPROVED' AND l.channel = 'BANK' AND l.bank_file_id IS NULL", upd.toArray());
  }

  /** Count and sum of what {@link #markSent} would take now. */
  public Totals pendingForFile(String countyCode, LocalDate payrollMonth) {
    String month = payrollMonth == null ? "payroll_month IS NULL" : "payroll_month = ?";
    Object[] args = payrollMonth == null ? new Object[] {countyCode}
        : new Object[] {countyCode, Date.valueOf(payrollMonth)};
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM payment_ledger WHERE county_code = ? "
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
    List<Object[]> updates = new ArrayList<>();
    List<Long> order = new ArrayList<>(results.keySet());
    for (Long id : order) {
      updates.add(new Object[] {results.get(id).name(), id, bankFileId});
    }
    int[] counts = jdbc.batchUpdate("UPDATE payment_ledger SET status = ? WHERE id = ? AND bank_file_id = ? "
        + "AND status = 'SENT'", updates);
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
