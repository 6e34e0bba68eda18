package org.doudi.payroll.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.RulesInForce;
import org.doudi.payroll.ExitAssessment;
import org.springframework.stereotype.Component;

/**
 * The relapse-risk level (返贫风险等级) of an exit assessment, from decision table {@code dibao-relapse-risk}
 * (processes/rules/dibao-relapse-risk.dmn), the version in force ({@link RulesInForce}); analysts tune it.
 */
@Component
public class RelapseRisk {

  public static final String DECISION = "dibao-relapse-risk";
  static final Set<String> LEVELS = Set.of("LOW", "MEDIUM", "HIGH");

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;
  private final RulesInForce rulesInForce;

  public RelapseRisk(DecisionService decisions, EngineAsSystem asSystem, RulesInForce rulesInForce) {
    this.decisions = decisions;
    this.asSystem = asSystem;
    this.rulesInForce = rulesInForce;
  }

  /** The level, its basis and the decision definition that gave it. */
  public record Level(String level, String basis, String decisionDefinitionId) {}

  /**
   * @throws IllegalStateException the table gives no level or an unknown one (the model is wrong; nothing is stored)
   */
  public Level assess(ExitAssessment a) {
    String id = rulesInForce.decisionDefinitionId(DECISION);
    Map<String, Object> in = new HashMap<>();
    in.put("riskIncomeStability", a.riskIncomeStability());
    in.put("riskHealth", a.riskHealth());
    in.put("riskDebts", a.riskDebts());
    in.put("riskDependants", a.riskDependants());
    DmnDecisionResult r = asSystem.call(() -> decisions.evaluateDecisionById(id).variables(in).evaluate());
    Object level = r.isEmpty() ? null : r.getFirstResult().get("riskLevel");
    if (level == null || !LEVELS.contains(level.toString())) {
      throw new IllegalStateException("决策表 " + DECISION + " 没有给出有效的返贫风险等级（" + level
          + "），请检查规则（最后一行应为默认）");
    }
    Object basis = r.getFirstResult().get("basis");
    return new Level(level.toString(), basis == null ? "" : basis.toString(), id);
  }

  public static String label(String level) {
    return switch (level == null ? "" : level) {
      case "HIGH" -> "高";
      case "MEDIUM" -> "中";
      case "LOW" -> "低";
      default -> "未评估";
    };
  }
}
