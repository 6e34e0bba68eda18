package org.doudi.supervision.escalation.internal;

import static org.doudi.supervision.escalation.EscalationVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.doudi.calendar.OverdueDeadlines;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.TaskFields;
import org.doudi.supervision.escalation.EscalationCategory;
import org.doudi.supervision.escalation.EscalationSettings;
import org.doudi.supervision.escalation.persistence.EscalationRepository;
import org.doudi.supervision.escalation.persistence.EscalationRepository.EscalationRow;
import org.springframework.context.annotation.Lazy;

/**
 * The 督办 task's completion (complete listener, in the completing transaction): checks the form (instruction, way,
 * the holder's deadline in working days), records the instruction in {@code supervision_escalation} and puts it on the
 * late task as a comment, which the holder sees in Tasklist. When the late step has finished already, the 督办 is still
 * recorded (the lateness happened) and the comment goes on the late case instead. Bad input changes nothing.
 */
@ProcessBean("escalationSteps")
public class EscalationSteps implements TaskListener {

  private final EscalationRepository records;
  private final OverdueDeadlines overdue;
  private final WorkingDayCalendar calendar;
  private final EscalationSettings settings;
  private final TaskService tasks;
  private final EscalationSweep sweep;
  private final RuntimeService runtime;

  public EscalationSteps(EscalationRepository records, OverdueDeadlines overdue, WorkingDayCalendar calendar,
      EscalationSettings settings, @Lazy TaskService tasks, EscalationSweep sweep, @Lazy RuntimeService runtime) {
    this.runtime = runtime;
    this.records = records;
    this.overdue = overdue;
    this.calendar = calendar;
    this.settings = settings;
    this.tasks = tasks;
    this.sweep = sweep;
  }

  @Override
  public void notify(DelegateTask task) {
    String instruction = TaskFields.text(task, INSTRUCTION, "督办意见", 1000);
    if (instruction.length() < 5) {
      throw new FormFieldValidationException(INSTRUCTION, "“督办意见”至少5个字，请写明督办要求");
    }
    String categoryName = TaskFields.oneOf(task, CATEGORY, "督办方式",
        Arrays.stream(EscalationCategory.values()).map(Enum::name).toArray(String[]::new));
    EscalationCategory category = EscalationCategory.valueOf(categoryName);
    int days = holderWorkingDays(task);

    long id = escalationId(task);
    EscalationRow row = records.lock(id).orElseThrow(() -> new IllegalStateException("督办记录" + id + "不存在"));
    if (!"OPEN".equals(row.status())) {
      throw new FormFieldValidationException(INSTRUCTION, "该督办已于" + row.handledAt() + "办理，不能重复记录");
    }
    String region = row.caseRegionCode();
    LocalDate holderDue = calendar.addWorkingDaysProvisionally(EngineContext.today(), days, region).date();
    String actor = TaskFields.actor(task);
    boolean stepOpen = overdue.stillOpen(row.deadlineId()).orElse(false);
    String lateTaskId = stepOpen ? openTask(row.lateTaskId()) : null;
    String message = "【督办·" + category.label() + "】" + instruction + "（督办人：" + (actor == null ? "系统" : actor)
        + "；请于 " + holderDue + " 前办结；原期限 " + EscalationSweep.DUE_FORMAT.format(row.dueAt().atZone(
        EngineContext.CHINA)) + "）";
    // the supervisor may not work on the late task itself; the comment is the application's record of the instruction
    // a late case that ended meanwhile takes no comment; the instruction stays in the 督办 record
    boolean caseRunning = Context.getCommandContext().runWithoutAuthorization(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(row.lateProcessInstanceId()).count() == 1);
    if (caseRunning) {
      Context.getCommandContext().runWithoutAuthorization(
          () -> tasks.createComment(lateTaskId, row.lateProcessInstanceId(), message));
    }
    java.time.Instant doneAt = stepOpen ? null : sweep.finishedAt(row).orElse(EngineContext.now());
    if (!records.handle(id, category.name(), instruction, days, holderDue, actor == null ? "system" : actor,
        EngineContext.now(), doneAt, caseRunning ? lateTaskId : null)) {
      throw new FormFieldValidationException(INSTRUCTION, "该督办已办理，不能重复记录");
    }
    task.setVariable(HOLDER_DUE_ON, holderDue.toString());
    // the 督办期限 is watched by the model's timer while the late step is open (docs/escalation.md)
    task.setVariable(HOLDER_WATCHED, stepOpen && caseRunning);
    task.setVariable(SUPERVISED_ON, EngineContext.today().toString());
    if (!stepOpen && row.lateStepDoneAt() == null) {
      task.setVariable(LATE_STEP_STATE, EscalationSweep.stepDoneText(doneAt));
    }
  }

  private String openTask(String taskId) {
    if (taskId == null) {
      return null;
    }
    Task t = Context.getCommandContext().runWithoutAuthorization(
        () -> tasks.createTaskQuery().taskId(taskId).singleResult());
    return t == null ? null : t.getId();
  }

  private int holderWorkingDays(DelegateTask task) {
    Object v = task.getVariable(HOLDER_WORKING_DAYS);
    String label = "督办期限（工作日）";
    if (v == null || v.toString().isBlank()) {
      throw new FormFieldValidationException(HOLDER_WORKING_DAYS, "请填写“" + label + "”");
    }
    BigDecimal n;
    try {
      n = new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new FormFieldValidationException(HOLDER_WORKING_DAYS, "“" + label + "”应为整数，收到“" + v + "”");
    }
    if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.ONE) < 0
        || n.compareTo(BigDecimal.valueOf(settings.maxHolderWorkingDays())) > 0) {
      throw new FormFieldValidationException(HOLDER_WORKING_DAYS, "“" + label + "”应为1到"
          + settings.maxHolderWorkingDays() + "之间的整数，收到“" + v + "”");
    }
    return n.intValueExact();
  }

  private static long escalationId(DelegateTask task) {
    Object v = task.getVariable(ESCALATION_ID);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException(ESCALATION_PROCESS + " without " + ESCALATION_ID + ": " + v);
  }
}
