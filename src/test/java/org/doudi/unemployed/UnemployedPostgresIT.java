package org.doudi.unemployed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.unemployed.UnemployedFixture.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.platform.PostgresApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Only once in the province" and "never twice" on PostgreSQL 15 with real concurrency:
 * <ol>
 *   <li>20 cases of the same person reach the township review; 20 threads complete the reviews at once and then run
 *   the 20 payment jobs at once (each thread its own transaction, as 20 caseworkers and job executor threads would).
 *   Exactly one ledger row and one claim; the 19 others are refused with the message saying where and when — either
 *   at once on the duplicate path, or, if they lost the race on the unique key, as a failed job that wrote nothing
 *   and whose retry then takes the duplicate path. Nothing half-written.</li>
 *   <li>The payment job fails after writing its ledger row and the job executor retries it: one payment.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnemployedPostgresIT {

  static final int CASES = 20;
  static final Duration LIVENESS = Duration.ofMinutes(3); // a bound for waiting on the job executor, not a timing

  static PostgresApp pg;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;
  static UnemployedCases cases;
  static TaskService tasks;
  static ManagementService management;
  static RuntimeService runtime;
  static HistoryService history;
  static ProcessEngine engine;

  @BeforeAll
  static void start() {
    pg = PostgresApp.start("doudi_unemployed_it", "--spring.datasource.hikari.maximum-pool-size=30",
        "--camunda.bpm.job-execution.enabled=false", "--doudi.unemployed.payment-retry-cycle=R5/PT1S");
    app = pg.context();
    jdbc = app.getBean(JdbcTemplate.class);
    cases = app.getBean(UnemployedCases.class);
    engine = app.getBean(ProcessEngine.class);
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    runtime = engine.getRuntimeService();
    history = engine.getHistoryService();
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  static String toReview(String idNumber) {
    String pid = cases.apply(applicant(idNumber), "baota").processInstanceId();
    pg.runJobs(pid);
    Task t = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_InvestigateHardship").singleResult();
    assertThat(t).as("investigation of " + pid).isNotNull();
    tasks.claim(t.getId(), "baota");
    tasks.complete(t.getId(), found("TRUE"));
    pg.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_TownshipReview").count())
        .isEqualTo(1);
    return pid;
  }

  @Test
  @Order(1)
  void twentySimultaneousApprovalsOfOnePersonPayExactlyOnce() throws Exception {
    String id = person("19850510", 1);
    List<String> pids = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      pids.add(toReview(id));
    }
    CyclicBarrier reviews = new CyclicBarrier(CASES);
    CyclicBarrier payments = new CyclicBarrier(CASES);
    ExecutorService pool = Executors.newFixedThreadPool(CASES);
    List<Future<String>> outcomes = new ArrayList<>();
    for (String pid : pids) {
      outcomes.add(pool.submit(() -> {
        Task review = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_TownshipReview")
            .singleResult();
        tasks.claim(review.getId(), "nongan-approver");
        reviews.await();
        tasks.complete(review.getId(), approve());
        Job continuation = management.createJobQuery().processInstanceId(pid).singleResult();
        management.executeJob(continuation.getId()); // after the review → waits before the payment
        Job pay = management.createJobQuery().processInstanceId(pid).activityId("ServiceTask_PayAssistance")
            .singleResult();
        payments.await();
        try {
          management.executeJob(pay.getId());
          return "OK";
        } catch (RuntimeException e) {
          return "FAILED: " + rootMessage(e);
        }
      }));
    }
    List<String> results = new ArrayList<>();
    for (Future<String> f : outcomes) {
      results.add(f.get());
    }
    pool.shutdown();
    System.out.println("UnemployedPostgresIT: " + results.stream().filter("OK"::equals).count()
        + " payment jobs completed (one paid, the others on the duplicate path), "
        + results.stream().filter(r -> r.startsWith("FAILED")).count() + " failed and were retried");

    // exactly one payment and one claim, whatever the interleaving
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_ledger WHERE payee_id_number = ?", Integer.class, id))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_once_only WHERE person_id_number = ?", Integer.class,
        id)).isEqualTo(1);
    String winner = jdbc.queryForObject("SELECT case_ref FROM payment_once_only WHERE person_id_number = ?",
        String.class, id);
    assertThat(jdbc.queryForObject("SELECT case_ref FROM payment_ledger WHERE payee_id_number = ?", String.class, id))
        .isEqualTo(winner);
    // every refusal says why: a lost race fails the job with the where-and-when message and writes nothing
    results.stream().filter(r -> r.startsWith("FAILED")).forEach(r -> assertThat(r).contains("全省只能领取一次"));
    // the retries (the job executor's, here run by the test) take the duplicate path
    for (String pid : pids) {
      for (Job j : management.createJobQuery().processInstanceId(pid).activityId("ServiceTask_PayAssistance").list()) {
        management.executeJob(j.getId());
      }
      pg.runJobs(pid);
    }

    List<String> duplicates = new ArrayList<>();
    for (String pid : pids) {
      boolean ended = runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 0;
      if (pid.equals(winner)) {
        assertThat(ended).as("the winner's case ended").isTrue();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("EndEvent_Paid")
            .count()).isEqualTo(1);
        continue;
      }
      assertThat(ended).as("a refused case waits for the caseworker").isFalse();
      Task t = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ResolveDuplicate").singleResult();
      assertThat(t).as("duplicate task of " + pid).isNotNull();
      String message = (String) runtime.getVariable(pid, "duplicateMessage");
      assertThat(message).contains("宝塔村").contains(winner).contains("全省只能领取一次");
      assertThat(management.createJobQuery().processInstanceId(pid).withException().count()).isZero();
      duplicates.add(pid);
    }
    assertThat(duplicates).hasSize(CASES - 1);
    // nothing half-written: no ledger row, claim or payment record without its case having paid
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_ledger l WHERE l.scheme = 'UNEMPLOYED' AND NOT EXISTS "
        + "(SELECT 1 FROM payment_once_only o WHERE o.case_ref = l.case_ref)", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM unemployed_record WHERE kind = 'PAYMENT'", Integer.class))
        .isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT status FROM unemployed_application WHERE id_number = ?", String.class, id))
        .containsOnly("PAID", "DUPLICATE").filteredOn("PAID"::equals).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM unemployed_record WHERE kind = 'DUPLICATE'", Integer.class))
        .isEqualTo(CASES - 1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_status_change c JOIN payment_ledger l "
        + "ON l.id = c.ledger_id WHERE l.payee_id_number = ?", Integer.class, id)).isEqualTo(1);
  }

  @Test
  @Order(2)
  void aPaymentJobFailingAfterItsLedgerWriteIsRetriedByTheJobExecutorAndPaysOnce() throws Exception {
    String id = person("19850510", 2);
    String pid = toReview(id);
    app.getBean(PaymentFaults.class).failAfterLedgerWrite(1);
    Task review = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_TownshipReview").singleResult();
    tasks.claim(review.getId(), "nongan-approver");
    tasks.complete(review.getId(), approve());

    var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobExecutor.start();
    try {
      long deadline = System.nanoTime() + LIVENESS.toNanos();
      while (runtime.createProcessInstanceQuery().processInstanceId(pid).count() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    } finally {
      jobExecutor.shutdown();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("case ended").isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("EndEvent_Paid").count())
        .isEqualTo(1);
    // the job did fail once after the ledger write, and was retried by the executor
    assertThat(history.createHistoricJobLogQuery().processInstanceId(pid).activityIdIn("ServiceTask_PayAssistance")
        .failureLog().list()).singleElement()
        .satisfies(l -> assertThat(l.getJobExceptionMessage()).contains("注入的故障"));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_ledger WHERE payee_id_number = ?", Integer.class, id))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_once_only WHERE person_id_number = ?", Integer.class,
        id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM unemployed_record WHERE process_instance_id = ? AND kind = "
        + "'PAYMENT'", Integer.class, pid)).isEqualTo(1);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder all = new StringBuilder();
    while (t != null) {
      all.append(t.getMessage()).append(" | ");
      t = t.getCause();
    }
    return all.toString();
  }
}
