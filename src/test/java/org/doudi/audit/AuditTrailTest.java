package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.audit.internal.Sealer;
import org.doudi.dibao.DibaoCases;
import org.doudi.dibao.DibaoCases.StartedCase;
import org.doudi.engine.EngineContext;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.TestApplications;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 审计留痕 on H2: actions on a 低保 case, a standard, a deployment, a CSV export, a failed login and refused requests
 * produce entries an auditor finds by case, by ID number, by user, by date and by kind; the entries are sealed into
 * a chain that verifies; the database refuses to change them; findings with a second person's decision.
 */
@DoudiTest
class AuditTrailTest {

  @LocalServerPort int port;
  @Autowired DibaoCases cases;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired Sealer sealer;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.doudi.payment.Payments payments;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  record Case(String pid, String applicantId) {}

  Case acceptedCase() {
    HouseholdApplication a = TestApplications.unique(TestApplications.household());
    StartedCase[] started = new StartedCase[1];
    as("nongan-cw", () -> started[0] = cases.apply(a, "nongan-cw"));
    StartedCase c = started[0];
    Task t = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
        .taskDefinitionKey("Task_AcceptApplication").singleResult();
    as("nongan-cw", () -> {
      tasks.claim(t.getId(), "nongan-cw");
      tasks.complete(t.getId(), Map.of("materialIdentity", true, "materialIncome", true, "materialAssets", true,
          "materialAuthorisation", true, "materialPledge", true, "materialDisabilityProof", true));
    });
    return new Case(c.processInstanceId(), a.members().get(0).idNumber());
  }

  /** Runs the engine calls as the user with the user's groups, as the REST API and the web apps do. */
  void as(String user, Runnable calls) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      calls.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  JsonNode search(String user, String query) throws Exception {
    Http.Response r = http.get(user, "/api/audit/entries?size=200&" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  static List<String> actions(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("entries").forEach(e -> out.add(e.get("kind").asText() + " " + e.get("action").asText()
        + (e.get("actor").isNull() ? "" : " by " + e.get("actor").asText())));
    return out;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void anAuditorFindsEveryActionOnACaseByCasePersonUserAndDate() throws Exception {
    Case c = acceptedCase();
    JsonNode byCase = search("auditor", "caseRef=" + c.pid());
    assertThat(actions(byCase)).contains("CASE process-start by nongan-cw", "TASK task-create by nongan-cw",
        "TASK task-complete by nongan-cw", "OPERATION Claim by nongan-cw", "OPERATION Complete by nongan-cw",
        "CHANGE dibao.application-registered by nongan-cw");
    assertThat(actions(byCase)).anyMatch(a -> a.startsWith("VARIABLE variable-create"));
    // every entry of the case carries its region; the ID number never appears in full
    byCase.get("entries").forEach(e -> assertThat(e.get("regionCode").asText()).as(e.toString()).startsWith("220122"));
    assertThat(byCase.toString()).doesNotContain(c.applicantId());
    assertThat(byCase.toString()).contains(c.applicantId().substring(0, 6) + "********");

    // by business key (the application id) too
    String businessKey = byCase.get("entries").get(0).get("businessKey").asText();
    // (a business key is unique within its scheme, not across schemes: a key search may also find another scheme's
    // case with the same key, so it holds at least every entry of this case)
    JsonNode byKey = search("auditor", "caseRef=" + businessKey + "&size=500");
    assertThat(byKey.get("total").asLong()).isGreaterThanOrEqualTo(byCase.get("total").asLong());
    assertThat(byKey.get("entries").findValuesAsText("processInstanceId")).contains(c.pid());

    JsonNode byPerson = search("auditor", "idNumber=" + c.applicantId());
    assertThat(actions(byPerson)).contains("TASK task-complete by nongan-cw", "CASE process-start by nongan-cw");
    assertThat(byPerson.get("entries").findValuesAsText("processInstanceId")).contains(c.pid());

    String today = EngineContext.today().toString();
    JsonNode byUser = search("auditor", "user=nongan-cw&from=" + today + "&to=" + today + "&kind=TASK");
    assertThat(byUser.get("entries").findValuesAsText("processInstanceId")).contains(c.pid());
    assertThat(search("auditor", "user=nongan-cw&to=" + LocalDate.parse(today).minusDays(400) + "&caseRef="
        + c.pid()).get("total").asLong()).isZero();

    // a supervisor of 长春市 sees the 农安县 case; one of another city would not; reading is itself recorded
    assertThat(search("supervisor", "caseRef=" + c.pid()).get("total").asLong())
        .isEqualTo(byCase.get("total").asLong());
    assertThat(actions(search("auditor", "user=auditor&kind=AUDIT_READ"))).contains("AUDIT_READ search by auditor");
  }

  @Test
  void variableWritesAreInTheAuditAndTheVariableHistoryButNotInHistoricDetails() throws Exception {
    Case c = acceptedCase();
    // history level full, except ACT_HI_DETAIL (audit.internal.HistoryWithoutDetail): the audit has every write
    assertThat(history.createHistoricDetailQuery().processInstanceId(c.pid()).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ?", Long.class, c.pid()))
        .isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(c.pid())
        .variableName("materialIdentity").singleResult().getValue()).isEqualTo(true);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.pid())
        .activityId("Task_AcceptApplication").finished().count()).isEqualTo(1);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(c.pid()).finished().count()).isEqualTo(1);
    JsonNode entries = search("auditor", "caseRef=" + c.pid() + "&kind=VARIABLE").get("entries");
    List<String> subjects = new ArrayList<>();
    entries.forEach(e -> subjects.add(e.get("subject").asText() + "=" + e.get("after").asText()));
    assertThat(subjects).anyMatch(s -> s.startsWith("materialIdentity") && s.endsWith("=1"));

    // a task's entries: created, claimed, completed; an update in the creating command that changes neither assignee
    // nor owner (Camunda fires one when a listener sets the due date) adds no second entry
    List<String> accept = new ArrayList<>();
    search("auditor", "caseRef=" + c.pid() + "&kind=TASK").get("entries").forEach(e -> {
      if (e.get("subject").asText().startsWith("Task_AcceptApplication")) {
        accept.add(e.get("action").asText() + " " + (e.get("after").isNull() ? "-" : e.get("after").asText()));
      }
    });
    assertThat(accept).containsExactlyInAnyOrder("task-create -", "task-update assignee=nongan-cw",
        "task-complete assignee=nongan-cw");
  }

