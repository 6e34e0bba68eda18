package org.doudi.unemployed.internal;

import static org.doudi.unemployed.UnemployedVariables.LATE_STEP;
import static org.doudi.unemployed.UnemployedVariables.REFUSAL_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/**
 * The written records of {@code unemployed-assistance}, one delegate each
 * ({@code camunda:delegateExpression="${bean}"}); a fixed choice comes as the task's input parameter. The steps
 * themselves are {@link UnemployedRecords}' methods, which the model's older versions still call by expression.
 */
public final class UnemployedDelegates {

  private UnemployedDelegates() {}

  /** 书面告知不予救助（不符合条件、情况不属实、复核不予救助、已领取）: {@link UnemployedRecords#refuse}. */
  @ProcessBean("unemployedRefuse")
  public static class Refuse implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(REFUSAL_REASON,
        "INELIGIBLE", "UNTRUE", "REJECTED", "DUPLICATE");
    private final UnemployedRecords records;

    public Refuse(UnemployedRecords records) {
      this.records = records;
    }

    @Override
    public TaskParameter parameter() {
      return PARAMETER;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.refuse(execution, PARAMETER.read(execution));
    }
  }

  /** 记录调查逾期、复核逾期: {@link UnemployedRecords#overdue}. */
  @ProcessBean("unemployedRecordOverdue")
  public static class RecordOverdue implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(LATE_STEP, "INVESTIGATION", "REVIEW");
    private final UnemployedRecords records;

    public RecordOverdue(UnemployedRecords records) {
      this.records = records;
    }

    @Override
    public TaskParameter parameter() {
      return PARAMETER;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.overdue(execution, PARAMETER.read(execution));
    }
  }

  /** 存档备案: {@link UnemployedRecords#archive}. */
  @ProcessBean("unemployedArchive")
  public static class Archive implements JavaDelegate {
    private final UnemployedRecords records;

    public Archive(UnemployedRecords records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.archive(execution);
    }
  }
}
