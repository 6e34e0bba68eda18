package org.doudi.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.audit.AuditEntry;
import org.doudi.audit.AuditTrail;
import org.doudi.calendar.CaseClock;
import org.doudi.dibao.DibaoCases;
import org.doudi.dibao.DibaoVariables;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.TestApplications;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.ProcessFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The citizens' API (docs/citizen.md): codes, sessions and their refusals, no ID-existence oracle, rate limits, the
 * online application with every adult's consent, the 一次性告知 and the upload that resumes the clock, the actions'
 * windows, and that nobody reaches another person's case through any citizen endpoint.
 */
@DoudiTest
class CitizenApiTest {

  static final AtomicInteger PHONES = new AtomicInteger(new Random().nextInt(1_000_000));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired DibaoCases dibao;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired CaseClock clock;
  @Autowired AuditTrail audit;

  static String phone() {
    return "139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
  }

  CitizenClient citizen(String idNumber) {
    return new CitizenClient(port, idNumber, phone());
  }

  JsonNode read(CitizenClient.Response r) throws Exception {
    return json.readTree(r.body());
  }

  /** An online application of 张三 (applicant), 李四 (spouse) and 张小 (child), started with both adults' consents. */
  record Family(CitizenClient applicant, CitizenClient spouse, String pid, HouseholdApplication household) {}

  Family apply() throws Exception {
    return apply(TestApplications.unique(TestApplications.household()));
  }

  Family apply(HouseholdApplication h) throws Exception {
    String a = h.members().get(0).idNumber();
    String b = h.members().get(1).idNumber();
    CitizenClient applicant = citizen(a).signIn();
    CitizenClient spouse = citizen(b);
    Map<String, Object> body = Map.of("household", h, "phones", List.of(Map.of("idNumber", a, "phone",
        applicant.phone), Map.of("idNumber", b, "phone", spouse.phone)));
    CitizenClient.Response draft = applicant.post("/api/citizen/applications", json.writeValueAsString(body));
    assertThat(draft.status()).as(draft.body()).isEqualTo(201);
    long id = read(draft).get("id").asLong();
    assertThat(read(draft).get("yourPendingConsents").toString()).contains("AUTHORISATION", "PLEDGE");
    CitizenClient.Response first = applicant.post("/api/citizen/applications/" + id + "/consents",
        "{\"authorisation\":true,\"pledge\":true}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(read(first).get("status").asText()).isEqualTo("DRAFT");
    spouse.signIn();
    JsonNode pending = read(spouse.get("/api/citizen/applications"));
    assertThat(pending.get(0).get("yourPendingConsents").toString()).contains("AUTHORISATION").doesNotContain("PLEDGE");
    CitizenClient.Response last = spouse.post("/api/citizen/applications/" + id + "/consents",
        "{\"authorisation\":true,\"pledge\":false}");
    assertThat(last.status()).as(last.body()).isEqualTo(200);
    assertThat(read(last).get("status").asText()).isEqualTo("SUBMITTED");
    String pid = read(last).get("processInstanceId").asText();
    return new Family(applicant, spouse, pid, h);
  }

  @Test
  void theAnswerToACodeRequestNeverTellsWhetherTheIdNumberIsKnown() throws Exception {
    HouseholdApplication h = TestApplications.unique(TestApplications.household());
    dibao.apply(h, "nongan-cw");
    String known = h.members().get(0).idNumber();
    String unknown = TestApplications.unique(TestApplications.household()).members().get(0).idNumber();
    CitizenClient.Response a = citizen(known).requestCode();
    CitizenClient.Response b = citizen(unknown).requestCode();
    assertThat(a.status()).isEqualTo(202);
    assertThat(b.status()).isEqualTo(a.status());
    assertThat(b.body()).isEqualTo(a.body());
    // a malformed ID number is refused for its form only
    assertThat(citizen("220122195001010015").requestCode().body()).contains("身份证号码有误");
  }

  @Test
  void wrongExpiredAndExhaustedCodesAreRefusedInChinese() throws Exception {
    SentCodes.listen();
    CitizenClient c = citizen(TestApplications.unique(TestApplications.household()).members().get(0).idNumber());
    assertThat(c.requestCode().status()).isEqualTo(202);
    String code = SentCodes.last(c.phone);
    String wrong = code.equals("000000") ? "111111" : "000000";
    CitizenClient.Response r = c.signInWith(wrong);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("验证码错误");
    for (int i = 0; i < 4; i++) {
      c.signInWith(wrong);
    }
    r = c.signInWith(code);
    assertThat(r.status()).as("the right code after too many wrong ones").isEqualTo(400);
    assertThat(r.body()).contains("错误次数过多");
    assertThat(c.get("/api/citizen/me").status()).isEqualTo(401);

    assertThat(c.requestCode().status()).isEqualTo(202);
    code = SentCodes.last(c.phone);
    jdbc.update("UPDATE citizen_code SET expires_at = created_at WHERE phone = ?", c.phone);
    r = c.signInWith(code);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("已过期");

    assertThat(c.requestCode().status()).isEqualTo(202);
    code = SentCodes.last(c.phone);
    assertThat(c.signInWith(code).status()).isEqualTo(200);
    assertThat(c.signInWith(code).body()).as("a used code").contains("已失效");
    assertThat(jdbc.queryForList("SELECT code_hash FROM citizen_code WHERE phone = ?", String.class, c.phone))
        .as("codes are stored as 64-hex HMACs").hasSize(3).allMatch(h -> h.matches("[0-9a-f]{64}"));
    String actor = "citizen:" + c.idNumber.substring(0, 6) + "********" + c.idNumber.substring(14);
    assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE actor = ?", String.class, actor))
        .contains("citizen.code-requested", "citizen.code-refused", "citizen.signed-in");
  }

  @Test
  void tooManyCodesPerPhoneOrIdNumberAreRefusedWith429() {
    CitizenClient c = citizen(TestApplications.unique(TestApplications.household()).members().get(0).idNumber());
    for (int i = 0; i < 5; i++) {
      assertThat(c.requestCode().status()).isEqualTo(202);
    }
    CitizenClient.Response r = c.requestCode();
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.body()).contains("验证码发送次数过多");
    // the same ID number from another phone: the ID's own limit
    CitizenClient other = new CitizenClient(port, c.idNumber, phone());
    assertThat(other.requestCode().status()).isEqualTo(429);
  }

