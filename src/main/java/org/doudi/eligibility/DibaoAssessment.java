package org.doudi.eligibility;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of a 低保 assessment. Money in yuan, scale 2 (rounded HALF_UP once, at the end).
 *
 * @param standard        the local standard (元/人·月) in force on {@code assessedOn}
 * @param sampleStandard  true when that standard is a demo sample, not an official figure
 * @param perCapitaIncome counted income minus rigid expenses, divided by the household size
 * @param perCapitaAssets cash, deposits, securities, claims, online finance and insurance cash value per person
 * @param assetLimit      {@code assetLimitMonths × standard}
 * @param monthlyAmount   the monthly benefit of the household (0 when INELIGIBLE)
 * @param members         one entry per member, in the order given
 * @param reasons         why, each citing the rule
 */
@Schema(description = "低保评估结果")
public record DibaoAssessment(Outcome outcome, String countyCode, String urbanRural, LocalDate assessedOn,
    BigDecimal standard, boolean sampleStandard, int householdSize, BigDecimal countedIncome,
    BigDecimal rigidExpenses, BigDecimal perCapitaIncome, BigDecimal perCapitaAssets, BigDecimal assetLimit,
    BigDecimal monthlyAmount, List<MemberAmount> members, List<Reason> reasons) {

  /** DIBAO 按户纳入低保; SINGLE_PERSON 低收入家庭的重残/重病成员参照单人户纳入; INELIGIBLE 不符合条件. */
  public enum Outcome { DIBAO, SINGLE_PERSON, INELIGIBLE }

  /**
   * A member's part. {@code category}: for DIBAO the supplement category (SEVERE_DISABILITY, SERIOUS_ILLNESS,
   * ELDERLY_70, MINOR, NONE); for SINGLE_PERSON the category under which the member is included (or NONE);
   * {@code supplement} the 分类施保 extra; {@code amount} the member's share of the gap plus the supplement.
   */
  public record MemberAmount(String name, String idNumber, Integer age, String category, BigDecimal supplement,
      BigDecimal amount) {}

  /** {@code code}: machine-readable; {@code text}: for the letter (Chinese); {@code citation}: the rule. */
  public record Reason(String code, String text, String citation) {}

  public boolean eligible() {
    return outcome != Outcome.INELIGIBLE;
  }
}
