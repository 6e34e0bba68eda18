package org.doudi.temporary.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;

/**
 * The service tasks of {@code emergency-assistance}, one delegate each ({@code camunda:delegateExpression="${bean}"}). The
 * steps themselves are {@link EmergencyCases}'s methods, which the model's older versions still call by expression.
 */
public final class EmergencyDelegates {

  private EmergencyDelegates() {}

  /** 登记急难情况: {@link EmergencyCases#register}. */
  @ProcessBean("temporaryRegisterEmergency")
  public static class RegisterEmergency implements JavaDelegate {
    private final EmergencyCases cases;

    public RegisterEmergency(EmergencyCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.register(execution);
    }
  }

  /** 记录不予救助: {@link EmergencyCases#rejected}. */
  @ProcessBean("temporaryRecordEmergencyRejection")
  public static class RecordRejection implements JavaDelegate {
    private final EmergencyCases cases;

    public RecordRejection(EmergencyCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.rejected(execution);
    }
  }

  /** 备用金当场发放: {@link EmergencyCases#pay}. */
  @ProcessBean("temporaryPayReserveFund")
  public static class PayReserveFund implements JavaDelegate {
    private final EmergencyCases cases;

    public PayReserveFund(EmergencyCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.pay(execution);
    }
  }

  /** 记录急难缓解: {@link EmergencyCases#eased}. */
  @ProcessBean("temporaryRecordEased")
  public static class RecordEased implements JavaDelegate {
    private final EmergencyCases cases;

    public RecordEased(EmergencyCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.eased(execution);
    }
  }

  /** 提醒补齐手续: {@link EmergencyCases#remind}. */
  @ProcessBean("temporaryRemindPaperwork")
  public static class RemindPaperwork implements JavaDelegate {
    private final EmergencyCases cases;

    public RemindPaperwork(EmergencyCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.remind(execution);
    }
  }

  /** 记录逾期并报县级督办: {@link EmergencyCases#overdue}. */
  @ProcessBean("temporaryRecordPaperworkOverdue")
  public static class RecordPaperworkOverdue implements JavaDelegate {
    private final EmergencyCases cases;

    public RecordPaperworkOverdue(EmergencyCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.overdue(execution);
    }
  }

  /** 手续齐全，办结: {@link EmergencyCases#close}. */
  @ProcessBean("temporaryCloseEmergency")
  public static class CloseEmergency implements JavaDelegate {
    private final EmergencyCases cases;

    public CloseEmergency(EmergencyCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.close(execution);
    }
  }
}
