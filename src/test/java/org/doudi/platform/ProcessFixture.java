package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * What every process test does: the engine clock in China time, the due jobs of an instance, and tasks completed
 * as a given user. Each flow's fixture extends it with its own cases and form values.
 */
public class ProcessFixture {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  protected final TaskService tasks;
  protected final ManagementService management;

  public ProcessFixture(TaskService tasks, ManagementService management) {
    this.tasks = tasks;
    this.management = management;
  }

  public static void clockAt(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant()));
  }

  public static LocalDateTime clock() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
  }

  public static void advanceDays(int days) {
    ClockUtil.setCurrentTime(Date.from(clock().plusDays(days).atZone(CHINA).toInstant()));
  }

  public static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), CHINA);
  }

  /** Executes every due job of the instance with retries left (async continuations and timers), until none is. */
  public void runJobs(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).active().list().stream()
          .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime()))
          .filter(j -> j.getRetries() > 0)
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
    throw new AssertionError("jobs keep coming for " + processInstanceId);
  }

  public Task task(String processInstanceId, String definitionKey) {
    Task t = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(definitionKey)
        .singleResult();
    assertThat(t).as("open task " + definitionKey).isNotNull();
    return t;
  }

  /** Claims and completes the task as the user, then runs the jobs that follow. */
  public void complete(String processInstanceId, String definitionKey, String user, Map<String, Object> variables) {
    Task t = task(processInstanceId, definitionKey);
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), variables);
    runJobs(processInstanceId);
  }

  public static Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
