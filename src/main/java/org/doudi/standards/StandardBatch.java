package org.doudi.standards;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An uploaded table of standards: {@code PENDING} (nothing in force), {@code APPROVED} (every row recorded as a
 * standard by the approval) or {@code REJECTED} (nothing recorded).
 */
public record StandardBatch(long id, StandardKind kind, String status, LocalDate effectiveFrom, String sourceNote,
    String fileName, String uploadedBy, Instant uploadedAt, String decidedBy, Instant decidedAt, String decisionNote,
    List<Row> rows) {

  /** One row: its line in the file, county, URBAN/RURAL, 元/人·月, 财产限额月数 (低保 only; null = 24). */
  public record Row(int line, String countyCode, String urbanRural, BigDecimal monthlyStandard,
      Integer assetLimitMonths) {}
}
