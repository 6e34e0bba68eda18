package org.doudi.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.audit.AuditEntry;
import org.doudi.audit.AuditTrail;
import org.doudi.eligibility.TestIds;
import org.doudi.platform.ProcessFixture;
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

  // ---- withdrawal and objection (issue 20): as for 低保, through the temporary module's public API

  @Autowired ManagementService management;
  @Autowired AuditTrail audit;

  /** An online application of the citizen's own, consented: the case waits at 受理. */
  String applied(CitizenClient c) throws Exception {
    CitizenClient.Response r = c.post("/api/citizen/temporary-applications", body(c.idNumber, c.phone, Map.of()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return consent(c, json.readTree(r.body()).get("id").asLong());
  }

  static LocalDate today() {
    return LocalDate.now(ProcessFixture.CHINA);
  }

  /** 受理, 入户调查 (the check follows) and the township's proposal, as the caseworker: the case reaches its 公示. */
  void toNotice(ProcessFixture fx, String pid) {
    fx.runJobs(pid);
    if (tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AcceptApplication").count() > 0) {
      fx.complete(pid, "Task_AcceptApplication", "nongan-cw", ProcessFixture.vars("materialApplication", true,
          "materialIdentity", true, "materialExpenseProof", true, "materialAuthorisation", true, "materialPledge",
          true));
    }
    fx.complete(pid, "Task_InvestigateHousehold", "nongan-cw", ProcessFixture.vars("investigator1", "刘调查",
        "investigator2", "陈调查", "investigatorsSigned", true, "investigationDate", today().toString(),
        "investigationFindings", "住院费用票据属实"));
    fx.complete(pid, "Task_ProposeAssistance", "nongan-cw", ProcessFixture.vars("proposalOpinion", "APPROVE",
        "proposalNotes", "情况属实，建议救助", "amount", 3000.0, "instalmentCount", 2L, "intervalMonths", 1L,
        "firstPaymentDate", today().plusDays(20).toString()));
    assertThat(tasks.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_PublicNotice");
  }

  JsonNode view(CitizenClient c, String pid) throws Exception {
    CitizenClient.Response r = c.get("/api/citizen/cases/" + pid);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  List<String> actions(String pid) {
    return audit.ofProcessInstances(List.of(pid), 200).stream().map(AuditEntry::action).toList();
  }

  @Test
  void theApplicantWithdrawsBeforeTheDecisionAndTheCaseEndsAsWithdrawn() throws Exception {
    CitizenClient c = citizen("19710303", "013").signIn();
    String pid = applied(c);
    String base = "/api/citizen/cases/" + pid;
    JsonNode v = view(c, pid);
    assertThat(v.get("canWithdraw").asBoolean()).isTrue();
    assertThat(v.get("canObject").asBoolean()).isFalse();

    assertThat(count("SELECT COUNT(*) FROM cal_deadline WHERE process_instance_id = ? AND status = 'OPEN'", pid))
        .as("受理's working-day limit runs").isPositive();
    assertThat(c.post(base + "/withdrawal", "{\"reason\":\"\"}").status()).isEqualTo(400);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isOne();
    CitizenClient.Response r = c.post(base + "/withdrawal", "{\"reason\":\"医疗费用已由亲属承担\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).isZero();
    assertThat(jdbc.queryForMap("SELECT status, closed_at FROM temporary_case WHERE process_instance_id = ?", pid))
        .containsEntry("STATUS", "WITHDRAWN").extractingByKey("CLOSED_AT").isNotNull();
    assertThat(count("SELECT COUNT(*) FROM cal_deadline WHERE process_instance_id = ? AND status = 'OPEN'", pid))
        .isZero();
    assertThat(jdbc.queryForObject("SELECT note FROM temporary_case_event WHERE process_instance_id = ? "
        + "AND kind = 'WITHDRAWN'", String.class, pid)).contains("医疗费用已由亲属承担");
    assertThat(actions(pid)).contains("citizen.withdrew");

    JsonNode after = view(c, pid);
    assertThat(after.get("running").asBoolean()).isFalse();
    assertThat(after.get("canWithdraw").asBoolean()).isFalse();
    assertThat(after.get("stage").asText()).isEqualTo("已撤回");
    CitizenClient.Response again = c.post(base + "/withdrawal", "{\"reason\":\"再次撤回\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("已经办结");
  }

  @Test
  void afterTheDecisionAWithdrawalIsRefusedAndNothingChanges() throws Exception {
    CitizenClient c = citizen("19710303", "023").signIn();
    String pid = applied(c);
    ProcessFixture fx = new ProcessFixture(tasks, management);
    toNotice(fx, pid);
    assertThat(view(c, pid).get("canWithdraw").asBoolean()).as("still before the decision").isTrue();
    // the 公示 ends without objection (its timer fired), then the township decides
    management.executeJob(management.createJobQuery().processInstanceId(pid).timers().singleResult().getId());
    fx.runJobs(pid);
    fx.complete(pid, "Task_TownshipApproval", "nongan-approver", ProcessFixture.vars("decision", "APPROVE"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("instalments follow")
        .isOne();
    JsonNode v = view(c, pid);
    assertThat(v.get("canWithdraw").asBoolean()).isFalse();
    assertThat(v.get("canObject").asBoolean()).isFalse();
    // the decision as recorded by the temporary module, with the total and its instalments
    BigDecimal granted = jdbc.queryForObject("SELECT total_amount FROM temporary_decision WHERE process_instance_id = ?",
        BigDecimal.class, pid);
    assertThat(v.get("decisions")).singleElement().satisfies(d -> {
      assertThat(d.get("decision").asText()).isEqualTo("APPROVE");
      assertThat(d.get("decisionLabel").asText()).isEqualTo("确认同意给予临时救助");
      assertThat(d.get("totalAmount").decimalValue()).isEqualByComparingTo(granted);
      assertThat(d.get("monthlyAmount").isNull()).isTrue();
    });

    long events = count("SELECT COUNT(*) FROM temporary_case_event WHERE process_instance_id = ?", pid);
    CitizenClient.Response r = c.post("/api/citizen/cases/" + pid + "/withdrawal", "{\"reason\":\"不需要了\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.body()).contains("审核确认决定", "不能再撤回");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isOne();
    assertThat(jdbc.queryForObject("SELECT status FROM temporary_case WHERE process_instance_id = ?", String.class,
        pid)).isEqualTo("APPROVED");
    assertThat(count("SELECT COUNT(*) FROM temporary_case_event WHERE process_instance_id = ?", pid))
        .isEqualTo(events);
    assertThat(actions(pid)).doesNotContain("citizen.withdrew");
  }

  @Test
  void anObjectionDuringTheNoticeIsRecordedAndTheCaseworkerSeesIt() throws Exception {
    CitizenClient c = citizen("19710303", "033").signIn();
    String pid = applied(c);
    String base = "/api/citizen/cases/" + pid;
    // outside the 公示: refused in Chinese, nothing recorded
    CitizenClient.Response early = c.post(base + "/objections", "{\"content\":\"公示的金额有误\"}");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.body()).contains("不在公示期");
    assertThat(count("SELECT COUNT(*) FROM temporary_objection WHERE process_instance_id = ?", pid)).isZero();

    ProcessFixture fx = new ProcessFixture(tasks, management);
    toNotice(fx, pid);
    JsonNode v = view(c, pid);
    assertThat(v.get("canObject").asBoolean()).isTrue();
    assertThat(v.get("canWithdraw").asBoolean()).isTrue();
    assertThat(c.post(base + "/objections", "{\"content\":\"\"}").status()).isEqualTo(400);
    CitizenClient.Response r = c.post(base + "/objections", "{\"content\":\"公示的刚性支出少算了医保报销后的自付部分\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(json.readTree(r.body()).get("noticeRound").asInt()).isEqualTo(1);

    assertThat(jdbc.queryForMap("SELECT objector_name, objector_phone, source, filed_by FROM temporary_objection "
        + "WHERE process_instance_id = ?", pid)).containsEntry("OBJECTOR_NAME", "孙八")
        .containsEntry("OBJECTOR_PHONE", c.phone).containsEntry("SOURCE", "ONLINE")
        .containsEntry("FILED_BY", "citizen:" + c.idNumber.substring(0, 6) + "********" + c.idNumber.substring(14));
    assertThat(actions(pid)).contains("citizen.objected");
    // as after the caseworker's registration: back to 入户调查, the 公示 and its timer gone
    var task = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_InvestigateHousehold");
    assertThat(management.createJobQuery().processInstanceId(pid).timers().count()).isZero();
    assertThat(tasks.getVariable(task.getId(), "objectionHistory").toString())
        .contains("第1次公示", "孙八", "申请人网上提出", "医保报销后的自付部分");
    JsonNode now = view(c, pid);
    assertThat(now.get("canObject").asBoolean()).isFalse();
    assertThat(now.get("stage").asText()).contains("入户调查");
    // the next 公示 task shows the township caseworker the objection (read-only field of its form)
    toNotice(fx, pid);
    var notice = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    assertThat(tasks.getVariable(notice.getId(), "objectionHistory").toString()).contains("医保报销后的自付部分");
    assertThat(new String(getClass().getResourceAsStream("/forms/temporary-public-notice.form").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("\"key\": \"objectionHistory\"", "已登记的公示异议");
  }

  @Test
  void anotherCitizensCaseAnswers404AndNothingChanges() throws Exception {
    CitizenClient c = citizen("19710303", "043").signIn();
    String pid = applied(c);
    toNotice(new ProcessFixture(tasks, management), pid);
    CitizenClient stranger = citizen("19710303", "053").signIn();
    CitizenClient otherPhone = new CitizenClient(port, c.idNumber, CitizenApiTest.phone()).signIn();
    for (CitizenClient x : new CitizenClient[] {stranger, otherPhone}) {
      for (CitizenClient.Response r : List.of(
          x.post("/api/citizen/cases/" + pid + "/withdrawal", "{\"reason\":\"不想要了\"}"),
          x.post("/api/citizen/cases/" + pid + "/objections", "{\"content\":\"异议\"}"))) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.body()).contains("未找到该案件或材料");
      }
    }
    assertThat(tasks.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_PublicNotice");
    assertThat(count("SELECT COUNT(*) FROM temporary_objection WHERE process_instance_id = ?", pid)).isZero();
  }
}
