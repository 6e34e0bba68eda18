package org.doudi.temporary.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;

/**
 * 确定审核确认权限 of {@code emergency-assistance} and {@code expenditure-assistance}: {@link AuthorityRules#decide}
 * (DMN {@code temporary-approval-authority}), which the models' older versions still call by expression.
 */
@ProcessBean("temporaryDecideAuthority")
public class DecideAuthority implements JavaDelegate {

  private final AuthorityRules rules;

  public DecideAuthority(AuthorityRules rules) {
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rules.decide(execution);
  }
}
