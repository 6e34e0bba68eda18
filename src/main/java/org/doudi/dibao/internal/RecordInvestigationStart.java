package org.doudi.dibao.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;

/** 记录启动调查: {@link LimitEvents#investigationStarted}. */
@ProcessBean("dibaoRecordInvestigationStart")
public class RecordInvestigationStart implements JavaDelegate {

  private final LimitEvents limits;

  public RecordInvestigationStart(LimitEvents limits) {
    this.limits = limits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    limits.investigationStarted(execution);
  }
}
