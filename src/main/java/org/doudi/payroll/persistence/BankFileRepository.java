package org.doudi.payroll.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.doudi.payroll.BankFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** payroll_bank_file (the files' payments are the payment module's: BankFileLines). */
@Repository
public class BankFileRepository {

  static final String COLS = "id, batch_no, kind, run_id, county_code, payroll_month, bank_name, file_format, charset, "
      + "row_count, total_amount, sha256, created_at, created_by, result_imported_at, paid_count, returned_count";

  private final JdbcTemplate jdbc;

  public BankFileRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String batchNo, String kind, Long runId, String countyCode, LocalDate payrollMonth,
      String bankName, String format, String charset, int rowCount, BigDecimal total, Instant at, String actor) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("INSERT INTO payroll_bank_file (batch_no, kind, run_id, county_code, "
          + "payroll_month, bank_name, file_format, charset, row_count, total_amount, created_at, created_by) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, batchNo);
      ps.setString(2, kind);
      ps.setObject(3, runId);
      ps.setString(4, countyCode);
      ps.setDate(5, payrollMonth == null ? null : Date.valueOf(payrollMonth));
      ps.setString(6, bankName);
      ps.setString(7, format);
      ps.setString(8, charset);
      ps.setInt(9, rowCount);
      ps.setBigDecimal(10, total);
      ps.setTimestamp(11, Timestamp.from(at));
      ps.setString(12, actor);
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  public void setContent(long id, byte[] content, String sha256) {
    jdbc.update("UPDATE payroll_bank_file SET content = ?, sha256 = ? WHERE id = ?", content, sha256, id);
  }

  public Optional<BankFile> find(long id) {
    return jdbc.query("SELECT " + COLS + " FROM payroll_bank_file WHERE id = ?", BankFileRepository::map, id).stream()
        .findFirst();
  }

  public Optional<BankFile> lock(long id) {
    return jdbc.query("SELECT " + COLS + " FROM payroll_bank_file WHERE id = ? FOR UPDATE", BankFileRepository::map,
        id).stream().findFirst();
  }

  public Optional<BankFile> byRun(long runId) {
    return jdbc.query("SELECT " + COLS + " FROM payroll_bank_file WHERE run_id = ?", BankFileRepository::map, runId)
        .stream().findFirst();
  }

  public List<BankFile> list(String countyPrefix) {
    return jdbc.query("SELECT " + COLS + " FROM payroll_bank_file WHERE county_code LIKE ? ORDER BY id DESC "
        + "FETCH FIRST 500 ROWS ONLY", BankFileRepository::map, countyPrefix + "%");
  }

  public int oneOffFilesOn(String countyCode, String batchPrefix) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payroll_bank_file WHERE county_code = ? AND batch_no LIKE ?",
        Integer.class, countyCode, batchPrefix + "%");
  }

  public byte[] content(long id) {
    return jdbc.queryForObject("SELECT content FROM payroll_bank_file WHERE id = ?", (rs, i) -> rs.getBytes(1), id);
  }

  public void setResult(long id, Instant at, String actor, String sha256, int paid, int returned) {
    jdbc.update("UPDATE payroll_bank_file SET result_imported_at = ?, result_imported_by = ?, result_sha256 = ?, "
        + "paid_count = ?, returned_count = ? WHERE id = ?", Timestamp.from(at), actor, sha256, paid, returned, id);
  }

  static BankFile map(ResultSet rs, int i) throws SQLException {
    long run = rs.getLong("run_id");
    Long runId = rs.wasNull() ? null : run;
    Date month = rs.getDate("payroll_month");
    Timestamp imported = rs.getTimestamp("result_imported_at");
    int p = rs.getInt("paid_count");
    Integer paid = rs.wasNull() ? null : p;
    int r = rs.getInt("returned_count");
    Integer returned = rs.wasNull() ? null : r;
    return new BankFile(rs.getLong("id"), rs.getString("batch_no"), rs.getString("kind"), runId,
        rs.getString("county_code"), month == null ? null : YearMonth.from(month.toLocalDate()),
        rs.getString("bank_name"), rs.getString("file_format"), rs.getString("charset"), rs.getInt("row_count"),
        rs.getBigDecimal("total_amount"), rs.getString("sha256"), rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"), imported == null ? null : imported.toInstant(), paid, returned);
  }
}
