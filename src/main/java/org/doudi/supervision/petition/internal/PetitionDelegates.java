package org.doudi.supervision.petition.internal;

import static org.doudi.supervision.petition.PetitionVariables.CLOSE_STAGE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/**
 * The service tasks of {@code petition}, one delegate each ({@code camunda:delegateExpression="${bean}"}); a fixed
 * choice comes as the task's input parameter. The steps themselves are {@link PetitionSteps}' methods, which the
 * model's older versions still call by expression.
 */
public final class PetitionDelegates {

  private PetitionDelegates() {}

  /** 关闭管辖异议: {@link PetitionSteps#closeObjectionWindow}. */
  @ProcessBean("petitionCloseObjectionWindow")
  public static class CloseObjectionWindow implements JavaDelegate {
    private final PetitionSteps steps;

    public CloseObjectionWindow(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.closeObjectionWindow(execution);
    }
  }

  /** 书面告知不予受理: {@link PetitionSteps#notAccepted}. */
  @ProcessBean("petitionNotifyNotAccepted")
  public static class NotifyNotAccepted implements JavaDelegate {
    private final PetitionSteps steps;

    public NotifyNotAccepted(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.notAccepted(execution);
    }
  }

  /** 告知延期理由: {@link PetitionSteps#extensionApproved}. */
  @ProcessBean("petitionRecordExtension")
  public static class RecordExtension implements JavaDelegate {
    private final PetitionSteps steps;

    public RecordExtension(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.extensionApproved(execution);
    }
  }

  /** 转介社会救助: {@link PetitionSteps#referToAssistance}. */
  @ProcessBean("petitionReferToAssistance")
  public static class ReferToAssistance implements JavaDelegate {
    private final PetitionSteps steps;

    public ReferToAssistance(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.referToAssistance(execution);
    }
  }

  /** 出具书面答复意见: {@link PetitionSteps#replied}. */
  @ProcessBean("petitionSendReply")
  public static class SendReply implements JavaDelegate {
    private final PetitionSteps steps;

    public SendReply(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.replied(execution);
    }
  }

  /** 书面答复复查意见: {@link PetitionSteps#reexamined}. */
  @ProcessBean("petitionReplyReexamination")
  public static class ReplyReexamination implements JavaDelegate {
    private final PetitionSteps steps;

    public ReplyReexamination(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.reexamined(execution);
    }
  }

  /** 决定听证: {@link PetitionSteps#hearingStarted}. */
  @ProcessBean("petitionStartHearing")
  public static class StartHearing implements JavaDelegate {
    private final PetitionSteps steps;

    public StartHearing(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.hearingStarted(execution);
    }
  }

  /** 书面答复复核意见: {@link PetitionSteps#finalReplied}. */
  @ProcessBean("petitionFinalReply")
  public static class FinalReply implements JavaDelegate {
    private final PetitionSteps steps;

    public FinalReply(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.finalReplied(execution);
    }
  }

  /** 办结 (no request within the window): {@link PetitionSteps#closeUnchallenged} for the stage in {@code closeStage}. */
  @ProcessBean("petitionCloseUnchallenged")
  public static class CloseUnchallenged implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(CLOSE_STAGE, "REPLY", "REEXAMINATION");
    private final PetitionSteps steps;

    public CloseUnchallenged(PetitionSteps steps) {
      this.steps = steps;
    }

    @Override
    public TaskParameter parameter() {
      return PARAMETER;
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.closeUnchallenged(execution, PARAMETER.read(execution));
    }
  }
}
