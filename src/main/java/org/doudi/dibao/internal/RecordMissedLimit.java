package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.IN_LIMIT;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskInput;

/** 记录…超时: {@link LimitEvents#missed} for the limit the task's input parameter {@code limit} names. */
@ProcessBean("dibaoRecordMissedLimit")
public class RecordMissedLimit implements JavaDelegate, TaskInput.Reader {

  static final TaskInput LIMIT = TaskInput.of(IN_LIMIT, LimitEvents.LIMITS.keySet());

  private final LimitEvents limits;

  public RecordMissedLimit(LimitEvents limits) {
    this.limits = limits;
  }

  @Override
  public Collection<TaskInput> inputs() {
    return List.of(LIMIT);
  }

  @Override
  public void execute(DelegateExecution execution) {
    limits.missed(execution, LIMIT.read(execution));
  }
}
