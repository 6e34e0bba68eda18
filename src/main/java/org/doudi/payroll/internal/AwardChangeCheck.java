package org.doudi.payroll.internal;

import static org.doudi.payroll.AwardChangeVariables.*;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payroll.AwardChangeRequest;
import org.doudi.payroll.AwardChanges;
import org.doudi.payroll.InvalidAwardException;
import org.doudi.payroll.persistence.AwardChangeRepository;

/**
 * The complete listener of 审批待遇变更: the second pair of eyes, enforced on the server whatever the candidate
 * groups say. It refuses (the task stays open, the REST API answers 400) an approval by the person who asked for
 * the change, a decision by anyone who is not a county approver of the award's county or an administrator, and an
 * approval the award's rules or ceilings no longer allow; otherwise it records the decision, who and when, in the
 * stored request, from which the next step applies it.
 */
@ProcessBean("awardChangeCheck")
public class AwardChangeCheck implements TaskListener {

  private final AwardChangeRepository requests;
  private final AwardChanges changes;
  private final CountyApprovers approvers;

  public AwardChangeCheck(AwardChangeRepository requests, AwardChanges changes, CountyApprovers approvers) {
    this.requests = requests;
    this.changes = changes;
    this.approvers = approvers;
  }

  @Override
  public void notify(DelegateTask task) {
    Object d = task.getVariable(DECISION);
    if (!AwardChangeRequest.APPROVE.equals(d) && !AwardChangeRequest.REJECT.equals(d)) {
      throw refuse(DECISION, "请选择审批意见：同意变更或不予变更");
    }
    String decision = (String) d;
    Object n = task.getVariable(DECISION_NOTE);
    String note = n == null || n.toString().isBlank() ? null : n.toString().trim();
    if (note != null && note.length() > 500) {
      throw refuse(DECISION_NOTE, "审批意见不能超过500个字");
    }
    if (AwardChangeRequest.REJECT.equals(decision) && note == null) {
      throw refuse(DECISION_NOTE, "不予变更须写明理由");
    }
    String user = CountyApprovers.actingUser(task);
    if (user == null) {
      throw refuse(DECISION, "请先认领任务，再提交审批意见");
    }
    long id = ((Number) task.getVariable(REQUEST_ID)).longValue();
    AwardChangeRequest r = requests.lock(id);
    if (r.status() != AwardChangeRequest.Status.REQUESTED || r.decision() != null) {
      throw refuse(DECISION, "变更申请" + id + "已经审批，不能再次审批");
    }
    if (AwardChangeRequest.APPROVE.equals(decision) && user.equals(r.requestedBy())) {
      throw refuse(DECISION, "不能审批本人提出的待遇变更（" + user + "提出）：须由本县（市、区）另一名审批人员审批；"
          + "如需撤回，请选择不予变更并写明理由");
    }
    if (!approvers.mayDecide(user, r.countyCode())) {
      throw refuse(DECISION, "只有" + r.countyCode() + "的县级审批人员或系统管理员可以审批待遇变更，" + user + "不是");
    }
    Instant now = EngineContext.now();
    if (AwardChangeRequest.APPROVE.equals(decision)) {
      try {
        changes.recheck(r, now.atZone(EngineContext.CHINA).toLocalDate(), user);
      } catch (InvalidAwardException e) {
        throw refuse(DECISION, "该变更现在无法执行：" + e.getMessage() + "；请选择不予变更");
      }
    }
    requests.recordDecision(id, decision, user, now, note);
    task.setVariable(DECIDED_BY, user);
  }

  private static FormFieldValidationException refuse(String field, String message) {
    return new FormFieldValidationException(field, message);
  }
}
