package org.doudi.payroll;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A disbursement file read by the rules of docs/payroll.md ("Bank files") and nothing else: character set, line
 * ends, separators, quoting, the header's and the lines' fields and formats, count and total. Any deviation throws
 * an {@link AssertionError} naming the line. Deliberately independent of the writer's code (BankLayout, Csv).
 */
final class DocumentedBankFile {

  /** The character sets the documentation allows. */
  static final Set<String> CHARSETS = Set.of("UTF-8", "GBK", "GB18030");

  record Header(String batchNo, String countyCode, String bankName, String payrollMonth, int lineCount,
      BigDecimal total) {}

  /** A payment line; the fields a layout does not carry are null (BANK-TXT-1: bank, scheme, period). */
  record Line(int seq, long ledgerId, String payeeName, String idNumber, String bankName, String account,
      BigDecimal amount, String scheme, LocalDate periodStart, LocalDate periodEnd) {}

  record Parsed(Header header, List<Line> lines) {}

  private static final String AMOUNT = "(0|[1-9]\\d*)\\.\\d{2}";
  private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";
  private static final String BATCH = "P\\d{6}\\d{4}(0[1-9]|1[0-2])|T\\d{6}\\d{8}-[1-9]\\d*";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  private DocumentedBankFile() {}

  static Parsed read(byte[] bytes, String layout, String charset) {
    check(CHARSETS.contains(charset), 0, "character set " + charset + " is not one the documentation allows");
    String text;
    try {
      text = Charset.forName(charset).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("not valid " + charset + ": " + e);
    }
    check(!text.startsWith("\uFEFF"), 1, "a byte-order mark");
    return switch (layout) {
      case "DOUDI-CSV-1" -> csv(text);
      case "BANK-TXT-1" -> txt(text);
      default -> throw new AssertionError("layout " + layout + " is not documented");
    };
  }

