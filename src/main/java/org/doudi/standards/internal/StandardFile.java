package org.doudi.standards.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.doudi.standards.StandardBatch.Row;
import org.doudi.standards.StandardBatchException.BadLine;
import org.doudi.standards.StandardKind;

/**
 * Reads a standards file (docs/eligibility.md, "标准批量导入"): UTF-8, comma-separated, one county and type a line:
 * {@code 县级区划代码,城乡类别,月标准[,财产限额月数]} (the last column 低保 only), an optional title line. Only the
 * shape is checked here; what the values may be is the single entry's check, applied row by row by the caller.
 */
public final class StandardFile {

  private static final Pattern NUMBER = Pattern.compile("\\d{1,7}(\\.\\d+)?");

  private StandardFile() {}

  public static List<Row> read(String text, StandardKind kind, List<BadLine> bad) {
    List<Row> rows = new ArrayList<>();
    if (text == null || text.isBlank()) {
      bad.add(new BadLine(0, "文件为空：每行一个县的一种标准，格式为“县级区划代码,城乡类别,月标准[,财产限额月数]”"));
      return rows;
    }
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    boolean first = true;
    int maxColumns = kind == StandardKind.TEKUN ? 3 : 4;
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      if (line.isBlank()) {
        continue;
      }
      boolean header = first && !Character.isDigit(line.strip().charAt(0));
      first = false;
      if (header) {
        continue;
      }
      int no = i + 1;
      String[] f = line.split(",", -1);
      if (f.length < 3 || f.length > maxColumns) {
        bad.add(new BadLine(no, "应有" + (maxColumns == 3 ? "3列（县级区划代码,城乡类别,月标准）"
            : "3或4列（县级区划代码,城乡类别,月标准[,财产限额月数]）") + "，实有" + f.length + "列"));
        continue;
      }
      String county = f[0].strip();
      String urbanRural = switch (f[1].strip()) {
        case "城市", "城镇", "URBAN" -> "URBAN";
        case "农村", "乡村", "RURAL" -> "RURAL";
        default -> f[1].strip(); // the single entry's check names it
      };
      String amountText = f[2].strip();
      BigDecimal amount = null;
      if (NUMBER.matcher(amountText).matches()) {
        amount = new BigDecimal(amountText);
      } else {
        bad.add(new BadLine(no, "月标准“" + shorten(amountText) + "”不是金额（元/人·月，如530或530.50）"));
      }
      Integer months = null;
      if (f.length == 4 && !f[3].isBlank()) {
        if (f[3].strip().matches("\\d{1,4}")) {
          months = Integer.valueOf(f[3].strip());
        } else {
          bad.add(new BadLine(no, "财产限额月数“" + shorten(f[3].strip()) + "”应为整数（留空为24）"));
        }
      }
      Integer earlier = seen.putIfAbsent(county + "/" + urbanRural, no);
      if (earlier != null) {
        bad.add(new BadLine(no, "县级区划" + county + "的" + ("URBAN".equals(urbanRural) ? "城市" : "农村") + "标准与第" + earlier
            + "行重复"));
      }
      rows.add(new Row(no, county, urbanRural, amount, months));
    }
    if (rows.isEmpty() && bad.isEmpty()) {
      bad.add(new BadLine(0, "文件中没有标准（只有标题行或空行）"));
    }
    return rows;
  }

  private static String shorten(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
