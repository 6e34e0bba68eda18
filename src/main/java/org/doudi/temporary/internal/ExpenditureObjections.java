package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.temporary.persistence.TemporaryRepository;
import org.doudi.temporary.persistence.TemporaryRepository.Objection;
import org.springframework.stereotype.Component;

/**
 * 登记异议 of {@code expenditure-assistance}: the one place where an objection to the 公示 is stored, whoever registered
 * it — the township caseworker completing the 公示 task, or the applicant online (message
 * {@link org.doudi.temporary.TemporaryVariables#MESSAGE_EXPENDITURE_OBJECTION}). Writes the temporary_objection row
 * (V68_1) and the OBJECTION case event, refreshes the read-only summary the 公示 and 入户调查 forms show, and clears the
 * one objection's variables so that the next 公示 starts with an empty form.
 */
@Component
class ExpenditureObjections {

  static final String SOURCE_TASKLIST = "TASKLIST";
  static final String SOURCE_ONLINE = "ONLINE";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(Values.CHINA);

  private final TemporaryRepository records;

  ExpenditureObjections(TemporaryRepository records) {
    this.records = records;
  }

  void record(VariableScope scope, String pid) {
    String source = SOURCE_ONLINE.equals(Values.str(scope, OBJECTION_SOURCE)) ? SOURCE_ONLINE : SOURCE_TASKLIST;
    String by = Values.str(scope, OBJECTION_FILED_BY);
    if (by == null) {
      by = Values.currentUser();
    }
    String name = Values.str(scope, OBJECTOR_NAME);
    String content = Values.str(scope, OBJECTION_CONTENT);
    if (name == null || content == null) {
      // only reached by a model path that skipped both the form check and the online check
      throw new IllegalStateException("登记异议缺少异议人或异议内容（流程实例 " + pid + "）");
    }
    Instant now = Values.now();
    // each 公示 ends at its first objection (the case goes back to 入户调查), so this 公示's round is one more than the
    // objections stored before it
    List<Objection> all = new ArrayList<>(records.objections(pid));
    Objection o = new Objection(all.size() + 1, name, Values.str(scope, OBJECTOR_PHONE), content, source, now,
        by == null ? "system" : by);
    records.insertObjection(pid, o);
    all.add(o);
    records.event(pid, "OBJECTION", name + "（" + label(source) + "）：" + content, now, by);
    scope.setVariable(OBJECTION_HISTORY, history(all));
    for (String v : List.of(OBJECTOR_NAME, OBJECTOR_PHONE, OBJECTION_CONTENT, OBJECTION_SOURCE, OBJECTION_FILED_BY)) {
      scope.removeVariable(v);
    }
  }

  static String label(String source) {
    return SOURCE_ONLINE.equals(source) ? "申请人网上提出" : "经办人在公示任务中登记";
  }

  /** 第1次公示（2026年3月2日，钱七，经办人在公示任务中登记）：…；one line each. */
  static String history(List<Objection> objections) {
    return objections.stream().map(o -> "第" + o.noticeRound() + "次公示（" + DAY.format(o.filedAt()) + "，"
        + o.objectorName() + "，" + label(o.source()) + "）：" + o.content()).collect(Collectors.joining("\n"));
  }
}
