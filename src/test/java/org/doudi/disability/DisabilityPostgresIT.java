package org.doudi.disability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.Households;
import org.doudi.household.InvalidApplicationException;
import org.doudi.payment.Payments;
import org.doudi.payroll.Payroll;
import org.doudi.platform.PostgresApp;
import org.doudi.register.BenefitRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The disability subsidies on PostgreSQL 15: discovery, the candidates' page query, the application path to the
 * award and the county's roster row, and eight concurrent applications of one person and subsidy (each its own
 * transaction): exactly one is stored, the others are refused in Chinese by the unique open slot or the check.
 */
class DisabilityPostgresIT {

  static PostgresApp pg;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;
  static DisabilitySubsidies subsidies;
  static Households households;
  static BenefitRegister register;

  @BeforeAll
  static void start() {
    pg = PostgresApp.start("doudi_disability_it", "--camunda.bpm.job-execution.enabled=false");
    app = pg.context();
    jdbc = app.getBean(JdbcTemplate.class);
    subsidies = app.getBean(DisabilitySubsidies.class);
    households = app.getBean(Households.class);
    register = app.getBean(BenefitRegister.class);
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  static String onDibao(DisabilityCategory category, int grade) {
    HouseholdApplication a = DisabilitySubsidyTest.household(category, grade, null, null);
    long id = households.register(a, "test");
    households.updateStatus(id, ApplicationStatus.APPROVED);
    register.activate("HH-" + id, "DIBAO", "case-" + id, "220122", "220122100201", DisabilitySubsidyTest.persons(a),
        "test");
    return a.members().get(1).idNumber();
  }

  @Test
  void discoveryApplicationAwardAndRosterOnPostgres() {
    String found = onDibao(DisabilityCategory.MENTAL, 2);
    DisabilitySubsidies.DiscoveryResult r = subsidies.discover("220122", "system");
    assertThat(r.casesOpened()).isGreaterThanOrEqualTo(2);
    assertThat(subsidies.discover("220122", "system").casesOpened()).isZero();
    assertThat(jdbc.queryForList("SELECT kind FROM disability_candidate WHERE id_number = ? AND status = 'OPEN'",
        String.class, found)).containsExactlyInAnyOrder("LIVING", "CARE");
    int total = subsidies.candidates("220122", 0, 10).total();
    assertThat(total).isGreaterThanOrEqualTo(2);
    assertThat(subsidies.candidates("220122100201", 1, 1).items()).hasSize(1);

    String pid = jdbc.queryForObject("SELECT process_instance_id FROM disability_application WHERE id_number = ? "
        + "AND kind = 'LIVING'", String.class, found);
    pg.complete(pid, "Task_AssistApplication", "nongan-cw", Map.of("assistOutcome", "APPLY",
        "assistNote", "监护人代为申请"));
    pg.complete(pid, "Task_TownshipReview", "nongan-cw", Map.of("reviewDecision", "APPROVE", "reviewOpinion", "属实"));
    pg.complete(pid, "Task_CountyDecision", "na-county-approver", Map.of("decision", "APPROVE"));
    assertThat(jdbc.queryForObject("SELECT status FROM disability_application WHERE process_instance_id = ?",
        String.class, pid)).isEqualTo("GRANTED");

    YearMonth next = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1);
    app.getBean(Payroll.class).computeRoster("220122", next, "test");
    assertThat(app.getBean(Payments.class).byKey(Payroll.rosterKey("DISABLED_LIVING",
        SubsidyKind.beneficiaryKey(found), next))).isPresent();
    assertThat(jdbc.queryForList("SELECT kind FROM disability_candidate WHERE id_number = ? AND status = 'OPEN'",
        String.class, found)).containsExactly("CARE");
    assertThat(subsidies.candidates("220122", 0, 10).total()).isEqualTo(total - 1);
  }

  @Test
  void concurrentApplicationsOfOnePersonStoreOne() throws Exception {
    String id = onDibao(DisabilityCategory.PHYSICAL, 1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Callable<String> apply = () -> {
          try {
            subsidies.apply(new DisabilityApplication("CARE", id, null, null, null), "nongan-cw");
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
      assertThat(outcomes).filteredOn(o -> !o.equals("OK")).allSatisfy(o -> assertThat(o).contains("已有办理中的"));
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disability_application WHERE id_number = ? AND kind = 'CARE'",
        Integer.class, id)).isEqualTo(1);
  }
}
