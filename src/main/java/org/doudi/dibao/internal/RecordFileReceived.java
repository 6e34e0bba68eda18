package org.doudi.dibao.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;

/** 审核确认机关收到材料: {@link LimitEvents#fileReceived}. */
@ProcessBean("dibaoRecordFileReceived")
public class RecordFileReceived implements JavaDelegate {

  private final LimitEvents limits;

  public RecordFileReceived(LimitEvents limits) {
    this.limits = limits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    limits.fileReceived(execution);
  }
}
