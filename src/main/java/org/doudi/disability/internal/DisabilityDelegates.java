package org.doudi.disability.internal;

import static org.doudi.disability.DisabilityVariables.CLOSE_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/**
 * The written ends of {@code disability-subsidy} without a subsidy, as a delegate
 * ({@code camunda:delegateExpression="${disabilityCloseApplication}"}) whose status is the task's input parameter.
 * The step itself is {@link DisabilityRecords#close}, which the model's older versions still call by expression.
 */
public final class DisabilityDelegates {

  private DisabilityDelegates() {}

  /** 记录本人不申请、书面告知不符合条件、不予通过、不予批准（结案）: {@link DisabilityRecords#close}. */
  @ProcessBean("disabilityCloseApplication")
  public static class CloseApplication implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(CLOSE_STATUS, "DECLINED", "INELIGIBLE", "REJECTED");
    private final DisabilityRecords records;

    public CloseApplication(DisabilityRecords records) {
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
}
