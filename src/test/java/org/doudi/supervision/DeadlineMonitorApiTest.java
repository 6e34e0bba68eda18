package org.doudi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.calendar.internal.CalendarTime;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The monitor API over real HTTP with the demo staff: clocks of a test model (a task due 30 working days after
 * 受理) in three regions, the engine clock moved, then bands, working days left, filters, region scoping, counts
 * and refusals.
 */
@DoudiTest
class DeadlineMonitorApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    engine.getRepositoryService().createDeployment().name("calendar-tests").enableDuplicateFiltering(true)
        .addClasspathResource("calendar/calendar-test-task.bpmn").deploy();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date at(String shanghaiLocal) {
    return Date.from(LocalDateTime.parse(shanghaiLocal).atZone(CalendarTime.ZONE).toInstant());
  }

  ProcessInstance start(String regionCode, String acceptedAt) {
    return runtime.startProcessInstanceByKey("calendar-test-task", "monitor-" + UUID.randomUUID(),
        Map.of("regionCode", regionCode, "acceptedAt", acceptedAt));
  }

  JsonNode get(String user, String path) throws Exception {
    Http.Response r = http.get(user, path);
    assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  List<JsonNode> items(String user, String query, ProcessInstance... mine) throws Exception {
    JsonNode page = get(user, "/api/supervision/deadlines?process=calendar-test-task&size=200" + query);
    List<String> ids = java.util.Arrays.stream(mine).map(ProcessInstance::getId).toList();
    List<JsonNode> out = new ArrayList<>();
    page.get("items").forEach(i -> {
      if (ids.contains(i.get("processInstanceId").asText())) {
        out.add(i);
      }
    });
    return out;
  }

  @Test
  void aSupervisorSeesTheOverdueTaskOfTheirCityWithItsWorkingDaysAndBand() throws Exception {
    // accepted Mon 2026-03-02: due the 30th working day after, Tue 2026-04-14 (清明: Sat 04-04 to Mon 04-06 off)
    ClockUtil.setCurrentTime(at("2026-03-02T09:00"));
    ProcessInstance nanling = start("220102001001", "2026-03-02");
    ProcessInstance nongan = start("220122100201", "2026-03-02");
    // Thu 2026-04-16 10:00: two working days past the due day
    ClockUtil.setCurrentTime(at("2026-04-16T10:00"));

    List<JsonNode> seen = items("supervisor", "", nanling, nongan);
    // each case: the task's due date and the boundary timer on it (both legal clocks, same task)
    assertThat(seen).hasSize(4);
    JsonNode n = seen.stream().filter(i -> i.get("processInstanceId").asText().equals(nanling.getId())
        && i.get("kind").asText().equals("DUE")).findFirst().orElseThrow();
    JsonNode timer = seen.stream().filter(i -> i.get("processInstanceId").asText().equals(nanling.getId())
        && i.get("kind").asText().equals("TIMER")).findFirst().orElseThrow();
    assertThat(timer.get("taskId").asText()).isEqualTo(n.get("taskId").asText());
    assertThat(timer.get("activityId").asText()).isEqualTo("BoundaryEvent_InvestigationOverdue");
    assertThat(n.get("kind").asText()).isEqualTo("DUE");
    assertThat(n.get("activityId").asText()).isEqualTo("Task_Investigate");
    assertThat(n.get("activityName").asText()).isEqualTo("入户调查");
    assertThat(n.get("processName").asText()).isEqualTo("测试：任务时限");
    assertThat(n.get("scheme").asText()).isEqualTo("calendar");
    assertThat(n.get("taskId").isNull()).isFalse();
    assertThat(n.get("countyCode").asText()).isEqualTo("220102");
    assertThat(n.get("countyName").asText()).isEqualTo("南关区");
    assertThat(n.get("townshipCode").asText()).isEqualTo("220102001");
    assertThat(n.get("townshipName").asText()).isEqualTo("南岭街道");
    assertThat(n.get("dueAt").asText()).isEqualTo("2026-04-14T17:00:00+08:00");
    assertThat(n.get("workingDaysLeft").asInt()).isEqualTo(-2);
    assertThat(n.get("band").asText()).isEqualTo("OVERDUE");
    assertThat(n.get("businessKey").asText()).startsWith("monitor-");
  }
}
