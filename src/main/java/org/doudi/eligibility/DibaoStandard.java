package org.doudi.eligibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One local 低保 standard: yuan per person and month for a county, urban or rural, from a date on.
 * {@code assetLimitMonths}: per-capita cash, deposits, securities and claims may not exceed this many months of the
 * standard (吉民发〔2020〕40号 二(一): 24). {@code sample} marks demo figures that are not official.
 */
public record DibaoStandard(long id, String countyCode, String urbanRural, BigDecimal monthlyStandard,
    int assetLimitMonths, LocalDate effectiveFrom, boolean sample, String sourceNote, String createdBy,
    Instant createdAt) {

  public static final String URBAN = "URBAN";
  public static final String RURAL = "RURAL";

  /** The per-capita asset limit: {@code assetLimitMonths × monthlyStandard}. */
  public BigDecimal assetLimit() {
    return monthlyStandard.multiply(BigDecimal.valueOf(assetLimitMonths));
  }
}
