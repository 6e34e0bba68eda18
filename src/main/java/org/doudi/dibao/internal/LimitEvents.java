package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.calendar.Deadlines;
import org.doudi.dibao.DibaoSettings;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;

/**
 * The procedural limits inside the handling of a case, each recorded as a case event (dibao_case_event) so that
 * supervisors see which limit a case missed:
 * <ul>
 *   <li>第15条: the household investigation <em>starts</em> within 3 working days of 受理 ({@code 启动入户调查});</li>
 *   <li>local practice: the investigation itself takes at most {@code doudi.dibao.investigation-working-days} from
 *   its start;</li>
 *   <li>第20条: the confirming authority decides within 10 working days of receiving the township's file.</li>
 * </ul>
 * Today's model calls them through the delegates {@link RecordInvestigationStart}, {@link RecordFileReceived} and
 * {@link RecordMissedLimit} (the limit as input parameter); older model versions call
 * {@code ${dibaoLimits.investigationStarted(execution)}}, {@code ${dibaoLimits.fileReceived(execution)}} and
 * {@code ${dibaoLimits.missed(execution, 'INVESTIGATION_START' | 'INVESTIGATION' | 'CONFIRMATION')}}.
 */
@ProcessBean("dibaoLimits")
public class LimitEvents {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  /** A limit: the event kind, what Cockpit's {@code missedLimits} shows, the start variable and the rule. */
  record Limit(String eventKind, String label, String startVariable, String rule, String taskKey) {}

  static final Map<String, Limit> LIMITS = Map.of(
      "INVESTIGATION_START", new Limit("INVESTIGATION_START_MISSED", "未在受理后3个工作日内启动入户调查（《最低生活保障审核确认办法》第十五条）",
          ACCEPTED_AT, "受理后3个工作日内启动家庭经济状况调查（《最低生活保障审核确认办法》第十五条）", "Task_StartInvestigation"),
      "INVESTIGATION", new Limit("INVESTIGATION_OVERDUE", "入户调查未在启动后的时限内完成（本地规定）",
          INVESTIGATION_STARTED_AT, "启动调查后%d个工作日内完成入户调查（本地规定 doudi.dibao.investigation-working-days）",
          "Task_InvestigateHousehold"),
      "CONFIRMATION", new Limit("CONFIRMATION_OVERDUE", "未在收到材料后10个工作日内审核确认（《最低生活保障审核确认办法》第二十条）",
          FILE_RECEIVED_AT, "收到审核材料后10个工作日内审核确认（《最低生活保障审核确认办法》第二十条）",
          "Task_ConfirmApplication"));

  /** The priority an overdue step gets, so that it moves up in Tasklist (the default is 50). */
  static final int OVERDUE_PRIORITY = 80;

  private final DibaoRepository records;
  private final Deadlines deadlines;
  private final DibaoSettings settings;

  public LimitEvents(DibaoRepository records, Deadlines deadlines, DibaoSettings settings) {
    this.records = records;
    this.deadlines = deadlines;
    this.settings = settings;
  }

  /** 记录启动调查: the start recorded by 启动入户调查 (its moment, the investigators, whether it was late). */
  public void investigationStarted(DelegateExecution execution) {
    Date at = (Date) execution.getVariable(INVESTIGATION_STARTED_AT);
    boolean late = CaseContext.flag(execution, INVESTIGATION_START_LATE);
    String plan = CaseContext.string(execution, "investigationPlan");
    String detail = "于" + WHEN.format(at.toInstant()) + "启动家庭经济状况调查；调查人员："
        + CaseContext.string(execution, "investigator1") + "、" + CaseContext.string(execution, "investigator2")
        + "；计划入户日期：" + CaseContext.string(execution, "plannedVisitDate")
        + (plan == null || plan.isEmpty() ? "" : "；安排：" + plan)
        + (late ? "；已超过受理后3个工作日的启动时限（《最低生活保障审核确认办法》第十五条）" : "；在受理后3个工作日内（《最低生活保障审核确认办法》第十五条）")
        + "；调查应于" + WHEN.format(deadlines.workingDaysFrom(at, settings.getInvestigationWorkingDays()).toInstant())
        + "前完成";
    records.insertEvent(CaseContext.applicationId(execution), execution.getProcessInstanceId(),
        late ? "INVESTIGATION_STARTED_LATE" : "INVESTIGATION_STARTED", detail,
        CaseContext.string(execution, INVESTIGATION_STARTED_BY), at.toInstant());
  }

  /** 审核确认机关收到材料: the moment 第20条's 10 working days count from. */
  public void fileReceived(DelegateExecution execution) {
    Date now = Date.from(CaseContext.now());
    execution.setVariable(FILE_RECEIVED_AT, now);
    String authority = CaseContext.string(execution, AUTHORITY_LABEL);
    records.insertEvent(CaseContext.applicationId(execution), execution.getProcessInstanceId(), "FILE_RECEIVED",
        (authority == null ? "审核确认机关" : authority) + "收到乡镇（街道）报送的审核材料（公示期满）；应于"
            + WHEN.format(deadlines.workingDaysFrom(now, 10).toInstant()) + "前审核确认（《最低生活保障审核确认办法》第二十条：收到材料后10个工作日内）",
        null, now.toInstant());
  }

  /**
   * A limit passed with its step still open: recorded as a case event, added to {@code missedLimits}, and the open
   * task moves up in Tasklist (priority 80).
   */
  public void missed(DelegateExecution execution, String limitKey) {
    Limit limit = LIMITS.get(limitKey);
    if (limit == null) {
      throw new IllegalArgumentException("Unknown limit " + limitKey + "; known: " + LIMITS.keySet());
    }
    int days = switch (limitKey) {
      case "INVESTIGATION_START" -> 3;
      case "INVESTIGATION" -> settings.getInvestigationWorkingDays();
      default -> 10;
    };
    Object start = execution.getVariable(limit.startVariable());
    String due = start == null ? "?" : WHEN.format(deadlines.workingDaysFrom(start, days).toInstant());
    String rule = limit.rule().contains("%d") ? String.format(limit.rule(), days) : limit.rule();
    records.insertEvent(CaseContext.applicationId(execution), execution.getProcessInstanceId(), limit.eventKind(),
        limit.label() + "：" + rule + "，时限" + due + "已过，该步骤尚未完成", null, CaseContext.now());
    String before = CaseContext.string(execution, MISSED_LIMITS);
    execution.setVariable(MISSED_LIMITS, before == null || before.isEmpty() ? limit.label()
        : before + "；" + limit.label());
    var taskService = execution.getProcessEngineServices().getTaskService();
    taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(limit.taskKey()).list()
        .forEach(t -> taskService.setPriority(t.getId(), OVERDUE_PRIORITY));
  }
}
