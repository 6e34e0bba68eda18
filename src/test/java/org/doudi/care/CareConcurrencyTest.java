package org.doudi.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.care.CareFixture.Person;
import org.doudi.care.CareRecords.Institution;
import org.doudi.care.persistence.CareRepository;
import org.doudi.platform.DoudiTest;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.CareMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last bed: two placements racing for it never both get it (the city's lock serialises them; the unique key
 * (bed_id, occupied) refuses a second holder whatever the code does). H2 here; PostgreSQL in CarePostgresIT.
 */
@DoudiTest
class CareConcurrencyTest {

  @Autowired CareArrangements care;
  @Autowired CareRepository repository;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;
  CareFixture c;

  @BeforeEach
  void setUp() {
    c = new CareFixture(jdbc, events, care);
    c.clean();
  }

  @Test
  void twoRequestsRacingForTheLastBedPlaceOneAndQueueTheOther() throws Exception {
    for (int round = 0; round < 5; round++) {
      List<String> statuses = c.raceForLastBed(round);
      assertThat(statuses).as("round " + round).containsExactlyInAnyOrder("PLACED", "WAITING");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM care_placement WHERE occupied = 1 GROUP BY bed_id "
        + "ORDER BY COUNT(*) DESC FETCH FIRST 1 ROWS ONLY", Integer.class)).isEqualTo(1);
  }

  @Test
  void theDatabaseRefusesASecondHolderOfABed() {
    Institution i = c.institution("约束测试敬老院", CareFixture.NONGAN, InstitutionKind.ELDERLY, 1, 0);
    Person a = c.elder("约甲", CareFixture.NONGAN, CareFixture.NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);
    Person b = c.elder("约乙", CareFixture.NONGAN, CareFixture.NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);
    long bed = jdbc.queryForObject("SELECT id FROM care_bed WHERE institution_id = ?", Long.class, i.id());
    repository.insertPlacement(c.request(a).id(), bed, "PLACEMENT", Instant.now());
    assertThatThrownBy(() -> repository.insertPlacement(c.request(b).id(), bed, "PLACEMENT", Instant.now()))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> jdbc.update("INSERT INTO care_placement (request_id, bed_id, kind, placed_at, occupied) "
        + "VALUES (?, ?, 'PLACEMENT', CURRENT_TIMESTAMP, 2)", c.request(b).id(), bed))
        .as("occupied is 1 or NULL").isInstanceOf(DataIntegrityViolationException.class);
  }
}
