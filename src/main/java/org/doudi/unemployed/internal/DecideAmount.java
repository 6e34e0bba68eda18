package org.doudi.unemployed.internal;

import static org.doudi.unemployed.UnemployedVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;

/** 救助金额: the county's rule (DMN {@code unemployed-amount}), at most 1000 yuan. */
@ProcessBean("unemployedDecideAmount")
public class DecideAmount implements JavaDelegate {

  private final UnemployedRules rules;

  public DecideAmount(UnemployedRules rules) {
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnemployedRules.Amount a = rules.amount(Cases.string(execution, COUNTY_CODE));
    execution.setVariable(AMOUNT, a.amount().toPlainString());
    execution.setVariable(AMOUNT_BASIS, a.basis());
  }
}
