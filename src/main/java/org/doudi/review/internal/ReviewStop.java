package org.doudi.review.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payment.Scheme;
import org.doudi.payroll.ExitDecision;
import org.doudi.payroll.Exits;
import org.doudi.review.ReviewCase;
import org.doudi.review.persistence.ReviewRepository;

/**
 * 停发 after a review: the township proposed it with the structured relapse-risk assessment (stored with the case:
 * exit reason, income stability, health, debts, dependants, note), a county approver other than the proposer
 * confirmed it. This is the only place where a review stops an award, and it does so as an exit decision
 * ({@link Exits#decide}: the stored assessment's risk level, the written notice with the right to object, the 渐退期
 * when employment lifted the income, the watch list afterwards). The county approver is the decider.
 */
@ProcessBean("reviewStop")
public class ReviewStop implements JavaDelegate {

  private final ReviewRepository repository;
  private final Exits exits;

  public ReviewStop(ReviewRepository repository, Exits exits) {
    this.repository = repository;
    this.exits = exits;
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
    ExitDecision exit = exits.decide(c.beneficiaryKey(), Scheme.valueOf(c.scheme()), repository.exitAssessment(c.id()),
        execution.getProcessInstanceId(), "动态复核停发：" + c.proposalReasons(), EngineContext.today(),
        c.confirmedBy(), null);
    repository.recordApplied(c.id(), "STOP", exit.stopAwardId());
  }
}
