package org.doudi.temporary.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;

/**
 * The service tasks of {@code expenditure-assistance}, one delegate each ({@code camunda:delegateExpression="${bean}"}). The
 * steps themselves are {@link ExpenditureCases}'s methods, which the model's older versions still call by expression.
 */
public final class ExpenditureDelegates {

  private ExpenditureDelegates() {}

  /** 登记申请: {@link ExpenditureCases#register}. */
  @ProcessBean("temporaryRegisterExpenditure")
  public static class RegisterExpenditure implements JavaDelegate {
    private final ExpenditureCases cases;

    public RegisterExpenditure(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.register(execution);
    }
  }

  /** 一次性告知，不予受理: {@link ExpenditureCases#notAccepted}. */
  @ProcessBean("temporaryRecordNotAccepted")
  public static class RecordNotAccepted implements JavaDelegate {
    private final ExpenditureCases cases;

    public RecordNotAccepted(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.notAccepted(execution);
    }
  }

  /** 查询低保、特困身份: {@link ExpenditureCases#lookUpBasicLiving}. */
  @ProcessBean("temporaryLookUpBasicLiving")
  public static class LookUpBasicLiving implements JavaDelegate {
    private final ExpenditureCases cases;

    public LookUpBasicLiving(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.lookUpBasicLiving(execution);
    }
  }

  /** 信息核对: {@link ExpenditureCases#check}. */
  @ProcessBean("temporaryCheckInformation")
  public static class CheckInformation implements JavaDelegate {
    private final ExpenditureCases cases;

    public CheckInformation(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.check(execution);
    }
  }

  /** 记录不予救助: {@link ExpenditureCases#rejected}. */
  @ProcessBean("temporaryRecordExpenditureRejection")
  public static class RecordRejection implements JavaDelegate {
    private final ExpenditureCases cases;

    public RecordRejection(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.rejected(execution);
    }
  }

  /** 记录批准和发放计划: {@link ExpenditureCases#approved}. */
  @ProcessBean("temporaryRecordApproval")
  public static class RecordApproval implements JavaDelegate {
    private final ExpenditureCases cases;

    public RecordApproval(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.approved(execution);
    }
  }

  /** 确定下一期: {@link ExpenditureCases#nextInstalment}. */
  @ProcessBean("temporaryNextInstalment")
  public static class NextInstalment implements JavaDelegate {
    private final ExpenditureCases cases;

    public NextInstalment(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.nextInstalment(execution);
    }
  }

  /** 发放本期救助金: {@link ExpenditureCases#payInstalment}. */
  @ProcessBean("temporaryPayInstalment")
  public static class PayInstalment implements JavaDelegate {
    private final ExpenditureCases cases;

    public PayInstalment(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.payInstalment(execution);
    }
  }

  /** 全部发放完毕，办结: {@link ExpenditureCases#completed}. */
  @ProcessBean("temporaryCloseExpenditure")
  public static class CloseExpenditure implements JavaDelegate {
    private final ExpenditureCases cases;

    public CloseExpenditure(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.completed(execution);
    }
  }

  /** 停止剩余各期: {@link ExpenditureCases#stop}. */
  @ProcessBean("temporaryStopInstalments")
  public static class StopInstalments implements JavaDelegate {
    private final ExpenditureCases cases;

    public StopInstalments(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.stop(execution);
    }
  }

  /** 登记异议 (公示 task or online): {@link ExpenditureObjections#record}. */
  @ProcessBean("temporaryRecordObjection")
  public static class RecordObjection implements JavaDelegate {
    private final ExpenditureObjections objections;

    public RecordObjection(ExpenditureObjections objections) {
      this.objections = objections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      objections.record(execution, execution.getProcessInstanceId());
    }
  }

  /** 记录撤回申请: {@link ExpenditureCases#withdrawn}. */
  @ProcessBean("temporaryRecordWithdrawal")
  public static class RecordWithdrawal implements JavaDelegate {
    private final ExpenditureCases cases;

    public RecordWithdrawal(ExpenditureCases cases) {
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      cases.withdrawn(execution);
    }
  }
}
