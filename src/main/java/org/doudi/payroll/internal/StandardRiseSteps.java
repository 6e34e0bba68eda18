package org.doudi.payroll.internal;

import static org.doudi.payroll.StandardRiseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.eligibility.DibaoStandardAdded;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payroll.PayrollCheckpoint;
import org.doudi.payroll.StandardRise;
import org.doudi.payroll.StandardRises;
import org.doudi.payroll.persistence.StandardRiseRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The steps of process standard-rise. Each reads the stored rise (standard_rise), never the task's variables. */
public final class StandardRiseSteps {

  private StandardRiseSteps() {}

  static long riseId(DelegateExecution e) {
    return ((Number) e.getVariable(RISE_ID)).longValue();
  }

  /** A new standard, in its transaction: the rise of its county and type, if awards are paid under it. */
  @Component
  public static class OnStandardAdded {
    private final StandardRises rises;

    public OnStandardAdded(StandardRises rises) {
      this.rises = rises;
    }

    @EventListener
    public void on(DibaoStandardAdded added) {
      rises.open(added.standard());
    }
  }

  /** 测算调整后金额: every award of the place recomputed in bulk; the figures to the review form. */
  @ProcessBean("standardRiseCompute")
  public static class Compute implements JavaDelegate {
    private final StandardRises rises;

    public Compute(StandardRises rises) {
      this.rises = rises;
    }

    @Override
    public void execute(DelegateExecution e) {
      long id = riseId(e);
      rises.compute(id);
      e.setVariables(rises.reviewFigures(id));
    }
  }

  /** 执行标准调整: the approved lines as award rows (once; see StandardRises.apply). */
  @ProcessBean("standardRiseApply")
  public static class Apply implements JavaDelegate {
    private final StandardRises rises;
    private final ObjectProvider<PayrollCheckpoint> checkpoints;

    public Apply(StandardRises rises, ObjectProvider<PayrollCheckpoint> checkpoints) {
      this.rises = rises;
      this.checkpoints = checkpoints;
    }

    @Override
    public void execute(DelegateExecution e) {
      long id = riseId(e);
      int rows = rises.apply(id);
      checkpoints.orderedStream().forEach(c -> c.reached("standard-rise", id));
      e.setVariable(APPLIED_COUNT, rows);
    }
  }

  /** 记录不予执行: the awards stay as they are. */
  @ProcessBean("standardRiseReject")
  public static class Reject implements JavaDelegate {
    private final StandardRises rises;

    public Reject(StandardRises rises) {
      this.rises = rises;
    }

    @Override
    public void execute(DelegateExecution e) {
      rises.reject(riseId(e));
    }
  }

  /**
   * The complete listener of 县级审核标准调整: four eyes (never whoever entered the standard), a county approver of
   * the county or an administrator, a reason for the decreases that are to apply; records the decision in the rise.
   * A refusal leaves the task open (REST: 400 with the message).
   */
  @ProcessBean("standardRiseCheck")
  public static class Check implements TaskListener {
    private final StandardRiseRepository repository;
    private final CountyApprovers approvers;

    public Check(StandardRiseRepository repository, CountyApprovers approvers) {
      this.repository = repository;
      this.approvers = approvers;
    }

    @Override
    public void notify(DelegateTask task) {
      Object d = task.getVariable(DECISION);
      if (!"APPROVE".equals(d) && !"REJECT".equals(d)) {
        throw refuse(DECISION, "请选择审核意见：同意执行或不予执行");
      }
      String decision = (String) d;
      String note = text(task.getVariable(DECISION_NOTE));
      String reason = text(task.getVariable(DECREASE_REASON));
      if (note != null && note.length() > 500 || reason != null && reason.length() > 500) {
        throw refuse(note != null && note.length() > 500 ? DECISION_NOTE : DECREASE_REASON, "说明不能超过500个字");
      }
      if ("REJECT".equals(decision) && note == null) {
        throw refuse(DECISION_NOTE, "不予执行须写明理由");
      }
      String user = CountyApprovers.actingUser(task);
      if (user == null) {
        throw refuse(DECISION, "请先认领任务，再提交审核意见");
      }
      StandardRise r = repository.lock(((Number) task.getVariable(RISE_ID)).longValue());
      if (r.status() != StandardRise.Status.REVIEW || r.decision() != null) {
        throw refuse(DECISION, "标准调整" + r.id() + "不在待审核状态，不能审核");
      }
      if ("APPROVE".equals(decision) && user.equals(r.enteredBy())) {
        throw refuse(DECISION, "不能审核本人录入的低保标准（" + user + "录入）：须由本县（市、区）另一名审批人员审核");
      }
      if (!approvers.mayDecide(user, r.countyCode())) {
        throw refuse(DECISION, "只有" + r.countyCode() + "的县级审批人员或系统管理员可以审核标准调整，" + user + "不是");
      }
      String handling = null;
      if ("APPROVE".equals(decision) && r.decreaseCount() != null && r.decreaseCount() > 0) {
        Object h = task.getVariable(DECREASE_HANDLING);
        if (!StandardRise.KEEP_OLD.equals(h) && !StandardRise.APPLY.equals(h)) {
          throw refuse(DECREASE_HANDLING, "有 " + r.decreaseCount() + " 户按新标准测算金额减少：请选择保持原金额或减发");
        }
        handling = (String) h;
        if (StandardRise.APPLY.equals(handling) && reason == null) {
          throw refuse(DECREASE_REASON, "减发须写明理由（每户减发记录都会载明此理由）；不写理由的，请选择保持原金额");
        }
      }
      repository.recordDecision(r.id(), decision, handling, StandardRise.APPLY.equals(handling) ? reason : null,
          note, user, EngineContext.now());
      task.setVariable(DECIDED_BY, user);
    }

    private static String text(Object o) {
      return o == null || o.toString().isBlank() ? null : o.toString().trim();
    }

    private static FormFieldValidationException refuse(String field, String message) {
      return new FormFieldValidationException(field, message);
    }
  }
}
