package org.doudi.e2e.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final Map<String, List<String>> groupsOf = new HashMap<>();
  private final Map<String, String> activityOfDefinition = new HashMap<>();

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
        throw new IllegalStateException("Case " + processInstanceId + " is stuck in "
            + runtime.getActiveActivityIds(processInstanceId) + " with no task and no job to run");
      }
      for (Task task : open) {
        Answer answer = answers.get(task.getTaskDefinitionKey());
        if (answer == null) {
          throw new IllegalStateException("No answer for task " + task.getTaskDefinitionKey() + " (" + task.getName() + ")");
        }
        as(answer.user(), () -> {
          tasks.claim(task.getId(), answer.user());
          tasks.complete(task.getId(), answer.values().apply(task));
        });
        completed++;
      }
    }
    throw new IllegalStateException("Case " + processInstanceId + " did not end within 500 steps");
  }

  /** Executes the instance's runnable jobs; true when at least one ran. */
  private boolean executeJobs(String processInstanceId, List<String> firableTimers) {
    boolean ran = false;
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
      boolean timer = job instanceof TimerEntity;
      if (timer && !firableTimers.contains(activityOf(job))) {
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
