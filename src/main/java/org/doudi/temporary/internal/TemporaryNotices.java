package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.identity.CaseVariables;
import org.doudi.notice.NoticeKind;
import org.doudi.notice.NoticeRequest;
import org.doudi.notice.Notices;
import org.doudi.temporary.persistence.TemporaryRepository.Instalment;
import org.springframework.stereotype.Component;

/**
 * The written notices of 临时救助 (docs/notices.md), issued in the step that decides: 不予受理 (支出型, materials
 * incomplete), 不予救助 (急难型 and 支出型, with the reasons and the remedies) and the 支出型 decision with its plan.
 */
@Component
class TemporaryNotices {

  private final Notices notices;

  TemporaryNotices(Notices notices) {
    this.notices = notices;
  }

  private NoticeRequest request(DelegateExecution execution, NoticeKind kind, String step) {
    Object reported = execution.getVariable(REPORTED_AT);
    LocalDate appliedOn = reported instanceof Date d ? d.toInstant().atZone(Values.CHINA).toLocalDate()
        : Values.today();
    String user = Values.currentUser();
    return NoticeRequest.of(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
        Values.str(execution, CaseVariables.REGION_CODE), kind, step, user == null ? Notices.SYSTEM : user)
        .with("applicantName", Values.str(execution, RECIPIENT_NAME))
        .with("appliedOn", Notices.date(appliedOn));
  }

  /** 支出型, materials incomplete: every missing item, 不予受理, the remedies. */
  void notAccepted(DelegateExecution execution) {
    // the 受理 check's 、-joined labels (a label may hold a 、): the checklist's labels found there, in its order
    String missing = Values.str(execution, MISSING_MATERIALS);
    String text = missing == null ? "" : missing;
    notices.issue(request(execution, NoticeKind.TEMPORARY_NOT_ACCEPTED, "not-accepted")
        .with("missingList", numbered(TemporaryFormCheck.MATERIALS.values().stream().filter(text::contains)
            .toList())));
  }

  /** 不予救助 by the authority that decided (the township or the county), with its reasons and the remedies. */
  void refused(DelegateExecution execution, String kindLabel) {
    String reasons = Values.str(execution, DECISION_REASONS);
    notices.issue(request(execution, NoticeKind.TEMPORARY_REFUSED, "decision")
        .with(Notices.DECIDING_LEVEL, Values.str(execution, AUTHORITY))
        .with("kindLabel", kindLabel)
        .with("decidedOn", Notices.date(Values.today()))
        .with("reasons", indented(reasons == null || reasons.isBlank() ? "经审核，不符合临时救助条件" : reasons)));
  }

  /** 支出型 approved: the total and each instalment's date and amount. */
  void approved(DelegateExecution execution, List<Instalment> plan) {
    List<String> lines = new ArrayList<>();
    for (Instalment i : plan) {
      lines.add("    第" + i.seq() + "期：" + Notices.date(i.dueDate()) + "，" + i.amount().toPlainString() + "元");
    }
    notices.issue(request(execution, NoticeKind.TEMPORARY_APPROVED, "decision")
        .with(Notices.DECIDING_LEVEL, Values.str(execution, AUTHORITY))
        .with("decidedOn", Notices.date(Values.today()))
        .with("amount", Values.decimal(execution, AMOUNT).toPlainString())
        .with("instalments", String.join("\n", lines)));
  }

  static String numbered(List<String> items) {
    List<String> lines = new ArrayList<>();
    int n = 0;
    for (String item : items) {
      if (!item.isBlank()) {
        lines.add("    " + (++n) + ". " + item.strip());
      }
    }
    return String.join("\n", lines);
  }

  static String indented(String text) {
    return String.join("\n", Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> "    " + s).toList());
  }
}
