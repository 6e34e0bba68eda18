package org.doudi.review.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.review.ReviewCase;
import org.doudi.review.persistence.ReviewRepository;

/**
 * 停发 after a review: the township proposed it with the structured relapse-risk assessment (stored with the case:
 * exit reason, income stability, health, debts, dependants, note), a county approver other than the proposer
 * confirmed it. This is the only place where a review stops an award; when the exit module's {@code payroll.Exits}
 * (relapse-risk assessment, written notice, 渐退 phase-out) is merged, this call is routed through it with the stored
 * assessment instead of stopping the award directly.
 */
@ProcessBean("reviewStop")
public class ReviewStop implements JavaDelegate {

  private final ReviewRepository repository;
  private final Awards awards;

  public ReviewStop(ReviewRepository repository, Awards awards) {
    this.repository = repository;
    this.awards = awards;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewCase c = repository.lockCase(ReviewSteps.caseId(execution)).orElseThrow();
    if (c.outcome() != null) {
      return; // applied already (a retried job)
    }
    if (c.confirmedBy() == null || c.exitReasonCode() == null) {
      throw new IllegalStateException("复核案件" + c.id() + "没有县级确认或没有退出评估，不能停发");
    }
    AwardRow row = awards.stop(c.beneficiaryKey(), Scheme.valueOf(c.scheme()), execution.getProcessInstanceId(),
        EngineContext.today(), "动态复核停发（" + c.exitReasonCode() + "）：" + c.proposalReasons(), c.confirmedBy());
    repository.recordApplied(c.id(), "STOP", row.id());
  }
}
