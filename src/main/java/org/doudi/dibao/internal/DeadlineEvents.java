package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;

/** Overall limit (审核确认办法 第22条): an extension to 45 working days with its reason, and an overrun. */
final class DeadlineEvents {

  private DeadlineEvents() {}

  @ProcessBean("dibaoRecordExtension")
  public static class RecordExtension implements JavaDelegate {
    private final DibaoRepository records;

    public RecordExtension(DibaoRepository records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.insertEvent(CaseContext.applicationId(execution), execution.getProcessInstanceId(), "EXTENDED",
          "办结时限延长至45个工作日；事由：" + CaseContext.string(execution, EXTENSION_GROUND) + "；理由："
              + CaseContext.string(execution, EXTENSION_REASON), CaseContext.currentUser(), CaseContext.now());
      execution.setVariable(EXTENDED, true);
    }
  }

  @ProcessBean("dibaoRecordOverdue")
  public static class RecordOverdue implements JavaDelegate {
    private final DibaoRepository records;

    public RecordOverdue(DibaoRepository records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String limit = CaseContext.flag(execution, EXTENDED) ? "45"
          : String.valueOf(CaseContext.number(execution, OVERALL_LIMIT));
      records.insertEvent(CaseContext.applicationId(execution), execution.getProcessInstanceId(), "OVERDUE",
          "自受理起" + limit + "个工作日的办结时限已届满，尚未作出决定", null, CaseContext.now());
    }
  }
}
