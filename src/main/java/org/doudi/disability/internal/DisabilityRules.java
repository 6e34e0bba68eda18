package org.doudi.disability.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.doudi.disability.SubsidyKind;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.RulesInForce;
import org.springframework.stereotype.Component;

/**
 * The two decision tables in {@code processes/rules/}, in the version in force ({@link RulesInForce}; both are money
 * rules, so a new version applies once a second person approved it): {@code disability-subsidy-eligibility} lists
 * every criterion failed with its reason and citation, {@code disability-subsidy-amount} gives the monthly amount by
 * county, subsidy, category and grade. Evaluated as the system (rules are not case data).
 */
@Component
public class DisabilityRules {

  public static final String ELIGIBILITY = "disability-subsidy-eligibility";
  public static final String AMOUNT = "disability-subsidy-amount";
  /** No monthly amount above this is believed (a wrong table fails the step instead of paying it). */
  static final BigDecimal SANITY_LIMIT = new BigDecimal("2000.00");

  public record Failure(String criterion, String reason, String citation) {}

  public record Amount(BigDecimal amount, String basis) {}

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;
  private final RulesInForce rulesInForce;

  public DisabilityRules(DecisionService decisions, EngineAsSystem asSystem, RulesInForce rulesInForce) {
    this.decisions = decisions;
    this.asSystem = asSystem;
    this.rulesInForce = rulesInForce;
  }

  /** The criteria failed (none = eligible). */
  public List<Failure> failures(SubsidyKind kind, String standing, String category, int grade) {
    Map<String, Object> v = new HashMap<>();
    v.put("subsidyKind", kind.name());
    v.put("standing", standing);
    v.put("category", category);
    v.put("grade", grade);
    DmnDecisionResult result = asSystem.call(() -> decisions.evaluateDecisionById(
        rulesInForce.decisionDefinitionId(ELIGIBILITY)).variables(v).evaluate());
    List<Failure> out = new ArrayList<>();
    result.forEach(r -> out.add(new Failure((String) r.get("criterion"), (String) r.get("reason"),
        (String) r.get("citation"))));
    return out;
  }

  /**
   * The monthly amount of the subsidy for the person's county, category and grade.
   *
   * @throws IllegalStateException the table gives none, or one that is not a positive amount in yuan with at most
   *                               two decimals below {@link #SANITY_LIMIT}: the model is wrong, nothing is paid
   */
  public Amount amount(String countyCode, SubsidyKind kind, String category, int grade) {
    Map<String, Object> v = new HashMap<>();
    v.put("countyCode", countyCode);
    v.put("subsidyKind", kind.name());
    v.put("category", category);
    v.put("grade", grade);
    DmnDecisionResult result = asSystem.call(() -> decisions.evaluateDecisionById(
        rulesInForce.decisionDefinitionId(AMOUNT)).variables(v).evaluate());
    if (result.isEmpty() || result.getFirstResult().get("amount") == null) {
      throw new IllegalStateException("决策表 " + AMOUNT + " 没有给出县级区划" + countyCode + "的" + kind.label()
          + "标准（缺少默认行）");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(result.getFirstResult().get("amount").toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("决策表 " + AMOUNT + " 给出的金额“" + result.getFirstResult().get("amount")
          + "”不是金额", e);
    }
    if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(SANITY_LIMIT) > 0) {
      throw new IllegalStateException("决策表 " + AMOUNT + " 给出的" + kind.label() + "金额" + amount.toPlainString()
          + "元超出范围：须大于0、最多两位小数且不超过" + SANITY_LIMIT + "元");
    }
    Object basis = result.getFirstResult().get("basis");
    return new Amount(amount.setScale(2), basis == null ? "" : basis.toString());
  }
}
