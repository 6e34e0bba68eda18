package org.doudi.care.internal;

import static org.doudi.care.CareVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.care.CareRecords.Agreement;
import org.doudi.care.persistence.CareRepository;
import org.doudi.engine.ProcessBean;
import org.springframework.beans.factory.annotation.Value;

/**
 * 安排协议续签 in {@code care-agreement}: the renewal task opens {@code doudi.care.renewal-lead-days} calendar days
 * (default 30, a local choice: not a legal time limit) before the agreement's end and is due on its last day.
 */
@ProcessBean("carePlanRenewal")
public class PlanRenewal implements JavaDelegate {

  private final CareRepository repository;
  private final int leadDays;

  public PlanRenewal(CareRepository repository, @Value("${doudi.care.renewal-lead-days:30}") int leadDays) {
    if (leadDays < 1 || leadDays > 180) {
      throw new IllegalArgumentException("doudi.care.renewal-lead-days must be 1..180: " + leadDays);
    }
    this.repository = repository;
    this.leadDays = leadDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Agreement a = repository.agreement(Cases.id(execution, AGREEMENT_ID)).orElseThrow();
    execution.setVariable(RENEWAL_AT, Cases.morningOf(a.endsOn().minusDays(leadDays)));
    execution.setVariable(RENEWAL_DUE, Cases.eveningOf(a.endsOn()));
    execution.setVariable(AGREEMENT_ENDS_ON, a.endsOn().toString());
  }
}
