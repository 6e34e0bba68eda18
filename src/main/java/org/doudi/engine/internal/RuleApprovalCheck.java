package org.doudi.engine.internal;

import static org.doudi.engine.internal.RuleApprovalVariables.*;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.RuleVersion;
import org.doudi.engine.RuleVersion.Status;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The complete listener of 规则变更审批: the second pair of eyes on a money rule, enforced on the server whatever the
 * candidate groups say. It refuses (the task stays open, the REST APIs answer 400 in Chinese) a decision by anyone
 * who is neither an administrator nor an analyst, an approval by the analyst who deployed the version (an
 * administrator may approve any version, their own included), a rejection without a reason, and a decision on a
 * version no longer pending; otherwise it records the outcome, who and when in rule_approval, where
 * {@link org.doudi.engine.RulesInForce} reads it: an approved version decides from this transaction's commit on.
 */
@ProcessBean("ruleApprovalCheck")
public class RuleApprovalCheck implements TaskListener {

  private final RuleApprovalRepository approvals;
  private final IdentityService identity;

  public RuleApprovalCheck(JdbcTemplate jdbc, @Lazy IdentityService identity,
      org.springframework.context.ApplicationEventPublisher events) {
    this.approvals = new RuleApprovalRepository(jdbc, events);
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    Object d = task.getVariable(DECISION);
    if (!APPROVE.equals(d) && !REJECT.equals(d)) {
      throw refuse(DECISION, "请选择审批意见：批准或驳回");
    }
    String decision = (String) d;
    Object n = task.getVariable(DECISION_NOTE);
    String note = n == null || n.toString().isBlank() ? null : n.toString().strip();
    if (note != null && note.length() > 500) {
      throw refuse(DECISION_NOTE, "意见不能超过500个字");
    }
    if (REJECT.equals(decision) && note == null) {
      throw refuse(DECISION_NOTE, "驳回须写明理由");
    }
    String user = EngineContext.currentUser() != null ? EngineContext.currentUser() : task.getAssignee();
    if (user == null) {
      throw refuse(DECISION, "请先认领任务，再提交审批意见");
    }
    String definitionId = (String) task.getVariable(DEFINITION_ID);
    RuleVersion v = approvals.lock(definitionId)
        .orElseThrow(() -> refuse(DECISION, "找不到规则版本" + definitionId + "的审批记录"));
    if (v.status() != Status.PENDING) {
      throw refuse(DECISION, v.decisionKey() + "第" + v.version() + "版已不在待审批状态（" + v.status() + "），不能再审批");
    }
    boolean admin = false;
    boolean analyst = false;
    for (Group g : groups(user)) {
      admin |= ADMIN_GROUP.equals(g.getId());
      analyst |= ANALYST_GROUP_TYPE.equals(g.getType());
    }
    if (!admin && !analyst) {
      throw refuse(DECISION, "只有系统管理员或业务分析员可以审批规则变更，" + user + "不是");
    }
    if (APPROVE.equals(decision) && !admin && user.equals(v.author())) {
      throw refuse(DECISION, "不能批准本人部署的规则版本（" + v.decisionKey() + "第" + v.version() + "版由" + user
          + "部署）：须由另一名业务分析员或系统管理员审批；如需撤回，请选择驳回并写明理由");
    }
    Instant now = EngineContext.now();
    if (!approvals.decide(definitionId, APPROVE.equals(decision) ? Status.APPROVED : Status.REJECTED, user, now,
        note)) {
      throw refuse(DECISION, v.decisionKey() + "第" + v.version() + "版已不在待审批状态，不能再审批");
    }
    task.setVariable(DECIDED_BY, user);
  }

  private List<Group> groups(String user) {
    return Context.getCommandContext().runWithoutAuthorization(() -> identity.createGroupQuery().groupMember(user)
        .list());
  }

  private static FormFieldValidationException refuse(String field, String message) {
    // Tasklist's own API (/camunda/api/engine) answers a listener's refusal with 500; RefusalResponseFilter makes it
    // 400 with this message, as for the variable guard's refusals (/engine-rest: FormRefusalMapper)
    RefusalResponseFilter.refuse("RuleApprovalRefused", message);
    return new FormFieldValidationException(field, message);
  }
}
