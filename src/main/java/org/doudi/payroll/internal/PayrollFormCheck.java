package org.doudi.payroll.internal;

import org.doudi.payroll.PayrollVariables;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import java.util.List;
import org.doudi.engine.ProcessBean;
import org.doudi.payroll.Payroll;
import org.doudi.payroll.persistence.PayrollRepository;

/**
 * Server-side checks of the payroll task forms (complete listener): a refusal rolls the completion back, the task
 * stays open and Tasklist shows the Chinese message.
 */
@ProcessBean("payrollFormCheck")
public class PayrollFormCheck implements TaskListener {

  private final PayrollRepository runs;
  private final Payroll payroll;

  public PayrollFormCheck(PayrollRepository runs, Payroll payroll) {
    this.runs = runs;
    this.payroll = payroll;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = task.getAssignee() != null ? task.getAssignee() : PayrollDelegates.currentUser();
    switch (task.getTaskDefinitionKey()) {
      case "Task_ReviewRoster" -> {
        Object decision = task.getVariable(PayrollVariables.REVIEW_DECISION);
        if ("EXCLUDE".equals(decision)) {
          List<String> keys = PayrollDelegates.beneficiaryKeys((String) task.getVariable(PayrollVariables.EXCLUDE_BENEFICIARIES));
          try {
            payroll.paymentsToExclude(((Number) task.getVariable(PayrollVariables.RUN_ID)).longValue(), keys);
          } catch (IllegalArgumentException e) {
            throw refuse(PayrollVariables.EXCLUDE_BENEFICIARIES, e.getMessage());
          }
          text(task, PayrollVariables.EXCLUDE_REASON, "剔除原因", 200);
          task.setVariable(PayrollVariables.EXCLUDED_BY, user);
          return;
        }
        if (!"APPROVE".equals(decision)) {
          throw refuse(PayrollVariables.REVIEW_DECISION, "请选择审核意见：同意发放，或剔除个别付款后重新核对；金额有误的，办理增发、减发或停发，下月生效");
        }
        Object confirmed = task.getVariable(PayrollVariables.CONFIRMED_TOTAL);
        String total = (String) task.getVariable(PayrollVariables.ROSTER_TOTAL);
        try {
          if (confirmed == null || new BigDecimal(confirmed.toString().trim()).compareTo(new BigDecimal(total)) != 0) {
            throw refuse(PayrollVariables.CONFIRMED_TOTAL, "核对的发放总额应与名册总额" + total + "元一致");
          }
        } catch (NumberFormatException e) {
          throw refuse(PayrollVariables.CONFIRMED_TOTAL, "发放总额应为数字");
        }
        // anomalies are counted again here, from the database, not taken from the form's figures
        int anomalies = payroll.anomalyCount(((Number) task.getVariable(PayrollVariables.RUN_ID)).longValue());
        if (anomalies > 0) {
          if (!Boolean.TRUE.equals(task.getVariable(PayrollVariables.ANOMALIES_VERIFIED))) {
            throw refuse(PayrollVariables.ANOMALIES_VERIFIED, "名册有 " + anomalies + " 项异常（重复身份证号、共用银行账户或金额变化过大）："
                + "请逐项核实后勾选“已核实异常”再同意发放；不应发放的，选择剔除");
          }
          task.setVariable(PayrollVariables.ANOMALIES_VERIFIED_BY, user);
          task.setVariable(PayrollVariables.ANOMALIES_VERIFIED_COUNT, anomalies);
        }
        optional(task, "reviewNote", "审核说明", 500);
        task.setVariable(PayrollVariables.APPROVED_BY, user);
      }
      case "Task_ImportBankResult" -> {
        long runId = ((Number) task.getVariable(PayrollVariables.RUN_ID)).longValue();
        String status = runs.find(runId).orElseThrow().status();
        if (!"RECONCILED".equals(status)) {
          throw refuse("resultImported", "银行回盘文件尚未全部导入：请在本任务的“银行回盘”页签上传回盘文件，"
              + "全部记录都有结果后本任务自动结束");
        }
      }
      default -> { }
    }
  }

  /** A required text field, trimmed, at most {@code max} characters; else refused. */
  static String text(DelegateTask task, String field, String label, int max) {
    Object v = task.getVariable(field);
    if (v == null || v.toString().isBlank()) {
      throw refuse(field, label + "不能为空");
    }
    if (v.toString().trim().length() > max) {
      throw refuse(field, label + "不能超过" + max + "个字");
    }
    return v.toString().trim();
  }

  private static void optional(DelegateTask task, String field, String label, int max) {
    Object v = task.getVariable(field);
    if (v != null && v.toString().length() > max) {
      throw refuse(field, label + "不能超过" + max + "个字");
    }
  }

  static FormFieldValidationException refuse(String field, String message) {
    return new FormFieldValidationException(field, message);
  }
}
