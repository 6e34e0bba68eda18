package org.doudi.payroll.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.doudi.payroll.PayrollRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** payroll_run. */
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
   * PostgreSQL: {@code doudi.payroll.roster-work-mem} for the rest of the transaction, for the roster statement's hash
   * of the awards' later changes and its sort (LedgerBulk.insertRoster over AwardRepository.payable).
   */
  public void useRosterWorkMem() {
    if (postgres()) {
      jdbc.execute("SET LOCAL work_mem = '" + rosterWorkMem + "'");
    }
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
          .equals("PostgreSQL"));
    }
    return postgres;
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
