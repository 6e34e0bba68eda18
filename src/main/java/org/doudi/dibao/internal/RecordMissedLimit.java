package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.LIMIT_KEY;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/** 记录…超时: {@link LimitEvents#missed} for the limit the task's input parameter {@code limit} names. */
@ProcessBean("dibaoRecordMissedLimit")
public class RecordMissedLimit implements ParameterisedDelegate {

  private static final TaskParameter PARAMETER = new TaskParameter(LIMIT_KEY,
      List.of("INVESTIGATION_START", "INVESTIGATION", "CONFIRMATION"));

  private final LimitEvents limits;

  public RecordMissedLimit(LimitEvents limits) {
    this.limits = limits;
  }

  @Override
  public TaskParameter parameter() {
    return PARAMETER;
  }

  @Override
  public void execute(DelegateExecution execution) {
    limits.missed(execution, PARAMETER.read(execution));
  }
}
