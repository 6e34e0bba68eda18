package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunRecognitionVariables.CLOSE_STATUS;
import static org.doudi.tekun.TekunRecognitionVariables.OVERDUE_LIMIT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/**
 * The service tasks of {@code tekun-recognition}, one delegate each ({@code camunda:delegateExpression="${bean}"});
 * a fixed choice comes as the task's input parameter. The steps themselves are {@link RecognitionRecords}' methods,
 * which the models' older versions still call by expression.
 */
public final class RecognitionDelegates {

  private RecognitionDelegates() {}

  /** 记录本人不申请、申请失效、撤回申请、送达（结案）: {@link RecognitionRecords#close}. */
  @ProcessBean("tekunCloseRecognition")
  public static class CloseRecognition implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(CLOSE_STATUS,
        "REJECTED", "WITHDRAWN", "LAPSED", "DECLINED");
    private final RecognitionRecords records;

    public CloseRecognition(RecognitionRecords records) {
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

  /** 一次性告知补齐材料: {@link RecognitionRecords#missingMaterials}. */
  @ProcessBean("tekunNotifyMissingMaterials")
  public static class NotifyMissingMaterials implements JavaDelegate {
    private final RecognitionRecords records;

    public NotifyMissingMaterials(RecognitionRecords records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.missingMaterials(execution);
    }
  }

  /** 记录受理: {@link RecognitionRecords#accepted}. */
  @ProcessBean("tekunRecordAcceptance")
  public static class RecordAcceptance implements JavaDelegate {
    private final RecognitionRecords records;

    public RecordAcceptance(RecognitionRecords records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.accepted(execution);
    }
  }

  /** 记录初审超时、确认超时: {@link RecognitionRecords#overdue}. */
  @ProcessBean("tekunRecordRecognitionOverdue")
  public static class RecordOverdue implements ParameterisedDelegate {
    private static final TaskParameter PARAMETER = TaskParameter.of(OVERDUE_LIMIT, "PRELIMINARY", "CONFIRMATION");
    private final RecognitionRecords records;

    public RecordOverdue(RecognitionRecords records) {
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

  /** 张贴公示: {@link RecognitionRecords#published}. */
  @ProcessBean("tekunPublishNotice")
  public static class PublishNotice implements JavaDelegate {
    private final RecognitionRecords records;

    public PublishNotice(RecognitionRecords records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.published(execution);
    }
  }

  /** 记录不予认定决定: {@link RecognitionRecords#rejected}. */
  @ProcessBean("tekunRecordRejection")
  public static class RecordRejection implements JavaDelegate {
    private final RecognitionRecords records;

    public RecordRejection(RecognitionRecords records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.rejected(execution);
    }
  }
}
