package org.doudi.care.internal;

import static org.doudi.care.CareVariables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.care.CareRecords.Agreement;
import org.doudi.care.persistence.CareRepository;
import org.doudi.engine.ProcessBean;

/**
 * 安排下次探访 in {@code care-agreement}: the next visit is due the interval of {@code tekun-visit-frequency} (by the
 * care level stored now) after the last visit, or after the agreement's start. Run again after each visit and after
 * a change of care level (re-plan), so a person whose level rose is visited sooner. One timer per agreement.
 */
@ProcessBean("carePlanVisit")
public class PlanVisit implements JavaDelegate {

  private final CareRepository repository;
  private final VisitFrequency frequency;

  public PlanVisit(CareRepository repository, VisitFrequency frequency) {
    this.repository = repository;
    this.frequency = frequency;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.id(execution, AGREEMENT_ID);
    Agreement a = repository.agreement(id).orElseThrow();
    if (a.startsOn() == null) {
      throw new IllegalStateException("三方协议" + id + "尚未录入，不能安排探访");
    }
    VisitFrequency.Frequency f = frequency.of(a.careLevel(), a.countyCode());
    LocalDate next = repository.lastVisit(id).orElse(a.startsOn()).plusMonths(f.months());
    repository.setVisitPlan(id, f.months(), next);
    execution.setVariable(NEXT_VISIT_AT, Cases.morningOf(next));
    execution.setVariable(VISIT_FREQUENCY_TEXT, a.careLevel().label() + "：每" + f.months() + "个月探访一次，下次 "
        + next + "（" + f.basis() + "）");
  }
}
