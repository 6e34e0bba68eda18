package org.doudi.review.internal;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.RulesInForce;
import org.doudi.household.HouseholdApplication;
import org.doudi.review.ReviewClass;
import org.doudi.review.ReviewSettings;
import org.springframework.stereotype.Component;

/**
 * The review class from the decision table {@code dibao-review-class} in the version in force ({@link RulesInForce}),
 * with the regime of {@code doudi.review.regime} as an input. Facts from the household record as the review sees it
 * ({@link ReviewFacts}); without a record (an award without a 低保 application) the table's default row decides.
 */
@Component
public class ReviewClassRules {

  public static final String DECISION = "dibao-review-class";

  public record Decided(ReviewClass reviewClass, String basis) {}

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;
  private final RulesInForce rulesInForce;
  private final ReviewSettings settings;

  public ReviewClassRules(DecisionService decisions, EngineAsSystem asSystem, RulesInForce rulesInForce,
      ReviewSettings settings) {
    this.decisions = decisions;
    this.asSystem = asSystem;
    this.rulesInForce = rulesInForce;
    this.settings = settings;
  }

  /**
   * @throws IllegalStateException the table decides nothing or an unknown class: the model is wrong (the step fails
   *                               rather than schedule a household wrongly)
   */
  public Decided decide(String countyCode, String urbanRural, HouseholdApplication household) {
    Map<String, Object> in = new HashMap<>();
    in.put("regime", settings.getRegime().name());
    in.put("countyCode", countyCode);
    in.put("urbanRural", urbanRural != null ? urbanRural
        : household != null && household.urbanRural() != null ? household.urbanRural().name() : "RURAL");
    in.put("ableBodiedIrregularIncome", household != null && ReviewFacts.ableBodiedIrregularIncome(household));
    in.put("stableHardship", household != null && ReviewFacts.stableHardship(household));
    DmnDecisionResult result = asSystem.call(() -> decisions.evaluateDecisionById(
        rulesInForce.decisionDefinitionId(DECISION)).variables(in).evaluate());
    if (result.isEmpty() || result.getFirstResult().get("reviewClass") == null) {
      throw new IllegalStateException("决策表 " + DECISION + " 没有给出复核周期（缺少默认行）");
    }
    ReviewClass c;
    try {
      c = ReviewClass.valueOf(result.getFirstResult().get("reviewClass").toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("决策表 " + DECISION + " 给出了未知的复核周期："
          + result.getFirstResult().get("reviewClass"), e);
    }
    Object basis = result.getFirstResult().get("basis");
    return new Decided(c, basis == null ? "" : basis.toString());
  }
}
