package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.dibao.DibaoSettings;
import org.doudi.identity.CaseVariables;
import org.doudi.notice.IssuedNotice;
import org.doudi.notice.NoticeKind;
import org.doudi.notice.NoticeRequest;
import org.doudi.notice.Notices;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The 低保 case's notices as documents (docs/notices.md), issued by the step that decides, in its transaction,
 * through the notice module: the values each template needs, taken from the case.
 */
@Component
class CaseNotices {

  private final Notices notices;
  private final DibaoSettings settings;
  private final RuntimeService runtime;

  CaseNotices(Notices notices, DibaoSettings settings, @Lazy RuntimeService runtime) {
    this.notices = notices;
    this.settings = settings;
    this.runtime = runtime;
  }

  /** A request for this case with the applicant and the application date. */
  NoticeRequest request(DelegateExecution execution, NoticeKind kind, String step) {
    Object applied = execution.getVariable(ACCEPTED_AT);
    LocalDate appliedOn = applied instanceof Date d ? d.toInstant().atZone(CaseContext.CHINA).toLocalDate()
        : CaseContext.today();
    String user = CaseContext.currentUser();
    return NoticeRequest.of(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
        CaseContext.string(execution, CaseVariables.REGION_CODE), kind, step, user == null ? Notices.SYSTEM : user)
        .with("applicantName", CaseContext.string(execution, APPLICANT_NAME))
        .with("appliedOn", Notices.date(appliedOn));
  }

  IssuedNotice issue(NoticeRequest request) {
    return notices.issue(request);
  }

  /** 一次性告知: the day after which the application lapses (the timer {@code doudi.dibao.materials-lapse}). */
  LocalDate lapseDate(LocalDate from) {
    return from.plus(Period.parse(settings.getMaterialsLapse()));
  }

  /**
   * The missing materials (the 受理 check's 、-joined labels, a label may itself hold a 、), one numbered line each:
   * the checklist's labels found in the text, in the checklist's order.
   */
  static String numbered(String joined) {
    String text = joined == null ? "" : joined;
    List<String> items = FormCheck.MATERIALS.values().stream().filter(text::contains).toList();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      lines.add("    " + (i + 1) + ". " + items.get(i));
    }
    return String.join("\n", lines);
  }

  /** Each line indented as a paragraph of the notice. */
  static String indented(String text) {
    return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> "    " + s)
        .reduce((a, b) -> a + "\n" + b).orElse("");
  }

  /**
   * The village's 公示 list: this case and the others of the same village whose 公示 is running (waiting at
   * Task_PublicNotice), one line each: name, persons, the proposal. Only what 第十九条 posts; no ID numbers.
   */
  String villageEntries(DelegateExecution execution, String thisEntry) {
    List<String> entries = new ArrayList<>();
    entries.add(thisEntry);
    String region = CaseContext.string(execution, CaseVariables.REGION_CODE);
    for (ProcessInstance other : runtime.createProcessInstanceQuery()
        .processDefinitionKey(execution.getProcessEngineServices().getRepositoryService()
            .getProcessDefinition(execution.getProcessDefinitionId()).getKey())
        .activityIdIn("Task_PublicNotice").variableValueEquals(CaseVariables.REGION_CODE, region)
        .orderByProcessInstanceId().asc().list()) {
      if (other.getId().equals(execution.getProcessInstanceId())) {
        continue;
      }
      var v = runtime.getVariables(other.getId(), List.of(APPLICANT_NAME, MEMBER_COUNT, PRELIMINARY_OPINION,
          MONTHLY_AMOUNT));
      entries.add(entry(String.valueOf(v.get(APPLICANT_NAME)), v.get(MEMBER_COUNT), (String) v.get(PRELIMINARY_OPINION),
          v.get(MONTHLY_AMOUNT)));
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      lines.add("    " + (i + 1) + ". " + entries.get(i));
    }
    return String.join("\n", lines);
  }

  static String entry(String applicant, Object members, String opinion, Object amount) {
    return applicant + "家，" + members + "人，" + ("APPROVE".equals(opinion) ? "拟纳入最低生活保障，月保障金额"
        + amount + "元" : "初审不同意纳入最低生活保障");
  }
}
