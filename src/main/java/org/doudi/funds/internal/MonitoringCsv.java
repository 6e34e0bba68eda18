package org.doudi.funds.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.doudi.funds.MonitoringRow;

/**
 * The CSV export for the third-party performance evaluation: UTF-8 with a byte-order mark (so that Excel reads
 * the Chinese headers), comma separated, CRLF line ends, amounts in yuan with two decimals, days with one.
 */
public final class MonitoringCsv {

  public static final String HEADER = "月份,县级区划代码,县级区划名称,批准笔数,批准金额(元),支付笔数,支付金额(元),"
      + "支付户(人)数,退回笔数,退回金额(元),批准至支付平均天数,批准至支付最长天数";

  private MonitoringCsv() {}

  public static byte[] write(List<MonitoringRow> rows) {
    StringBuilder b = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    for (MonitoringRow r : rows) {
      b.append(r.month()).append(',')
          .append(r.countyCode()).append(',')
          .append(field(r.countyName())).append(',')
          .append(r.approvedCount()).append(',')
          .append(plain(r.approvedAmount())).append(',')
          .append(r.paidCount()).append(',')
          .append(plain(r.paidAmount())).append(',')
          .append(r.paidBeneficiaries()).append(',')
          .append(r.returnedCount()).append(',')
          .append(plain(r.returnedAmount())).append(',')
          .append(plain(r.avgDaysToPayment())).append(',')
          .append(plain(r.maxDaysToPayment())).append("\r\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String plain(BigDecimal v) {
    return v == null ? "" : v.toPlainString();
  }

  /**
   * A text cell: prefixed with {@code '} when it starts like a formula, then quoted when it holds a separator, quote or
   * line break. The other cells are the month, the county code and numbers, which never start like one.
   */
  static String field(String s) {
    if (s == null) {
      return "";
    }
    String v = s;
    // a spreadsheet takes a cell starting with = + - @ (or a tab or carriage return before one) for a formula
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
