package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.IN_CLOSING_STATUS;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskInput;

/** 记录撤回申请 / 记录申请失效: {@link DibaoRecords#close} with the task's input parameter {@code closingStatus}. */
@ProcessBean("dibaoCloseApplication")
public class CloseApplication implements JavaDelegate, TaskInput.Reader {

  static final TaskInput STATUS = TaskInput.of(IN_CLOSING_STATUS, List.of("WITHDRAWN", "LAPSED"));

  private final DibaoRecords records;

  public CloseApplication(DibaoRecords records) {
    this.records = records;
  }

  @Override
  public Collection<TaskInput> inputs() {
    return List.of(STATUS);
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.close(execution, STATUS.read(execution));
  }
}
