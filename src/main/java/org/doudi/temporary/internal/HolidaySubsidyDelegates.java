package org.doudi.temporary.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;

/**
 * The service tasks of {@code holiday-subsidy}, one delegate each ({@code camunda:delegateExpression="${bean}"}). The
 * steps themselves are {@link HolidaySubsidies}'s methods, which the model's older versions still call by expression.
 */
public final class HolidaySubsidyDelegates {

  private HolidaySubsidyDelegates() {}

  /** 核定发放名单: {@link HolidaySubsidies#prepare}. */
  @ProcessBean("temporaryPrepareHolidayBatch")
  public static class PrepareBatch implements JavaDelegate {
    private final HolidaySubsidies subsidies;

    public PrepareBatch(HolidaySubsidies subsidies) {
      this.subsidies = subsidies;
    }

    @Override
    public void execute(DelegateExecution execution) {
      subsidies.prepare(execution);
    }
  }

  /** 生成发放记录: {@link HolidaySubsidies#create}. */
  @ProcessBean("temporaryCreateHolidayPayments")
  public static class CreatePayments implements JavaDelegate {
    private final HolidaySubsidies subsidies;

    public CreatePayments(HolidaySubsidies subsidies) {
      this.subsidies = subsidies;
    }

    @Override
    public void execute(DelegateExecution execution) {
      subsidies.create(execution);
    }
  }
}
