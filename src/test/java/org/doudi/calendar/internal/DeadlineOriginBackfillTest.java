package org.doudi.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Open deadlines recorded before V43_1 get their process and region columns at start-up; ended cases are skipped. */
@DoudiTest
class DeadlineOriginBackfillTest {

  @Autowired DeadlineOriginBackfill backfill;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @Test
  void openRowsWithoutOriginAreFilledFromTheirRunningInstance() {
    repository.createDeployment().name("backfill-test").enableDuplicateFiltering(true)
        .addClasspathResource("calendar/calendar-test-calendar-days.bpmn").deploy();
    ProcessInstance pi = runtime.startProcessInstanceByKey("calendar-test-calendar-days",
        Map.of("regionCode", "220122100201"));
    // as a row written before V43_1, and one of a case that no longer runs
    jdbc.update("UPDATE cal_deadline SET process_definition_id = NULL, process_key = NULL, scheme = NULL, "
        + "city_code = NULL, county_code = NULL, township_code = NULL WHERE process_instance_id = ?", pi.getId());
    jdbc.update("INSERT INTO cal_deadline (process_instance_id, execution_id, activity_id, deadline_kind, start_date, "
        + "working_days, region_code, extension_days, provisional, due_at, status, created_at, updated_at) "
        + "VALUES ('gone-pi', 'gone-ex', 'Task_Gone', 'DUE', DATE '2026-01-05', 3, '220122100201', 0, FALSE, "
        + "CURRENT_TIMESTAMP, 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

    backfill.fill();

    Map<String, Object> row = jdbc.queryForMap("SELECT process_key, county_code, township_code FROM cal_deadline "
        + "WHERE process_instance_id = ?", pi.getId());
    assertThat(row.get("process_key")).isEqualTo("calendar-test-calendar-days");
    assertThat(row.get("county_code")).isEqualTo("220122");
    assertThat(row.get("township_code")).isEqualTo("220122100");
    assertThat(jdbc.queryForObject("SELECT process_key FROM cal_deadline WHERE process_instance_id = 'gone-pi'",
        String.class)).isNull();
  }
}
