package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;
import org.doudi.notice.NoticeKind;
import org.doudi.notice.Notices;

/** 一次性告知: one notice listing every missing material (审核确认办法 第10条). */
@ProcessBean("dibaoNotifyMissingMaterials")
public class NotifyMissingMaterials implements JavaDelegate {

  private final DibaoRepository records;
  private final CaseNotices notices;

  public NotifyMissingMaterials(DibaoRepository records, CaseNotices notices) {
    this.records = records;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String missing = CaseContext.string(execution, MISSING_MATERIALS);
    String text = "一次性告知：" + CaseContext.string(execution, APPLICANT_NAME) + "的低保申请材料不齐全，请补齐以下全部材料：" + missing
        + "。补齐前办结时限中止计算。";
    java.time.LocalDate lapse = notices.lapseDate(CaseContext.today());
    long row = records.insertNotice(CaseContext.applicationId(execution), execution.getProcessInstanceId(),
        "MISSING_MATERIALS", text, CaseContext.currentUser(), CaseContext.now(), null);
    // the written 一次性告知书 (PDF with the case): every missing item and the day the application lapses
    notices.issue(notices.request(execution, NoticeKind.DIBAO_MISSING_MATERIALS, "materials-" + row)
        .with("missingList", CaseNotices.numbered(missing)).with("lapseDate", Notices.date(lapse)));
  }
}
