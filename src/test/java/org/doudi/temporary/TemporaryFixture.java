package org.doudi.temporary;

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

/** Test helpers for the 临时救助 processes: the engine clock in China time, jobs, tasks. */
final class TemporaryFixture {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** 王五, a valid ID number (check digit computed); the simulator finds nothing hidden. */
  static final String ID = org.doudi.eligibility.TestIds.id("220122", "19800101", "001");

  private final TaskService tasks;
  private final ManagementService management;

  TemporaryFixture(TaskService tasks, ManagementService management) {
    this.tasks = tasks;
    this.management = management;
  }

  static void clockAt(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant()));
  }

  static LocalDateTime clock() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), CHINA);
  }

  static void advanceDays(int days) {
    ClockUtil.setCurrentTime(Date.from(clock().plusDays(days).atZone(CHINA).toInstant()));
  }

  static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), CHINA);
  }

  /** Executes every active job of the instance that is due now, until none is. */
  void runJobs(String processInstanceId) {
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

  Task task(String processInstanceId, String definitionKey) {
    Task t = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(definitionKey)
        .singleResult();
    assertThat(t).as("open task " + definitionKey).isNotNull();
    return t;
  }

  void complete(String processInstanceId, String definitionKey, String user, Map<String, Object> variables) {
    Task t = task(processInstanceId, definitionKey);
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), variables);
    runJobs(processInstanceId);
  }

  static Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
