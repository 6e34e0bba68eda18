package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.CLOSE_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.engine.ParameterisedDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskParameter;

/** 记录撤回申请 / 记录申请失效: {@link DibaoRecords#close} with the task's input parameter {@code closeStatus}. */
@ProcessBean("dibaoCloseApplication")
public class CloseApplication implements ParameterisedDelegate {

  private static final TaskParameter PARAMETER = TaskParameter.of(CLOSE_STATUS, "WITHDRAWN", "LAPSED");

  private final DibaoRecords records;
  private final CaseNotices notices;

  public CloseApplication(DibaoRecords records, CaseNotices notices) {
    this.records = records;
    this.notices = notices;
  }

  @Override
  public TaskParameter parameter() {
    return PARAMETER;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String status = PARAMETER.read(execution);
    records.close(execution, status);
    if ("LAPSED".equals(status)) {
      // the 一次性告知 went unanswered: the written 不予受理 with what is still missing and the remedies
      notices.issue(notices.request(execution, org.doudi.notice.NoticeKind.DIBAO_NOT_ACCEPTED, "lapsed")
          .with("missingList", CaseNotices.numbered(CaseContext.string(execution,
              org.doudi.dibao.DibaoVariables.MISSING_MATERIALS)))
          .with("lapseDate", org.doudi.notice.Notices.date(CaseContext.today())));
    }
  }
}
