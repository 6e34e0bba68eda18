package org.doudi.payroll.internal;

import static org.doudi.payroll.AwardChangeVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payroll.AwardChange;
import org.doudi.payroll.AwardChangeRequest;
import org.doudi.payroll.ExitAssessment;
import org.doudi.payroll.ExitDecision;
import org.doudi.payroll.Exits;
import org.doudi.payroll.AwardChanges;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.InvalidAwardException;
import org.doudi.payroll.PayrollCheckpoint;
import org.doudi.payroll.persistence.AwardChangeRepository;
import org.doudi.payroll.persistence.AwardRepository;
import org.springframework.beans.factory.ObjectProvider;

/** The service tasks of award-change-approval. Both read the stored request, never the task's variables. */
public final class AwardChangeSteps {

  private AwardChangeSteps() {}

  static long requestId(DelegateExecution e) {
    return ((Number) e.getVariable(REQUEST_ID)).longValue();
  }

  /**
   * 执行待遇变更: the approved request becomes an award row, effective from the month after the approval, in the
   * job's transaction, under the request's row lock. Once only: a request already APPROVED returns its row (a
   * retried or repeated job changes nothing); a failure before the commit leaves nothing, so the retry applies it
   * once. A change the award no longer allows (stopped by another path since) closes the request with the reason.
   */
  @ProcessBean("awardChangeApply")
  public static class Apply implements JavaDelegate {
    private final AwardChangeRepository requests;
    private final AwardChanges changes;
    private final Awards awards;
    private final AwardRepository awardRows;
    private final ObjectProvider<PayrollCheckpoint> checkpoints;
    private final Exits exits;

    public Apply(AwardChangeRepository requests, AwardChanges changes, Awards awards, AwardRepository awardRows,
        ObjectProvider<PayrollCheckpoint> checkpoints, Exits exits) {
      this.exits = exits;
      this.requests = requests;
      this.changes = changes;
      this.awards = awards;
      this.awardRows = awardRows;
      this.checkpoints = checkpoints;
    }

    @Override
    public void execute(DelegateExecution e) {
      Optional<AwardRow> row = apply(requestId(e));
      if (row.isPresent()) {
        e.setVariable(APPLIED_AWARD_ID, row.get().id());
      }
    }

    /** The award row the request wrote, or empty when it could not be applied (then it is REJECTED). */
    public Optional<AwardRow> apply(long id) {
      AwardChangeRequest r = requests.lock(id);
      if (r.status() == AwardChangeRequest.Status.APPROVED) {
        return Optional.of(awardRows.byId(r.appliedAwardId()));
      }
      if (r.status() == AwardChangeRequest.Status.REJECTED) {
        return Optional.empty();
      }
      if (!AwardChangeRequest.APPROVE.equals(r.decision()) || r.decidedBy() == null) {
        throw new IllegalStateException("变更申请" + id + "没有审批同意的记录，不能执行");
      }
      var decidedOn = r.decidedAt().atZone(EngineContext.CHINA).toLocalDate();
      AwardRow row;
      try {
        changes.recheck(r, decidedOn, r.decidedBy());
        // the award row names the approver; the request (applied_award_id) names who asked
        if (r.change().kind() == AwardChange.Kind.STOP) {
          // a stop is an exit decision: assessment, notice, 渐退期, the award's end (docs/payroll.md "退出与渐退")
          ExitAssessment exit = changes.exitAssessment(id).orElseThrow(() -> new InvalidAwardException(
              "停发申请没有退出评估（" + "返贫风险评估），请重新申请停发并附评估"));
          ExitDecision d = exits.decide(r.beneficiaryKey(), r.scheme(), exit, r.caseRef(), r.reason(), decidedOn,
              r.decidedBy(), id);
          row = awardRows.byId(d.stopAwardId());
        } else {
          row = awards.apply(r.beneficiaryKey(), r.scheme(), r.change(), r.caseRef(), decidedOn, r.reason(),
              r.decidedBy());
        }
      } catch (InvalidAwardException refused) {
        requests.markRejected(id, clip("审批同意后无法执行：" + refused.getMessage()
            + (r.decisionNote() == null ? "" : "；审批意见：" + r.decisionNote())));
        return Optional.empty();
      }
      requests.markApproved(id, row.id());
      checkpoints.orderedStream().forEach(c -> c.reached("award-change", id));
      return Optional.of(row);
    }
  }

  /** 记录不予变更: the request closed as REJECTED with the approver's note; the award is untouched. */
  @ProcessBean("awardChangeReject")
  public static class Reject implements JavaDelegate {
    private final AwardChangeRepository requests;

    public Reject(AwardChangeRepository requests) {
      this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution e) {
      requests.markRejected(requestId(e), null);
    }
  }

  static String clip(String s) {
    return s.length() <= 500 ? s : s.substring(0, 499) + "…";
  }
}
