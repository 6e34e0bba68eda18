package org.doudi.watch.internal;

import static org.doudi.watch.WatchVariables.*;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.engine.ProcessBean;
import org.doudi.household.IdNumber;
import org.doudi.identity.CaseVariables;
import org.doudi.watch.AlertRule;
import org.doudi.watch.WatchCategory;
import org.doudi.watch.WatchList;
import org.doudi.watch.WatchList.Subject;
import org.doudi.watch.WatchVariables;

/**
 * The watch list's part of {@code hardship-report} (困难群众主动发现报告): the verification's meaning check, and the
 * outcomes "列入关注名单" and "协助申请" — the reported person enters the register (HARDSHIP_REPORT) and a township
 * task follows: a follow-up visit (HARDSHIP_REPORT alert) or 协助申请 (ASSIST_APPLICATION alert, closed with the
 * started application's case id). Both run after the verification committed (asyncAfter) and are idempotent on the
 * report's process instance.
 */
final class HardshipOutcomes {

  private HardshipOutcomes() {}

  /** Complete listener of 核实困难情况: a person to watch or help needs a valid ID number. */
  @ProcessBean("watchHardshipFormCheck")
  public static class FormCheck implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      Object outcome = task.getVariable(VERIFICATION_OUTCOME);
      if (!"APPLY".equals(outcome) && !"WATCH".equals(outcome)) {
        return;
      }
      Object id = task.getVariable(SUBJECT_ID_NUMBER);
      String text = id == null ? "" : id.toString().strip().toUpperCase();
      if (text.isEmpty()) {
        throw new WatchFormException(SUBJECT_ID_NUMBER, "协助申请或列入关注名单时须填写当事人的身份证号码");
      }
      if (!IdNumber.isValid(text)) {
        throw new WatchFormException(SUBJECT_ID_NUMBER, "当事人身份证号码无效（须为18位，校验位正确）");
      }
      task.setVariable(SUBJECT_ID_NUMBER, text);
    }
  }

  /** 列入关注名单: register entry and a follow-up visit task. */
  @ProcessBean("watchHardshipWatch")
  public static class Watch implements JavaDelegate {
    private final WatchList watch;

    public Watch(WatchList watch) {
      this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
      record(execution, watch, AlertRule.HARDSHIP_REPORT, "主动发现报告核实后列入关注名单，请在期限内回访，"
          + "核实困难是否加重、是否需要启动救助。");
    }
  }

  /** 协助申请: register entry and a 协助申请 task closed with the application's case id. */
  @ProcessBean("watchHardshipApply")
  public static class Apply implements JavaDelegate {
    private final WatchList watch;

    public Apply(WatchList watch) {
      this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object schemes = execution.getVariable(WatchVariables.SUGGESTED_SCHEMES);
      String suggested = schemes instanceof Collection<?> c && !c.isEmpty() ? "（建议项目：" + String.join("、",
          c.stream().map(s -> label(s.toString())).toList()) + "）" : "";
      record(execution, watch, AlertRule.ASSIST_APPLICATION, "主动发现报告核实后符合救助条件，请协助当事人提出救助申请"
          + suggested + "，在Tasklist中发起申请后以“已启动救助”并填写申请案件编号办结本任务。");
    }

    private static String label(String scheme) {
      return switch (scheme) {
        case "DIBAO" -> "最低生活保障";
        case "TEKUN" -> "特困人员救助供养";
        case "TEMPORARY" -> "临时救助";
        default -> scheme;
      };
    }
  }

  static void record(DelegateExecution execution, WatchList watch, AlertRule rule, String instruction) {
    String pid = execution.getProcessInstanceId();
    Subject s = new Subject(str(execution, SUBJECT_ID_NUMBER), str(execution, HOUSEHOLD_HEAD),
        str(execution, CaseVariables.REGION_CODE));
    String situation = str(execution, "situation");
    String notes = str(execution, VERIFICATION_NOTES);
    String detail = "住址：" + str(execution, "address") + "；报告的困难情况：" + (situation == null ? "" : situation)
        + "；核实情况：" + (notes == null ? "" : notes);
    long entry = watch.enter(WatchCategory.HARDSHIP_REPORT, s, null, "hardship-report:" + pid, detail, null, null,
        str(execution, "reportedBy"));
    WatchList.Raised raised = watch.raise(rule, s, "hardship-report:" + pid, instruction + "\n" + detail);
    execution.setVariable(WATCH_ENTRY_ID, entry);
    execution.setVariable(WATCH_ALERT_ID, raised.alertId());
  }

  private static String str(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null ? null : v.toString().strip();
  }
}
