package org.doudi.payroll.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.doudi.payment.LedgerBulk;
import org.doudi.payroll.BankFile;
import org.doudi.payroll.internal.BankLayout;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** payroll_bank_file and the bank-file rows of payment_ledger. */
@Repository
public class BankFileRepository {

  static final String COLS = "id, batch_no, kind, run_id, county_code, payroll_month, bank_name, file_format, charset, "
      + "row_count, total_amount, sha256, created_at, created_by, result_imported_at, paid_count, returned_count";

  /**
   * The payment lines of a file, in the layout of docs/payroll.md ("D" records), ordered by ledger id; the condition
   * is {@link LedgerBulk#sentInFile}.
   */
  static final String LINES = "SELECT 'D', l.id, l.payee_name, l.payee_id_number, l.bank_name, l.account_number, "
      + "l.amount, l.scheme, l.period_start, l.period_end FROM payment_ledger l WHERE %s ORDER BY l.id";

  /**
   * The rows a file can hold (no index on bank_file_id, see V10_1), as literal SQL (COPY takes no parameters): of a
   * payroll file, its county's month (the batch's rows by their ids, the others by the county/month index: {@link
   * LedgerBulk#monthRows}); of a one-off file, the county's payments outside the payroll (never in a batch).
   */
  String fileRows(BankFile f) {
    if (f.payrollMonth() == null) {
      return "l.county_code = '" + f.countyCode().replaceAll("\\D", "") + "' AND l.payroll_month IS NULL "
          + "AND l.batch_id IS NULL";
    }
    return literal(ledger.monthRows(f.countyCode(), f.payrollMonth().atDay(1)));
  }

  /** A condition with its arguments written in as literals (numbers, dates, county codes only). */
  static String literal(LedgerBulk.Condition c) {
    StringBuilder sql = new StringBuilder();
    int arg = 0;
    for (char ch : c.sql().toCharArray()) {
      if (ch != '?') {
        sql.append(ch);
        continue;
      }
      Object v = c.args().get(arg++);
      if (v instanceof Long || v instanceof Integer) {
        sql.append(v);
      } else if (v instanceof Date d) {
        sql.append("DATE '").append(d.toLocalDate()).append('\'');
      } else if (v instanceof String code && code.matches("\\d{6}")) {
        sql.append('\'').append(code).append('\'');
      } else {
        throw new IllegalArgumentException("unexpected argument " + v);
      }
    }
    return sql.toString();
  }

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final LedgerBulk ledger;

  public BankFileRepository(JdbcTemplate jdbc, DataSource dataSource, LedgerBulk ledger) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.ledger = ledger;
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

  /** The file's payments: id → [account_number, amount, status]. */
  public Map<Long, Object[]> rows(BankFile f) {
    Map<Long, Object[]> m = new LinkedHashMap<>();
    jdbc.query("SELECT id, account_number, amount, status FROM payment_entry l WHERE " + fileRows(f)
        + " AND bank_file_id = ?", rs -> {
          m.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getBigDecimal(3), rs.getString(4)});
        }, f.id());
    return m;
  }

  public int countWithStatus(BankFile f, String status) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_entry l WHERE " + fileRows(f) + " AND bank_file_id = ? "
        + "AND status = ?", Integer.class, f.id(), status);
  }

  public void setResult(long id, Instant at, String actor, String sha256, int paid, int returned) {
    jdbc.update("UPDATE payroll_bank_file SET result_imported_at = ?, result_imported_by = ?, result_sha256 = ?, "
        + "paid_count = ?, returned_count = ? WHERE id = ?", Timestamp.from(at), actor, sha256, paid, returned, id);
  }

  /**
   * Writes the payment lines of a file to {@code out} in the layout: DOUDI-CSV-1 on PostgreSQL with {@code COPY … TO
   * STDOUT (FORMAT csv)} on the transaction's own connection, otherwise by streaming a JDBC result set. Both write the
   * same bytes (UTF-8).
   * Returns the number of lines.
   */
  public long writeLines(BankFile f, BankLayout layout, OutputStream out) {
    String query = String.format(LINES, literal(ledger.sentInFile(f.countyCode(),
        f.payrollMonth() == null ? null : f.payrollMonth().atDay(1), f.id())));
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      if (c.isWrapperFor(PGConnection.class)) {
        // the planner underestimates a batch's rows (its id range and its id taken as independent) and would sort a
        // county's 10,000s of lines with the default 4 MB on disk; for this transaction only
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("SET LOCAL work_mem = '64MB'");
          // COPY writes dates in the session's DateStyle: the documented yyyy-MM-dd whatever the server's setting
          st.execute("SET LOCAL DateStyle = 'ISO, YMD'");
        }
      }
      if (layout == BankLayout.DOUDI_CSV_1 && c.isWrapperFor(PGConnection.class)) {
        return c.unwrap(PGConnection.class).getCopyAPI()
            .copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv)", out);
      }
      long n = 0;
      try (PreparedStatement ps = c.prepareStatement(query, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(5000);
        try (ResultSet rs = ps.executeQuery()) {
          StringBuilder b = new StringBuilder(1 << 16);
          while (rs.next()) {
            n++;
            b.append(layout.line((int) n, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getDate(9).toLocalDate(),
                rs.getDate(10).toLocalDate()));
            if (b.length() > 60_000) {
              out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
              b.setLength(0);
            }
          }
          out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException("银行文件导出失败", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
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
