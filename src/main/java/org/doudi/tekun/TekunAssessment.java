package org.doudi.tekun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of a 特困 assessment. Money in yuan, scale 2.
 *
 * @param outcome          TEKUN; CHILD_SUBSIDY (a minor qualifying as 孤儿 or 事实无人抚养儿童 who chose that scheme:
 *                         the child's scheme applies instead, never both); INELIGIBLE
 * @param age              full years on {@code assessedOn}
 * @param dibaoStandard    the local 低保 standard in force (元/月)
 * @param basicStandard    the 特困 basic living standard (元/月, at least 1.3 × the 低保 standard)
 * @param sampleStandard   true when a standard applied is a demo sample, not an official figure
 * @param careLevel        from the six-item assessment
 * @param careStandard     the care standard for that level (元/月)
 * @param monthlyAmount    basicStandard + careStandard when TEKUN, else 0
 * @param reasons          why, each citing the article
 */
public record TekunAssessment(Outcome outcome, String countyCode, String urbanRural, LocalDate assessedOn, int age,
    BigDecimal dibaoStandard, BigDecimal basicStandard, boolean sampleStandard, CareLevel careLevel,
    BigDecimal careStandard, BigDecimal monthlyAmount, List<Reason> reasons) {

  public enum Outcome { TEKUN, CHILD_SUBSIDY, INELIGIBLE }

  /** {@code code}: machine-readable; {@code text}: Chinese, for the letter; {@code citation}: the article. */
  public record Reason(String code, String text, String citation) {}

  public boolean eligible() {
    return outcome == Outcome.TEKUN;
  }
}
