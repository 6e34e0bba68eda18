package org.doudi.disability.internal;

import static org.doudi.disability.DisabilityVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.disability.SubsidyKind;
import org.doudi.disability.persistence.DisabilityRepository;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.DisabledMember;

/**
 * 认定条件审查 and 补贴标准: the person's records of today (disability, standing) against
 * {@code disability-subsidy-eligibility}, and the amount from {@code disability-subsidy-amount}, both written to the
 * application (the grant pays that amount, never a variable); the variables only show them on the forms. Repeating
 * the step (a retried job) writes the same finding again.
 */
@ProcessBean("disabilityAssess")
public class AssessEligibility implements JavaDelegate {

  private final DisabilityEligibility eligibility;
  private final DisabilityRules rules;
  private final DisabilityRepository repository;

  public AssessEligibility(DisabilityEligibility eligibility, DisabilityRules rules, DisabilityRepository repository) {
    this.eligibility = eligibility;
    this.rules = rules;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.applicationId(execution);
    DisabilityRepository.Stored s = repository.find(id).orElseThrow();
    SubsidyKind kind = SubsidyKind.valueOf(s.kind());
    DisabilityEligibility.Finding f = eligibility.assess(kind, s.idNumber(), EngineContext.today());
    String standing = f.standing().kind().label() + "：" + f.standing().basis();
    execution.setVariable(STANDING_TEXT, standing);
    execution.setVariable(ELIGIBILITY_REASONS, f.reasons());
    if (!f.eligible()) {
      repository.setAssessment(id, f.standing().kind().name(), null, null, EngineContext.now());
      repository.insertRecord(id, "ELIGIBILITY", "不符合" + kind.label() + "条件：" + f.reasons() + "。" + standing, null,
          null, EngineContext.now());
      execution.setVariable(ELIGIBLE, false);
      return;
    }
    DisabledMember m = f.record().orElseThrow();
    DisabilityRules.Amount a = rules.amount(m.countyCode(), kind, m.category().name(), m.grade());
    repository.setAssessment(id, f.standing().kind().name(), a.amount(), a.basis(), EngineContext.now());
    repository.insertRecord(id, "ELIGIBILITY", f.reasons() + "。" + standing + "。补贴标准每月" + a.amount().toPlainString()
        + "元：" + a.basis(), a.amount(), null, EngineContext.now());
    repository.setStatus(id, "IN_REVIEW", EngineContext.now());
    execution.setVariable(ELIGIBLE, true);
    execution.setVariable(MONTHLY_AMOUNT, a.amount().toPlainString());
    execution.setVariable(AMOUNT_BASIS, a.basis());
  }
}
