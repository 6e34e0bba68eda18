package org.doudi.region.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.doudi.region.RegionImportException.BadLine;
import org.doudi.region.RegionImportResult;
import org.doudi.region.RegionLevel;
import org.doudi.region.internal.RegionFile.Line;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks of a region file against itself and the table, and the changes it makes (docs/regions.md): parents
 * must exist in the file or the table and stay in use; a file with a province line is the full list of that
 * province, so regions of it that the file omits are abolished (with their descendants); a line marked 撤销/合并
 * abolishes its region. Names, classes and abolitions change in place under the same code (cases keep it); each
 * change leaves a {@code region_history} row. Nothing is ever deleted.
 */
public final class RegionMerge {

  /** A row of the table as the import sees it. */
  record Row(String code, String name, RegionLevel level, String parentCode, String urbanRural, String classCode,
      boolean abolished) {}

  private final JdbcTemplate jdbc;

  public RegionMerge(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Checks the lines against the table and, when neither these checks nor the file's own found a bad line, applies
   * them (else null); the caller runs this in one transaction. {@code badCodes}: codes of lines the file's own checks
   * refused (their children are not refused again for a missing parent).
   */
  public RegionImportResult apply(Map<String, Line> lines, List<BadLine> bad, Set<String> badCodes, LocalDate today,
      String by, String source) {
    Map<String, Row> table = table();
    Set<String> fullProvinces = new HashSet<>();
    for (Line l : lines.values()) {
      if (l.level() == RegionLevel.PROVINCE && !l.abolish()) {
        fullProvinces.add(l.prefix());
      }
    }
    for (Line l : lines.values()) {
      check(l, lines, table, fullProvinces, badCodes, bad);
    }
    if (!bad.isEmpty()) {
      return null;
    }
    // what is abolished: lines marked so, regions of a fully listed province the file omits, and the descendants of
    // both that the file does not list as in use
    Set<String> abolishedPrefixes = new HashSet<>();
    lines.values().stream().filter(Line::abolish).forEach(l -> abolishedPrefixes.add(l.prefix()));
    List<Row> toAbolish = new ArrayList<>();
    int unchanged = 0;
    for (Row r : table.values()) {
      Line l = lines.get(r.code());
      if (l != null) {
        if (l.abolish()) {
          if (r.abolished()) {
            unchanged++;
          } else {
            toAbolish.add(r);
          }
        }
        continue;
      }
      boolean omitted = fullProvinces.contains(r.code().substring(0, 2)) || abolishedPrefixes.stream()
          .anyMatch(p -> r.code().startsWith(p));
      if (omitted && !r.abolished()) {
        toAbolish.add(r);
      }
    }
    List<Line> added = new ArrayList<>();
    List<Object[]> history = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    int renamed = 0;
    int reclassified = 0;
    int restored = 0;
    Timestamp at = Timestamp.from(Instant.now());
    for (Line l : lines.values()) {
      if (l.abolish()) {
        continue;
      }
      Row r = table.get(l.code());
      if (r == null) {
        added.add(l);
        history.add(new Object[] {l.code(), "ADDED", null, l.name(), null, l.urbanRural(), at, by, source});
        continue;
      }
      boolean change = false;
      if (!r.name().equals(l.name())) {
        renamed++;
        change = true;
        history.add(new Object[] {l.code(), "RENAMED", r.name(), l.name(), null, null, at, by, source});
      }
      if (!Objects.equals(r.urbanRural(), l.urbanRural()) || !Objects.equals(r.classCode(), l.classCode())) {
        reclassified++;
        change = true;
        history.add(new Object[] {l.code(), "RECLASSIFIED", null, null, r.urbanRural(), l.urbanRural(), at, by,
            source});
      }
      if (r.abolished()) {
        restored++;
        change = true;
        history.add(new Object[] {l.code(), "RESTORED", null, null, null, null, at, by, source});
      }
      if (change) {
        updates.add(new Object[] {l.name(), l.urbanRural(), l.classCode(), l.code()});
      } else {
        unchanged++;
      }
    }
    added.sort(Comparator.comparing((Line l) -> l.level().ordinal()).thenComparing(Line::code));
    jdbc.batchUpdate("INSERT INTO region (code, name, level, parent_code, urban_rural, class_code) "
        + "VALUES (?, ?, ?, ?, ?, ?)", added.stream().map(l -> new Object[] {l.code(), l.name(), l.level().name(),
            l.parentCode(), l.urbanRural(), l.classCode()}).toList());
    jdbc.batchUpdate("UPDATE region SET name = ?, urban_rural = ?, class_code = ?, abolished_on = NULL WHERE code = ?",
        updates);
    jdbc.batchUpdate("UPDATE region SET abolished_on = ? WHERE code = ?", toAbolish.stream()
        .map(r -> new Object[] {Date.valueOf(today), r.code()}).toList());
    toAbolish.forEach(r -> history.add(new Object[] {r.code(), "ABOLISHED", null, null, null, null, at, by, source}));
    jdbc.batchUpdate("INSERT INTO region_history (code, change_kind, old_name, new_name, old_urban_rural, "
        + "new_urban_rural, changed_at, changed_by, import_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", history);
    return new RegionImportResult(added.size(), renamed, reclassified, restored, toAbolish.size(), unchanged);
  }

  private static void check(Line l, Map<String, Line> lines, Map<String, Row> table, Set<String> fullProvinces,
      Set<String> badCodes, List<BadLine> bad) {
    Row existing = table.get(l.code());
    if (existing != null && existing.level() != l.level()) {
      bad.add(new BadLine(l.no(), "代码" + l.code() + "在区划表中是" + existing.level().label() + "级（" + existing.name()
          + "），与代码推出的" + l.level().label() + "级不符"));
      return;
    }
    if (l.abolish()) {
      if (existing == null) {
        bad.add(new BadLine(l.no(), "要撤销的区划" + l.code() + "（" + l.name() + "）不在区划表中"));
      }
      return;
    }
    if (l.parentCode() == null || badCodes.contains(l.parentCode())) {
      return;
    }
    String p = l.parentCode();
    Line inFile = lines.get(p);
    if (inFile != null) {
      if (inFile.abolish()) {
        bad.add(new BadLine(l.no(), l.name() + "（" + l.code() + "）的上级区划" + p + "在第" + inFile.no()
            + "行标记为撤销，下级不能仍在用"));
      }
      return;
    }
    Row parent = table.get(p);
    if (parent == null) {
      bad.add(new BadLine(l.no(), l.name() + "（" + l.code() + "）的上级区划代码" + p + "既不在本文件中，也不在区划表中"));
    } else if (parent.abolished()) {
      bad.add(new BadLine(l.no(), l.name() + "（" + l.code() + "）的上级区划" + parent.name() + "（" + p
          + "）已撤销；如其恢复使用，请在文件中列出"));
    } else if (fullProvinces.contains(p.substring(0, 2))) {
      bad.add(new BadLine(l.no(), l.name() + "（" + l.code() + "）的上级区划" + parent.name() + "（" + p
          + "）不在文件中：含省级行的文件是该省的全量清单，未列出的区划会被撤销"));
    }
  }

  private Map<String, Row> table() {
    Map<String, Row> rows = new LinkedHashMap<>();
    jdbc.query("SELECT code, name, level, parent_code, urban_rural, class_code, abolished_on FROM region", rs -> {
      rows.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), RegionLevel.valueOf(rs.getString(3)),
          rs.getString(4), rs.getString(5), rs.getString(6), rs.getDate(7) != null));
    });
    return rows;
  }
}
