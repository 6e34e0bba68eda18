package org.doudi.region;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.region.RegionImportException.BadLine;
import org.doudi.region.internal.RegionFile;
import org.doudi.region.internal.RegionMerge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The importer of the official division codes (统计用区划代码; file format and rules in docs/regions.md): every line
 * checked, the whole file refused with every bad line when any is wrong, else applied in one transaction. Ways in:
 * {@code POST /api/admin/regions/import} and the command-line switch {@code --doudi.import.regions=<file>}.
 */
@Service
public class RegionImport {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Regions regions;
  private final RegionMerge merge;
  private final TransactionTemplate transaction;

  public RegionImport(Regions regions, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.regions = regions;
    this.merge = new RegionMerge(jdbc);
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Imports one file's text; {@code by} is who imports (account, or {@code 命令行:<os user>}), {@code source} names the
   * file in the history. One import at a time (the checks read the table the changes depend on).
   *
   * @throws RegionImportException with every bad line; nothing changed
   */
  public synchronized RegionImportResult importCsv(String text, String by, String source) {
    List<BadLine> bad = new ArrayList<>();
    Set<String> badCodes = new HashSet<>();
    Map<String, RegionFile.Line> lines = RegionFile.read(text, bad, badCodes);
    if (lines.isEmpty()) {
      throw new RegionImportException(bad);
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
    String shortSource = source == null || source.length() <= 200 ? source : "…" + source.substring(source.length() - 199);
    RegionImportResult result;
    try {
      result = transaction.execute(s -> {
        RegionImportResult r = merge.apply(lines, bad, badCodes, today, by, shortSource == null ? "" : shortSource);
        if (r == null) {
          s.setRollbackOnly();
        }
        return r;
      });
    } finally {
      regions.reload();
    }
    if (result == null) {
      bad.sort(Comparator.comparingInt(BadLine::line));
      throw new RegionImportException(bad);
    }
    return result;
  }
}
