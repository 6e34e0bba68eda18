package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.platform.PostgresApp;
import org.doudi.platform.ProcessFixture;
import org.doudi.register.BenefitRegister;
import org.doudi.tekun.TekunChanges.StartedChange;
import org.doudi.tekun.TekunChanges.TerminationRequest;
import org.doudi.tekun.persistence.TekunPersonRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changes and termination on PostgreSQL 15: a termination through its 公示 ends the TEKUN award from the next month
 * (the payroll's STOP row, the register released, the record ENDED), and the age-review schedule's query (dates,
 * month arithmetic on the text support_from) finds a minor ahead of the 18th birthday and no adult.
 */
class TekunLifePostgresIT {

  static PostgresApp pg;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;
  static TekunChanges changes;
  static TekunPersonRepository persons;
  static Awards awards;
  static BenefitRegister register;
  static TaskService tasks;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

  @BeforeAll
  static void start() {
    pg = PostgresApp.start("doudi_tekunlife_it", "--camunda.bpm.job-execution.enabled=false");
    app = pg.context();
    jdbc = app.getBean(JdbcTemplate.class);
    changes = app.getBean(TekunChanges.class);
    persons = app.getBean(TekunPersonRepository.class);
    awards = app.getBean(Awards.class);
    register = app.getBean(BenefitRegister.class);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    tasks = engine.getTaskService();
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ProcessFixture.CHINA).toInstant()));
  }

  @Test
  void aTerminationAfterItsNoticeEndsTheAwardFromTheNextMonth() {
    clock("2026-11-02T09:00");
    TekunPerson p = TekunLifeFixture.supported(persons, awards, LocalDate.of(1951, 7, 8), CareLevel.SELF_CARE,
        "650.00", "50.00", TODAY.minusDays(20), null);
    StartedChange s = changes.proposeTermination(p.id(), new TerminationRequest("VOLUNTARY", "本人书面申请退出救助供养"),
        "na-county-cw");
    String pid = s.processInstanceId();
    pg.complete(pid, "Task_TownshipProposal", "nongan-cw", ProcessFixture.vars("proposal", "PROPOSE", "ground",
        "VOLUNTARY", "proposalFacts", "本人随子女生活，自愿退出", "riskIncomeStability", "STABLE", "riskHealth", "CHRONIC",
        "riskDebts", "NONE", "riskDependants", 0));
    pg.complete(pid, "Task_CountyDecision", "na-county-approver", ProcessFixture.vars("decision", "APPROVE",
        "decisionReasons", "本人自愿申请退出"));
    clock("2026-11-09T09:00");
    pg.complete(pid, "Task_NoticeOutcome", "nongan-cw", ProcessFixture.vars("noticeOutcome", "NO_OBJECTION"));

    AwardRow december = awards.current(p.awardKey(), Scheme.TEKUN, YearMonth.of(2026, 12)).orElseThrow();
    assertThat(december.changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
    assertThat(december.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(awards.current(p.awardKey(), Scheme.TEKUN, YearMonth.of(2026, 11)).orElseThrow().active()).isTrue();
    TekunPerson ended = persons.find(p.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo("ENDED");
    assertThat(ended.lastSupportedMonth()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(register.find(p.idNumber())).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM award_exit WHERE beneficiary_key = ?", Integer.class,
        p.awardKey())).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_CheckOtherAssistance")
        .count()).isEqualTo(1);
  }

  @Test
  void theAgeReviewQueryFindsAMinorAheadOfTheBirthdayAndNoAdult() {
    clock("2026-11-02T09:00");
    TekunPerson minor = TekunLifeFixture.supported(persons, awards, LocalDate.of(2008, 12, 25), CareLevel.SELF_CARE,
        "650.00", "50.00", TODAY.minusDays(20), false);
    TekunPerson adultAt18 = TekunLifeFixture.supported(persons, awards, LocalDate.of(2008, 10, 1),
        CareLevel.SELF_CARE, "650.00", "50.00", TODAY.minusDays(20), false); // recognised after turning 18
    changes.startDueAgeReviews(TODAY.plusMonths(2), 100);
    assertThat(changes.changesOf(minor.id())).extracting(c -> c.reviewKey()).containsExactly("AT18");
    assertThat(changes.changesOf(adultAt18.id())).isEmpty();
  }
}
