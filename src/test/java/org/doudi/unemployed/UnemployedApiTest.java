package org.doudi.unemployed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.unemployed.UnemployedFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/unemployed/applications and the case file over HTTP with the demo users; a task form refused as 400. */
@DoudiTest
class UnemployedApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  Http http;
  UnemployedFixture f;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    f = new UnemployedFixture(tasks, management);
  }

  int applications() {
    return jdbc.queryForObject("SELECT count(*) FROM unemployed_application", Integer.class);
  }

  @Test
  void theDocumentedExampleStartsACaseAndItsFileShowsTheRecords() throws Exception {
    Http.Response r = http.send("baota", "POST", "/api/unemployed/applications", UnemployedApplication.EXAMPLE_JSON);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode started = json.readTree(r.body());
    long id = started.get("applicationId").asLong();
    String pid = started.get("processInstanceId").asText();
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_InvestigateHardship").count())
        .isEqualTo(1);

    Http.Response file = http.get("nongan-cw", "/api/unemployed/applications/" + id);
    assertThat(file.status()).as(file.body()).isEqualTo(200);
    JsonNode body = json.readTree(file.body());
    assertThat(body.get("status").asText()).isEqualTo("IN_PROCESS");
    assertThat(body.get("records").get(0).get("kind").asText()).isEqualTo("ELIGIBILITY");
    assertThat(body.get("records").get(0).get("content").asText()).startsWith("符合未参保失业人员临时救助认定条件");
    assertThat(http.get("supervisor", "/api/unemployed/applications/" + id).status()).isEqualTo(200);
    // another township does not see it; an unknown id is 404 too
    assertThat(http.get("fulongquan-cw", "/api/unemployed/applications/" + id).status()).isEqualTo(404);
    assertThat(http.get("nongan-cw", "/api/unemployed/applications/999999").status()).isEqualTo(404);

    // Tasklist's REST completion of an untrue finding without reasons: 400 with the Chinese message, task open
    String taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    assertThat(http.send("baota", "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"baota\"}").status())
        .isEqualTo(204);
    Map<String, Object> values = found("UNTRUE");
    ObjectNode variables = json.createObjectNode();
    values.forEach((k, v) -> variables.putObject(k).putPOJO("value", v));
    Http.Response refused = http.send("baota", "POST", "/engine-rest/task/" + taskId + "/complete",
        json.writeValueAsString(Map.of("variables", variables)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("不予救助理由");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void badInputIs400WithEveryViolationAndStoresNothing() throws Exception {
    int before = applications();
    ObjectNode bad = (ObjectNode) json.readTree(UnemployedApplication.EXAMPLE_JSON);
    bad.put("idNumber", "220122198803150013");
    bad.putArray("witnesses").addObject().put("name", "李工头").put("phone", "138");
    bad.put("pledgeSigned", false);
    bad.put("bankAccountNumber", "");
    Http.Response r = http.send("baota", "POST", "/api/unemployed/applications", json.writeValueAsString(bad));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode problem = json.readTree(r.body());
    assertThat(problem.get("title").asText()).isEqualTo("申请内容有误");
    assertThat(problem.get("violations")).extracting(v -> v.get("field").asText()).containsExactlyInAnyOrder(
        "idNumber", "witnesses", "witnesses[0].phone", "pledgeSigned", "bankAccountNumber");
    assertThat(problem.get("detail").asText()).contains("校验位错误，应为2").contains("2名以上证明人");
    assertThat(applications()).isEqualTo(before);

    ObjectNode unreadable = (ObjectNode) json.readTree(UnemployedApplication.EXAMPLE_JSON);
    unreadable.put("lastIncomeMonth", "七月");
    Http.Response r2 = http.send("baota", "POST", "/api/unemployed/applications", json.writeValueAsString(unreadable));
    assertThat(r2.status()).isEqualTo(400);
    assertThat(r2.body()).contains("lastIncomeMonth");
    assertThat(http.send("baota", "POST", "/api/unemployed/applications", "").status()).isEqualTo(400);
    assertThat(applications()).isEqualTo(before);
  }

  @Test
  void onlyStaffOfTheRegionMayApply() {
    int before = applications();
    assertThat(http.send("fulongquan-cw", "POST", "/api/unemployed/applications", UnemployedApplication.EXAMPLE_JSON)
        .status()).isEqualTo(403);
    assertThat(http.send("analyst", "POST", "/api/unemployed/applications", UnemployedApplication.EXAMPLE_JSON)
        .status()).isEqualTo(403);
    assertThat(http.send(null, "POST", "/api/unemployed/applications", UnemployedApplication.EXAMPLE_JSON)
        .status()).isEqualTo(401);
    assertThat(applications()).isEqualTo(before);
  }
}
