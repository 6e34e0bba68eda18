package org.doudi.unemployed.internal;

import static org.doudi.unemployed.UnemployedVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.unemployed.persistence.UnemployedRepository;

/** 救助金额: the county's rule (DMN {@code unemployed-amount}), at most 1000 yuan. */
@ProcessBean("unemployedDecideAmount")
public class DecideAmount implements JavaDelegate {

  private final UnemployedRules rules;
  private final UnemployedRepository repository;

  public DecideAmount(UnemployedRules rules, UnemployedRepository repository) {
    this.rules = rules;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnemployedRules.Amount a = rules.amount(Cases.string(execution, COUNTY_CODE));
    // the payment reads the amount from this record; the variable is only what the review form shows
    repository.insertRecord(Cases.applicationId(execution), execution.getProcessInstanceId(), "AMOUNT",
        "按县级规定确定救助金额" + a.amount().toPlainString() + "元：" + a.basis(), a.amount(), null, Clock.now());
    execution.setVariable(AMOUNT, a.amount().toPlainString());
    execution.setVariable(AMOUNT_BASIS, a.basis());
  }
}
