package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;

/** 张贴公示 (审核确认办法 第19条): records the notice and its 7-day period; starts a new notice round. */
@ProcessBean("dibaoPublishNotice")
public class PublishNotice implements JavaDelegate {

  private final DibaoRepository records;
  private final CaseNotices notices;

  public PublishNotice(DibaoRepository records, CaseNotices notices) {
    this.records = records;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int round = CaseContext.number(execution, NOTICE_ROUND).intValue() + 1;
    var end = CaseContext.today().plusDays(7);
    String opinion = "APPROVE".equals(CaseContext.string(execution, PRELIMINARY_OPINION))
        ? "拟纳入最低生活保障，月补助金额" + CaseContext.string(execution, MONTHLY_AMOUNT) + "元" : "初审不同意纳入最低生活保障";
    String text = "第" + round + "次公示：" + CaseContext.string(execution, REGION_NAME) + " "
        + CaseContext.string(execution, APPLICANT_NAME) + "家（" + CaseContext.number(execution, MEMBER_COUNT) + "人），"
        + opinion + "。公示期7天，至" + end + "止。";
    records.insertNotice(CaseContext.applicationId(execution), execution.getProcessInstanceId(), "PUBLIC_NOTICE", text,
        null, CaseContext.now(), end);
    // the village's 公示 list as a document: this household and the others of the village in 公示 now
    String entry = CaseNotices.entry(CaseContext.string(execution, APPLICANT_NAME),
        CaseContext.number(execution, MEMBER_COUNT), CaseContext.string(execution, PRELIMINARY_OPINION),
        CaseContext.string(execution, MONTHLY_AMOUNT)) + "（公示至" + org.doudi.notice.Notices.date(end) + "）";
    notices.issue(notices.request(execution, org.doudi.notice.NoticeKind.DIBAO_PUBLIC_NOTICE, "round-" + round)
        .with("villageName", CaseContext.string(execution, REGION_NAME))
        .with("entries", notices.villageEntries(execution, entry)));
    execution.setVariable(NOTICE_ROUND, round);
    for (String v : new String[] {OBJECTOR_NAME, OBJECTOR_PHONE, OBJECTION_CONTENT, OBJECTION_SOURCE,
        OBJECTION_FILED_BY}) {
      execution.removeVariable(v);
    }
  }
}