  /** DOUDI-CSV-1: comma, quotes only around fields with a comma, quote or line break, LF after every line. */
  private static Parsed csv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    int i = 0;
    check(!text.isEmpty(), 1, "an empty file");
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        check(field.length() == 0, line, "a quote inside an unquoted field");
        StringBuilder quoted = new StringBuilder();
        int j = i + 1;
        while (true) {
          check(j < text.length(), line, "a quoted field not closed");
          char q = text.charAt(j);
          if (q == '"') {
            if (j + 1 < text.length() && text.charAt(j + 1) == '"') {
              quoted.append('"');
              j += 2;
              continue;
            }
            break;
          }
          if (q == '\n') {
            line++;
          }
          quoted.append(q);
          j++;
        }
        String v = quoted.toString();
        check(v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r"), line,
            "a field in quotes that holds no comma, quote or line break: \"" + v + "\"");
        j++;
        check(j < text.length() && (text.charAt(j) == ',' || text.charAt(j) == '\n'), line,
            "a closing quote not followed by a comma or the line end");
        field.append(v);
        i = j;
        continue;
      }
      check(c != '\r', line, "a carriage return outside quotes (lines end with LF only)");
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        lineNumbers.add(recordLine);
        fields = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
      i++;
    }
    check(fields.isEmpty() && field.length() == 0, line, "the last line does not end with LF");
    List<String> h = records.get(0);
    check(h.size() == 8 && h.get(0).equals("H") && h.get(7).equals("DOUDI-CSV-1"), 1,
        "the header is not H,batchNo,countyCode,bankName,payrollMonth,lineCount,totalAmount,DOUDI-CSV-1: " + h);
    Header header = header(h.get(1), h.get(2), h.get(3), h.get(4), h.get(5), h.get(6));
    List<Line> lines = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> d = records.get(r);
      int no = lineNumbers.get(r);
      check(d.size() == 10 && d.get(0).equals("D"), no, "not D with 9 fields: " + d);
      check(d.get(7).matches("[A-Z_]+"), no, "scheme " + d.get(7));
      LocalDate start = date(d.get(8), no);
      LocalDate end = date(d.get(9), no);
      check(!end.isBefore(start), no, "the period ends before it starts");
      lines.add(new Line(r, id(d.get(1), no), text(d.get(2), no), text(d.get(3), no), text(d.get(4), no),
          text(d.get(5), no), amount(d.get(6), no), d.get(7), start, end));
    }
    return totals(header, lines);
  }

  /** BANK-TXT-1: '|', never quoted, CRLF after every line. */
  private static Parsed txt(String text) {
    check(text.endsWith("\r\n"), 0, "the last line does not end with CRLF");
    String[] raw = text.substring(0, text.length() - 2).split("\r\n", -1);
    for (int n = 0; n < raw.length; n++) {
      check(raw[n].indexOf('\r') < 0 && raw[n].indexOf('\n') < 0, n + 1, "a line break other than CRLF");
    }
    String[] h = raw[0].split("\\|", -1);
    check(h.length == 5, 1, "the header is not batchNo|lineCount|totalAmount|bankName|payrollMonth: " + raw[0]);
    String county = h[0].length() > 7 ? h[0].substring(1, 7) : "";
    Header header = header(h[0], county, h[3], h[4], h[1], h[2]);
    List<Line> lines = new ArrayList<>();
    for (int n = 1; n < raw.length; n++) {
      String[] d = raw[n].split("\\|", -1);
      int no = n + 1;
      check(d.length == 6, no, "not seq|accountNumber|payeeName|amount|payeeIdNumber|DD<ledgerId>: " + raw[n]);
      check(d[0].equals(String.valueOf(n)), no, "sequence " + d[0] + ", expected " + n);
      check(d[5].startsWith("DD"), no, "摘要 " + d[5] + " is not DD<ledgerId>");
      lines.add(new Line(n, id(d[5].substring(2), no), text(d[2], no), text(d[4], no), null, text(d[1], no),
          amount(d[3], no), null, null, null));
    }
    return totals(header, lines);
  }

  private static Header header(String batch, String county, String bank, String month, String count, String total) {
    check(batch.matches(BATCH), 1, "batch number " + batch);
    check(county.matches("\\d{6}") && batch.substring(1, 7).equals(county), 1, "county " + county);
    check(month.isEmpty() == batch.startsWith("T") && (month.isEmpty() || month.matches(MONTH)), 1,
        "payroll month '" + month + "' (yyyy-MM in a payroll file, empty in a one-off file)");
    check(month.isEmpty() || batch.substring(7).equals(month.replace("-", "")), 1, "the month of batch " + batch);
    check(count.matches("0|[1-9]\\d*"), 1, "line count " + count);
    return new Header(batch, county, text(bank, 1), month, Integer.parseInt(count), amount(total, 1));
  }

  private static Parsed totals(Header header, List<Line> lines) {
    check(header.lineCount() == lines.size(), 1, "line count " + header.lineCount() + ", lines " + lines.size());
    BigDecimal sum = lines.stream().map(Line::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    check(header.total().compareTo(sum) == 0, 1, "total " + header.total() + ", lines add up to " + sum);
    for (int n = 1; n < lines.size(); n++) {
      check(lines.get(n).ledgerId() > lines.get(n - 1).ledgerId(), n + 2, "not in ascending order of ledger id");
    }
    return new Parsed(header, lines);
  }

  private static String text(String v, int line) {
    check(!v.isEmpty(), line, "an empty field");
    return v;
  }

  private static long id(String v, int line) {
    check(v.matches("[1-9]\\d{0,18}"), line, "ledger id " + v);
    return Long.parseLong(v);
  }

  private static BigDecimal amount(String v, int line) {
    check(v.matches(AMOUNT), line, "amount " + v + " (yuan, two decimals, no sign or separators)");
    return new BigDecimal(v);
  }

  private static LocalDate date(String v, int line) {
    try {
      return LocalDate.parse(v, DATE);
    } catch (DateTimeParseException e) {
      throw new AssertionError("line " + line + ": date " + v + " is not yyyy-MM-dd");
    }
  }

  private static void check(boolean ok, int line, String what) {
    if (!ok) {
      throw new AssertionError("line " + line + ": " + what);
    }
  }
}
