package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;

/** 告知核对结果 (审核确认办法 第18条): the notice tells the applicant what the check found and that they may object. */
@ProcessBean("dibaoNotifyCheckFailed")
public class NotifyCheckFailed implements JavaDelegate {

  private final DibaoRepository records;

  public NotifyCheckFailed(DibaoRepository records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = "信息核对结果告知（核对报告" + CaseContext.string(execution, CHECK_REFERENCE) + "）："
        + CaseContext.string(execution, CHECK_SUMMARY) + "。如有异议，可提供相关证据申请复查。";
    records.insertNotice(CaseContext.applicationId(execution), execution.getProcessInstanceId(), "CHECK_FAILED", text,
        null, CaseContext.now(), null);
  }
}
