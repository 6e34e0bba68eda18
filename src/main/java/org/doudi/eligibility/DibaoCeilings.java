package org.doudi.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.doudi.eligibility.internal.DibaoDecisions;
import org.springframework.stereotype.Service;

/**
 * The most a 低保 award can pay a household a month: what the assessment could give the covered persons if they had
 * no income and each got the largest supplement the rules allow. Per covered person: the local standard in force on
 * the date ({@link DibaoStandards}) plus the highest percent of it the supplement table ({@code dibao-supplement},
 * version in force, RulesInForce) can give a member of the county, rounded to the fen as the assessment rounds a
 * supplement. A 单人户 member's amount is capped by the assessment at standard + own supplement, so it lies below
 * this too. Nothing here is hard-coded: a new standard or a county row in the table moves the ceiling at once.
 * See docs/eligibility.md ("Ceilings").
 */
@Service
public class DibaoCeilings {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final DibaoStandards standards;
  private final DibaoDecisions decisions;

  public DibaoCeilings(DibaoStandards standards, DibaoDecisions decisions) {
    this.standards = standards;
    this.decisions = decisions;
  }

  /**
   * A ceiling and how it was made: {@code amount = coveredPersons × (standard + maxSupplement)}, with
   * {@code maxSupplement = standard × maxSupplementPercent / 100} rounded HALF_UP to the fen.
   */
  public record Ceiling(String countyCode, String urbanRural, int coveredPersons, LocalDate date,
      BigDecimal standard, boolean sampleStandard, int maxSupplementPercent, BigDecimal maxSupplement,
      BigDecimal amount) {

    /** The basis in Chinese, for a refusal message. */
    public String explanation() {
      return "当地" + (DibaoStandard.URBAN.equals(urbanRural) ? "城市" : "农村") + "低保标准 " + standard + " 元/人·月"
          + "（" + date + "）加分类施保最高增发 " + maxSupplementPercent + "%（" + maxSupplement + " 元），共 "
          + coveredPersons + " 人：上限 " + amount + " 元/月";
    }
  }

  /**
   * The monthly ceiling in yuan (2 decimals) for a 低保 household of the county.
   *
   * @param urbanRural     URBAN or RURAL
   * @param coveredPersons the persons the award covers (a 单人户 award: 1), at least 1
   * @throws StandardNotFoundException no standard for the county, type and date: there is no bound, so refuse
   * @throws IllegalArgumentException  bad county code, type or number of persons
   */
  public BigDecimal monthlyCeiling(String countyCode, String urbanRural, int coveredPersons, LocalDate date) {
    return ceiling(countyCode, urbanRural, coveredPersons, date).amount();
  }

  /** {@link #monthlyCeiling} with its parts. */
  public Ceiling ceiling(String countyCode, String urbanRural, int coveredPersons, LocalDate date) {
    if (countyCode == null || !countyCode.matches("\\d{6}")) {
      throw new IllegalArgumentException("县级区划代码应为6位数字：" + countyCode);
    }
    if (!DibaoStandard.URBAN.equals(urbanRural) && !DibaoStandard.RURAL.equals(urbanRural)) {
      throw new IllegalArgumentException("城乡类别必须为 URBAN（城市）或 RURAL（农村）：" + urbanRural);
    }
    if (coveredPersons < 1) {
      throw new IllegalArgumentException("保障人数至少为1人：" + coveredPersons);
    }
    if (date == null) {
      throw new IllegalArgumentException("日期不能为空");
    }
    DibaoStandard s = standards.require(countyCode, urbanRural, date);
    int percent = decisions.maxSupplementPercent(countyCode);
    BigDecimal supplement = s.monthlyStandard().multiply(BigDecimal.valueOf(percent)).divide(HUNDRED)
        .setScale(2, RoundingMode.HALF_UP);
    BigDecimal amount = s.monthlyStandard().add(supplement).multiply(BigDecimal.valueOf(coveredPersons))
        .setScale(2, RoundingMode.HALF_UP);
    return new Ceiling(countyCode, urbanRural, coveredPersons, date, s.monthlyStandard(), s.sample(), percent,
        supplement, amount);
  }
}
