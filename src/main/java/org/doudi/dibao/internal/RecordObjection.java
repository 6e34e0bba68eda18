package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;

/**
 * 登记异议: an objection filed during 公示 (Tasklist form or {@code POST /api/cases/{id}/objections}). The case now
 * has a complaint, so 审核确认 requires a county home visit (第20条).
 */
@ProcessBean("dibaoRecordObjection")
public class RecordObjection implements JavaDelegate {

  private final DibaoRepository records;

  public RecordObjection(DibaoRepository records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String source = CaseContext.string(execution, OBJECTION_SOURCE);
    records.insertObjection(CaseContext.applicationId(execution), execution.getProcessInstanceId(),
        CaseContext.number(execution, NOTICE_ROUND).intValue(), CaseContext.string(execution, OBJECTOR_NAME),
        CaseContext.string(execution, OBJECTOR_PHONE), CaseContext.string(execution, OBJECTION_CONTENT),
        "API".equals(source) ? "API" : "TASKLIST", CaseContext.string(execution, OBJECTION_FILED_BY),
        CaseContext.now());
    execution.setVariable(HAS_COMPLAINT, true);
  }
}
