package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application on a fresh PostgreSQL database for one integration test class, with the engine steps those tests
 * share (run a case's due jobs, complete a task as a user). {@link #close()} stops it and drops the database outside
 * CI.
 */
public final class PostgresApp implements AutoCloseable {

  private final String url;
  private final ConfigurableApplicationContext context;

  private PostgresApp(String url, ConfigurableApplicationContext context) {
    this.url = url;
    this.context = context;
  }

  /** A fresh database {@code baseName} (plus the run's suffix) and the application on it; see {@link Postgres}. */
  public static PostgresApp start(String baseName, String... settings) {
    String url = Postgres.freshDatabase(baseName);
    PostgresApp app = new PostgresApp(url, Postgres.application(url, settings));
    assertThat(app.jdbc().queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    return app;
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public String url() {
    return url;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public JdbcTemplate jdbc() {
    return context.getBean(JdbcTemplate.class);
  }

  /** Executes the instance's due jobs, and those they make due, for at most 20 rounds. */
  public void runJobs(String processInstanceId) {
    ManagementService management = bean(ManagementService.class);
    for (int i = 0; i < 20; i++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  /** Claims and completes the instance's open task {@code taskKey} as {@code user}, then runs the due jobs. */
  public void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
    TaskService tasks = bean(TaskService.class);
    Task t = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    assertThat(t).as(taskKey).isNotNull();
    tasks.claim(t.getId(), user);
    tasks.complete(t.getId(), variables);
    runJobs(processInstanceId);
  }

  @Override
  public void close() {
    context.close();
    Postgres.dropIfTemporary(url);
  }
}
