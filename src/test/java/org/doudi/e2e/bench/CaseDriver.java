package org.doudi.e2e.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one process instance to its end through the engine's Java API as the caseworkers would: every open
 * user task is claimed and completed by the demo user named for it (authenticated, so authorizations are
 * checked as in production), with the variables its form would submit; asynchronous continuations are executed
 * as the job executor would; timers are fired only where the scenario allows it (e.g. the end of the 公示).
 */
final class CaseDriver {

  /** What a scenario says about one user task: who completes it and with which values. */
  record Answer(String user, Function<Task, Map<String, Object>> values) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final Map<String, List<String>> groupsOf = new ConcurrentHashMap<>();
  private final Map<String, String> activityOfDefinition = new ConcurrentHashMap<>();
  /** True while the engine's job executor runs the jobs: the driver then fires only the allowed timers and waits. */
  private volatile boolean executorRunsJobs;
  /** Sees each task before its completion, as its user (the benchmark records the 低保 case's tasks with it). */
  private volatile Consumer<Task> observer;

  void executorRunsJobs(boolean on) {
    executorRunsJobs = on;
  }

  void observe(Consumer<Task> observer) {
    this.observer = observer;
  }

  CaseDriver(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
  }

  /**
   * Runs the instance to its end; returns the number of user tasks completed.
   *
   * @param answers by task definition key
   * @param firableTimers activity ids whose timers may fire (others — warnings, escalations — are left alone)
   */
  int finish(String processInstanceId, Map<String, Answer> answers, List<String> firableTimers) {
    return finish(processInstanceId, answers, firableTimers, List.of());
  }

  /** As above; tasks in {@code leftOpen} are not completed (a timer of {@code firableTimers} ends them). */
  int finish(String processInstanceId, Map<String, Answer> answers, List<String> firableTimers, List<String> leftOpen) {
    int completed = 0;
    long waitingSince = 0;
    int quietChecks = 0;
    for (int step = 0; step < 500; step++) {
      if (executeJobs(processInstanceId, firableTimers)) {
        continue;
      }
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
          .filter(t -> !leftOpen.contains(t.getTaskDefinitionKey())).toList();
      if (open.isEmpty()) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
          return completed;
        }
        if (executorRunsJobs) {
          // the job executor has the case: a continuation waiting, or locked and running (its transaction not yet
          // committed). Wait for it, a millisecond at a time, at most a minute; with no job in flight, look twice
          // more (a job that committed between the task query and the job query has already made its task).
          waitingSince = waitingSince == 0 ? System.nanoTime() : waitingSince;
          quietChecks = jobsInFlight(processInstanceId) > 0 ? 0 : quietChecks + 1;
          if (quietChecks < 3 && System.nanoTime() - waitingSince < 60_000_000_000L) {
            LockSupport.parkNanos(1_000_000);
            step--;
            continue;
          }
        }
        throw new IllegalStateException("Case " + processInstanceId + " is stuck in "
            + runtime.getActiveActivityIds(processInstanceId) + " with no task and no job to run");
      }
      quietChecks = 0;
      for (Task task : open) {
        Answer answer = answers.get(task.getTaskDefinitionKey());
        if (answer == null) {
          throw new IllegalStateException("No answer for task " + task.getTaskDefinitionKey() + " (" + task.getName() + ")");
        }
        waitingSince = 0;
        as(answer.user(), () -> {
          Consumer<Task> o = observer;
          if (o != null) {
            o.accept(task);
          }
          tasks.claim(task.getId(), answer.user());
          tasks.complete(task.getId(), answer.values().apply(task));
        });
        completed++;
      }
    }
    throw new IllegalStateException("Case " + processInstanceId + " did not end within 500 steps");
  }

  /**
   * The instance's jobs the job executor will run or is running: every job but the timers (a timer the scenario may
   * fire is fired by the driver; the others wait for dates the run never reaches), counted whether locked or not,
   * and not those out of retries (an incident: the case is stuck).
   */
  private long jobsInFlight(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).list().stream()
        .filter(j -> !(j instanceof TimerEntity) && j.getRetries() > 0).count();
  }

  /** Executes the instance's runnable jobs; true when at least one ran. */
  private boolean executeJobs(String processInstanceId, List<String> firableTimers) {
    boolean ran = false;
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
      boolean timer = job instanceof TimerEntity;
      if (timer ? !firableTimers.contains(activityOf(job)) : executorRunsJobs) {
        continue;
      }
      management.executeJob(job.getId());
      ran = true;
    }
    return ran;
  }

  private String activityOf(Job job) {
    return job.getJobDefinitionId() == null ? null : activityOfDefinition.computeIfAbsent(job.getJobDefinitionId(),
        id -> management.createJobDefinitionQuery().jobDefinitionId(id).singleResult().getActivityId());
  }

  void as(String user, Runnable work) {
    List<String> groups = groupsOf.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list()
        .stream().map(Group::getId).collect(Collectors.toList()));
    identity.setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
