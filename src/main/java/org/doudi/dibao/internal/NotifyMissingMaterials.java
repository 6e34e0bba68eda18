package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;

/** 一次性告知: one notice listing every missing material (审核确认办法 第10条). */
@ProcessBean("dibaoNotifyMissingMaterials")
public class NotifyMissingMaterials implements JavaDelegate {

  private final DibaoRepository records;

  public NotifyMissingMaterials(DibaoRepository records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String missing = CaseContext.string(execution, MISSING_MATERIALS);
    String text = "一次性告知：" + CaseContext.string(execution, APPLICANT_NAME) + "的低保申请材料不齐全，请补齐以下全部材料：" + missing
        + "。补齐前办结时限中止计算。";
    records.insertNotice(CaseContext.applicationId(execution), execution.getProcessInstanceId(), "MISSING_MATERIALS",
        text, CaseContext.currentUser(), CaseContext.now(), null);
  }
}
