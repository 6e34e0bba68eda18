package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.Households;

/**
 * Parameterised step for models: {@code ${dibaoRecords.close(execution, 'WITHDRAWN')}} or {@code 'LAPSED'} ends the
 * application in the case record and records why.
 */
@ProcessBean("dibaoRecords")
public class DibaoRecords {

  private final Households households;
  private final DibaoRepository records;

  public DibaoRecords(Households households, DibaoRepository records) {
    this.households = households;
    this.records = records;
  }

  public void close(DelegateExecution execution, String status) {
    ApplicationStatus s = ApplicationStatus.valueOf(status);
    long id = CaseContext.applicationId(execution);
    String detail = switch (s) {
      case WITHDRAWN -> "申请人撤回申请" + reason(execution);
      case LAPSED -> "一次性告知后逾期未补齐材料，申请失效";
      default -> s.label();
    };
    households.updateStatus(id, s);
    records.insertEvent(id, execution.getProcessInstanceId(), s.name(), detail, CaseContext.currentUser(),
        CaseContext.now());
  }

  private static String reason(DelegateExecution execution) {
    String r = CaseContext.string(execution, WITHDRAWAL_REASON);
    if (r == null) {
      r = CaseContext.string(execution, "materialsNote");
    }
    return r == null || r.isBlank() ? "" : "：" + r;
  }
}
