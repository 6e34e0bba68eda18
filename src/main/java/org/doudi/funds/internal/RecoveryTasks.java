package org.doudi.funds.internal;

import org.doudi.funds.RecoveryVariables;
import org.doudi.engine.EngineContext;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.engine.ProcessBean;
import org.doudi.funds.FundsRequestException;
import org.doudi.funds.Recoveries;
import org.doudi.funds.Recoveries.Recovery;

/** The delegates of process {@code overpayment-recovery}. */
public final class RecoveryTasks {

  private RecoveryTasks() {}

  static final String RECORD_TASK = "Task_RecordRecovery";
  static final String OVERDUE_TASK = "Task_ReviewOverdueRecovery";

  /**
   * Server-side check and recording of the recovery forms (complete listener). A refused value rolls the
   * completion back and the task stays open; an accepted one writes the entry in the same transaction and sets
   * {@code outstanding} and {@code fullyRecovered} for the gateway.
   */
  @ProcessBean("recoveryFormCheck")
  public static class FormCheck implements TaskListener {

    private final Recoveries recoveries;

    public FormCheck(Recoveries recoveries) {
      this.recoveries = recoveries;
    }

    @Override
    public void notify(DelegateTask task) {
      switch (task.getTaskDefinitionKey()) {
        case RECORD_TASK -> record(task);
        case OVERDUE_TASK -> {
          String measures = text(task, RecoveryVariables.OVERDUE_MEASURES);
          if (measures == null || measures.length() > 1000) {
            throw new FormFieldValidationException(RecoveryVariables.OVERDUE_MEASURES, "请填写督办措施（1000字以内）");
          }
        }
        default -> { }
      }
    }

    private void record(DelegateTask task) {
      long id = ((Number) task.getVariable(RecoveryVariables.RECOVERY_ID)).longValue();
      String kind = text(task, RecoveryVariables.ENTRY_KIND);
      BigDecimal amount;
      try {
        String raw = text(task, RecoveryVariables.ENTRY_AMOUNT);
        amount = raw == null ? null : new BigDecimal(raw);
      } catch (NumberFormatException e) {
        throw new FormFieldValidationException(RecoveryVariables.ENTRY_AMOUNT, "金额不是数字：" + task.getVariable(RecoveryVariables.ENTRY_AMOUNT));
      }
      String receipt = text(task, RecoveryVariables.RECEIPT_NUMBER);
      String note = text(task, RecoveryVariables.ENTRY_NOTE);
      if (receipt != null && receipt.length() > 64) {
        throw new FormFieldValidationException(RecoveryVariables.RECEIPT_NUMBER, "缴款凭证号不能超过64字");
      }
      if (note != null && note.length() > 1000) {
        throw new FormFieldValidationException(RecoveryVariables.ENTRY_NOTE, "说明不能超过1000字");
      }
      if ("REPAYMENT".equals(kind) && receipt == null) {
        throw new FormFieldValidationException(RecoveryVariables.RECEIPT_NUMBER, "退款须填写缴款凭证号");
      }
      Recovery r;
      try {
        r = recoveries.record(id, kind, amount, receipt, note, task.getId(), actor(task));
      } catch (FundsRequestException e) {
        throw new FormFieldValidationException(RecoveryVariables.ENTRY_AMOUNT, e.getMessage());
      }
      task.setVariable(RecoveryVariables.OUTSTANDING, r.outstanding().toPlainString());
      task.setVariable(RecoveryVariables.FULLY_RECOVERED, r.outstanding().signum() == 0);
      // the next round of the task starts with empty fields
      task.removeVariable(RecoveryVariables.ENTRY_AMOUNT);
      task.removeVariable(RecoveryVariables.RECEIPT_NUMBER);
      task.removeVariable(RecoveryVariables.ENTRY_NOTE);
      task.removeVariable(RecoveryVariables.ENTRY_KIND);
    }

    private static String text(DelegateTask task, String key) {
      Object v = task.getVariable(key);
      if (v == null) {
        return null;
      }
      String s = v.toString().strip();
      return s.isEmpty() ? null : s;
    }

    private static String actor(DelegateTask task) {
    String user = EngineContext.currentUser();
    return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "system";
  }
  }

  /** Closes the recovery record when the process reaches 已全部追回. */
  @ProcessBean("closeRecovery")
  public static class Close implements JavaDelegate {

    private final Recoveries recoveries;

    public Close(Recoveries recoveries) {
      this.recoveries = recoveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      recoveries.close(((Number) execution.getVariable(RecoveryVariables.RECOVERY_ID)).longValue());
    }
  }
}
