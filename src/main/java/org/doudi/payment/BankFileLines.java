package org.doudi.payment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments of a bank file (the payroll's files: its layouts are the payroll's, docs/payroll.md), read in the
 * caller's transaction: the lines to write, in ascending payment id, streamed or, on PostgreSQL, as CSV by {@code COPY
 * … TO STDOUT}; and, for a bank's result, the file's payments with their account, amount and status. A file is named
 * by its county, its payroll month (null for a one-off file) and its id ({@link LedgerBulk#markSent} put the payments
 * in it).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class BankFileLines {

  /** One payment line of a file. */
  public record Line(long id, String payeeName, String payeeIdNumber, String bankName, String accountNumber,
      BigDecimal amount, String scheme, LocalDate periodStart, LocalDate periodEnd) {}

  /** A payment of a file as a bank's result is checked against it; status as payment_entry shows it. */
  public record FilePayment(String accountNumber, BigDecimal amount, PaymentStatus status) {}

  /** The lines' columns after the record type, in order: the CSV of {@link #copyCsv}. */
  static final String LINES = "SELECT %s, l.id, l.payee_name, l.payee_id_number, l.bank_name, l.account_number, "
      + "l.amount, l.scheme, l.period_start, l.period_end FROM payment_ledger l WHERE %s ORDER BY l.id";

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final BatchRows where;

  public BankFileLines(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.where = new BatchRows(jdbc);
  }

  /** Each payment line of the file to {@code each}, in ascending payment id, streamed; returns how many. */
  public long forEachLine(String countyCode, LocalDate payrollMonth, long bankFileId, Consumer<Line> each) {
    return onConnection(c -> {
      long n = 0;
      try (PreparedStatement ps = c.prepareStatement(lines(countyCode, payrollMonth, bankFileId, "'D'"),
          ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(5000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            n++;
            each.accept(new Line(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getString(8), rs.getDate(9).toLocalDate(), rs.getDate(10).toLocalDate()));
          }
        }
      }
      return n;
    });
  }

  /**
   * On PostgreSQL, the file's payment lines as CSV by {@code COPY (…) TO STDOUT WITH (FORMAT csv)} straight to
   * {@code out}, in UTF-8: per line {@code recordType,id,payee_name,payee_id_number,bank_name,account_number,amount,
   * scheme,period_start,period_end}, a field quoted only when it holds a comma, a quote or a line break, amounts as
   * stored (two decimals), dates yyyy-MM-dd, LF after every line. Returns how many, or nothing (and writes nothing) on
   * another database: the caller then writes {@link #forEachLine}'s lines itself.
   *
   * @param recordType the first field of every line (letters only)
   */
  public OptionalLong copyCsv(String countyCode, LocalDate payrollMonth, long bankFileId, String recordType,
      OutputStream out) {
    if (!recordType.matches("[A-Za-z]{1,8}")) {
      throw new IllegalArgumentException("record type: letters only: " + recordType);
    }
    return onConnection(c -> {
      if (!c.isWrapperFor(PGConnection.class)) {
        return OptionalLong.empty();
      }
      // COPY takes no parameters: the condition's arguments are written in (numbers and dates only)
      String query = lines(countyCode, payrollMonth, bankFileId, "'" + recordType + "'");
      try {
        return OptionalLong.of(c.unwrap(PGConnection.class).getCopyAPI()
            .copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv)", out));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The file's payments (id → account, amount, status), for checking the bank's result. */
  @Transactional(readOnly = true)
  public Map<Long, FilePayment> payments(String countyCode, LocalDate payrollMonth, long bankFileId) {
    Map<Long, FilePayment> m = new LinkedHashMap<>();
    BatchRows.Condition rows = fileRows(countyCode, payrollMonth);
    jdbc.query("SELECT id, account_number, amount, status FROM payment_entry l WHERE " + rows.sql()
        + " AND bank_file_id = ?", rs -> {
          m.put(rs.getLong(1), new FilePayment(rs.getString(2), rs.getBigDecimal(3),
              PaymentStatus.valueOf(rs.getString(4))));
        }, append(rows.args(), bankFileId));
    return m;
  }

  /** How many payments of the file have the status now. */
  @Transactional(readOnly = true)
  public int count(String countyCode, LocalDate payrollMonth, long bankFileId, PaymentStatus status) {
    BatchRows.Condition rows = fileRows(countyCode, payrollMonth);
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_entry l WHERE " + rows.sql() + " AND bank_file_id = ? "
        + "AND status = ?", Integer.class, append(append(rows.args(), bankFileId), status.name()));
  }

  /**
   * The rows a file can hold (no index on bank_file_id, see V10_1): of a payroll file, its county's month (the batch's
   * rows by their ids, the others by the county/month index: {@link BatchRows#monthRows}); of a one-off file, the
   * county's payments outside the payroll (never in a batch).
   */
  private BatchRows.Condition fileRows(String countyCode, LocalDate payrollMonth) {
    return payrollMonth == null
        ? new BatchRows.Condition("l.county_code = ? AND l.payroll_month IS NULL AND l.batch_id IS NULL",
            List.of(countyCode))
        : where.monthRows(countyCode, payrollMonth);
  }

  private static Object[] append(List<Object> args, Object more) {
    Object[] a = args.toArray(new Object[args.size() + 1]);
    a[args.size()] = more;
    return a;
  }

  private static Object[] append(Object[] args, Object more) {
    return append(List.of(args), more);
  }

  /** The lines' query with the condition's arguments written in (COPY takes no parameters). */
  private String lines(String countyCode, LocalDate payrollMonth, long bankFileId, String recordType) {
    return String.format(LINES, recordType, literal(where.sentInFile(countyCode, payrollMonth, bankFileId)));
  }

  /** A condition with its arguments written in as literals (numbers, dates, county codes only). */
  static String literal(BatchRows.Condition c) {
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

  private interface OnConnection<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * On the transaction's own connection (the rows were marked SENT in it): on PostgreSQL with room to sort a county's
   * lines in memory (the planner underestimates a batch's rows, its id range and its id taken as independent, and
   * would sort 10,000s of lines with the default 4 MB on disk) and the documented dates whatever the server's
   * DateStyle (COPY writes dates in it), for this transaction only.
   */
  private <T> T onConnection(OnConnection<T> work) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      if (c.isWrapperFor(PGConnection.class)) {
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("SET LOCAL work_mem = '64MB'");
          st.execute("SET LOCAL DateStyle = 'ISO, YMD'");
        }
      }
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("银行文件导出失败", e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }
}
