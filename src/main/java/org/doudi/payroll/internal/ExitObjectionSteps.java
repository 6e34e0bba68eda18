package org.doudi.payroll.internal;

import static org.doudi.payroll.ExitVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.engine.GuardedVariables;
import org.doudi.engine.ProcessBean;
import org.doudi.payroll.ExitObjection;
import org.doudi.payroll.Exits;
import org.doudi.payroll.InvalidAwardException;
import org.springframework.stereotype.Component;
import org.doudi.payroll.ExitVariables;

/** The steps of process exit-objection (processes/payroll/exit-objection.bpmn). */
public final class ExitObjectionSteps {

  private ExitObjectionSteps() {}

  static long objectionId(Object v) {
    return ((Number) v).longValue();
  }

  /**
   * The complete listener of 处理退出异议: refuses (the task stays open, REST answers 400) a decision without a choice
   * or a reason, by the person who recorded the objection, or by anyone who is not a county approver of the award's
   * county or an administrator, and an upheld objection the award no longer allows; otherwise records the decision
   * in the stored objection, from which the next step applies it.
   */
  @ProcessBean("exitObjectionCheck")
  public static class Check implements TaskListener {
    private final Exits exits;
    private final CountyApprovers approvers;

    public Check(Exits exits, CountyApprovers approvers) {
      this.exits = exits;
      this.approvers = approvers;
    }

    @Override
    public void notify(DelegateTask task) {
      Object d = task.getVariable(DECISION);
      Object n = task.getVariable(DECISION_NOTE);
      String user = CountyApprovers.actingUser(task);
      if (user == null) {
        throw new FormFieldValidationException(DECISION, "请先认领任务，再提交处理意见");
      }
      long id = objectionId(task.getVariable(OBJECTION_ID));
      ExitObjection o = exits.objection(id).orElseThrow();
      String county = exits.find(o.exitId()).orElseThrow().countyCode();
      if (!approvers.mayDecide(user, county)) {
        throw new FormFieldValidationException(DECISION, "只有" + county + "的县级审批人员或系统管理员可以处理退出异议，"
            + user + "不是");
      }
      try {
        exits.recordObjectionDecision(id, d == null ? null : d.toString(), n == null ? null : n.toString(), user);
      } catch (InvalidAwardException e) {
        throw new FormFieldValidationException(UPHOLD.equals(d) || REJECT.equals(d) ? DECISION_NOTE : DECISION,
            e.getMessage());
      }
      task.setVariable(DECIDED_BY, user);
    }
  }

  /**
   * 执行异议处理决定: applies the stored decision once (upheld: the award paid again from the month it was stopped,
   * missed months caught up; rejected: the exit stands). A retried or repeated job finds the objection closed.
   */
  @ProcessBean("exitObjectionApply")
  public static class Apply implements JavaDelegate {
    private final Exits exits;

    public Apply(Exits exits) {
      this.exits = exits;
    }

    @Override
    public void execute(DelegateExecution e) {
      ExitObjection o = exits.applyObjectionDecision(objectionId(e.getVariable(OBJECTION_ID)));
      e.setVariable(ExitVariables.OBJECTION_STATUS, o.status());
    }
  }

  /** The objection's stored facts are shown read-only; only the delegates write them. */
  @Component
  static class Guarded extends GuardedVariables.ProtectedIn {
    Guarded() {
      super(Set.of(PROCESS_KEY), Set.of(OBJECTION_ID, BENEFICIARY_KEY, EXIT_SUMMARY, OBJECTION_STATEMENT, RECORDED_BY,
          DUE_DATE, RECEIVED_ON, DECISION_DAYS, DECIDED_BY, "objectionStatus"));
    }
  }
}
