package org.doudi.standards.internal;

import static org.doudi.standards.StandardBatchVariables.APPROVE;
import static org.doudi.standards.StandardBatchVariables.BATCH_ID;
import static org.doudi.standards.StandardBatchVariables.DECISION;
import static org.doudi.standards.StandardBatchVariables.DECISION_NOTE;
import static org.doudi.standards.StandardBatchVariables.REJECT;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskFields;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.standards.BatchDecisionException;
import org.doudi.standards.StandardBatchException;
import org.doudi.standards.StandardBatches;
import org.springframework.context.annotation.Lazy;

/**
 * The complete listener of 标准批次审批 ({@code Task_ApproveBatch}): decides the batch on the server, whatever the
 * candidate groups say. Only an administrator; never the uploader for an approval (four eyes, as for money rules); a
 * rejection needs a reason; a batch no longer pending, or whose rows no longer fit, is refused. A refusal rolls the
 * completion back (the task stays open, the REST APIs answer 400 in Chinese).
 */
@ProcessBean("standardBatchDecision")
public class BatchApprovalCheck implements TaskListener {

  private final StandardBatches batches;
  private final Staff staff;

  public BatchApprovalCheck(@Lazy StandardBatches batches, Staff staff) {
    this.batches = batches;
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = TaskFields.oneOf(task, DECISION, "审批意见", APPROVE, REJECT);
    String note = TaskFields.optional(task, DECISION_NOTE);
    if (note != null && note.length() > 500) {
      throw new FormFieldValidationException(DECISION_NOTE, "意见不能超过500个字");
    }
    if (REJECT.equals(decision) && note == null) {
      throw new FormFieldValidationException(DECISION_NOTE, "驳回须写明理由");
    }
    String user = TaskFields.actor(task);
    if (user == null) {
      throw new FormFieldValidationException(DECISION, "请先认领任务，再提交审批意见");
    }
    if (staff.find(user).filter(StaffMember::administrator).isEmpty()) {
      throw new FormFieldValidationException(DECISION, "只有系统管理员可以审批标准批次，" + user + "不是");
    }
    long id = ((Number) task.getVariable(BATCH_ID)).longValue();
    try {
      if (APPROVE.equals(decision)) {
        batches.approveInTask(id, user);
      } else {
        batches.rejectInTask(id, user, note);
      }
    } catch (BatchDecisionException e) {
      throw new FormFieldValidationException(DECISION, e.getMessage());
    } catch (StandardBatchException e) {
      throw new FormFieldValidationException(DECISION, e.getMessage() + "：" + e.badLines().stream()
          .map(b -> "第" + b.line() + "行" + b.reason()).collect(Collectors.joining("；")));
    }
  }
}