  @Test
  void requestsOfOnePhoneAreRateLimited() {
    CitizenClient c = citizen(TestApplications.unique(TestApplications.household()).members().get(0).idNumber())
        .signIn();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      statuses.add(c.get("/api/citizen/me").status());
    }
    assertThat(statuses).contains(200, 429);
    CitizenClient.Response r = c.get("/api/citizen/cases");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.body()).contains("请求过于频繁");
  }

  @Test
  void withoutSessionCookieOrAntiCsrfHeaderNothingIsServed() {
    Http staff = new Http(port);
    assertThat(staff.get("demo", "/api/citizen/cases").status()).as("staff Basic is no citizen session")
        .isEqualTo(401);
    CitizenClient c = citizen(TestApplications.unique(TestApplications.household()).members().get(0).idNumber());
    assertThat(c.get("/api/citizen/cases").status()).isEqualTo(401);
    assertThat(c.get("/api/citizen/cases").body()).contains("请先用身份证号码和手机验证码登录");
    c.signIn();
    assertThat(c.get("/api/citizen/cases").status()).isEqualTo(200);
    CitizenClient.Response noHeader = c.send("POST", "/api/citizen/sign-out", "{}", false);
    assertThat(noHeader.status()).isEqualTo(403);
    assertThat(c.post("/api/citizen/sign-out", "{}").status()).isEqualTo(204);
    assertThat(c.get("/api/citizen/cases").status()).isEqualTo(401);
  }

  @Test
  void aSessionCookieIsHttpOnlyAndSameSiteStrict() {
    CitizenClient c = citizen(TestApplications.unique(TestApplications.household()).members().get(0).idNumber());
    SentCodes.listen();
    c.requestCode();
    CitizenClient.Response r = c.signInWith(SentCodes.last(c.phone));
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("DOUDI_CITIZEN=", "HttpOnly", "SameSite=Strict", "Path=/api/citizen");
  }

  @Test
  void everyAdultConsentsOnTheirOwnPhoneAndTheLastConsentStartsTheCounterProcess() throws Exception {
    Family f = apply();
    assertThat(runtime.getVariable(f.pid(), DibaoVariables.CHANNEL)).isEqualTo("ONLINE");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(f.pid())
        .processDefinitionKey(DibaoVariables.PROCESS_KEY).count()).isOne();
    JsonNode mine = read(f.applicant().get("/api/citizen/cases"));
    assertThat(mine.toString()).contains(f.pid(), "网上申请");
    JsonNode theirs = read(f.spouse().get("/api/citizen/cases/" + f.pid()));
    assertThat(theirs.get("persons").toString()).as("other members' ID numbers masked")
        .doesNotContain(f.household().members().get(0).idNumber()).contains(f.household().members().get(1).idNumber());
    List<String> actions = audit.ofProcessInstances(List.of(f.pid()), 200).stream().map(AuditEntry::action).toList();
    assertThat(actions).contains("citizen.submitted");
  }

  @Test
  void aMemberWithoutAPhoneOrAnApplicationNotNamingTheCallerIsRefused() throws Exception {
    HouseholdApplication h = TestApplications.unique(TestApplications.household());
    CitizenClient stranger = citizen(TestApplications.unique(TestApplications.household()).members().get(0)
        .idNumber()).signIn();
    CitizenClient.Response r = stranger.post("/api/citizen/applications", json.writeValueAsString(Map.of(
        "household", h, "phones", List.of())));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("成员中没有您本人", "须填写本人手机号码");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM citizen_application WHERE filed_by_id_number = ?",
        Integer.class, stranger.idNumber)).isZero();
  }

  @Test
  void theMissingMaterialsNoticeShowsAndTheUploadOfThemResumesTheClockAndTheCase() throws Exception {
    Family f = apply();
    ProcessFixture fx = new ProcessFixture(tasks, management);
    fx.runJobs(f.pid());
    fx.complete(f.pid(), "Task_AcceptApplication", "nongan-cw", ProcessFixture.vars("materialIdentity", true,
        "materialIncome", false, "materialAssets", true, "materialAuthorisation", true, "materialPledge", true,
        "materialDisabilityProof", true));
    fx.task(f.pid(), "Task_AwaitMaterials");
    JsonNode view = read(f.applicant().get("/api/citizen/cases/" + f.pid()));
    assertThat(view.get("missingMaterials").toString()).contains("INCOME");
    assertThat(view.get("clockStopped").asBoolean()).isTrue();

    CitizenClient.Response bad = f.applicant().upload(f.pid(), "INCOME", "收入.png",
        "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
    assertThat(bad.status()).isEqualTo(400);
    // the office's 一次性告知书 (material NOTICE, module notice) is on the case; the applicant's uploads are counted
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_document WHERE process_instance_id = ? AND "
        + "material_type <> 'NOTICE'", Integer.class, f.pid())).isZero();
    assertThat(f.applicant().upload(f.pid(), "NOTICE", "通知.png", png()).body()).contains("不能由申请人上传");
    CitizenClient.Response other = f.applicant().upload(f.pid(), "ASSETS", "财产.png", png());
    assertThat(other.status()).as(other.body()).isEqualTo(201);
    assertThat(read(other).get("resumed").asBoolean()).isFalse();
    fx.task(f.pid(), "Task_AwaitMaterials");

    CitizenClient.Response ok = f.applicant().upload(f.pid(), "INCOME", "收入.png", png());
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(read(ok).get("resumed").asBoolean()).isTrue();
    fx.runJobs(f.pid());
    fx.task(f.pid(), "Task_AcceptApplication");
    assertThat(clock.stops(f.pid())).isNotEmpty().allMatch(s -> s.resumedAt() != null);
    JsonNode after = read(f.spouse().get("/api/citizen/cases/" + f.pid()));
    List<JsonNode> uploads = new ArrayList<>();
    after.get("documents").forEach(d -> {
      if (!d.get("notice").asBoolean()) {
        uploads.add(d);
      }
    });
    assertThat(uploads).hasSize(2);
    long docId = uploads.get(0).get("id").asLong();
    assertThat(f.spouse().get("/api/citizen/documents/" + docId + "/content").status()).isEqualTo(200);
    List<String> actions = audit.ofProcessInstances(List.of(f.pid()), 200).stream().map(AuditEntry::action).toList();
    assertThat(actions).contains("citizen.uploaded", "citizen.materials-supplied");
  }

  @Test
  void anotherPersonsCaseIsUnreachableThroughEveryCitizenEndpoint() throws Exception {
    Family f = apply();
    f.applicant().upload(f.pid(), "INCOME", "收入.png", png());
    long docId = jdbc.queryForObject("SELECT MIN(id) FROM case_document WHERE process_instance_id = ?", Long.class,
        f.pid());
    long draftId = jdbc.queryForObject("SELECT id FROM citizen_application WHERE process_instance_id = ?", Long.class,
        f.pid());
    // a stranger, and the applicant's own ID number signed in with another phone
    for (CitizenClient x : List.of(citizen(TestApplications.unique(TestApplications.household()).members().get(0)
        .idNumber()).signIn(), new CitizenClient(port, f.applicant().idNumber, phone()).signIn())) {
      String base = "/api/citizen/cases/" + f.pid();
      assertThat(x.get("/api/citizen/cases").body()).doesNotContain(f.pid());
      assertThat(x.get("/api/citizen/applications").body()).doesNotContain("\"id\":" + draftId + ",");
      List<CitizenClient.Response> answers = List.of(
          x.get(base),
          x.post(base + "/withdrawal", "{\"reason\":\"不想要了\"}"),
          x.post(base + "/objections", "{\"content\":\"异议\"}"),
          x.post(base + "/recheck", "{\"reasons\":\"复查\"}"),
          x.upload(f.pid(), "INCOME", "x.png", png()),
          x.get("/api/citizen/documents/" + docId + "/content"),
          x.post("/api/citizen/applications/" + draftId + "/consents", "{\"authorisation\":true,\"pledge\":true}"));
      for (CitizenClient.Response r : answers) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.body()).contains("未找到该案件或材料");
      }
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(f.pid()).count()).isOne();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_document WHERE process_instance_id = ?", Integer.class,
        f.pid())).isOne();
  }

  @Test
  void actionsOutsideTheirWindowAreRefusedAndWithdrawalEndsTheCase() throws Exception {
    Family f = apply();
    String base = "/api/citizen/cases/" + f.pid();
    CitizenClient.Response o = f.applicant().post(base + "/objections", "{\"content\":\"公示有误\"}");
    assertThat(o.status()).isEqualTo(409);
    assertThat(o.body()).contains("不在公示期");
    CitizenClient.Response r = f.applicant().post(base + "/recheck", "{\"reasons\":\"收入有误\"}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body()).contains("不能申请复查");
    assertThat(f.applicant().post(base + "/withdrawal", "{\"reason\":\"\"}").status()).isEqualTo(400);
    assertThat(f.applicant().post(base + "/withdrawal", "{\"reason\":\"家庭情况好转\"}").status()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(f.pid()).count()).isZero();
    CitizenClient.Response again = f.applicant().post(base + "/withdrawal", "{\"reason\":\"家庭情况好转\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("已经办结");
    assertThat(read(f.applicant().get(base)).get("stage").asText()).isEqualTo("已撤回");
    assertThat(audit.ofProcessInstances(List.of(f.pid()), 200).stream().map(AuditEntry::action))
        .contains("citizen.withdrew");
  }

  /** Drives the case through 受理, 启动入户调查 and 入户调查 as the caseworkers do (the information check follows). */
  ProcessFixture throughInvestigation(String pid) {
    ProcessFixture fx = new ProcessFixture(tasks, management);
    fx.runJobs(pid);
    var steps = org.doudi.e2e.DibaoHappyPath.steps();
    for (String step : List.of("Task_AcceptApplication", "Task_StartInvestigation", "Task_InvestigateHousehold")) {
      fx.complete(pid, step, steps.get(step).user(), steps.get(step).values());
    }
    return fx;
  }

  @Test
  void theApplicantObjectsToAFailedCheckAndTheTownshipRechecks() throws Exception {
    HouseholdApplication a = TestApplications.household();
    HouseholdApplication.Member child = a.members().get(2);
    // the check platform simulator finds a hidden deposit of this child (as DibaoProcessTest does)
    Family f = apply(TestApplications.unique(TestApplications.withMember(a, 2, new HouseholdApplication.Member(
        child.name(), TestApplications.id("22012220150601008"), HouseholdApplication.Relation.CHILD, null, null, null,
        null, false, false, true, null, null))));
    ProcessFixture fx = throughInvestigation(f.pid());
    fx.task(f.pid(), "Task_RecordCheckResponse");
    JsonNode view = read(f.applicant().get("/api/citizen/cases/" + f.pid()));
    assertThat(view.get("canAskRecheck").asBoolean()).isTrue();
    assertThat(view.get("checkSummary").asText()).isNotBlank();
    String base = "/api/citizen/cases/" + f.pid();
    assertThat(f.applicant().post(base + "/recheck", "{\"reasons\":\"\"}").status()).isEqualTo(400);
    CitizenClient.Response r = f.applicant().post(base + "/recheck", "{\"reasons\":\"存款已用于子女治病，有医院票据\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    fx.runJobs(f.pid());
    fx.task(f.pid(), "Task_RecheckInformation");
    assertThat(runtime.getVariable(f.pid(), DibaoVariables.CHECK_RESPONSE)).isEqualTo("OBJECTS");
    assertThat((String) runtime.getVariable(f.pid(), DibaoVariables.CHECK_OBJECTION_EVIDENCE)).contains("医院票据");
    assertThat(f.applicant().post(base + "/recheck", "{\"reasons\":\"再次申请\"}").status()).isEqualTo(409);
    assertThat(audit.ofProcessInstances(List.of(f.pid()), 200).stream().map(AuditEntry::action))
        .contains("citizen.recheck-requested");
  }

  @Test
  void anObjectionDuringThePublicNoticeEntersTheProcessAsTheCountersDoes() throws Exception {
    Family f = apply();
    ProcessFixture fx = throughInvestigation(f.pid());
    var steps = org.doudi.e2e.DibaoHappyPath.steps();
    fx.complete(f.pid(), "Task_PreliminaryReview", steps.get("Task_PreliminaryReview").user(),
        steps.get("Task_PreliminaryReview").values());
    fx.task(f.pid(), "Task_PublicNotice");
    String base = "/api/citizen/cases/" + f.pid();
    assertThat(read(f.spouse().get(base)).get("canObject").asBoolean()).isTrue();
    CitizenClient.Response r = f.spouse().post(base + "/objections", "{\"content\":\"公示的家庭人数有误\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(read(r).get("noticeRound").asInt()).isEqualTo(1);
    fx.runJobs(f.pid());
    fx.task(f.pid(), "Task_HandleObjection");
    assertThat(runtime.getVariable(f.pid(), DibaoVariables.OBJECTOR_PHONE)).isEqualTo(f.spouse().phone);
    assertThat(audit.ofProcessInstances(List.of(f.pid()), 200).stream().map(AuditEntry::action))
        .contains("citizen.objected");
  }

  @Test
  void anExpiredDraftTakesNoMoreConsents() throws Exception {
    HouseholdApplication h = TestApplications.unique(TestApplications.household());
    CitizenClient applicant = citizen(h.members().get(0).idNumber()).signIn();
    CitizenClient.Response draft = applicant.post("/api/citizen/applications", json.writeValueAsString(Map.of(
        "household", h, "phones", List.of(Map.of("idNumber", h.members().get(1).idNumber(), "phone", phone())))));
    assertThat(draft.status()).as(draft.body()).isEqualTo(201);
    long id = read(draft).get("id").asLong();
    jdbc.update("UPDATE citizen_application SET expires_at = created_at WHERE id = ?", id);
    CitizenClient.Response r = applicant.post("/api/citizen/applications/" + id + "/consents",
        "{\"authorisation\":true,\"pledge\":true}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body()).contains("已过期");
    assertThat(jdbc.queryForObject("SELECT status FROM citizen_application WHERE id = ?", String.class, id))
        .isEqualTo("EXPIRED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM citizen_consent WHERE application_id = ?", Integer.class, id))
        .isZero();
  }

  static byte[] png() {
    byte[] b = new byte[2000];
    new Random().nextBytes(b);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, b, 0, 8);
    return b;
  }
}
