package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.platform.ProcessFixture.clockAt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payroll.Awards;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.tekun.persistence.TekunPersonRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The endpoints of changes and termination over HTTP with the demo users: 201 and the case file, 400 in Chinese with
 * nothing started, 401 without a user, 403 by role and by region, 404 for an unknown person or one outside the
 * caller's regions.
 */
@DoudiTest
class TekunLifeApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired TekunPersonRepository persons;
  @Autowired Awards awards;
  @Autowired TaskService tasks;
  Http http;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

  @BeforeEach
  void setUp() {
    http = new Http(port);
    clockAt("2026-11-02T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  TekunPerson person() {
    return TekunLifeFixture.supported(persons, awards, LocalDate.of(1948, 5, 6), CareLevel.PARTIAL, "780.00",
        "300.00", TODAY.minusDays(20), null);
  }

  @Test
  void aCaseworkerOfThePersonsRegionReportsAChangeAndReadsTheCaseFileOthersAreRefused() throws Exception {
    TekunPerson p = person();
    String path = "/api/tekun/persons/" + p.id() + "/reported-changes";
    String body = "{\"reportedOn\":\"2026-11-02\",\"note\":\"照料人报告近期无法自主行走\"}";
    assertThat(http.send(null, "POST", path, body).status()).isEqualTo(401);
    assertThat(http.send("analyst", "POST", path, body).status()).isEqualTo(403);
    assertThat(http.send("nanling-cw", "POST", path, body).status()).as("another county's township").isEqualTo(403);

    Http.Response r = http.send("baota", "POST", path, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode started = json.readTree(r.body());
    long changeId = started.get("changeId").asLong();
    assertThat(tasks.createTaskQuery().processInstanceId(started.get("processInstanceId").asText())
        .taskDefinitionKey("Task_Reassess").count()).isEqualTo(1);

    Http.Response file = http.get("na-county-cw", "/api/tekun/changes/" + changeId);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    assertThat(file.body()).contains("REASSESSMENT").contains("报告生活自理能力发生变化");
    assertThat(http.get("ng-county-cw", "/api/tekun/changes/" + changeId).status()).isEqualTo(404);
    assertThat(http.get("nongan-cw", "/api/tekun/persons/" + p.id() + "/changes").body()).contains("REASSESSMENT");

    Http.Response again = http.send("nongan-cw", "POST", path, body);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("已有正在办理的生活自理能力复评");
  }

  @Test
  void badInputIsA400InChineseAndStartsNothing() throws Exception {
    TekunPerson p = person();
    String base = "/api/tekun/persons/" + p.id();
    Http.Response future = http.send("nongan-cw", "POST", base + "/reported-changes",
        "{\"reportedOn\":\"2026-12-01\",\"note\":\"无\"}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("报告日期不能晚于今天").contains("至少5个字");
    assertThat(http.send("nongan-cw", "POST", base + "/reported-changes", "").status()).isEqualTo(400);
    assertThat(http.send("nongan-cw", "POST", base + "/reported-changes", "{not json").status()).isEqualTo(400);

    Http.Response ground = http.send("nongan-cw", "POST", base + "/terminations",
        "{\"ground\":\"TIRED\",\"facts\":\"经调查核实情况属实\"}");
    assertThat(ground.status()).isEqualTo(400);
    assertThat(ground.body()).contains("终止情形 ground 无效");
    assertThat(http.send("baota", "POST", base + "/terminations",
        "{\"ground\":\"VOLUNTARY\",\"facts\":\"本人书面申请退出\"}").status()).as("a village assistant").isEqualTo(403);

    Http.Response death = http.send("nongan-cw", "POST", base + "/death", "{\"diedOn\":\"2027-01-01\"}");
    assertThat(death.status()).isEqualTo(400);
    assertThat(death.body()).contains("死亡日期不能晚于今天").contains("死亡依据");
    assertThat(http.send("nongan-cw", "POST", "/api/tekun/persons/999999999/death",
        "{\"diedOn\":\"2026-11-01\",\"evidence\":\"死亡证明\"}").status()).isEqualTo(404);
    assertThat(http.get("nongan-cw", base + "/changes").body()).isEqualTo("[]");
  }

  @Test
  void aDeathIsRecordedOnceAndEndsSupport() throws Exception {
    TekunPerson p = person();
    String path = "/api/tekun/persons/" + p.id() + "/death";
    String body = "{\"diedOn\":\"2026-11-01\",\"evidence\":\"死亡医学证明书\"}";
    assertThat(http.send("ng-county-cw", "POST", path, body).status()).isEqualTo(403);
    Http.Response r = http.send("nongan-cw", "POST", path, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(json.readTree(r.body()).get("lastSupportedMonth").asText()).isEqualTo("2026-11");
    Http.Response again = http.send("nongan-cw", "POST", path, body);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("救助供养已于");
  }

  @Test
  void theEndpointsAreInTheOpenApiDocument() throws Exception {
    Http.Response r = http.get("nongan-cw", "/api/openapi");
    assertThat(r.status()).isEqualTo(200);
    JsonNode paths = json.readTree(r.body()).get("paths");
    assertThat(paths.has("/api/tekun/persons/{tekunPersonId}/reported-changes")).isTrue();
    assertThat(paths.get("/api/tekun/persons/{tekunPersonId}/terminations").get("post").get("responses").has("400"))
        .isTrue();
    assertThat(paths.has("/api/tekun/persons/{tekunPersonId}/death")).isTrue();
    assertThat(paths.has("/api/tekun/changes/{changeId}")).isTrue();
  }
}
