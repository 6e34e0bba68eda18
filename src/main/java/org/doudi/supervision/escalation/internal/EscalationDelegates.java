package org.doudi.supervision.escalation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.supervision.escalation.EscalationVariables;

/**
 * The service tasks of {@code supervision-escalation-sweep} and {@code supervision-escalation}, one delegate each
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

  /**
   * 督办期限已过（提级督办）in {@code supervision-escalation}: {@link EscalationSweep#holderDeadlinePassed}; the 督办's
   * level comes from the process (a 督办 started before levels existed is level 1).
   */
  @ProcessBean("escalationHolderDeadlinePassed")
  public static class HolderDeadlinePassed implements JavaDelegate {
    private final EscalationSweep sweep;

    public HolderDeadlinePassed(EscalationSweep sweep) {
      this.sweep = sweep;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object id = execution.getVariable(EscalationVariables.ESCALATION_ID);
      Object level = execution.getVariable(EscalationVariables.ESCALATION_LEVEL);
      sweep.holderDeadlinePassed(((Number) id).longValue(), level instanceof Number n ? n.intValue() : 1)
          .ifPresent(raised -> execution.setVariable(EscalationVariables.RAISED_ESCALATION_ID, raised));
    }
  }
}
