package org.doudi.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated region file of a whole province in the official format (12-digit code, name, 城乡分类代码): Jilin with
 * its 9 cities and 60 counties as the migrations ship them, 15 townships per county (900) and 12 villages per
 * township (10,800), the demo slice's townships and villages under their own codes and names.
 */
final class ProvinceFile {

  static final Map<String, String> DEMO_NAMES = Map.ofEntries(Map.entry("220102001", "南岭街道"),
      Map.entry("220102002", "自强街道"), Map.entry("220122100", "农安镇"), Map.entry("220122101", "伏龙泉镇"),
      Map.entry("220102001001", "南岭社区"), Map.entry("220102001002", "建和社区"), Map.entry("220102002001", "自强社区"),
      Map.entry("220122100201", "宝塔村"), Map.entry("220122100202", "新阳村"), Map.entry("220122101201", "伏龙泉村"));

  final List<String> lines = new ArrayList<>();

  /** The province from the shipped cities and counties in the table. */
  static ProvinceFile jilin(JdbcTemplate jdbc) {
    ProvinceFile f = new ProvinceFile();
    f.lines.add("统计用区划代码,名称,城乡分类代码");
    f.lines.add("220000000000,吉林省,");
    jdbc.query("SELECT code, name FROM region WHERE level = 'CITY' AND code LIKE '22%' ORDER BY code",
        rs -> {
          f.lines.add(rs.getString(1) + "000000," + rs.getString(2) + ",");
        });
    List<String[]> counties = jdbc.query("SELECT code, name FROM region WHERE level = 'COUNTY' AND code LIKE '22%' "
        + "ORDER BY code", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
    for (String[] c : counties) {
      f.lines.add(c[0] + "000000," + c[1] + ",");
      boolean urban = c[1].endsWith("区");
      String stem = c[1].substring(0, c[1].length() - 1);
      for (int t = 1; t <= 15; t++) {
        String township = c[0] + (urban ? String.format("%03d", t) : t <= 10 ? "" + (99 + t) : "" + (189 + t));
        String tName = DEMO_NAMES.getOrDefault(township, stem + "第" + t + (urban ? "街道" : t <= 10 ? "镇" : "乡"));
        f.lines.add(township + "000," + tName + ",");
        for (int v = 1; v <= 12; v++) {
          String village = township + (urban ? String.format("%03d", v) : "" + (200 + v));
          String vName = DEMO_NAMES.getOrDefault(village, tName + "第" + v + (urban ? "社区" : "村"));
          f.lines.add(village + "," + vName + "," + (urban ? (v == 1 ? "111" : "112") : (v == 1 ? "210" : "220")));
        }
      }
    }
    return f;
  }

  /** The number of regions (lines without the title). */
  int regions() {
    return lines.size() - 1;
  }

  String csv() {
    return String.join("\n", lines) + "\n";
  }

  /** A copy with every line passed through {@code change} (null drops the line). */
  ProvinceFile with(UnaryOperator<String> change) {
    ProvinceFile f = new ProvinceFile();
    lines.stream().map(change).filter(java.util.Objects::nonNull).forEach(f.lines::add);
    return f;
  }

  /** The 1-based line number of the line starting with {@code code}. */
  int lineOf(String code) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(code + ",")) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(code);
  }
}
