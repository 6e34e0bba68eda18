package org.doudi.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.care.CareFixture.Person;
import org.doudi.care.CareRecords.Institution;
import org.doudi.care.persistence.CareRepository;
import org.doudi.platform.PostgresApp;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.CareMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Care arrangements on PostgreSQL 15: the bed's unique key refuses a second holder; two requests racing for the
 * last bed (each in its own transaction, released together) place one and queue the other, round after round; a
 * freed bed goes to the head of the waiting list through the process.
 */
class CarePostgresIT {

  static PostgresApp pg;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;
  static CareArrangements care;
  static CareRepository repository;
  static CareFixture c;

  @BeforeAll
  static void start() {
    pg = PostgresApp.start("doudi_care_it", "--camunda.bpm.job-execution.enabled=false");
    app = pg.context();
    jdbc = app.getBean(JdbcTemplate.class);
    care = app.getBean(CareArrangements.class);
    repository = app.getBean(CareRepository.class);
    c = new CareFixture(jdbc, app, care);
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void theBedConstraintRefusesASecondHolder() {
    c.clean();
    Institution i = c.institution("约束测试敬老院", CareFixture.NONGAN, InstitutionKind.ELDERLY, 1, 0);
    Person a = c.elder("约甲", CareFixture.NONGAN, CareFixture.NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);
    Person b = c.elder("约乙", CareFixture.NONGAN, CareFixture.NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);
    long bed = jdbc.queryForObject("SELECT id FROM care_bed WHERE institution_id = ?", Long.class, i.id());
    long first = repository.insertPlacement(c.request(a).id(), bed, "PLACEMENT", Instant.now());
    assertThatThrownBy(() -> repository.insertPlacement(c.request(b).id(), bed, "PLACEMENT", Instant.now()))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> jdbc.update("INSERT INTO care_placement (request_id, bed_id, kind, placed_at, occupied) "
        + "VALUES (?, ?, 'PLACEMENT', CURRENT_TIMESTAMP, 2)", c.request(b).id(), bed))
        .isInstanceOf(DataIntegrityViolationException.class);
    repository.endPlacement(first, "TEST", Instant.now());
    repository.insertPlacement(c.request(b).id(), bed, "PLACEMENT", Instant.now()); // free again
  }

  @Test
  void twoRequestsRacingForTheLastBedPlaceOneAndQueueTheOther() throws Exception {
    c.clean();
    for (int round = 0; round < 8; round++) {
      assertThat(c.raceForLastBed(round)).as("round " + round).containsExactlyInAnyOrder("PLACED", "WAITING");
    }
    assertThat(jdbc.queryForObject("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM care_placement WHERE occupied = 1 "
        + "GROUP BY bed_id) x", Integer.class)).isEqualTo(1);
  }

  @Test
  void aFreedBedGoesToTheHeadOfTheWaitingList() {
    c.clean();
    c.institution("农安县中心敬老院", CareFixture.NONGAN, InstitutionKind.ELDERLY, 1, 0);
    Person a = c.elder("甲", CareFixture.NONGAN, CareFixture.NONGAN_VILLAGE, CareLevel.PARTIAL, CareMode.CENTRALISED);
    pg.runJobs(c.request(a).processInstanceId());
    Person b = c.elder("乙", CareFixture.NANGUAN, CareFixture.NANGUAN_VILLAGE, CareLevel.PARTIAL,
        CareMode.CENTRALISED);
    pg.runJobs(c.request(b).processInstanceId());
    Person full = c.elder("丙", CareFixture.NONGAN, CareFixture.NONGAN_VILLAGE, CareLevel.FULL,
        CareMode.CENTRALISED);
    pg.runJobs(c.request(full).processInstanceId());
    assertThat(c.request(b).status()).isEqualTo("WAITING");
    assertThat(c.request(full).status()).isEqualTo("WAITING");

    c.supportEnded(a, "DEATH");
    assertThat(c.request(full).status()).as("完全丧失 first").isEqualTo("PLACED");
    assertThat(c.request(b).status()).isEqualTo("WAITING");
    assertThat(app.getBean(ProcessEngine.class).getTaskService().createTaskQuery()
        .processInstanceId(c.request(full).processInstanceId()).taskDefinitionKey("Task_ConfirmAdmission").count())
        .isEqualTo(1);
  }
}
