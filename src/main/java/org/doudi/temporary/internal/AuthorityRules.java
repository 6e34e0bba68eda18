package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.RulesInForce;
import org.doudi.engine.ProcessBean;
import org.doudi.temporary.persistence.TemporaryRepository;

/**
 * 确定审核确认权限 for both kinds of 临时救助: DMN {@code temporary-approval-authority} (吉民发〔2020〕40号 四(一), 五(一)).
 * The 支出型 limit is 6 × the county's urban monthly 低保 standard in force today ({@link DibaoStandards}).
 * The rules are read as the system: a caseworker has no permission on decision definitions. Today's models call
 * {@link #decide} through {@link DecideAuthority}; older model versions by expression.
 */
@ProcessBean("temporaryAuthority")
public class AuthorityRules {

  public static final String DECISION_KEY = "temporary-approval-authority";
  static final BigDecimal EMERGENCY_TOWNSHIP_LIMIT = new BigDecimal("1000.00");

  public record Authority(String authority, boolean collectiveDiscussionRequired, String basis) {}

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;
  private final RulesInForce rulesInForce;
  private final DibaoStandards standards;
  private final TemporaryRepository records;

  public AuthorityRules(DecisionService decisions, EngineAsSystem asSystem, RulesInForce rulesInForce,
      DibaoStandards standards, TemporaryRepository records) {
    this.decisions = decisions;
    this.asSystem = asSystem;
    this.rulesInForce = rulesInForce;
    this.standards = standards;
    this.records = records;
  }

  /** Evaluates the decision in force (RulesInForce: a new version decides once a second person approved it); {@code urbanMonthlyStandard} is needed for EXPENDITURE only. */
  public Authority evaluate(String caseKind, boolean exceptional, BigDecimal amount, BigDecimal urbanMonthlyStandard) {
    Map<String, Object> in = new HashMap<>();
    in.put(CASE_KIND, caseKind);
    in.put(EXCEPTIONAL, exceptional);
    in.put(AMOUNT, amount.toPlainString());
    in.put(URBAN_MONTHLY_STANDARD, urbanMonthlyStandard == null ? null : urbanMonthlyStandard.toPlainString());
    DmnDecisionRuleResult r = asSystem.call(() -> decisions.evaluateDecisionTableById(rulesInForce.decisionDefinitionId(DECISION_KEY))
        .variables(in).evaluate().getSingleResult());
    if (r == null) {
      throw new IllegalStateException(DECISION_KEY + " gave no result for " + in);
    }
    return new Authority((String) r.get("authority"), Boolean.TRUE.equals(r.get("collectiveDiscussionRequired")),
        (String) r.get("basis"));
  }

  /** Service task 确定审核确认权限: sets authority, label, limits and basis on the case. */
  public void decide(DelegateExecution execution) {
    String kind = Values.str(execution, CASE_KIND);
    BigDecimal amount = Values.decimal(execution, AMOUNT);
    BigDecimal standard = null;
    BigDecimal limit = EMERGENCY_TOWNSHIP_LIMIT;
    if ("EXPENDITURE".equals(kind)) {
      DibaoStandard s = standards.require(Values.str(execution, COUNTY_CODE), DibaoStandard.URBAN, Values.today());
      standard = s.monthlyStandard().setScale(2, java.math.RoundingMode.HALF_UP);
      limit = standard.multiply(BigDecimal.valueOf(6));
      execution.setVariable(URBAN_MONTHLY_STANDARD, standard.toPlainString());
    }
    Authority a = evaluate(kind, Values.bool(execution, EXCEPTIONAL), amount, standard);
    execution.setVariable(TOWNSHIP_LIMIT, limit.toPlainString());
    execution.setVariable(AUTHORITY, a.authority());
    execution.setVariable(AUTHORITY_LABEL, "TOWNSHIP".equals(a.authority()) ? "乡镇（街道）（县级授权下放）" : "县级民政部门");
    execution.setVariable(COLLECTIVE_DISCUSSION_REQUIRED, a.collectiveDiscussionRequired());
    execution.setVariable(AUTHORITY_BASIS, a.basis());
    records.setAuthority(execution.getProcessInstanceId(), a.authority());
  }
}
