package org.doudi.supervision.escalation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;

/**
 * The service tasks of {@code supervision-escalation-sweep}, one delegate each
 * ({@code camunda:delegateExpression="${bean}"}). The steps themselves are {@link EscalationSweep}'s methods, which the
 * model's older versions still call by expression.
 */
public final class EscalationDelegates {

  private EscalationDelegates() {}

  /** 逾期时限发起督办（一批）: {@link EscalationSweep#escalatePage}. */
  @ProcessBean("escalationSweepPage")
  public static class SweepPage implements JavaDelegate {
    private final EscalationSweep sweep;

    public SweepPage(EscalationSweep sweep) {
      this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sweep.escalatePage(execution);
    }
  }

  /** 更新待督办状态: {@link EscalationSweep#refreshOpen}. */
  @ProcessBean("escalationRefreshOpen")
  public static class RefreshOpen implements JavaDelegate {
    private final EscalationSweep sweep;

    public RefreshOpen(EscalationSweep sweep) {
      this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
      sweep.refreshOpen(execution);
    }
  }
}
