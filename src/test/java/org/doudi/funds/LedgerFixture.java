package org.doudi.funds;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes ledger rows with their status history straight into the payment tables (V7_1), the way the payment core
 * and the payroll leave them, so that monitoring figures can be checked against hand-computed numbers.
 */
final class LedgerFixture {

  private static final AtomicLong SEQ = new AtomicLong();
  private final JdbcTemplate jdbc;

  LedgerFixture(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** times: Shanghai local "yyyy-MM-ddTHH:mm"; approved/sent/paid/returned may be null. */
  long row(String scheme, String beneficiary, String county, String amount, String channel, String approved,
      String sent, String paid, String returned) {
    String key = "fixture:" + scheme + ":" + beneficiary + ":" + SEQ.incrementAndGet() + ":" + System.nanoTime();
    Timestamp created = ts(approved != null ? approved : paid).orElse(null);
    String status = returned != null ? "RETURNED" : paid != null ? "PAID" : sent != null ? "SENT"
        : approved != null ? "APPROVED" : "CREATED";
    LocalDate period = created.toLocalDateTime().toLocalDate().withDayOfMonth(1);
    jdbc.update("INSERT INTO payment_ledger (idempotency_key, scheme, kind, case_ref, beneficiary_key, payee_name,"
            + " payee_id_number, county_code, region_code, period_start, period_end, amount, channel, bank_name,"
            + " account_number, payroll_month, status, approved_at, approved_by, created_at, created_by)"
            + " VALUES (?, ?, 'PAYMENT', ?, ?, '张三', '220102195001010013', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'fixture')",
        key, scheme, "case-" + beneficiary, beneficiary, county, county, Date.valueOf(period),
        Date.valueOf(period.plusMonths(1).minusDays(1)), new BigDecimal(amount), channel,
        "BANK".equals(channel) ? "中国农业银行" : null, "BANK".equals(channel) ? "6228480000000000001" : null,
        Date.valueOf(period), status, ts(approved).orElse(null), approved == null ? null : "fixture", created);
    long id = jdbc.queryForObject("SELECT id FROM payment_ledger WHERE idempotency_key = ?", Long.class, key);
    String from = null;
    change(id, from, "CREATED", created);
    from = "CREATED";
    if (approved != null) {
      change(id, from, "APPROVED", ts(approved).get());
      from = "APPROVED";
    }
    if (sent != null) {
      change(id, from, "SENT", ts(sent).get());
      from = "SENT";
    }
    if (paid != null) {
      change(id, from, "PAID", ts(paid).get());
      from = "PAID";
    }
    if (returned != null) {
      change(id, from, "RETURNED", ts(returned).get());
    }
    return id;
  }

  private void change(long id, String from, String to, Timestamp at) {
    jdbc.update("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by)"
        + " VALUES (?, ?, ?, ?, 'fixture')", id, from, to, at);
  }

  static java.util.Optional<Timestamp> ts(String shanghaiLocal) {
    if (shanghaiLocal == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Timestamp.from(OffsetDateTime.parse(shanghaiLocal + ":00+08:00").toInstant()));
  }
}
