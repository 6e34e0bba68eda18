package org.doudi.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doudi.household.InvalidApplicationException;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.Awards;
import org.doudi.payroll.Payroll;
import org.doudi.platform.PostgresApp;
import org.doudi.register.AlreadyRegisteredException;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 儿童基本生活费 on PostgreSQL 15 with the demo standards (V41_90 samples): recognition → award → the county's roster
 * row, the register holding the child against a 特困 claim, and eight concurrent applications of one child (each its
 * own transaction): exactly one is stored, the others refused in Chinese.
 */
class ChildSubsidyPostgresIT {

  static PostgresApp pg;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;
  static ChildSubsidies subsidies;
  static BenefitRegister register;

  @BeforeAll
  static void start() {
    pg = PostgresApp.start("doudi_child_it", "--camunda.bpm.job-execution.enabled=false");
    app = pg.context();
    jdbc = app.getBean(JdbcTemplate.class);
    subsidies = app.getBean(ChildSubsidies.class);
    register = app.getBean(BenefitRegister.class);
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void recognitionAwardAndRosterOnPostgres() {
    String id = ChildSubsidyTest.child(LocalDate.of(2015, 10, 10));
    String pid = subsidies.apply(ChildSubsidyTest.application(id, "DEAD", "DEAD", "INSTITUTION"), "nongan-cw")
        .processInstanceId();
    pg.runJobs(pid);
    pg.complete(pid, "Task_TownshipInvestigation", "nongan-cw", Map.of("investigationOutcome", "CONFIRM",
        "careMode", "INSTITUTION", "evidenceChecked", "父母死亡证明", "investigationOpinion", "属实，由县儿童福利院养育"));
    pg.complete(pid, "Task_CountyDecision", "na-county-approver", Map.of("decision", "APPROVE"));
    assertThat(jdbc.queryForObject("SELECT status FROM child_application WHERE process_instance_id = ?",
        String.class, pid)).isEqualTo("GRANTED");
    // the demo's sample standard of 农安县 集中养育 from 2025 on
    assertThat(app.getBean(Awards.class).latest(ChildSubsidies.beneficiaryKey(id), Scheme.CHILD_SUBSIDY)
        .orElseThrow().monthlyAmount()).isEqualByComparingTo("1700.00");

    YearMonth next = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1);
    app.getBean(Payroll.class).computeRoster("220122", next, "test");
    assertThat(app.getBean(Payments.class).byKey(Payroll.rosterKey("CHILD_SUBSIDY",
        ChildSubsidies.beneficiaryKey(id), next)).orElseThrow().amount()).isEqualByComparingTo("1700.00");

    try {
      register.claim("P-" + id, "TEKUN", "tekun-it", "220122", "220122100201", List.of(new Person(id, "王小花")),
          "test");
      throw new AssertionError("a child in the children's subsidy was claimed for 特困");
    } catch (AlreadyRegisteredException e) {
      assertThat(e.getMessage()).contains("儿童基本生活费");
    }
  }

  @Test
  void concurrentApplicationsOfOneChildStoreOne() throws Exception {
    String id = ChildSubsidyTest.child(LocalDate.of(2016, 11, 11));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Callable<String> apply = () -> {
          try {
            subsidies.apply(ChildSubsidyTest.application(id, "DEAD", "DEAD", "HOME"), "nongan-cw");
            return "OK";
          } catch (InvalidApplicationException e) {
            return e.getMessage();
          }
        };
        results.add(pool.submit(apply));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
      assertThat(outcomes).filteredOn(o -> !o.equals("OK")).allSatisfy(o -> assertThat(o)
          .containsAnyOf("已有办理中的", "儿童基本生活费"));
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM child_application WHERE id_number = ?", Integer.class, id))
        .isEqualTo(1);
  }
}
