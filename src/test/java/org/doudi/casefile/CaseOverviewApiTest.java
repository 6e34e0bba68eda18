package org.doudi.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.platform.ProcessFixture.advanceDays;
import static org.doudi.platform.ProcessFixture.clock;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.vars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.dibao.DibaoCases;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.TestApplications;
import org.doudi.payment.Channel;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.ProcessFixture;
import org.doudi.platform.WebAppSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 案件概况 over real HTTP with the demo staff: a 低保 case of 宝塔村 (农安镇, 农安县) from application to award and
 * payment, read by its task and its process instance; region scoping, masking and refusals.
 */
@DoudiTest
class CaseOverviewApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "/api/cases/overview";

  @LocalServerPort int port;
  @Autowired DibaoCases cases;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;
  @Autowired Payments payments;
  Http http;
  ProcessFixture f;
  final List<String> grants = new ArrayList<>();

  @BeforeEach
  void setUp() {
    http = new Http(port);
    f = new ProcessFixture(tasks, management);
    clockAt("2026-02-11T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    grants.forEach(authorizations::deleteAuthorization);
  }

  JsonNode ok(String user, String query) throws Exception {
    Http.Response r = http.get(user, PATH + query);
    assertThat(r.status()).as(user + " " + query + " → " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** A 宝塔村 case up to 初审 (the check platform finds nothing, the assessment says 低保). */
  HouseholdApplication household;

  String caseAtPreliminaryReview() {
    household = TestApplications.unique(TestApplications.household());
    String pid = cases.apply(household, "nongan-cw").processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", vars("materialIdentity", true, "materialIncome", true,
        "materialAssets", true, "materialAuthorisation", true, "materialPledge", true, "materialDisabilityProof", true));
    f.complete(pid, "Task_StartInvestigation", "nongan-cw", vars("investigator1", "刘调查", "investigator2", "陈调查",
        "plannedVisitDate", clock().toLocalDate().toString(), "investigationPlan", "入户并走访两户邻居"));
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", vars("investigator1", "刘调查", "investigator2", "陈调查",
        "investigatorsSigned", true, "familySigned", true, "investigationDate", clock().toLocalDate().toString(),
        "livingConditions", "平房两间，家电简陋", "neighbourhoodNotes", "邻居反映家庭确实困难"));
    return pid;
  }

  String applicantId() {
    return household.applicant().idNumber();
  }

  @Test
  void aDibaoCaseFromApplicationToAwardAndPaymentShowsEverySection() throws Exception {
    String pid = caseAtPreliminaryReview();
    String openTask = f.task(pid, "Task_PreliminaryReview").getId();

    // during the case, by its open task: the household, the assessment, the open clock, the steps so far
    JsonNode during = ok("nongan-cw", "?taskId=" + openTask);
    assertThat(during.get("masked").asBoolean()).isFalse();
    assertThat(during.at("/summary/processInstanceId").asText()).isEqualTo(pid);
    assertThat(during.at("/summary/scheme").asText()).isEqualTo("dibao");
    assertThat(during.at("/summary/regionName").asText()).isEqualTo("宝塔村");
    assertThat(during.at("/summary/openTasks").toString()).contains("初审");
    assertThat(during.get("persons").get(0).get("name").asText()).isEqualTo("张三");
    assertThat(during.get("persons").get(0).get("idNumber").asText()).isEqualTo(applicantId());
    assertThat(during.at("/household/members")).hasSize(household.memberList().size());
    assertThat(during.at("/household/accountNumber").asText()).startsWith("*").endsWith("8901");
    assertThat(during.at("/assessment/outcome").asText()).isEqualTo("DIBAO");
    assertThat(during.at("/assessment/reasons")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("citation").asText()).isNotBlank());
    assertThat(during.get("deadlines")).anySatisfy(d -> {
      assertThat(d.get("status").asText()).isEqualTo("OPEN");
      assertThat(d.get("dueAt").asText()).isNotBlank();
    });
    assertThat(during.get("steps")).extracting(s -> s.get("name").asText()).contains("受理（材料清单）", "入户调查");
    assertThat(during.get("decisions")).isEmpty();
    assertThat(during.get("audit")).isNotEmpty();

    // 初审, 公示 (7 days), 审核确认 → award; the first month's payment is recorded and sent
    f.complete(pid, "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "经调查核对，符合条件"));
    advanceDays(7);
    f.runJobs(pid);
    f.complete(pid, "Task_ConfirmApplication", "na-county-approver", vars("decision", "APPROVE"));
    String key = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey();
    LedgerEntry paid = payments.record(new PaymentRequest("overview-test:" + UUID.randomUUID(), Scheme.DIBAO, pid,
        new Payee("HH-" + key, "张三", applicantId(), "农安农商银行", "6228480012345678901"), "220122",
        "220122100201", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), new BigDecimal("500.00"),
        Channel.BANK, LocalDate.parse("2026-03-01"), "测试：三月低保金"), PaymentStatus.CREATED, "system");
    payments.transition(paid.id(), PaymentStatus.APPROVED, "na-county-approver", "审核通过");
    payments.transition(paid.id(), PaymentStatus.SENT, "system", "送银行");

    JsonNode done = ok("nongan-cw", "?processInstanceId=" + pid);
    assertThat(done.at("/summary/state").asText()).isEqualTo("COMPLETED");
    assertThat(done.at("/summary/stateLabel").asText()).isEqualTo("已办结");
    assertThat(done.get("decisions")).singleElement().satisfies(d -> {
      assertThat(d.get("decision").asText()).isEqualTo("APPROVE");
      assertThat(d.get("decidedBy").asText()).isEqualTo("na-county-approver");
      assertThat(d.get("paymentFrom").asText()).isEqualTo("2026-03-01");
    });
    assertThat(done.get("awards")).singleElement().satisfies(a -> {
      assertThat(a.get("changeKind").asText()).isEqualTo("GRANT");
      assertThat(a.get("beneficiaryKey").asText()).isEqualTo("HH-" + key);
      assertThat(new BigDecimal(a.get("monthlyAmount").asText())).isPositive();
      assertThat(a.get("payeeName").asText()).isEqualTo("张三");
    });
    assertThat(done.get("payments")).singleElement().satisfies(p -> {
      assertThat(p.get("status").asText()).isEqualTo("SENT");
      assertThat(p.get("accountNumber").asText()).isEqualTo("***************8901");
      assertThat(p.get("statusPath")).extracting(s -> s.get("to").asText())
          .containsExactly("CREATED", "APPROVED", "SENT");
    });
    assertThat(done.get("deadlines")).isNotEmpty().noneSatisfy(d -> assertThat(d.get("status").asText())
        .isEqualTo("OPEN"));
    assertThat(done.get("steps")).extracting(s -> s.get("name").asText()).contains("初审", "审核确认");
    assertThat(done.get("audit").size()).isGreaterThan(during.get("audit").size());

    // a done task leads to the same case; so does the county approver's view
    String doneTask = history.createHistoricTaskInstanceQuery().processInstanceId(pid)
        .taskDefinitionKey("Task_AcceptApplication").singleResult().getId();
    assertThat(ok("na-county-approver", "?taskId=" + doneTask).at("/summary/processInstanceId").asText())
        .isEqualTo(pid);
  }

  @Test
  void callersWhoseRegionCoversTheCaseSeeItUnmaskedOthersThroughAGrantMaskedTheRestNothing() throws Exception {
    String pid = caseAtPreliminaryReview();
    String id = applicantId();
    for (String covering : List.of("nongan-cw", "nongan-approver", "na-county-cw", "supervisor", "auditor", "demo",
        "baota")) {
      JsonNode c = ok(covering, "?processInstanceId=" + pid);
      assertThat(c.get("masked").asBoolean()).as(covering).isFalse();
      assertThat(c.toString()).as(covering).contains(id);
    }

    // another township of the county and another county: the same 404 as for a case that does not exist
    Http.Response missing = http.get("nongan-cw", PATH + "?processInstanceId=no-such-case");
    assertThat(missing.status()).isEqualTo(404);
    String notFound = JSON.readTree(missing.body()).get("detail").asText();
    assertThat(notFound).contains("未找到");
    for (String outside : List.of("fulongquan-cw", "ziqiang-cw", "nanling-approver", "na-supervisor".equals("x")
        ? "x" : "ng-county-cw")) {
      Http.Response r = http.get(outside, PATH + "?processInstanceId=" + pid);
      assertThat(r.status()).as(outside).isEqualTo(404);
      assertThat(JSON.readTree(r.body()).get("detail").asText()).isEqualTo(notFound);
      assertThat(r.body()).doesNotContain(id).doesNotContain("张三");
      Http.Response byTask = http.get(outside, PATH + "?taskId=" + f.task(pid, "Task_PreliminaryReview").getId());
      assertThat(byTask.status()).isEqualTo(404);
      assertThat(JSON.readTree(byTask.body()).get("detail").asText()).isEqualTo(notFound);
    }

    // a per-case grant lets 伏龙泉镇 read the case, but its region does not cover it: masked
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("fulongquan-cw");
    grant.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
    grant.setResourceId(pid);
    grant.addPermission(HistoricProcessInstancePermissions.READ);
    grants.add(authorizations.saveAuthorization(grant).getId());
    JsonNode masked = ok("fulongquan-cw", "?processInstanceId=" + pid);
    assertThat(masked.get("masked").asBoolean()).isTrue();
    String body = masked.toString();
    assertThat(body).doesNotContain(id).doesNotContain("张三").doesNotContain("6228480012345678901");
    assertThat(masked.get("persons").get(0).get("idNumber").asText())
        .isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
    assertThat(masked.get("persons").get(0).get("name").asText()).isEqualTo("张*");
    assertThat(masked.at("/household/members/0/idNumber").asText()).contains("********");
    assertThat(masked.get("steps")).isNotEmpty();
  }

  @Test
  void aSchemeWithoutAHouseholdRecordShowsWhatItHas() throws Exception {
    String id = TestApplications.id("22012219800101" + String.format("%03d", (int) (Math.random() * 900) + 100));
    Http.Response reported = http.send("nongan-cw", "POST", "/api/temporary/emergencies", """
        {"regionCode":"220122100201","reportChannel":"COUNTER","recipientName":"赵急难","recipientIdNumber":"%s",
         "recipientPhone":"13900000000","hukouPlace":"吉林省长春市","causeKind":"FIRE","cause":"住房失火",
         "amount":500.00,"exceptional":false}""".formatted(id));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    String pid = JSON.readTree(reported.body()).get("processInstanceId").asText();
    f.runJobs(pid);

    JsonNode c = ok("nongan-cw", "?processInstanceId=" + pid);
    assertThat(c.at("/summary/scheme").asText()).isEqualTo("temporary");
    assertThat(c.get("household").isNull()).isTrue();
    assertThat(c.get("persons")).anySatisfy(p -> {
      assertThat(p.get("role").asText()).isEqualTo("救助对象");
      assertThat(p.get("name").asText()).isEqualTo("赵急难");
      assertThat(p.get("idNumber").asText()).isEqualTo(id);
    });
    assertThat(c.get("payments")).isNotEmpty().allSatisfy(p -> assertThat(p.get("scheme").asText())
        .isEqualTo("TEMPORARY_EMERGENCY"));
    assertThat(c.get("notes").toString()).contains("未建立家庭档案");
    assertThat(c.get("facts")).anySatisfy(x -> assertThat(x.get("name").asText()).isEqualTo("recipientName"));
    assertThat(http.get("ziqiang-cw", PATH + "?processInstanceId=" + pid).status()).isEqualTo(404);
  }

  /** The Tasklist tab's way in: the web-app session, GET only; the session stays usable for Tasklist afterwards. */
  @Test
  void theTasklistSessionReadsTheCaseAndStaysLoggedIn() throws Exception {
    String pid = caseAtPreliminaryReview();
    String taskId = f.task(pid, "Task_PreliminaryReview").getId();
    WebAppSession session = WebAppSession.login(port, "nongan-approver", "tasklist");
    assertThat(session).isNotNull();
    Http.Response r = session.send("GET", PATH + "?taskId=" + taskId, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).at("/summary/processInstanceId").asText()).isEqualTo(pid);
    assertThat(session.send("GET", "/camunda/api/engine/engine/default/task/" + taskId, null).status())
        .isEqualTo(200);
    assertThat(session.send("POST", "/camunda/api/engine/engine/default/task/count", "{}").status())
        .isEqualTo(200);
    // only GET: nothing else is served with the session
    assertThat(session.send("POST", PATH + "?taskId=" + taskId, "{}").status()).isIn(401, 403, 405);
    assertThat(WebAppSession.anonymous(port).send("GET", PATH + "?taskId=" + taskId, null).status()).isEqualTo(401);
  }

  @Test
  void analystsAreRefusedAndAnonymousCallersMustLogIn() throws Exception {
    String pid = caseAtPreliminaryReview();
    Http.Response analyst = http.get("analyst", PATH + "?processInstanceId=" + pid);
    assertThat(analyst.status()).isEqualTo(403);
    assertThat(JSON.readTree(analyst.body()).get("detail").asText()).contains("无权查看案件概况");
    assertThat(analyst.body()).doesNotContain("张三");
    Http.Response anonymous = http.get(null, PATH + "?processInstanceId=" + pid);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).contains("需要登录").doesNotContain("张三");
  }

  @Test
  void badIdsAreRefusedWithAChineseMessage() throws Exception {
    for (var bad : Map.of(
        "", "二者选一",
        "?taskId=&processInstanceId=", "二者选一",
        "?taskId=1&processInstanceId=2", "只能给出一个",
        "?taskId=a%20b", "任务编号 taskId 格式不正确",
        "?processInstanceId=%24%7Bx%7D".replace("%24%7Bx%7D", "..%2Fx"), "流程实例编号 processInstanceId 格式不正确",
        "?processInstanceId=" + "x".repeat(65), "格式不正确").entrySet()) {
      Http.Response r = http.get("nongan-cw", PATH + bad.getKey());
      assertThat(r.status()).as(bad.getKey()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("detail").asText()).as(bad.getKey()).contains(bad.getValue());
    }
    Http.Response unknownTask = http.get("nongan-cw", PATH + "?taskId=no-such-task");
    assertThat(unknownTask.status()).isEqualTo(404);
    assertThat(JSON.readTree(unknownTask.body()).get("detail").asText()).isEqualTo(CaseFiles.NOT_FOUND);
  }
}
