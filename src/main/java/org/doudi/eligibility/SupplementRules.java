package org.doudi.eligibility;

import java.util.Optional;
import org.doudi.eligibility.internal.DibaoDecisions;
import org.springframework.stereotype.Service;

/**
 * The 分类施保 rules of the 低保 amount for callers outside the assessment (the award basis a decision stores, the
 * payroll's standard rise and age step):
 * the same decision tables, in the version in force ({@code RulesInForce}), with the same inputs as
 * {@link DibaoEligibility}. Bulk callers evaluate once per distinct combination of inputs, never once per person.
 */
@Service
public class SupplementRules {

  /** {@code percent} of the local standard; category NONE with 0 when nothing applies. */
  public record Ratio(String category, int percent, String citation) {}

  private final DibaoDecisions decisions;

  public SupplementRules(DibaoDecisions decisions) {
    this.decisions = decisions;
  }

  /**
   * dibao-supplement and dibao-single-person-ratio in the versions in force now: every evaluation of a household, a
   * rise or an age step uses the same versions, and none looks the version up again (a province's rise evaluates a
   * few hundred combinations).
   */
  public InForce inForce() {
    return new InForce(decisions.inForce());
  }

  /** The two tables on the versions of one moment ({@link #inForce}). */
  public static final class InForce {

    private final DibaoDecisions.RatioTables tables;

    private InForce(DibaoDecisions.RatioTables tables) {
      this.tables = tables;
    }

    /**
     * A name shared by counties that both tables answer alike for every other input (see
     * {@link DibaoDecisions.RatioTables#countyClass}): a bulk caller evaluates once per class and combination.
     */
    public String countyClass(String countyCode) {
      return tables.countyClass(countyCode);
    }

    /** The supplement of a member of a household in 低保 ({@code age} −1 when unknown). */
    public Ratio supplement(String countyCode, int age, boolean seriousIllness, String disabilityCategory,
        Integer disabilityGrade) {
      return ratio(tables.supplement(countyCode, age, seriousIllness, disabilityCategory, disabilityGrade));
    }

    /** The 单人户 percent of a 低收入家庭's member, empty when the member cannot be one. */
    public Optional<Ratio> singlePerson(String countyCode, boolean seriousIllness, String disabilityCategory,
        Integer disabilityGrade) {
      return tables.singlePerson(countyCode, seriousIllness, disabilityCategory, disabilityGrade)
          .map(SupplementRules::ratio);
    }
  }

  private static Ratio ratio(DibaoDecisions.Ratio r) {
    return new Ratio(r.category(), r.percent(), r.citation());
  }
}
