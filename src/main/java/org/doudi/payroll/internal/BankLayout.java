package org.doudi.payroll.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The layouts of bank files (doudi.payroll.bank.format; docs/payroll.md "CSV layouts"). A file is made and its result
 * read in the layout stored with it, so changing the setting affects new files only.
 *
 * <ul>
 *   <li>{@code DOUDI-CSV-1}: comma-separated with quotes where needed, {@code H} and {@code D} records, LF.</li>
 *   <li>{@code BANK-TXT-1}: the shape of many banks' batch payment (批量代发) text files: {@code |}-separated, no
 *       quotes, CRLF, a header line {@code 批次号|笔数|总金额|代发单位|月份}, detail lines
 *       {@code 序号|账号|户名|金额|证件号码|摘要} whose 摘要 {@code DD<payment id>} the bank returns in its result
 *       lines {@code 序号|账号|户名|金额|结果|原因|摘要}.</li>
 * </ul>
 */
public enum BankLayout {

  DOUDI_CSV_1("DOUDI-CSV-1", "\n"),
  BANK_TXT_1("BANK-TXT-1", "\r\n");

  private final String code;
  private final String lineEnd;

  BankLayout(String code, String lineEnd) {
    this.code = code;
    this.lineEnd = lineEnd;
  }

  public String code() {
    return code;
  }

  /** @throws IllegalArgumentException not a known layout */
  public static BankLayout of(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("未知的银行文件格式：" + code + "（可选：DOUDI-CSV-1、BANK-TXT-1）"));
  }

  public String header(String batchNo, String countyCode, String bankName, String month, int count,
      BigDecimal total) {
    return switch (this) {
      case DOUDI_CSV_1 -> Csv.line("H", batchNo, countyCode, bankName, month, count, total.toPlainString(), code);
      case BANK_TXT_1 -> String.join("|", batchNo, String.valueOf(count), total.toPlainString(), plain(bankName),
          month) + lineEnd;
    };
  }

  /** One payment line; {@code seq} counts from 1 in the file. */
  public String line(int seq, long id, String name, String idNumber, String bankName, String account,
      BigDecimal amount, String scheme, LocalDate periodStart, LocalDate periodEnd) {
    return switch (this) {
      case DOUDI_CSV_1 -> Csv.line("D", id, name, idNumber, bankName, account, amount.toPlainString(), scheme,
          periodStart, periodEnd);
      case BANK_TXT_1 -> String.join("|", String.valueOf(seq), plain(account), plain(name),
          amount.toPlainString(), plain(idNumber), "DD" + id) + lineEnd;
    };
  }

  /** A result file's first line: the batch number, or null when the line is not a header of this layout. */
  public String batchOf(String line) {
    return switch (this) {
      case DOUDI_CSV_1 -> {
        List<String> f = Csv.split(line);
        yield f != null && f.size() >= 2 && f.get(0).equals("H") ? f.get(1).trim() : null;
      }
      case BANK_TXT_1 -> line.split("\\|", -1)[0].trim();
    };
  }

  /** What a result line says, or why it cannot be read ({@code error} set). */
  public record ResultLine(String paymentId, String account, String amount, String result, String reason,
      String error) {
    static ResultLine error(String message) {
      return new ResultLine(null, null, null, null, null, message);
    }
  }

  public ResultLine result(String line) {
    switch (this) {
      case DOUDI_CSV_1 -> {
        List<String> f = Csv.split(line);
        if (f == null) {
          return ResultLine.error("引号未闭合");
        }
        if (!f.get(0).equals("D") || f.size() < 5 || f.size() > 6) {
          return ResultLine.error("明细行应为：D,付款编号,账号,金额,结果,原因");
        }
        return new ResultLine(f.get(1).trim(), f.get(2).trim(), f.get(3).trim(), f.get(4).trim(),
            f.size() == 6 ? f.get(5).trim() : "", null);
      }
      case BANK_TXT_1 -> {
        String[] f = line.split("\\|", -1);
        if (f.length != 7 || !f[6].trim().startsWith("DD")) {
          return ResultLine.error("明细行应为：序号|账号|户名|金额|结果|原因|摘要（摘要为 DD付款编号）");
        }
        return new ResultLine(f[6].trim().substring(2), f[1].trim(), f[3].trim(), f[4].trim(), f[5].trim(), null);
      }
      default -> throw new IllegalStateException(code);
    }
  }

  public String headerHint() {
    return this == DOUDI_CSV_1 ? "H,批次号" : "批次号|笔数|总金额|代发单位|月份";
  }

  /** No separator or line break inside a field of the text layout. */
  private static String plain(String s) {
    return s == null ? "" : s.replace('|', ' ').replace('\r', ' ').replace('\n', ' ');
  }
}
