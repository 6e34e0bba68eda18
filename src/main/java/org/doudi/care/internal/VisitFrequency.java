package org.doudi.care.internal;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.RulesInForce;
import org.doudi.tekun.CareLevel;
import org.springframework.stereotype.Component;

/**
 * DMN {@code tekun-visit-frequency} (processes/rules/): the months between two visits of a dispersed person by care
 * level and county, in the version in force. Evaluated as the system.
 */
@Component
public class VisitFrequency {

  public static final String DECISION = "tekun-visit-frequency";

  public record Frequency(int months, String basis) {}

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;
  private final RulesInForce rulesInForce;

  VisitFrequency(DecisionService decisions, EngineAsSystem asSystem, RulesInForce rulesInForce) {
    this.decisions = decisions;
    this.asSystem = asSystem;
    this.rulesInForce = rulesInForce;
  }

  /** @throws IllegalStateException the table gives no interval of 1 to 12 months (the model is wrong) */
  public Frequency of(CareLevel level, String countyCode) {
    DmnDecisionResult result = asSystem.call(() -> decisions.evaluateDecisionById(
        rulesInForce.decisionDefinitionId(DECISION)).variables(Map.of("careLevel", level.name(),
        "countyCode", countyCode)).evaluate());
    Object months = result.isEmpty() ? null : result.getFirstResult().get("intervalMonths");
    if (!(months instanceof Number n) || n.intValue() < 1 || n.intValue() > 12) {
      throw new IllegalStateException("决策表 " + DECISION + " 没有给出" + level.label() + "的探访间隔（1至12个月）：" + months);
    }
    Object basis = result.getFirstResult().get("basis");
    return new Frequency(n.intValue(), basis == null ? "" : basis.toString());
  }
}
