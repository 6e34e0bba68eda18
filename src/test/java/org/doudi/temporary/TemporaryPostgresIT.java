package org.doudi.temporary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.temporary.TemporaryFixture.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.platform.Postgres;
import org.doudi.temporary.internal.ExpenditureCases;
import org.doudi.temporary.persistence.TemporaryRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 支出型 instalments on PostgreSQL are paid exactly once: a payment job that fails after writing its ledger row
 * leaves nothing (the row rolls back with it) and its retry pays once; the same payment job executed by two threads at
 * the same moment (a node that lost its lock, a duplicate executor) writes one row — the unique key and the
 * instalment's status update decide, the loser rolls back. Jobs are driven by the test (no timing assertions).
 */
class TemporaryPostgresIT {

  ConfigurableApplicationContext app;
  String url;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (app != null) {
      app.close();
    }
    if (url != null) {
      Postgres.dropIfTemporary(url);
    }
  }

  @Test
  void instalmentsArePaidExactlyOnceUnderRetryAndConcurrentExecution() throws Exception {
    url = Postgres.freshDatabase("doudi_temporary_it");
    app = Postgres.application(url);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TaskService tasks = app.getBean(TaskService.class);
    ManagementService management = app.getBean(ManagementService.class);
    TemporaryRepository records = app.getBean(TemporaryRepository.class);
    FailingInstalmentHook faults = app.getBean(FailingInstalmentHook.class);
    TemporaryFixture f = new TemporaryFixture(tasks, management);

    clockAt("2026-03-02T09:00");
    String pid = runtime.createProcessInstanceByKey("expenditure-assistance")
        .setVariables(ExpenditureProcessTest.application(ID, "1500")).execute().getId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", ExpenditureProcessTest.materials());
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", ExpenditureProcessTest.investigation());
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", ExpenditureProcessTest.proposal("1500", 3, 1, "2026-03-12"));
    advanceDays(7); // the 公示 (mandatory) ends Mon 03-09
    f.runJobs(pid);
    f.complete(pid, "Task_TownshipApproval", "nongan-approver", vars("decision", "APPROVE"));
    assertThat(records.instalments(pid)).hasSize(3);

    // instalment 1: the job fails after its ledger row was written, then the retry pays once
    clockAt("2026-03-12T09:00");
    Job pay1 = payJob(management, pid);
    faults.failuresLeft.set(1);
    assertThatThrownBy(() -> management.executeJob(pay1.getId())).hasMessageContaining("injected failure");
    assertThat(ledgerRows(jdbc, pid)).isZero();
    assertThat(records.instalments(pid).get(0).status()).isEqualTo("PLANNED");
    assertThat(management.createJobQuery().jobId(pay1.getId()).singleResult().getRetries()).isEqualTo(2);
    management.executeJob(pay1.getId());
    assertThat(ledgerRows(jdbc, pid)).isEqualTo(1);

    // instalment 2: two threads execute the same payment job at once
    clockAt("2026-04-12T09:00");
    Job pay2 = payJob(management, pid);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(pool.submit(() -> {
        go.await();
        try {
          management.executeJob(pay2.getId());
          return true;
        } catch (RuntimeException e) {
          return false;
        }
      }));
    }
    go.countDown();
    int succeeded = 0;
    for (Future<Boolean> r : results) {
      succeeded += r.get(2, TimeUnit.MINUTES) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(succeeded).as("exactly one execution commits").isEqualTo(1);
    assertThat(ledgerRows(jdbc, pid)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_ledger WHERE idempotency_key = ?", Integer.class,
        ExpenditureCases.paymentKey(pid, 2))).isEqualTo(1);

    // instalment 3 as usual; the case ends with three rows, one per instalment, each linked to its instalment
    clockAt("2026-05-12T09:00");
    f.runJobs(pid);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT l.idempotency_key, l.amount, i.seq, i.status "
        + "FROM payment_ledger l JOIN temporary_instalment i ON i.ledger_id = l.id WHERE l.case_ref = ? ORDER BY i.seq",
        pid);
    assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("PAID"));
    assertThat(rows).extracting(r -> r.get("idempotency_key")).containsExactly(ExpenditureCases.paymentKey(pid, 1),
        ExpenditureCases.paymentKey(pid, 2), ExpenditureCases.paymentKey(pid, 3));
    assertThat(ledgerRows(jdbc, pid)).isEqualTo(3);
  }

  static Job payJob(ManagementService management, String pid) {
    Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
    management.executeJob(timer.getId());
    Job pay = management.createJobQuery().processInstanceId(pid).activityId("ServiceTask_PayInstalment")
        .singleResult();
    assertThat(pay).isNotNull();
    return pay;
  }

  static int ledgerRows(JdbcTemplate jdbc, String pid) {
    return jdbc.queryForObject("SELECT count(*) FROM payment_ledger WHERE case_ref = ?", Integer.class, pid);
  }
}
