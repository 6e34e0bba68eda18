package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.Payroll;
import org.doudi.platform.PostgresApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 特困人员认定 on PostgreSQL 15: an application through acceptance, investigation, 初审, 公示 and the county's
 * confirmation to the person's support record and TEKUN award, the confirmation run by four threads at once beside
 * the process's own job (one record, one award row), and the county's monthly roster paying the award once.
 */
class TekunRecognitionPostgresIT {

  static PostgresApp pg;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;
  static TekunRecognitions recognitions;
  static TaskService tasks;
  static RuntimeService runtime;

  @BeforeAll
  static void start() {
    pg = PostgresApp.start("doudi_tekun_it", "--camunda.bpm.job-execution.enabled=false");
    app = pg.context();
    jdbc = app.getBean(JdbcTemplate.class);
    recognitions = app.getBean(TekunRecognitions.class);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    tasks = engine.getTaskService();
    runtime = engine.getRuntimeService();
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void recognitionAwardAndTheMonthlyPayrollOnPostgres() throws Exception {
    String id = TekunRecognitionTest.person("19420101");
    String pid = recognitions.apply(TekunRecognitionTest.application(id, "陈老汉"), "nongan-cw").processInstanceId();
    pg.runJobs(pid);
    pg.complete(pid, "Task_AcceptApplication", "nongan-cw", TekunRecognitionTest.allMaterials());
    pg.complete(pid, "Task_TownshipInvestigation", "nongan-cw", TekunRecognitionTest.investigation(4));
    pg.complete(pid, "Task_PreliminaryReview", "nongan-approver", Map.of("preliminaryDecision", "APPROVE",
        "preliminaryOpinion", "同意公示"));
    // the 公示's 7 days pass
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(8, ChronoUnit.DAYS)));
    pg.runJobs(pid);
    if (Boolean.TRUE.equals(runtime.getVariable(pid, "spotChecked"))) {
      pg.complete(pid, "Task_CountySpotCheck", "na-county-cw", Map.of("spotCheckResult", "CONSISTENT",
          "spotCheckFindings", "入户核实一致"));
    }
    Task confirm = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ConfirmRecognition")
        .singleResult();
    tasks.claim(confirm.getId(), "na-county-approver");
    tasks.complete(confirm.getId(), Map.of("decision", "APPROVE"));
    long caseId = jdbc.queryForObject("SELECT id FROM tekun_case WHERE process_instance_id = ?", Long.class, pid);
    LocalDate decidedOn = LocalDate.parse((String) runtime.getVariable(pid, "decidedOn"));

    // a double click, a second node, a retry: four confirmations at once beside the process's own job
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Long>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        Callable<Long> c = () -> {
          try {
            return recognitions.confirm(caseId, decidedOn, "na-county-approver").id();
          } catch (RuntimeException e) {
            return -1L; // a loser of the unique keys: its transaction rolled back, nothing written
          }
        };
        results.add(pool.submit(c));
      }
      for (Future<Long> f : results) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    pg.runJobs(pid);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tekun_person WHERE id_number = ?", Integer.class, id))
        .isEqualTo(1);
    Awards awards = app.getBean(Awards.class);
    assertThat(awards.history("P-" + id, Scheme.TEKUN)).hasSize(1);
    AwardRow award = awards.latest("P-" + id, Scheme.TEKUN).orElseThrow();
    BigDecimal monthly = jdbc.queryForObject("SELECT monthly_amount FROM tekun_case WHERE id = ?", BigDecimal.class,
        caseId);
    assertThat(award.monthlyAmount()).isEqualByComparingTo(monthly);
    assertThat(jdbc.queryForObject("SELECT care_level FROM tekun_person WHERE id_number = ?", String.class, id))
        .isEqualTo("FULL");

    YearMonth first = YearMonth.from(award.effectiveFrom());
    assertThat(first).isEqualTo(YearMonth.from(decidedOn).plusMonths(1));
    app.getBean(Payroll.class).computeRoster("220122", first, "test");
    assertThat(app.getBean(Payments.class).byKey(Payroll.rosterKey("TEKUN", "P-" + id, first)).orElseThrow()
        .amount()).isEqualByComparingTo(monthly);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE beneficiary_key = ? AND scheme = 'TEKUN'",
        Integer.class, "P-" + id)).isEqualTo(1);
  }
}
