package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunChangeVariables.CLOSE_STATUS;
import static org.doudi.tekun.TekunChangeVariables.NOTICE_KIND;
import static org.doudi.tekun.TekunChangeVariables.OVERDUE_KIND;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/**
 * The service tasks of {@code tekun-reassessment}, {@code tekun-termination}, {@code tekun-age-review} and
 * {@code tekun-schedule}, one delegate each ({@code camunda:delegateExpression="${bean}"}); a fixed choice comes as
 * the task's input parameter. The steps themselves are {@link TekunLifeSteps}' methods, which the models' older
 * versions still call by expression.
 */
public final class TekunLifeDelegates {

  private TekunLifeDelegates() {}

  /** 记录复评逾期、异议处理逾期、核查逾期: {@link TekunLifeSteps#overdue}. */
  @ProcessBean("tekunRecordChangeOverdue")
  public static class RecordOverdue implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(OVERDUE_KIND,
        "REASSESSMENT_OVERDUE", "OBJECTION_OVERDUE", "AGE_REVIEW_OVERDUE");
    private final TekunLifeSteps steps;

    public RecordOverdue(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public TaskParameter parameter() {
      return PARAMETER;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.overdue(execution, PARAMETER.read(execution));
    }
  }

  /** 记录等级未变化: {@link TekunLifeSteps#unchanged}. */
  @ProcessBean("tekunRecordUnchanged")
  public static class RecordUnchanged implements JavaDelegate {
    private final TekunLifeSteps steps;

    public RecordUnchanged(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.unchanged(execution);
    }
  }

  /** 确定新的照料护理标准: {@link TekunLifeSteps#priceNewLevel}. */
  @ProcessBean("tekunPriceNewLevel")
  public static class PriceNewLevel implements JavaDelegate {
    private final TekunLifeSteps steps;

    public PriceNewLevel(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.priceNewLevel(execution);
    }
  }

  /** 记录不予确认: {@link TekunLifeSteps#notConfirmed}. */
  @ProcessBean("tekunRecordNotConfirmed")
  public static class RecordNotConfirmed implements JavaDelegate {
    private final TekunLifeSteps steps;

    public RecordNotConfirmed(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.notConfirmed(execution);
    }
  }

  /** 次月起按新标准发放: {@link TekunLifeSteps#applyNewLevel}. */
  @ProcessBean("tekunApplyNewLevel")
  public static class ApplyNewLevel implements JavaDelegate {
    private final TekunLifeSteps steps;

    public ApplyNewLevel(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.applyNewLevel(execution);
    }
  }

  /** 记录不提出终止、记录不予终止: {@link TekunLifeSteps#close}. */
  @ProcessBean("tekunCloseTermination")
  public static class CloseTermination implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(CLOSE_STATUS, "WITHDRAWN", "REJECTED");
    private final TekunLifeSteps steps;

    public CloseTermination(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public TaskParameter parameter() {
      return PARAMETER;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.close(execution, PARAMETER.read(execution));
    }
  }

  /** 终止公示、重新公示（7天）: {@link TekunLifeSteps#postNotice}. */
  @ProcessBean("tekunPostTerminationNotice")
  public static class PostNotice implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(NOTICE_KIND, "NOTICE", "REPOST");
    private final TekunLifeSteps steps;

    public PostNotice(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public TaskParameter parameter() {
      return PARAMETER;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.postNotice(execution, PARAMETER.read(execution));
    }
  }

  /** 不予终止，书面告知: {@link TekunLifeSteps#keepSupport}. */
  @ProcessBean("tekunKeepSupport")
  public static class KeepSupport implements JavaDelegate {
    private final TekunLifeSteps steps;

    public KeepSupport(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.keepSupport(execution);
    }
  }

  /** 作出终止决定，次月起停发: {@link TekunLifeSteps#endSupport}. */
  @ProcessBean("tekunEndSupport")
  public static class EndSupport implements JavaDelegate {
    private final TekunLifeSteps steps;

    public EndSupport(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.endSupport(execution);
    }
  }

  /** 继续救助供养（在校）: {@link TekunLifeSteps#continueInSchool}. */
  @ProcessBean("tekunContinueInSchool")
  public static class ContinueInSchool implements JavaDelegate {
    private final TekunLifeSteps steps;

    public ContinueInSchool(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.continueInSchool(execution);
    }
  }

  /** 启动终止（年满18周岁不在校）: {@link TekunLifeSteps#proposeAgeTermination}. */
  @ProcessBean("tekunProposeAgeTermination")
  public static class ProposeAgeTermination implements JavaDelegate {
    private final TekunLifeSteps steps;

    public ProposeAgeTermination(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.proposeAgeTermination(execution);
    }
  }

  /** 启动到期核查: {@link TekunLifeSteps#startDueAgeReviews}. */
  @ProcessBean("tekunStartDueAgeReviews")
  public static class StartDueAgeReviews implements JavaDelegate {
    private final TekunLifeSteps steps;

    public StartDueAgeReviews(TekunLifeSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.startDueAgeReviews(execution);
    }
  }
}
