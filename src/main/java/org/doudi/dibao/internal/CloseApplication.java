package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.CLOSE_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/** 记录撤回申请 / 记录申请失效: {@link DibaoRecords#close} with the task's input parameter {@code closeStatus}. */
@ProcessBean("dibaoCloseApplication")
public class CloseApplication implements ParameterisedDelegate {

  private static final TaskParameter PARAMETER = TaskParameter.of(CLOSE_STATUS, "WITHDRAWN", "LAPSED");

  private final DibaoRecords records;

  public CloseApplication(DibaoRecords records) {
    this.records = records;
  }

  @Override
  public TaskParameter parameter() {
    return PARAMETER;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.close(execution, PARAMETER.read(execution));
  }
}
