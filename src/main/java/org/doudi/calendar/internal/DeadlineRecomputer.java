package org.doudi.calendar.internal;

import org.doudi.engine.EngineAsSystem;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.calendar.DeadlineKind;
import org.doudi.calendar.persistence.DeadlineRecord;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes open deadlines again (after the calendar or a case's clock changed) and moves the waiting
 * timer job or the open task's due/follow-up date when the result differs, recording each change.
 */
@Component
public class DeadlineRecomputer {

  private static final Logger log = LoggerFactory.getLogger(DeadlineRecomputer.class);

  private final DeadlineRepository deadlines;
  private final DeadlineCalculator calculator;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final EngineAsSystem engine;
  private final TransactionTemplate transactions;
  private final int batchSize;

  public DeadlineRecomputer(DeadlineRepository deadlines, DeadlineCalculator calculator,
      ManagementService managementService, TaskService taskService, EngineAsSystem engine,
      PlatformTransactionManager transactionManager, CalendarProperties properties) {
    this.deadlines = deadlines;
    this.calculator = calculator;
    this.managementService = managementService;
    this.taskService = taskService;
    this.engine = engine;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    this.batchSize = properties.recomputeBatchSize();
  }

  /** Outcome counts of one recomputation. */
  public static final class Summary {
    public int checked;
    public int moved;
    public int confirmed;
    public int closed;
    public int overridden;

    void add(Summary o) {
      checked += o.checked;
      moved += o.moved;
      confirmed += o.confirmed;
      closed += o.closed;
      overridden += o.overridden;
    }
  }

  /** Every open deadline, {@code batchSize} per transaction, so a long run neither locks all nor loses all. */
  public Summary recomputeAll(String reason) {
    Summary total = new Summary();
    long after = 0;
    while (true) {
      List<Long> ids = deadlines.openIdsAfter(after, batchSize);
      if (ids.isEmpty()) {
        break;
      }
      Summary batch = transactions.execute(s -> engine.call(() -> {
        Summary sum = new Summary();
        ids.forEach(id -> deadlines.find(id).ifPresent(d -> recompute(d, reason, sum)));
        return sum;
      }));
      total.add(batch);
      after = ids.get(ids.size() - 1);
    }
    log.info("Recomputed {} open deadlines ({}): {} moved, {} confirmed, {} closed, {} changed by hand",
        total.checked, reason, total.moved, total.confirmed, total.closed, total.overridden);
    return total;
  }

  /** The open deadlines of one case, in the caller's transaction. */
  public Summary recomputeCase(String processInstanceId, String reason) {
    Summary sum = new Summary();
    engine.call(() -> {
      deadlines.openFor(processInstanceId).forEach(d -> recompute(d, reason, sum));
      return null;
    });
    return sum;
  }

  private void recompute(DeadlineRecord d, String reason, Summary sum) {
    if (!DeadlineRecord.OPEN.equals(d.status())) {
      return;
    }
    sum.checked++;
    Instant now = Instant.now();
    Target target = target(d);
    if (target == null) {
      deadlines.setStatus(d.id(), DeadlineRecord.CLOSED, now);
      sum.closed++;
      return;
    }
    if (target.current() == null || !target.current().toInstant().equals(d.dueAt())) {
      log.info("Deadline {} of {} ({} {}) was changed by hand to {}; left as is", d.id(), d.processInstanceId(),
          d.kind(), d.activityId(), target.current());
      deadlines.setStatus(d.id(), DeadlineRecord.OVERRIDDEN, now);
      sum.overridden++;
      return;
    }
    if (d.calendarDays()) {
      return; // counted in calendar days: neither a holiday notice nor a clock stop moves it
    }
    DeadlineCalculator.Computed c = calculator.compute(d.processInstanceId(), d.startDate(), d.workingDays(),
        d.regionCode());
    Instant newDue = c.due().toInstant();
    boolean moved = !newDue.equals(d.dueAt());
    if (!moved && c.provisional() == d.provisional() && c.extensionDays() == d.extensionDays()) {
      return;
    }
    if (moved) {
      target.apply(c.due());
      sum.moved++;
    } else {
      sum.confirmed++;
    }
    deadlines.update(d.id(), newDue, c.provisional(), c.extensionDays(), now);
    deadlines.insertChange(d.id(), d.dueAt(), newDue, d.provisional(), c.provisional(), reason, now);
  }

  /** The job or task that carries the deadline, with its current date and how to set a new one. */
  private record Target(Date current, java.util.function.Consumer<Date> setter) {
    void apply(Date due) {
      setter.accept(due);
    }
  }

  private Target target(DeadlineRecord d) {
    if (d.kind() == DeadlineKind.TIMER) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(d.processInstanceId())
          .activityId(d.activityId()).timers().list();
      Job job = jobs.stream().filter(j -> d.executionId().equals(j.getExecutionId())).findFirst()
          .orElse(jobs.size() == 1 ? jobs.get(0) : null);
      return job == null ? null : new Target(job.getDuedate(), due -> managementService.setJobDuedate(job.getId(), due));
    }
    List<Task> tasks = taskService.createTaskQuery().executionId(d.executionId()).taskDefinitionKey(d.activityId())
        .list();
    Task task = tasks.stream().max(Comparator.comparing(Task::getCreateTime)).orElse(null);
    if (task == null) {
      return null;
    }
    boolean due = d.kind() == DeadlineKind.DUE;
    return new Target(due ? task.getDueDate() : task.getFollowUpDate(), date -> {
      if (due) {
        task.setDueDate(date);
      } else {
        task.setFollowUpDate(date);
      }
      taskService.saveTask(task);
    });
  }

  /** Timer jobs carrying open deadlines of the case (for clock stops). */
  public List<Job> timerJobs(String processInstanceId) {
    return deadlines.openFor(processInstanceId).stream()
        .filter(d -> d.kind() == DeadlineKind.TIMER)
        .flatMap(d -> managementService.createJobQuery().processInstanceId(processInstanceId)
            .activityId(d.activityId()).timers().list().stream()
            .filter(j -> d.executionId().equals(j.getExecutionId())))
        .toList();
  }
}
