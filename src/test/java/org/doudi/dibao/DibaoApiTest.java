package org.doudi.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.household.TestApplications;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/applications, objections and withdrawal over HTTP with the demo users (HTTP Basic, password demo). */
@DoudiTest
class DibaoApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  String body() throws Exception {
    return json.writeValueAsString(TestApplications.unique(TestApplications.household()));
  }

  int applications() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM household_application", Integer.class);
  }

  @Test
  void anOnlineApplicationStartsACaseWaitingForAcceptance() throws Exception {
    Http.Response r = http.send("nongan-cw", "POST", "/api/applications", body());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode answer = json.readTree(r.body());
    String pid = answer.get("processInstanceId").asText();
    long id = answer.get("applicationId").asLong();
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(id));
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptApplication")
        .taskCandidateGroup("township-caseworker-220122100").count()).isEqualTo(1);
    // the village assistant of 宝塔村 may file too
    assertThat(http.send("baota", "POST", "/api/applications", body()).status()).isEqualTo(201);
  }

  @Test
  void theDocumentedExampleIsAValidApplication() {
    Http.Response r = http.send("nongan-cw", "POST", "/api/applications",
        TestApplications.uniqueIds(org.doudi.household.HouseholdApplication.EXAMPLE_JSON));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(http.send("nongan-cw", "POST", "/api/eligibility/dibao",
        org.doudi.household.HouseholdApplication.EXAMPLE_JSON).status()).isEqualTo(200);
  }

  @Test
  void aRefusedFormValueAnswers400OverRestAndTheTaskStaysOpen() throws Exception {
    String pid = json.readTree(http.send("nongan-cw", "POST", "/api/applications", body()).body())
        .get("processInstanceId").asText();
    String task = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptApplication")
        .singleResult().getId();
    assertThat(http.send("nongan-cw", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"nongan-cw\"}")
        .status()).isEqualTo(204);

    Http.Response r = http.send("nongan-cw", "POST", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"materialIdentity\":{\"value\":\"perhaps\"}}}");

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).containsPattern("[\\u4e00-\\u9fff]");
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  @Test
  void badInputAnswers400NamingTheMemberAndStoresNothing() throws Exception {
    ObjectNode a = (ObjectNode) json.readTree(body());
    ((ObjectNode) a.get("members").get(1)).put("idNumber", "220122195203050020");
    ((ObjectNode) a.get("members").get(0).get("monthlyIncome")).put("WAGE", -5);
    int before = applications();
    long cases = runtime.createProcessInstanceQuery().processDefinitionKey("dibao-application").count();
    Http.Response r = http.send("nongan-cw", "POST", "/api/applications", a.toString());
    assertThat(r.status()).isEqualTo(400);
    JsonNode problem = json.readTree(r.body());
    assertThat(problem.get("violations").size()).isGreaterThanOrEqualTo(2);
    assertThat(r.body()).contains("李四", "members[1].idNumber", "张三");
    assertThat(applications()).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dibao-application").count())
        .isEqualTo(cases);

    Http.Response notJson = http.send("nongan-cw", "POST", "/api/applications", "{\"urbanRural\":\"CITY\"}");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body()).contains("urbanRural");
  }

  @Test
  void onlyStaffOfTheHouseholdsRegionMayFile() throws Exception {
    int before = applications();
    assertThat(http.send(null, "POST", "/api/applications", body()).status()).isEqualTo(401);
    assertThat(http.send("nanling-cw", "POST", "/api/applications", body()).status()).isEqualTo(403);
    assertThat(http.send("supervisor", "POST", "/api/applications", body()).status()).isEqualTo(403);
    assertThat(applications()).isEqualTo(before);
  }

  @Test
  void objectionsAreAcceptedOnlyDuringTheNotice() throws Exception {
    String pid = json.readTree(http.send("nongan-cw", "POST", "/api/applications", body()).body())
        .get("processInstanceId").asText();
    String objection = json.writeValueAsString(Map.of("objectorName", "王五", "content", "其子有稳定收入"));
    Http.Response early = http.send("nongan-cw", "POST", "/api/cases/" + pid + "/objections", objection);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.body()).contains("公示");
    assertThat(http.send("nongan-cw", "POST", "/api/cases/" + pid + "/objections", "{\"objectorName\":\"王五\"}")
        .status()).isEqualTo(400);
    // a caseworker of another township does not see the case
    assertThat(http.send("fulongquan-cw", "POST", "/api/cases/" + pid + "/objections", objection).status())
        .isEqualTo(404);
    assertThat(http.send("nongan-cw", "POST", "/api/cases/unknown/objections", objection).status()).isEqualTo(404);

    Http.Response withdrawn = http.send("nongan-cw", "POST", "/api/cases/" + pid + "/withdrawal",
        "{\"reason\":\"申请人书面撤回\"}");
    assertThat(withdrawn.status()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(http.send("nongan-cw", "POST", "/api/cases/" + pid + "/withdrawal", "{\"reason\":\"再次\"}").status())
        .isEqualTo(404);
  }
}
