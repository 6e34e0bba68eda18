package org.doudi.child.internal;

import static org.doudi.child.ChildVariables.CLOSE_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/**
 * The record and review steps of {@code child-subsidy} and {@code child-review}, one delegate each
 * ({@code camunda:delegateExpression="${bean}"}); a fixed choice comes as the task's input parameter. The steps
 * themselves are {@link ChildSteps.Records}' and {@link ChildSteps.ReviewSteps}' methods, which the models' older
 * versions still call by expression.
 */
public final class ChildDelegates {

  private ChildDelegates() {}

  /** 书面告知不符合条件、不予认定（结案）: {@link ChildSteps.Records#close}. */
  @ProcessBean("childCloseApplication")
  public static class CloseApplication implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(CLOSE_STATUS, "INELIGIBLE", "REJECTED");
    private final ChildSteps.Records records;

    public CloseApplication(ChildSteps.Records records) {
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

  /** 满18周岁终止: {@link ChildSteps.ReviewSteps#endAtAdulthood}. */
  @ProcessBean("childEndAtAdulthood")
  public static class EndAtAdulthood implements JavaDelegate {
    private final ChildSteps.ReviewSteps steps;

    public EndAtAdulthood(ChildSteps.ReviewSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.endAtAdulthood(execution);
    }
  }

  /** 终止保障: {@link ChildSteps.ReviewSteps#terminate}. */
  @ProcessBean("childTerminateSupport")
  public static class TerminateSupport implements JavaDelegate {
    private final ChildSteps.ReviewSteps steps;

    public TerminateSupport(ChildSteps.ReviewSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.terminate(execution);
    }
  }

  /** 记录继续保障: {@link ChildSteps.ReviewSteps#continueSupport}. */
  @ProcessBean("childContinueSupport")
  public static class ContinueSupport implements JavaDelegate {
    private final ChildSteps.ReviewSteps steps;

    public ContinueSupport(ChildSteps.ReviewSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.continueSupport(execution);
    }
  }
}
