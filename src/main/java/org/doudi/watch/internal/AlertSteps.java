package org.doudi.watch.internal;

import static org.doudi.watch.WatchVariables.*;

import java.util.Arrays;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.watch.AlertRule;
import org.doudi.watch.CloseReason;
import org.doudi.watch.persistence.WatchRepository;
import org.doudi.watch.persistence.WatchRepository.AlertRow;

/**
 * The task of {@code watch-alert} (处理监测预警): its due date goes into the alert row when the task is created; its
 * completion closes the alert, in the completing transaction, only with a reason code ({@link CloseReason}); OTHER
 * needs a note; HELP_STARTED of a 协助申请 alert needs the case id of the application started for the person, which
 * must be a case of an assistance process.
 */
@ProcessBean("watchAlertSteps")
public class AlertSteps implements TaskListener {

  /** The processes an application started for the person may be a case of. */
  static final Set<String> APPLICATION_PROCESSES = Set.of("dibao-application", "emergency-assistance",
      "expenditure-assistance", "unemployed-assistance");

  private final WatchRepository records;
  private final HistoryService history;
  private final EngineAsSystem asSystem;

  public AlertSteps(WatchRepository records, HistoryService history, EngineAsSystem asSystem) {
    this.records = records;
    this.history = history;
    this.asSystem = asSystem;
  }

  /** Create listener: the task's due date (10 working days, the official calendar) into the alert row. */
  public void taskCreated(DelegateTask task) {
    records.setDue(alertId(task), task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }

  /** Complete listener: closes the alert with its reason, or refuses the completion (400, task stays open). */
  @Override
  public void notify(DelegateTask task) {
    long id = alertId(task);
    String reasonText = str(task.getVariable(CLOSE_REASON));
    if (reasonText == null) {
      throw new WatchFormException(CLOSE_REASON, "请选择办结原因：预警只能按原因代码办结");
    }
    CloseReason reason = Arrays.stream(CloseReason.values()).filter(r -> r.name().equals(reasonText)).findFirst()
        .orElseThrow(() -> new WatchFormException(CLOSE_REASON, "办结原因“" + reasonText + "”不在原因代码表中"));
    String note = str(task.getVariable(CLOSE_NOTE));
    if (note != null && note.length() > 1000) {
      throw new WatchFormException(CLOSE_NOTE, "办结说明最多1000个字");
    }
    if (reason == CloseReason.OTHER && (note == null || note.length() < 2)) {
      throw new WatchFormException(CLOSE_NOTE, "办结原因为“其他”时须填写办结说明");
    }
    AlertRow alert = records.lockAlert(id).orElseThrow(() -> new IllegalStateException("预警" + id + "不存在"));
    String application = str(task.getVariable(APPLICATION_REF));
    if (reason == CloseReason.HELP_STARTED && application == null
        && AlertRule.ASSIST_APPLICATION.name().equals(alert.ruleCode())) {
      throw new WatchFormException(APPLICATION_REF, "协助申请的预警以“已启动救助”办结时，须填写已发起的申请案件编号");
    }
    if (application != null && !isApplication(application)) {
      throw new WatchFormException(APPLICATION_REF, "申请案件编号“" + application + "”不是低保、临时救助或未参保失业人员"
          + "临时救助的案件");
    }
    if (reason != CloseReason.HELP_STARTED) {
      application = null;
    }
    String by = task.getAssignee() != null ? task.getAssignee() : EngineContext.currentUser();
    if (!records.close(id, reason.confirms() ? "CONFIRMED" : "DISMISSED", reason.name(), note, application,
        by == null ? "system" : by, EngineContext.now())) {
      throw new WatchFormException(CLOSE_REASON, "预警" + id + "已经办结");
    }
    task.setVariable(CLOSED_BY, by == null ? "system" : by);
  }

  private boolean isApplication(String processInstanceId) {
    if (processInstanceId.length() > 64) {
      return false;
    }
    return asSystem.call(() -> history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .list().stream().anyMatch(p -> APPLICATION_PROCESSES.contains(p.getProcessDefinitionKey())));
  }

  private static long alertId(DelegateTask task) {
    Object v = task.getVariable(ALERT_ID);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("watch-alert without " + ALERT_ID + ": " + v);
  }

  private static String str(Object v) {
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