  @Test
  void aStandardAndADeploymentAreRecordedWithWhoAndWhat() throws Exception {
    Http.Response added = http.send("demo", "POST", "/api/admin/dibao-standards", "{\"countyCode\":\"220102\","
        + "\"urbanRural\":\"URBAN\",\"monthlyStandard\":777.70,\"effectiveFrom\":\"2097-01-01\","
        + "\"sourceNote\":\"审计测试\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonNode changes = search("auditor", "kind=CHANGE&user=demo");
    assertThat(changes.toString()).contains("eligibility.DibaoStandardAdded", "777.7");
    // with the standard it follows as the before value (南关区's urban sample, or a later one another test added)
    long standardId = json.readTree(added.body()).get("id").asLong();
    AuditEntries.Entry dibao = AuditEntries.ofSubject(jdbc, "DibaoStandardAdded").stream()
        .filter(e -> e.after().contains("\"id\":" + standardId + ",")).findFirst().orElseThrow();
    assertThat(dibao.actor()).isEqualTo("demo");
    assertThat(dibao.regionCode()).isEqualTo("220102");
    assertThat(dibao.before()).contains("\"countyCode\":\"220102\"", "\"urbanRural\":\"URBAN\"")
        .doesNotContain("777.7");

    as("analyst", () -> repository.createDeployment().name("audit-test").addString("audit-probe.bpmn", """
          <?xml version="1.0" encoding="UTF-8"?>
          <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
            <process id="audit-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
              <startEvent id="StartEvent_1"/>
            </process>
          </definitions>""").deploy());
    assertThat(actions(search("auditor", "kind=DEPLOYMENT&user=analyst"))).contains("DEPLOYMENT deploy by analyst");
  }

  /**
   * 特困 and 儿童 standards added through their REST endpoints (no process) are entries with who, the county and the
   * standard before → after. Dates and counties no other test uses (农安县 rural 2098, 农安县 社会散居 2098).
   */
  @Test
  void tekunAndChildStandardsAddedOverRestAreRecordedWithBeforeAndAfter() throws Exception {
    Http.Response tekun = http.send("demo", "POST", "/api/tekun/standards", "{\"countyCode\":\"220122\","
        + "\"urbanRural\":\"RURAL\",\"monthlyStandard\":4321.00,\"effectiveFrom\":\"2098-01-01\","
        + "\"sourceNote\":\"审计测试（特困标准）\"}");
    assertThat(tekun.status()).as(tekun.body()).isEqualTo(201);
    long tekunId = json.readTree(tekun.body()).get("id").asLong();
    List<AuditEntries.Entry> t = AuditEntries.ofSubject(jdbc, "tekun_standard " + tekunId);
    assertThat(t).hasSize(1);
    assertThat(t.get(0).kind()).isEqualTo("CHANGE");
    assertThat(t.get(0).action()).isEqualTo("tekun.TekunStandardAdded");
    assertThat(t.get(0).actor()).isEqualTo("demo");
    assertThat(t.get(0).regionCode()).isEqualTo("220122");
    assertThat(t.get(0).after()).contains("4321");
    assertThat(search("auditor", "kind=CHANGE&user=demo").toString()).contains("tekun_standard " + tekunId);

    Http.Response child = http.send("na-county-approver", "POST", "/api/child/standards", "{\"countyCode\":"
        + "\"220122\",\"careMode\":\"HOME\",\"monthlyAmount\":1234.00,\"effectiveFrom\":\"2098-01-01\","
        + "\"sourceNote\":\"审计测试（儿童标准）\",\"sample\":true}");
    assertThat(child.status()).as(child.body()).isEqualTo(201);
    long childId = json.readTree(child.body()).get("id").asLong();
    List<AuditEntries.Entry> c = AuditEntries.ofSubject(jdbc, "child_standard " + childId);
    assertThat(c).hasSize(1);
    assertThat(c.get(0).action()).isEqualTo("child.ChildStandardAdded");
    assertThat(c.get(0).actor()).isEqualTo("na-county-approver");
    assertThat(c.get(0).regionCode()).isEqualTo("220122");
    assertThat(c.get(0).after()).contains("1234");
    // the standard it replaces from that date (农安县's 社会散居 sample), not the new one
    assertThat(c.get(0).before()).contains("\"careMode\":\"HOME\"").doesNotContain("1234");
  }

  @Test
  void aPaymentAndItsStatusChangeAreRecordedWithTheCaseAmountAndActor() throws Exception {
    String caseRef = "audit-pay-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    var entry = payments.record(new org.doudi.payment.PaymentRequest(caseRef + ":1", org.doudi.payment.Scheme.UNEMPLOYED,
        caseRef, new org.doudi.payment.Payee("P-220122198805054322", "李四", "220122198805054322", "农安农商银行",
        "6228480012345678"), "220122", "220122100", java.time.LocalDate.of(2026, 11, 1),
        java.time.LocalDate.of(2026, 11, 30), new java.math.BigDecimal("812.34"), org.doudi.payment.Channel.BANK, null,
        "审计测试"), org.doudi.payment.PaymentStatus.APPROVED, "nongan-approver");
    payments.transition(entry.id(), org.doudi.payment.PaymentStatus.SENT, "nongan-approver", "审计测试");
    JsonNode found = search("auditor", "kind=CHANGE&user=nongan-approver&caseRef=" + enc(caseRef));
    assertThat(found.toString()).contains("payment.LedgerChanged", "RECORDED", "812.34", "STATUS", "APPROVED → SENT");
  }

  @Test
  void exportsFailedLoginsAndRefusedRequestsAreRecorded() throws Exception {
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
        + port + "/api/funds/monitoring.csv?from=2026-01&to=2026-02")).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    assertThat(search("auditor", "kind=EXPORT&user=supervisor").toString()).contains("/api/funds/monitoring.csv");

    HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/me")).header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString("audit-nobody:guess".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(actions(search("auditor", "user=audit-nobody"))).contains("LOGIN_FAILED http-basic by audit-nobody",
        "REFUSED GET 401 by audit-nobody");

    assertThat(http.get("nanling-cw", "/api/audit/entries").status()).isEqualTo(403);
    assertThat(http.get(null, "/api/audit/verify").status()).isEqualTo(401);
    JsonNode refused = search("auditor", "kind=REFUSED&user=nanling-cw");
    assertThat(refused.toString()).contains("/api/audit/entries");
    assertThat(actions(search("auditor", "kind=LOGIN&user=nanling-cw"))).isNotEmpty();
  }

  @Test
  void theChainVerifiesAndTheDatabaseRefusesToChangeEntries() throws Exception {
    Case c = acceptedCase();
    sealer.sealNow();
    Http.Response r = http.get("auditor", "/api/audit/verify");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = json.readTree(r.body());
    assertThat(report.get("intact").asBoolean()).as(r.body()).isTrue();
    assertThat(report.get("seals").asLong()).isPositive();
    // the head handed back as a checkpoint is found; one beyond the head is a truncated tail
    long head = report.get("headSeq").asLong();
    assertThat(json.readTree(http.get("auditor", "/api/audit/verify?checkpointSeq=" + head + "&checkpointHash="
        + report.get("headHash").asText()).body()).get("intact").asBoolean()).isTrue();
    JsonNode truncated = json.readTree(http.get("auditor", "/api/audit/verify?checkpointSeq=" + (head + 1000000))
        .body());
    assertThat(truncated.get("problems").findValuesAsText("kind")).containsExactly("CHECKPOINT_MISMATCH");

    Long id = jdbc.queryForObject("SELECT MIN(id) FROM audit_entry WHERE process_instance_id = ?", Long.class,
        c.pid());
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor = 'someone-else' WHERE id = ?", id))
        .hasStackTraceContaining("审计记录只能追加");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_seal WHERE entry_id = ?", id))
        .hasStackTraceContaining("审计记录只能追加");
    assertThat(http.get("supervisor", "/api/audit/verify").status()).isEqualTo(403);
  }

  @Test
  void aNonSubjectiveErrorIsCorrectedWithoutBlameByASecondPerson() throws Exception {
    Case c = acceptedCase();
    Case other = acceptedCase();
    List<Long> ids = new ArrayList<>();
    search("auditor", "caseRef=" + c.pid() + "&kind=TASK").get("entries").forEach(e -> ids.add(e.get("id").asLong()));
    long foreign = search("auditor", "caseRef=" + other.pid()).get("entries").get(0).get("id").asLong();

    Http.Response bad = http.send("auditor", "POST", "/api/audit/findings", "{\"processInstanceId\":\"" + c.pid()
        + "\",\"error\":\"收入漏计\",\"cause\":\"核对平台未返回\",\"subjective\":false,\"entryIds\":[" + foreign + "]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("不属于案件");
    Http.Response empty = http.send("auditor", "POST", "/api/audit/findings", "{\"processInstanceId\":\"" + c.pid()
        + "\",\"error\":\"\",\"subjective\":false,\"entryIds\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("须写明错误", "须写明原因", "须关联至少一条审计记录");

    Http.Response created = http.send("auditor", "POST", "/api/audit/findings", "{\"processInstanceId\":\"" + c.pid()
        + "\",\"error\":\"家庭收入漏计工资性收入\",\"cause\":\"申请时用人单位尚未申报，核对平台无记录\",\"subjective\":false,"
        + "\"entryIds\":" + ids + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode finding = json.readTree(created.body());
    long id = finding.get("id").asLong();
    assertThat(finding.get("regionCode").asText()).startsWith("220122");
    assertThat(finding.get("entryIds").size()).isEqualTo(ids.size());

    String exempt = "{\"decision\":\"EXEMPT\",\"subjective\":false,\"correction\":\"补计收入，重新核定保障金\"}";
    assertThat(http.send("auditor", "POST", "/api/audit/findings/" + id + "/decision", exempt).status())
        .isEqualTo(403);
    Http.Response againstRule = http.send("supervisor", "POST", "/api/audit/findings/" + id + "/decision",
        "{\"decision\":\"EXEMPT\",\"subjective\":true,\"correction\":\"x\"}");
    assertThat(againstRule.status()).isEqualTo(400);
    assertThat(againstRule.body()).contains("不适用免责");
    Http.Response decided = http.send("supervisor", "POST", "/api/audit/findings/" + id + "/decision", exempt);
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    assertThat(json.readTree(decided.body()).get("decision").get("label").asText()).isEqualTo("免责");
    assertThat(http.send("supervisor", "POST", "/api/audit/findings/" + id + "/decision", exempt).status())
        .isEqualTo(409);
    assertThat(actions(search("auditor", "caseRef=" + c.pid() + "&kind=FINDING")))
        .contains("FINDING finding-recorded by auditor", "FINDING finding-decided by supervisor");
  }

  @Test
  void badSearchesAreRefusedInChinese() {
    for (String q : List.of("idNumber=123", "from=2026-13-01", "kind=NOPE", "size=0", "from=2026-02-02&to=2026-02-01",
        "page=x")) {
      Http.Response r = http.get("auditor", "/api/audit/entries?" + q);
      assertThat(r.status()).as(q + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(q).containsPattern("[\\u4e00-\\u9fa5]");
    }
  }
}
