package org.doudi.tekun.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.RulesInForce;
import org.doudi.tekun.CareLevel;
import org.springframework.stereotype.Component;

/**
 * The care standard by self-care level: decision table {@code tekun-care-standard} in {@code processes/rules/}, in
 * the version in force ({@link RulesInForce}; a money rule by its name, so a new version applies only once a second
 * person approved it). Evaluated as the system (rules are not case data).
 */
@Component
public class TekunCareStandards {

  public static final String DECISION = "tekun-care-standard";
  /** No monthly care amount above this is believed (a wrong table fails the assessment instead of paying it). */
  static final BigDecimal SANITY_LIMIT = new BigDecimal("5000.00");

  /**
   * {@code amount} in yuan per month (scale 2); {@code basis} the table's citation; {@code sample} when the row says
   * its amount is a sample figure, not a published standard (the table's 示例数值 column).
   */
  public record CareStandard(BigDecimal amount, String basis, boolean sample) {}

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;
  private final RulesInForce rulesInForce;

  public TekunCareStandards(DecisionService decisions, EngineAsSystem asSystem, RulesInForce rulesInForce) {
    this.decisions = decisions;
    this.asSystem = asSystem;
    this.rulesInForce = rulesInForce;
  }

  /**
   * @throws IllegalStateException the table gives no amount for the level, or one that is not an amount in yuan
   *                               (≥ 0, at most two decimals, at most {@link #SANITY_LIMIT})
   */
  public CareStandard of(String countyCode, CareLevel level) {
    Map<String, Object> in = Map.of("countyCode", countyCode, "careLevel", level.name());
    DmnDecisionResult result = asSystem.call(() -> decisions.evaluateDecisionById(
        rulesInForce.decisionDefinitionId(DECISION)).variables(in).evaluate());
    Object value = result.isEmpty() ? null : result.getFirstResult().get("amount");
    if (value == null) {
      throw new IllegalStateException("决策表 " + DECISION + " 没有给出县级区划" + countyCode + "“" + level.label()
          + "”的照料护理标准（缺少默认行）");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("决策表 " + DECISION + " 给出的照料护理标准“" + value + "”不是金额", e);
    }
    if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(SANITY_LIMIT) > 0) {
      throw new IllegalStateException("决策表 " + DECISION + " 给出的照料护理标准 " + amount.toPlainString()
          + " 元超出范围：须不小于0、最多两位小数且不超过 " + SANITY_LIMIT + " 元");
    }
    Object basis = result.getFirstResult().get("basis");
    return new CareStandard(amount.setScale(2), basis == null ? "" : basis.toString(),
        Boolean.TRUE.equals(result.getFirstResult().get("sample")));
  }
}
