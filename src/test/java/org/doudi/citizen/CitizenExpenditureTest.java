package org.doudi.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.eligibility.TestIds;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 支出型临时救助 online (docs/citizen.md): the counter's 登记申请 checks at once, the applicant's 授权书 and 承诺书 on
 * their own phone, then the same {@code expenditure-assistance} process with channel ONLINE; bad input stores and
 * starts nothing; nobody else sees the case.
 */
@DoudiTest
class CitizenExpenditureTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  CitizenClient citizen(String birth, String sequence) {
    return new CitizenClient(port, TestIds.id("220122", birth, sequence), CitizenApiTest.phone());
  }

  String body(String idNumber, String phone, Map<String, Object> changes) throws Exception {
    Map<String, Object> b = new HashMap<>();
    b.put("regionCode", "220122100201");
    b.put("recipientName", "孙八");
    b.put("recipientIdNumber", idNumber);
    b.put("recipientPhone", phone);
    b.put("causeKind", "MEDICAL");
    b.put("cause", "妻子住院手术，自付医疗费用2万元，家庭无力负担");
    b.put("expenseAmount", "20000");
    b.put("amount", "3000");
    b.put("memberCount", 3);
    b.put("householdMonthlyIncome", "1500");
    b.put("bankName", "农安县农村信用合作联社");
    b.put("bankAccountNumber", "6228480012345678901");
    b.putAll(changes);
    return json.writeValueAsString(b);
  }

  long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  long expenditures() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("expenditure-assistance").count();
  }

  String consent(CitizenClient c, long draft) throws Exception {
    CitizenClient.Response r = c.post("/api/citizen/applications/" + draft + "/consents",
        "{\"authorisation\":true,\"pledge\":true}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode v = json.readTree(r.body());
    assertThat(v.get("status").asText()).isEqualTo("SUBMITTED");
    return v.get("processInstanceId").asText();
  }

  @Test
  void anApplicationForOneselfStartsTheCounterProcessWithChannelOnlineAfterTheConsents() throws Exception {
    CitizenClient c = citizen("19700101", "113").signIn();
    long started = expenditures();
    CitizenClient.Response r = c.post("/api/citizen/temporary-applications", body(c.idNumber, c.phone, Map.of()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode draft = json.readTree(r.body());
    assertThat(draft.get("scheme").asText()).isEqualTo("EXPENDITURE");
    assertThat(draft.get("yourPendingConsents").toString()).contains("AUTHORISATION", "PLEDGE");
    assertThat(expenditures()).as("the checks kept nothing").isEqualTo(started);
    assertThat(count("SELECT COUNT(*) FROM temporary_case WHERE recipient_id_number = ?", c.idNumber)).isZero();

    CitizenClient.Response refused = c.post("/api/citizen/applications/" + draft.get("id").asLong() + "/consents",
        "{\"authorisation\":true,\"pledge\":false}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("承诺书");

    String pid = consent(c, draft.get("id").asLong());
    assertThat(runtime.getVariables(pid)).containsEntry("reportChannel", "ONLINE")
        .containsEntry("recipientIdNumber", c.idNumber).containsEntry("caseKind", "EXPENDITURE");
    assertThat(runtime.getVariable(pid, "reportedBy").toString()).startsWith("citizen:");
    assertThat(jdbc.queryForObject("SELECT report_channel FROM temporary_case WHERE process_instance_id = ?",
        String.class, pid)).isEqualTo("ONLINE");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_AcceptApplication");

    JsonNode cases = json.readTree(c.get("/api/citizen/cases").body());
    JsonNode mine = null;
    for (JsonNode x : cases) {
      if (x.get("processInstanceId").asText().equals(pid)) {
        mine = x;
      }
    }
    assertThat(mine).as(cases.toString()).isNotNull();
    assertThat(mine.get("schemeLabel").asText()).isEqualTo("支出型临时救助");
    assertThat(mine.get("channel").asText()).isEqualTo("网上申请");
    assertThat(mine.get("applicantName").asText()).isEqualTo("孙八");
    assertThat(mine.get("stage").asText()).contains("受理");

    // nobody else: another person, and the same ID number with another phone
    CitizenClient other = citizen("19700101", "123").signIn();
    CitizenClient otherPhone = new CitizenClient(port, c.idNumber, CitizenApiTest.phone()).signIn();
    for (CitizenClient x : new CitizenClient[] {other, otherPhone}) {
      assertThat(x.get("/api/citizen/cases/" + pid).status()).isEqualTo(404);
      assertThat(x.get("/api/citizen/cases").body()).doesNotContain(pid);
      assertThat(x.get("/api/citizen/applications").body()).doesNotContain(pid);
    }
  }

  @Test
  void aFamilyMemberIsTheApplicantAndConsentsOnTheirOwnPhone() throws Exception {
    CitizenClient filer = citizen("19750101", "133").signIn();
    CitizenClient father = citizen("19450101", "143");
    CitizenClient.Response r = filer.post("/api/citizen/temporary-applications",
        body(father.idNumber, father.phone, Map.of()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = json.readTree(r.body()).get("id").asLong();
    assertThat(json.readTree(r.body()).get("yourPendingConsents").size()).as("the filer signs nothing").isZero();
    assertThat(filer.post("/api/citizen/applications/" + id + "/consents", "{\"authorisation\":true,\"pledge\":true}")
        .status()).isEqualTo(409);

    father.signIn();
    assertThat(father.get("/api/citizen/applications").body()).contains("AUTHORISATION", "PLEDGE");
    String pid = consent(father, id);
    assertThat(runtime.getVariables(pid)).containsEntry("recipientIdNumber", father.idNumber)
        .containsEntry("recipientPhone", father.phone).containsEntry("reportChannel", "ONLINE");
    assertThat(filer.get("/api/citizen/cases/" + pid).status()).as("the filer follows it").isEqualTo(200);
    assertThat(father.get("/api/citizen/cases/" + pid).status()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedInChineseAndNothingIsStoredOrStarted() throws Exception {
    CitizenClient c = citizen("19700101", "153").signIn();
    long started = expenditures();
    long drafts = count("SELECT COUNT(*) FROM citizen_application");
    long cases = count("SELECT COUNT(*) FROM temporary_case");
    Map<Map<String, Object>, String> bad = Map.of(
        Map.of("bankAccountNumber", "12ab"), "银行账号",
        Map.of("causeKind", "TRAVEL"), "支出类型",
        Map.of("amount", "0"), "申请救助金额",
        Map.of("memberCount", 0), "家庭人数",
        Map.of("regionCode", "999999999"), "居住地",
        Map.of("cause", ""), "困难情况说明");
    for (Map.Entry<Map<String, Object>, String> e : bad.entrySet()) {
      CitizenClient.Response r = c.post("/api/citizen/temporary-applications", body(c.idNumber, c.phone, e.getKey()));
      assertThat(r.status()).as(e.getKey() + " " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(e.getKey().toString()).contains(e.getValue());
    }
    CitizenClient.Response child = c.post("/api/citizen/temporary-applications",
        body(TestIds.id("220122", "20150601", "163"), "13700000001", Map.of()));
    assertThat(child.status()).isEqualTo(400);
    assertThat(child.body()).contains("年满");
    CitizenClient.Response noPhone = c.post("/api/citizen/temporary-applications",
        body(TestIds.id("220122", "19450101", "173"), "", Map.of()));
    assertThat(noPhone.status()).isEqualTo(400);
    assertThat(noPhone.body()).contains("手机号码");
    assertThat(expenditures()).isEqualTo(started);
    assertThat(count("SELECT COUNT(*) FROM citizen_application")).isEqualTo(drafts);
    assertThat(count("SELECT COUNT(*) FROM temporary_case")).isEqualTo(cases);
  }
}
