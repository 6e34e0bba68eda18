package org.doudi.payment;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Conditions that find a county's payroll rows fast (V13_3, V13_4), for the payment module's own statements only: a
 * batch's rows by its range of ids, the month's other rows by the county/month index, a bank file's rows.
 */
final class BatchRows {

  private final JdbcTemplate jdbc;

  BatchRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A condition on payment_ledger or payment_entry (alias {@code l}) and its arguments, in order. */
  record Condition(String sql, List<Object> args) {}

  /**
   * The rows written with the county's batch of the month, whatever their status now: by the batch's id and its
   * range of ids (the primary key; V13_3). Matches nothing when the month has no batch rows.
   */
  Condition batchRows(String countyCode, LocalDate payrollMonth) {
    return batchRange(countyCode, payrollMonth, null)
        .map(b -> new Condition("(l.batch_id = ? AND l.id BETWEEN ? AND ?)", List.of(b)))
        .orElse(new Condition("1 = 0", List.of()));
  }

  /** [id, first id, last id] of the county's batch of the month if it has rows (and was sent in that bank file). */
  private Optional<Object[]> batchRange(String countyCode, LocalDate payrollMonth, Long sentInFile) {
    List<Object> args = new ArrayList<>(List.of(countyCode, Date.valueOf(payrollMonth)));
    if (sentInFile != null) {
      args.add(sentInFile);
    }
    return jdbc.query("SELECT id, first_id, last_id FROM payment_batch WHERE county_code = ? AND payroll_month = ? "
        + "AND first_id IS NOT NULL" + (sentInFile == null ? "" : " AND bank_file_id = ? AND status = 'SENT'"),
        (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, args.toArray()).stream().findFirst();
  }

  /**
   * Every row of the county's payroll month: its batch's rows ({@link #batchRows}) and the others by the county/month
   * index, which holds only rows outside a batch or with a status of their own (V13_4).
   */
  Condition monthRows(String countyCode, LocalDate payrollMonth) {
    Condition batch = batchRows(countyCode, payrollMonth);
    List<Object> args = new ArrayList<>(batch.args());
    args.add(countyCode);
    args.add(Date.valueOf(payrollMonth));
    return new Condition("(" + batch.sql() + " OR (l.county_code = ? AND l.payroll_month = ? AND l.batch_id IS NULL))",
        args);
  }

  /**
   * The county's rows SENT in bank file {@code bankFileId}, as a condition on payment_ledger alone (no join with the
   * batch for every row): of a payroll month ({@code payrollMonth} not null), those still following the batch sent in
   * that file, by its range of ids, and the month's other rows sent in it; of a one-off file, the county's payments
   * outside the payroll sent in it (never in a batch).
   */
  Condition sentInFile(String countyCode, LocalDate payrollMonth, long bankFileId) {
    if (payrollMonth == null) {
      return new Condition("(l.county_code = ? AND l.payroll_month IS NULL AND l.batch_id IS NULL "
          + "AND l.status = 'SENT' AND l.bank_file_id = ?)", List.of(countyCode, bankFileId));
    }
    List<Object> args = new ArrayList<>();
    String batch = batchRange(countyCode, payrollMonth, bankFileId).map(b -> {
      args.addAll(List.of(b));
      return "(l.batch_id = ? AND l.id BETWEEN ? AND ? AND l.status = 'BATCH')";
    }).orElse("1 = 0");
    args.addAll(List.of(countyCode, Date.valueOf(payrollMonth), bankFileId));
    return new Condition("(" + batch + " OR (l.county_code = ? AND l.payroll_month = ? AND l.batch_id IS NULL "
        + "AND l.status = 'SENT' AND l.bank_file_id = ?))", args);
  }
}
