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

  /**
   * Whether an asset of this type (a {@code HouseholdApplication.AssetType} name) counts against
   * {@link #assetLimit()}: cash, deposits, securities, claims, online finance and insurance cash value, as the 低保
   * assessment counts them. Other assets (vehicles, real estate) are reviewed by hand. For other schemes that use the
   * 低保 asset rule (特困).
   */
  public static boolean countsAgainstAssetLimit(String assetType) {
    return org.doudi.eligibility.internal.AssessmentCalculator.CASH_ASSETS.contains(assetType);
  }

  /** The per-capita asset limit: {@code assetLimitMonths × monthlyStandard}. */
  public BigDecimal assetLimit() {
    return monthlyStandard.multiply(BigDecimal.valueOf(assetLimitMonths));
  }
}
