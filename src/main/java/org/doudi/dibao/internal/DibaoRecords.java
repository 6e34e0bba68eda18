package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.Households;
import org.doudi.register.BenefitRegister;

/**
 * Parameterised step: {@code close(execution, 'WITHDRAWN')} or {@code 'LAPSED'} ends the application in the case
 * record and records why. Today's model calls it through {@link CloseApplication} ({@code dibaoCloseApplication}, the
 * status as input parameter); older model versions call {@code ${dibaoRecords.close(execution, 'WITHDRAWN')}}.
 */
@ProcessBean("dibaoRecords")
public class DibaoRecords {

  private final Households households;
  private final DibaoRepository records;
  private final BenefitRegister register;

  public DibaoRecords(Households households, DibaoRepository records, BenefitRegister register) {
    this.households = households;
    this.records = records;
    this.register = register;
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
    register.release(CaseContext.holderKey(id), detail, actor(execution));
    records.insertEvent(id, execution.getProcessInstanceId(), s.name(), detail, CaseContext.currentUser(),
        CaseContext.now());
  }

  private static String actor(DelegateExecution execution) {
    String user = CaseContext.currentUser();
    return user != null ? user : "system";
  }

  private static String reason(DelegateExecution execution) {
    String r = CaseContext.string(execution, WITHDRAWAL_REASON);
    if (r == null) {
      r = CaseContext.string(execution, "materialsNote");
    }
    return r == null || r.isBlank() ? "" : "：" + r;
  }
}
