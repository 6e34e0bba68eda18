package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a 低保 amount was made of, stored with its award (table award_basis, docs/standard-rise.md), so that a new
 * local standard or a member crossing an age band of the supplement rules recomputes it from our own evidence: the
 * assessment stored by the case (dibao_assessment) and the persons' facts of the case record.
 *
 * @param outcome       HOUSEHOLD (按户: gap {@code householdSize × standard − netIncome} plus every member's
 *                      supplement) or SINGLE_PERSON (参照单人户: each covered member's percent of the standard, capped
 *                      at standard + own supplement)
 * @param householdSize the members counted for the gap (HOUSEHOLD: the covered persons)
 * @param netIncome     counted monthly income minus rigid expenses, not below 0
 * @param standard      the local standard the amount was computed with
 * @param amount        the amount it gave
 * @param source        where the figures come from (e.g. {@code dibao_assessment:42})
 * @param members       the covered persons
 */
public record AwardBasis(Outcome outcome, int householdSize, BigDecimal netIncome, BigDecimal perCapitaIncome,
    BigDecimal standard, BigDecimal amount, String source, List<Member> members) {

  public enum Outcome { HOUSEHOLD, SINGLE_PERSON }

  public AwardBasis {
    members = members == null ? List.of() : List.copyOf(members);
  }

  /**
   * A covered person: the facts the supplement rules read and the supplement applied ({@code singlePercent} only for
   * a SINGLE_PERSON award).
   */
  public record Member(String idNumber, String name, LocalDate birthDate, boolean seriousIllness,
      String disabilityCategory, Integer disabilityGrade, String supplementCategory, int supplementPercent,
      Integer singlePercent) {}
}
