package org.doudi.unemployed.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.RulesInForce;
import org.doudi.unemployed.UnemployedSettings;
import org.springframework.stereotype.Component;

/**
 * The two decision tables in {@code processes/rules/}, in the version in force ({@link RulesInForce}: an analyst's
 * change of the eligibility table applies to the next case; one of the amount table once a second person approved it): {@code unemployed-eligibility} lists every criterion the applicant fails, with its reason and the
 * article; {@code unemployed-amount} gives the county's amount. Evaluated without the caller's engine
 * authentication (the rules are not case data) and kept in the engine's decision history.
 */
@Component
public class UnemployedRules {

  public static final String ELIGIBILITY = "unemployed-eligibility";
  public static final String AMOUNT = "unemployed-amount";

  /** One failed criterion. */
  public record Failure(String criterion, String reason, String citation) {}

  public record Amount(BigDecimal amount, String basis) {}

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;
  private final RulesInForce rulesInForce;

  public UnemployedRules(DecisionService decisions, EngineAsSystem asSystem, RulesInForce rulesInForce) {
    this.decisions = decisions;
    this.asSystem = asSystem;
    this.rulesInForce = rulesInForce;
  }

  /** Inputs: monthsWithoutIncome, epidemicCause, unemploymentInsured, dibaoJilin, dibaoElsewhere, incomeBelowLine, assetsWithinLimit, checkPassed. */
  public List<Failure> failures(Map<String, Object> facts) {
    DmnDecisionResult result = asSystem.call(() -> decisions.evaluateDecisionById(rulesInForce.decisionDefinitionId(ELIGIBILITY))
        .variables(Map.copyOf(facts)).evaluate());
    List<Failure> out = new ArrayList<>();
    result.forEach(r -> out.add(new Failure((String) r.get("criterion"), (String) r.get("reason"),
        (String) r.get("citation"))));
    return out;
  }

  /**
   * The county's amount (first matching row; the row without a county is the default).
   *
   * @throws IllegalStateException the table gives no amount or one outside (0, 1000] yuan: the model is wrong, the
   *                               step fails with an incident instead of paying a wrong amount
   */
  public Amount amount(String countyCode) {
    DmnDecisionResult result = asSystem.call(() -> decisions.evaluateDecisionById(rulesInForce.decisionDefinitionId(AMOUNT))
        .variables(Map.of("countyCode", countyCode)).evaluate());
    if (result.isEmpty() || result.getFirstResult().get("amount") == null) {
      throw new IllegalStateException("决策表 " + AMOUNT + " 没有给出县级区划" + countyCode + "的救助金额（缺少默认行）");
    }
    Object raw = result.getFirstResult().get("amount");
    BigDecimal amount = new BigDecimal(raw.toString()).setScale(2, java.math.RoundingMode.UNNECESSARY);
    if (amount.signum() <= 0 || amount.compareTo(UnemployedSettings.MAX_AMOUNT) > 0) {
      throw new IllegalStateException("决策表 " + AMOUNT + " 给出的金额" + amount + "元超出范围：一次性临时救助金须大于0且不超过"
          + UnemployedSettings.MAX_AMOUNT + "元（吉民发〔2020〕40号 二（二）、四（一））");
    }
    Object basis = result.getFirstResult().get("basis");
    return new Amount(amount, basis == null ? "" : basis.toString());
  }
}
