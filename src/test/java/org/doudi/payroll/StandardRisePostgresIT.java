package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.eligibility.NewDibaoStandard;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.payment.Payments;
import org.doudi.payroll.persistence.StandardRiseRepository;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 标准调整 on PostgreSQL with several counties: a new rural standard of 农安县 recomputes its rural awards in bulk and,
 * after the county's review, the awards of that county and type only change; the month whose roster was made and
 * approved before the approval gets each increase as a 补发 once; the next roster pays the new amounts, the other
 * county and the county's urban awards the old ones; awards without a basis are listed and kept.
 */
class StandardRisePostgresIT {

  static final BigDecimal OLD = new BigDecimal("500.00");
  static final BigDecimal NEW = new BigDecimal("600.00");

  @Test
  void aRiseChangesOnlyTheAffectedCountysHouseholdsAndTheNextPayrollPaysIt() {
    String url = Postgres.freshDatabase("doudi_rise_it");
    try (ConfigurableApplicationContext app = Postgres.application(url)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      LocalDate from = LocalDate.parse("2029-11-01");
      RiseData.insert(jdbc, "HH-NR", new String[] {"220122"}, "RURAL", 3000, OLD, from, true);
      RiseData.insert(jdbc, "HH-NU", new String[] {"220122"}, "URBAN", 1000, new BigDecimal("660.00"), from, true);
      RiseData.insert(jdbc, "HH-GR", new String[] {"220102", "220183", "220681"}, "RURAL", 3000, OLD, from, true);
      RiseData.insert(jdbc, "HH-NX", new String[] {"220122"}, "RURAL", 200, OLD, from, false);
      jdbc.execute("ANALYZE");
      Payroll payroll = app.getBean(Payroll.class);
      Payments payments = app.getBean(Payments.class);
      StandardRises rises = app.getBean(StandardRises.class);
      TaskService tasks = app.getBean(TaskService.class);
      PayrollFixture f = new PayrollFixture(tasks, app.getBean(ManagementService.class));

      var standard = app.getBean(DibaoStandards.class).add(new NewDibaoStandard("220122", "RURAL", NEW, 24,
          LocalDate.parse("2030-01-01"), true, "农安县提高农村低保标准（测试）"), "demo");
      // January's roster of 农安县 is made and approved before the county approves the rise
      YearMonth jan = YearMonth.of(2030, 1);
      payroll.computeRosterAll(jan, "it");
      payroll.approve(payroll.run("220122", jan).orElseThrow().id(), "it");

      StandardRise r = rises.list(java.util.List.of("220122"), 10).stream()
          .filter(x -> x.standardId() == standard.id()).findFirst().orElseThrow();
      assertThat(f.runJobs(r.processInstanceId())).isEmpty();
      r = rises.find(r.id()).orElseThrow();
      assertThat(r.status()).isEqualTo(StandardRise.Status.REVIEW);
      assertThat(r.lineCount()).isEqualTo(3200);
      assertThat(r.increaseCount()).isEqualTo(3000);
      assertThat(r.manualCount()).isEqualTo(200);
      assertThat(r.decreaseCount()).isZero();
      BigDecimal increase = BigDecimal.ZERO;
      for (long g = 1; g <= 3000; g++) {
        increase = increase.add(RiseData.amount(g, NEW).subtract(RiseData.amount(g, OLD)));
      }
      assertThat(r.increaseTotal()).isEqualByComparingTo(increase);
      assertThat(rises.lines(r.id(), "INCREASE", null, 0, 1000)).allSatisfy(l -> assertThat(l.newAmount())
          .isEqualByComparingTo(RiseData.amount(Long.parseLong(l.beneficiaryKey().substring(5)), NEW)));

      Task t = f.task(r.processInstanceId(), StandardRiseVariables.REVIEW_TASK);
      tasks.claim(t.getId(), "na-county-approver");
      tasks.complete(t.getId(), Map.of("decision", "APPROVE"));
      assertThat(f.runJobs(r.processInstanceId())).isEmpty();
      r = rises.find(r.id()).orElseThrow();
      assertThat(r.status()).isEqualTo(StandardRise.Status.APPLIED);
      assertThat(r.appliedCount()).isEqualTo(3000);
      assertThat(r.catchUpCount()).isEqualTo(3000);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award WHERE seq = 2", Integer.class))
          .isEqualTo(3000);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award WHERE seq = 2 AND (county_code <> '220122' "
          + "OR urban_rural <> 'RURAL' OR beneficiary_key NOT LIKE 'HH-NR%' OR effective_from <> DATE '2030-01-01')",
          Integer.class)).isZero();
      assertThat(payments.byKey("standard-rise:" + r.id() + ":2030-01:DIBAO:HH-NR7").orElseThrow().amount())
          .isEqualByComparingTo(RiseData.amount(7, NEW).subtract(RiseData.amount(7, OLD)));
      // applying again changes nothing
      rises.apply(r.id());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award", Integer.class)).isEqualTo(7200 + 3000);

      // February: 农安县's rural households at the new amounts, everyone else as before
      YearMonth feb = YearMonth.of(2030, 2);
      payroll.computeRosterAll(feb, "it");
      assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-NR7", feb)).orElseThrow().amount())
          .isEqualByComparingTo(RiseData.amount(7, NEW));
      assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-GR7", feb)).orElseThrow().amount())
          .isEqualByComparingTo(RiseData.amount(7, OLD));
      assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-NX7", feb)).orElseThrow().amount())
          .isEqualByComparingTo(RiseData.amount(7, OLD));
      BigDecimal expected = BigDecimal.ZERO;
      for (long g = 1; g <= 3000; g++) {
        expected = expected.add(RiseData.amount(g, NEW));
      }
      assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM payment_ledger WHERE payroll_month = DATE '2030-02-01' "
          + "AND beneficiary_key LIKE 'HH-NR%'", BigDecimal.class)).isEqualByComparingTo(expected);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE payroll_month = DATE '2030-02-01'",
          Integer.class)).isEqualTo(7200);
      // the review's anomaly sets see the new rows (stamps kept by the triggers on the bulk insert)
      long febRun = payroll.run("220122", feb).orElseThrow().id();
      assertThat(payroll.anomalies(febRun, 0, 20).counts().getOrDefault("AMOUNT_CHANGE", 0)).isZero();
    } finally {
      Postgres.dropIfTemporary(url);
    }
  }

  /**
   * Three counties raise their rural standards on the same day: their rises are computed and applied in two parts
   * (doudi.standard-rise.parts = 2) by two job threads at once, each part one statement; every county's households
   * get their own new amount once, and nothing else changes.
   */
  @Test
  void threeCountiesRisingTogetherAreComputedAndAppliedByTwoJobsSideBySide() throws Exception {
    String url = Postgres.freshDatabase("doudi_rise_parts_it");
    try (ConfigurableApplicationContext app = Postgres.application(url)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      LocalDate from = LocalDate.parse("2029-11-01");
      RiseData.insert(jdbc, "HH-GR", new String[] {"220102", "220183", "220681"}, "RURAL", 3000, OLD, from, true);
      RiseData.insert(jdbc, "HH-NR", new String[] {"220122"}, "RURAL", 1000, OLD, from, true);
      jdbc.execute("ANALYZE");
      StandardRises rises = app.getBean(StandardRises.class);
      TaskService tasks = app.getBean(TaskService.class);
      ManagementService management = app.getBean(ManagementService.class);
      PayrollFixture f = new PayrollFixture(tasks, management);
      DibaoStandards standards = app.getBean(DibaoStandards.class);
      app.getBean(Staff.class).ensureUser("it-reviewer", "审核", "员", "it", Role.ADMIN, "220000");
      List<StandardRise> opened = new java.util.ArrayList<>();
      for (String county : List.of("220102", "220183", "220681")) {
        long id = standards.add(new NewDibaoStandard(county, "RURAL", NEW, 24, LocalDate.parse("2030-01-01"), true,
            "提高农村低保标准（测试）"), "demo").id();
        opened.add(rises.list(List.of(county), 10).stream().filter(x -> x.standardId() == id).findFirst()
            .orElseThrow());
      }

      bothAtOnce(management, opened);
      for (StandardRise r : opened) {
        StandardRise c = rises.find(r.id()).orElseThrow();
        assertThat(c.status()).isEqualTo(StandardRise.Status.REVIEW);
        assertThat(c.lineCount()).isEqualTo(1000);
        assertThat(c.increaseCount()).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM standard_rise_line l JOIN benefit_award a "
            + "ON a.id = l.based_on_award_id WHERE l.rise_id = ? AND a.county_code = ?", Integer.class, r.id(),
            r.countyCode())).isEqualTo(1000);
        Task t = f.task(r.processInstanceId(), StandardRiseVariables.REVIEW_TASK);
        tasks.claim(t.getId(), "it-reviewer");
        tasks.complete(t.getId(), Map.of("decision", "APPROVE"));
      }

      bothAtOnce(management, opened);
      for (StandardRise r : opened) {
        StandardRise a = rises.find(r.id()).orElseThrow();
        assertThat(a.status()).isEqualTo(StandardRise.Status.APPLIED);
        assertThat(a.appliedCount()).isEqualTo(1000);
      }
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award WHERE seq = 2", Integer.class))
          .isEqualTo(3000);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award WHERE seq = 2 "
          + "AND beneficiary_key NOT LIKE 'HH-GR%'", Integer.class)).isZero();
      // the two parts the jobs took: the first and third rise together, the second alone
      StandardRiseRepository repository = app.getBean(StandardRiseRepository.class);
      List<Long> ids = opened.stream().map(StandardRise::id).toList();
      assertThat(repository.lockPart(StandardRise.Status.APPLIED, false, ids.get(0), 2).stream()
          .map(StandardRise::id).filter(ids::contains)).containsExactly(ids.get(0), ids.get(2));
      assertThat(repository.lockPart(StandardRise.Status.APPLIED, false, ids.get(1), 2).stream()
          .map(StandardRise::id).filter(ids::contains)).containsExactly(ids.get(1));
      assertThat(jdbc.queryForList("SELECT a.beneficiary_key, a.monthly_amount FROM benefit_award a WHERE a.seq = 2")
          .stream().filter(row -> ((BigDecimal) row.get("monthly_amount")).compareTo(RiseData.amount(
              Long.parseLong(((String) row.get("beneficiary_key")).substring(5)), NEW)) != 0)).isEmpty();
    } finally {
      Postgres.dropIfTemporary(url);
    }
  }

  /** The rises' jobs until none is left, round by round: each round one job per rise, two at a time on two threads. */
  static void bothAtOnce(ManagementService management, List<StandardRise> opened) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        List<Future<?>> running = new java.util.ArrayList<>();
        for (StandardRise r : opened) {
          management.createJobQuery().processInstanceId(r.processInstanceId()).active().list().stream().findFirst()
              .ifPresent(job -> running.add(pool.submit(() -> management.executeJob(job.getId()))));
        }
        if (running.isEmpty()) {
          return;
        }
        for (Future<?> done : running) {
          done.get();
        }
      }
      throw new AssertionError("jobs keep coming");
    } finally {
      pool.shutdown();
    }
  }
}
