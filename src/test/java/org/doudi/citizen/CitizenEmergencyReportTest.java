package org.doudi.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.eligibility.TestIds;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 报告急难情况 online (docs/citizen.md): the report becomes the township's verification task (hardship-report, channel
 * ONLINE) and moves no money; bad input starts nothing; only the filer with the same phone sees it.
 */
@DoudiTest
class CitizenEmergencyReportTest {

  static final String VILLAGE = "220122100201";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  CitizenClient citizen(String sequence) {
    return new CitizenClient(port, TestIds.id("220122", "19700101", sequence), CitizenApiTest.phone());
  }

  String body(Map<String, Object> changes) throws Exception {
    Map<String, Object> b = new HashMap<>(Map.of("regionCode", VILLAGE, "relation", "FAMILY", "subjectName", "赵六",
        "subjectIdNumber", TestIds.id("220122", "19450101", "021"), "address", "农安县农安镇宝塔村3组",
        "situation", "父亲昨晚家中失火，房屋烧毁，无处居住"));
    b.putAll(changes);
    b.values().removeIf(v -> v == null);
    return json.writeValueAsString(b);
  }

  long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  @Test
  void aReportBecomesTheTownshipsVerificationTaskAndMovesNoMoney() throws Exception {
    CitizenClient c = citizen("031").signIn();
    long ledger = count("SELECT COUNT(*) FROM payment_ledger");
    long temporary = count("SELECT COUNT(*) FROM temporary_case");
    long emergencies = runtime.createProcessInstanceQuery().processDefinitionKey("emergency-assistance").count();

    CitizenClient.Response r = c.post("/api/citizen/emergency-reports", body(Map.of()));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode v = json.readTree(r.body());
    String pid = v.get("processInstanceId").asText();
    assertThat(v.get("stage").asText()).contains("核实");
    assertThat(v.get("finished").asBoolean()).isFalse();
    Task task = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_VerifyReport");
    assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> "township-caseworker-220122100"
        .equals(l.getGroupId()));
    Map<String, Object> vars = runtime.getVariables(pid);
    assertThat(vars).containsEntry("reportChannel", "ONLINE").containsEntry("regionCode", VILLAGE)
        .containsEntry("householdHead", "赵六").containsEntry("contactPhone", c.phone)
        .containsEntry("subjectIdNumber", TestIds.id("220122", "19450101", "021"));
    assertThat(vars.get("situation").toString()).contains("未经核实", "失火");
    assertThat(vars.get("reportedBy").toString()).startsWith("citizen:");
    // no money on the citizen's word: no ledger row, no 临时救助 case, no emergency process
    assertThat(count("SELECT COUNT(*) FROM payment_ledger")).isEqualTo(ledger);
    assertThat(count("SELECT COUNT(*) FROM payment_ledger WHERE case_ref = ?", pid)).isZero();
    assertThat(count("SELECT COUNT(*) FROM temporary_case")).isEqualTo(temporary);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("emergency-assistance").count())
        .isEqualTo(emergencies);
    assertThat(count("SELECT COUNT(*) FROM citizen_report WHERE process_instance_id = ?", pid)).isOne();

    // the filer follows it; the township's conclusion becomes the stage
    JsonNode mine = json.readTree(c.get("/api/citizen/emergency-reports").body());
    assertThat(mine.toString()).contains(pid, "赵六");
    tasks.complete(task.getId(), Map.of("verificationOutcome", "NONE", "verificationNotes", "已入户核实，亲属已安置"));
    // the verification task is asyncAfter: run the continuation as the job executor would
    management.createJobQuery().processInstanceId(pid).list().forEach(j -> management.executeJob(j.getId()));
    mine = json.readTree(c.get("/api/citizen/emergency-reports").body());
    assertThat(mine.get(0).get("finished").asBoolean()).isTrue();
    assertThat(mine.get(0).get("stage").asText()).contains("不需要救助");
  }

  @Test
  void aReportForOneselfNamesTheCaller() throws Exception {
    CitizenClient c = citizen("041").signIn();
    CitizenClient.Response r = c.post("/api/citizen/emergency-reports",
        body(Map.of("relation", "SELF", "subjectName", "钱七", "subjectIdNumber", "", "phone", "13700000007")));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String pid = json.readTree(r.body()).get("processInstanceId").asText();
    assertThat(runtime.getVariables(pid)).containsEntry("subjectIdNumber", c.idNumber)
        .containsEntry("contactPhone", "13700000007");
  }

  @Test
  void badInputIsRefusedInChineseAndStartsNothing() throws Exception {
    CitizenClient c = citizen("051").signIn();
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("hardship-report").count();
    long rows = count("SELECT COUNT(*) FROM citizen_report");
    Map<Map<String, Object>, String> bad = Map.of(
        Map.of("regionCode", "220122"), "不能只选到县",
        Map.of("regionCode", "999999999"), "请选择急难发生地",
        Map.of("relation", "NEIGHBOUR"), "本人还是家庭成员",
        Map.of("subjectIdNumber", "220122194501010000"), "身份证号码",
        Map.of("situation", ""), "发生了什么",
        Map.of("phone", "12345"), "手机号码",
        Map.of("subjectName", "赵".repeat(51)), "姓名最多50个字");
    for (Map.Entry<Map<String, Object>, String> e : bad.entrySet()) {
      CitizenClient.Response r = c.post("/api/citizen/emergency-reports", body(e.getKey()));
      assertThat(r.status()).as(e.getKey() + " " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(e.getKey().toString()).contains(e.getValue());
    }
    CitizenClient.Response r = c.post("/api/citizen/emergency-reports", "{not json");
    assertThat(r.status()).isEqualTo(400);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hardship-report").count())
        .isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM citizen_report")).isEqualTo(rows);
  }

  @Test
  void onlyTheFilerWithTheSamePhoneSeesTheReport() throws Exception {
    CitizenClient c = citizen("061").signIn();
    CitizenClient.Response r = c.post("/api/citizen/emergency-reports", body(Map.of()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String pid = json.readTree(r.body()).get("processInstanceId").asText();
    CitizenClient other = citizen("071").signIn();
    CitizenClient samePersonOtherPhone = new CitizenClient(port, c.idNumber, CitizenApiTest.phone()).signIn();
    for (CitizenClient x : new CitizenClient[] {other, samePersonOtherPhone}) {
      CitizenClient.Response list = x.get("/api/citizen/emergency-reports");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body()).doesNotContain(pid);
      assertThat(x.get("/api/citizen/cases/" + pid).status()).isEqualTo(404);
    }
    assertThat(new CitizenClient(port, "x", "x").get("/api/citizen/emergency-reports").status()).isEqualTo(401);
  }
}
