package org.doudi.region.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.doudi.region.RegionImportException.BadLine;
import org.doudi.region.RegionLevel;

/**
 * Reads a region file (docs/regions.md, "文件格式"): UTF-8 text, one region a line, comma- or tab-separated
 * {@code code,name[,class code[,status]]} in the order of the official 统计用区划代码 list. Each line is checked on its
 * own here (code, level, name, class code, status, duplicates); the checks against the other lines and the table
 * (parents, what a full import abolishes) are {@link RegionMerge}'s.
 */
public final class RegionFile {

  /** 城乡分类代码 (国家统计局《统计用区划和城乡划分代码》): 1xx towns and cities, 2xx countryside. */
  static final Set<String> URBAN_CLASSES = Set.of("111", "112", "121", "122", "123");
  static final Set<String> RURAL_CLASSES = Set.of("210", "220");
  private static final Set<String> IN_USE = Set.of("", "现行");
  private static final Set<String> ABOLISHED = Set.of("撤销", "合并");
  private static final Pattern DIGITS = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");
  private static final Pattern CONTROL_OR_MARKUP = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F<>]");
  private static final int MAX_NAME = 100;

  /**
   * One good line. {@code code} is the stored code (6 digits down to counties, 9 for townships, 12 for villages);
   * {@code urbanRural} is null for provinces and cities and for lines that abolish.
   */
  public record Line(int no, String code, String name, RegionLevel level, String parentCode, String classCode,
      String urbanRural, boolean abolish) {

    /** The code's digits that its descendants share (22 for a province, 2201 for a city, 220122 for a county, …). */
    String prefix() {
      return prefixOf(code, level);
    }
  }

  private RegionFile() {}

  /**
   * The good lines by stored code, in file order; each bad line's reason goes to {@code bad}, and its stored code,
   * when the code itself was readable, to {@code badCodes} (so that its children are not refused again for it).
   */
  public static Map<String, Line> read(String text, List<BadLine> bad, Set<String> badCodes) {
    Map<String, Line> lines = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      bad.add(new BadLine(0, "文件为空：每行一个行政区划，格式为“代码,名称[,城乡分类代码[,状态]]”"));
      return lines;
    }
    String[] rows = text.split("\r\n|\r|\n", -1);
    boolean first = true;
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i];
      if (i == 0 && row.startsWith("\uFEFF")) {
        row = row.substring(1);
      }
      if (row.isBlank()) {
        continue;
      }
      boolean header = first && !Character.isDigit(row.strip().charAt(0));
      first = false;
      if (header) {
        continue; // a title line such as 统计用区划代码,名称,城乡分类代码
      }
      Line line = line(i + 1, row, bad, badCodes);
      if (line == null) {
        continue;
      }
      Line earlier = lines.putIfAbsent(line.code(), line);
      if (earlier != null) {
        bad.add(new BadLine(line.no(), "代码" + line.code() + "与第" + earlier.no() + "行重复"));
      }
    }
    if (lines.isEmpty() && bad.isEmpty()) {
      bad.add(new BadLine(0, "文件中没有行政区划（只有标题行或空行）"));
    }
    return lines;
  }

  private static Line line(int no, String row, List<BadLine> bad, Set<String> badCodes) {
    String separator = row.indexOf(',') < 0 && row.indexOf('\t') >= 0 ? "\t" : ",";
    String[] f = row.split(Pattern.quote(separator), -1);
    if (f.length < 2 || f.length > 4) {
      bad.add(new BadLine(no, "应有2至4列（代码,名称[,城乡分类代码[,状态]]），实有" + f.length + "列"));
      return null;
    }
    for (int k = 0; k < f.length; k++) {
      f[k] = unquote(f[k].strip());
    }
    int before = bad.size();
    String digits = f[0];
    String name = f[1];
    String classCode = f.length > 2 ? f[2] : "";
    String status = f.length > 3 ? f[3] : "";
    if (!DIGITS.matcher(digits).matches()) {
      bad.add(new BadLine(no, "区划代码“" + shorten(digits) + "”应为12位数字（统计用区划代码），或6位、9位"));
      return null;
    }
    String full = (digits + "000000").substring(0, 12);
    RegionLevel level = levelOf(full);
    String reason = structure(full, level);
    if (reason != null) {
      bad.add(new BadLine(no, "区划代码" + digits + reason));
      return null;
    }
    String code = stored(full, level);
    if (name.isEmpty()) {
      bad.add(new BadLine(no, "区划代码" + digits + "的名称未填写"));
    } else if (name.length() > MAX_NAME) {
      bad.add(new BadLine(no, "名称超过" + MAX_NAME + "个字"));
    } else if (CONTROL_OR_MARKUP.matcher(name).find() || "=+-@".indexOf(name.charAt(0)) >= 0) {
      bad.add(new BadLine(no, "名称“" + shorten(name) + "”含有控制字符、尖括号或以 = + - @ 开头"));
    }
    boolean abolish = ABOLISHED.contains(status);
    if (!abolish && !IN_USE.contains(status)) {
      bad.add(new BadLine(no, "状态“" + shorten(status) + "”无效：留空或填“现行”表示在用，填“撤销”或“合并”表示撤销"));
    }
    String urbanRural = null;
    if (!classCode.isEmpty()) {
      if (level == RegionLevel.PROVINCE || level == RegionLevel.CITY) {
        bad.add(new BadLine(no, level.label() + "级区划" + name + "不设城乡分类代码，该列应留空"));
      } else if (URBAN_CLASSES.contains(classCode)) {
        urbanRural = "URBAN";
      } else if (RURAL_CLASSES.contains(classCode)) {
        urbanRural = "RURAL";
      } else {
        bad.add(new BadLine(no, "城乡分类代码“" + shorten(classCode) + "”无效，应为111、112、121、122、123（城镇）或210、220（乡村）"));
      }
    } else if (!abolish && bad.size() == before) {
      urbanRural = derived(level, name);
      if (urbanRural == null && level == RegionLevel.TOWNSHIP) {
        bad.add(new BadLine(no, "乡镇级区划" + name + "无法从名称判断城乡（街道为城镇，镇、乡、苏木为乡村），请填写城乡分类代码"));
      } else if (urbanRural == null && level == RegionLevel.VILLAGE) {
        bad.add(new BadLine(no, "村级区划" + name + "缺少城乡分类代码（111至123为城镇，210、220为乡村）"));
      }
    }
    if (bad.size() > before) {
      badCodes.add(code);
      return null;
    }
    return new Line(no, code, name, level, parentOf(full, level), classCode.isEmpty() ? null : classCode,
        abolish ? null : urbanRural, abolish);
  }

  /**
   * Urban or rural when the line gives no class code: a county by its type (a 市辖区, whose name ends in 区, URBAN; a
   * county, banner or county-level city RURAL), a township by its type (a 街道 URBAN; a 镇, 乡 or 苏木 RURAL; others,
   * such as a development zone, need the code). Villages always need the code.
   */
  static String derived(RegionLevel level, String name) {
    return switch (level) {
      case PROVINCE, CITY -> null;
      case COUNTY -> name.endsWith("区") ? "URBAN" : "RURAL";
      case TOWNSHIP -> name.endsWith("街道") || name.endsWith("街道办事处") ? "URBAN"
          : name.endsWith("镇") || name.endsWith("乡") || name.endsWith("苏木") ? "RURAL" : null;
      case VILLAGE -> null;
    };
  }

  /** The level from the trailing zeros of the 12-digit code. */
  static RegionLevel levelOf(String full) {
    if (full.substring(2).matches("0+")) {
      return RegionLevel.PROVINCE;
    }
    if (full.substring(4).matches("0+")) {
      return RegionLevel.CITY;
    }
    if (full.substring(6).matches("0+")) {
      return RegionLevel.COUNTY;
    }
    return full.substring(9).matches("0+") ? RegionLevel.TOWNSHIP : RegionLevel.VILLAGE;
  }

  /** Why the code's parts do not nest (a zero part above a non-zero one), or null. */
  private static String structure(String full, RegionLevel level) {
    if (full.startsWith("00")) {
      return "的省级部分不能为00";
    }
    if (level.ordinal() > RegionLevel.CITY.ordinal() && full.substring(2, 4).equals("00")) {
      return "的地级部分为00，却有下级部分";
    }
    if (level.ordinal() > RegionLevel.COUNTY.ordinal() && full.substring(4, 6).equals("00")) {
      return "的县级部分为00，却有下级部分";
    }
    if (level == RegionLevel.VILLAGE && full.substring(6, 9).equals("000")) {
      return "的乡级部分为000，却有村级部分";
    }
    return null;
  }

  private static String stored(String full, RegionLevel level) {
    return switch (level) {
      case PROVINCE, CITY, COUNTY -> full.substring(0, 6);
      case TOWNSHIP -> full.substring(0, 9);
      case VILLAGE -> full;
    };
  }

  private static String parentOf(String full, RegionLevel level) {
    return switch (level) {
      case PROVINCE -> null;
      case CITY -> full.substring(0, 2) + "0000";
      case COUNTY -> full.substring(0, 4) + "00";
      case TOWNSHIP -> full.substring(0, 6);
      case VILLAGE -> full.substring(0, 9);
    };
  }

  /** The digits a region's descendants share with it. */
  static String prefixOf(String code, RegionLevel level) {
    return switch (level) {
      case PROVINCE -> code.substring(0, 2);
      case CITY -> code.substring(0, 4);
      case COUNTY -> code.substring(0, 6);
      case TOWNSHIP -> code.substring(0, 9);
      case VILLAGE -> code;
    };
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
  }

  private static String shorten(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
