package org.doudi.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.dibao.DibaoFixture.allMaterials;
import static org.doudi.dibao.DibaoFixture.baota;
import static org.doudi.dibao.DibaoFixture.investigation;
import static org.doudi.dibao.DibaoFixture.startInvestigation;
import static org.doudi.platform.ProcessFixture.advanceDays;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.vars;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.dibao.DibaoCases.StartedCase;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.eligibility.DibaoEligibility;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.TestApplications;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.temporary.internal.HolidaySubsidies;
import org.doudi.temporary.internal.TemporaryCases;
import org.doudi.temporary.internal.TemporaryCases.HolidayBatch;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Holding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's failures tried again (docs/integrity.md): an approver cannot set the amount on any way in, the decision
 * and award read the stored assessment, a 单人户 award covers one person, and one person is in one 低保 household of
 * the province.
 */
@DoudiTest
class MoneyIntegrityTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired DibaoCases cases;
  @Autowired Awards awards;
  @Autowired BenefitRegister register;
  @Autowired DibaoEligibility eligibility;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired TemporaryCases temporary;
  @Autowired Payments payments;

  DibaoFixture f;
  Http http;

  @BeforeEach
  void setUp() {
    f = new DibaoFixture(tasks, management);
    http = new Http(port);
    clockAt("2026-02-11T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  /** A case of the given household at 审核确认 in 农安县, claimed by the county approver. */
  StartedCase atConfirmation(HouseholdApplication household) {
    StartedCase c = cases.apply(household, "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    f.complete(pid, "Task_StartInvestigation", "nongan-cw", startInvestigation());
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    f.complete(pid, "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "符合条件"));
    advanceDays(7);
    f.runJobs(pid);
    String task = f.task(pid, "Task_ConfirmApplication").getId();
    tasks.claim(task, "na-county-approver");
    return c;
  }

  @Test
  void anApproverCannotSetTheAmountOnAnyWayIn() throws Exception {
    StartedCase c = atConfirmation(baota());
    String pid = c.processInstanceId();
    String task = f.task(pid, "Task_ConfirmApplication").getId();
    String assessed = (String) runtime.getVariable(pid, "monthlyAmount");
    String tampered = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},"
        + "\"monthlyAmount\":{\"value\":\"99999.00\"}}}";

    for (String path : List.of("/submit-form", "/complete", "/resolve")) {
      Http.Response r = http.send("na-county-approver", "POST", "/engine-rest/task/" + task + path, tampered);
      assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
      assertThat(r.body()).contains("monthlyAmount").contains("不能修改");
    }
    Http.Response one = http.send("na-county-approver", "PUT", "/engine-rest/task/" + task
        + "/variables/monthlyAmount", "{\"value\":\"99999.00\"}");
    assertThat(one.status()).as(one.body()).isEqualTo(400);
    Http.Response many = http.send("na-county-approver", "POST", "/engine-rest/task/" + task + "/variables",
        "{\"modifications\":{\"monthlyAmount\":{\"value\":\"99999.00\"}}}");
    assertThat(many.status()).as(many.body()).isEqualTo(400);
    Http.Response local = http.send("na-county-approver", "PUT", "/engine-rest/task/" + task
        + "/localVariables/monthlyAmount", "{\"value\":\"99999.00\"}");
    assertThat(local.status()).as(local.body()).isEqualTo(400);
    Http.Response extra = http.send("na-county-approver", "POST", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"bonus\":{\"value\":1}}}");
    assertThat(extra.status()).as(extra.body()).isEqualTo(400);
    assertThat(extra.body()).contains("bonus").contains("表单没有这个字段");
    // the execution's variables, a message payload: refused to everyone outside the application (demo is admin)
    for (String[] call : List.of(
        new String[] {"PUT", "/engine-rest/process-instance/" + pid + "/variables/monthlyAmount",
            "{\"value\":\"99999.00\"}"},
        new String[] {"POST", "/engine-rest/execution/" + pid + "/localVariables",
            "{\"modifications\":{\"monthlyAmount\":{\"value\":\"99999.00\"}}}"},
        new String[] {"POST", "/engine-rest/message", "{\"messageName\":\"DibaoApplicationWithdrawn\","
            + "\"processInstanceId\":\"" + pid + "\",\"processVariables\":{\"monthlyAmount\":{\"value\":\"1\"}}}"})) {
      Http.Response r = http.send("demo", call[0], call[1], call[2]);
      assertThat(r.status()).as(call[1] + " " + r.body()).isEqualTo(400);
      assertThat(r.body()).contains("monthlyAmount");
    }
    // evaluating a decision table writes no variable: still allowed with its inputs
    Http.Response evaluated = http.send("demo", "POST",
        "/engine-rest/decision-definition/key/dibao-approval-authority/evaluate", "{\"variables\":{"
            + "\"countyCode\":{\"value\":\"220122\"},\"separateRegistration\":{\"value\":false},"
            + "\"hasComplaint\":{\"value\":false}}}");
    assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
    // Tasklist's own engine API, as the browser calls it
    assertThat(webAppSubmit("na-county-approver", task, tampered)).isEqualTo(400);
    // and the Java API the application uses
    assertThatThrownBy(() -> tasks.complete(task, Map.of("decision", "APPROVE", "monthlyAmount", "99999.00")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("monthlyAmount");

    assertThat(runtime.getVariable(pid, "monthlyAmount")).isEqualTo(assessed);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dibao_decision WHERE process_instance_id = ?",
        Integer.class, pid)).isZero();

    // the form's own fields, with its read-only amount echoed unchanged, are accepted
    Http.Response ok = http.send("na-county-approver", "POST", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"monthlyAmount\":{\"value\":\"" + assessed + "\"}}}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    f.runJobs(pid);
    AwardRow award = awards.history("HH-" + c.applicationId(), Scheme.DIBAO).get(0);
    assertThat(award.monthlyAmount()).isEqualByComparingTo(assessed);
  }

  @Test
  void theDecisionAndTheAwardReadTheStoredAssessmentNeverTheVariable() {
    StartedCase c = atConfirmation(baota());
    String pid = c.processInstanceId();
    BigDecimal stored = jdbc.queryForObject("SELECT monthly_amount FROM dibao_assessment WHERE process_instance_id = ?",
        BigDecimal.class, pid);
    runtime.setVariable(pid, "monthlyAmount", "99999.00"); // a value that got past every check somehow

    tasks.complete(f.task(pid, "Task_ConfirmApplication").getId(), vars("decision", "APPROVE"));
    f.runJobs(pid);

    assertThat(jdbc.queryForObject("SELECT monthly_amount FROM dibao_decision WHERE process_instance_id = ?",
        BigDecimal.class, pid)).isEqualByComparingTo(stored);
    AwardRow award = awards.history("HH-" + c.applicationId(), Scheme.DIBAO).get(0);
    assertThat(award.monthlyAmount()).isEqualByComparingTo(stored);
    assertThat(award.memberCount()).isEqualTo(3);
    assertThat(awards.covered("HH-" + c.applicationId(), Scheme.DIBAO)).hasSize(3);
  }

  @Test
  void aSinglePersonAwardCoversOnlyTheMemberItIncludes() {
    HouseholdApplication household = singlePersonHousehold();
    StartedCase c = atConfirmation(household);
    tasks.complete(f.task(c.processInstanceId(), "Task_ConfirmApplication").getId(), vars("decision", "APPROVE"));
    f.runJobs(c.processInstanceId());

    String key = "HH-" + c.applicationId();
    AwardRow award = awards.history(key, Scheme.DIBAO).get(0);
    assertThat(award.memberCount()).isEqualTo(1);
    Member disabled = household.members().get(1); // 李四, 重残 grade 2
    assertThat(awards.covered(key, Scheme.DIBAO)).extracting(p -> p.idNumber()).containsExactly(disabled.idNumber());
    assertThat(jdbc.queryForObject("SELECT member_count FROM dibao_publication p JOIN dibao_decision d "
        + "ON d.id = p.decision_id WHERE d.process_instance_id = ?", Integer.class, c.processInstanceId()))
        .isEqualTo(1);
    // the register keeps the covered member (now paid) and lets the others go
    assertThat(register.find(disabled.idNumber())).get().extracting(Holding::status).isEqualTo(Holding.Status.ACTIVE);
    assertThat(register.find(household.members().get(0).idNumber())).isEmpty();

    // a per-person subsidy pays for the one person the award covers, not for the household of three
    clockAt("2026-03-10T09:00");
    String batch = temporary.startHolidayBatch(new HolidayBatch("HEATING_SUBSIDY", 2031, "220122100201",
        new BigDecimal("100"), "PERSON"), "supervisor");
    f.runJobs(batch);
    f.complete(batch, "Task_ConfirmBatch", "supervisor", vars("batchDecision", "CONFIRM"));
    assertThat(payments.byKey(HolidaySubsidies.paymentKey("HEATING_SUBSIDY", 2031, key)).orElseThrow().amount())
        .isEqualByComparingTo("100.00");
  }

  /**
   * 张三's household, 张三 in good health, with a wage that puts it between the standard and twice the standard: a
   * low-income household in which 李四 (重残) alone is covered.
   */
  HouseholdApplication singlePersonHousehold() {
    HouseholdApplication base = TestApplications.unique(TestApplications.household());
    for (int wage = 600; wage <= 6000; wage += 100) {
      Member zhang = base.members().get(0);
      HouseholdApplication a = TestApplications.withMember(base, 0, new Member(zhang.name(), zhang.idNumber(),
          zhang.relation(), zhang.hukouCountyCode(), zhang.hukouUrbanRural(), zhang.disabilityCategory(),
          zhang.disabilityGrade(), false, zhang.ableToWork(), zhang.student(),
          TestApplications.income(HouseholdApplication.IncomeType.WAGE, wage + ".00"), zhang.rigidExpenses()));
      if (eligibility.assess(a, java.time.LocalDate.of(2026, 2, 11)).outcome()
          == DibaoAssessment.Outcome.SINGLE_PERSON) {
        return a;
      }
    }
    throw new IllegalStateException("no wage makes 张三's household a low-income household");
  }

  @Test
  void onePersonIsInOneHouseholdOfTheProvinceAtATime() throws Exception {
    HouseholdApplication first = TestApplications.unique(TestApplications.household());
    Http.Response created = http.send("nongan-cw", "POST", "/api/applications", json.writeValueAsString(first));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String pid = json.readTree(created.body()).get("processInstanceId").asText();
    long applicationId = json.readTree(created.body()).get("applicationId").asLong();
    int applications = jdbc.queryForObject("SELECT COUNT(*) FROM household_application", Integer.class);

    // the same 李四 in another household, filed online: 409 saying where, which case and since when
    HouseholdApplication other = TestApplications.unique(TestApplications.household());
    HouseholdApplication again = TestApplications.withMember(other, 1, first.members().get(1));
    Http.Response refused = http.send("nongan-cw", "POST", "/api/applications", json.writeValueAsString(again));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(json.readTree(refused.body()).get("detail").asText()).contains("李四", "农安县", "宝塔村",
        "HH-" + applicationId, "申请办理中", "2026-02-11");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_application", Integer.class))
        .isEqualTo(applications);

    // at the counter: the start form refuses on the member's ID field, and nothing is stored either
    String members = "[{\"name\":\"王八\",\"idNumber\":\"" + other.members().get(0).idNumber()
        + "\",\"relation\":\"SELF\"},{\"name\":\"李四\",\"idNumber\":\"" + first.members().get(1).idNumber()
        + "\",\"relation\":\"SPOUSE\"}]";
    String body = "{\"variables\":{\"township\":{\"value\":\"220122100\"},"
        + "\"regionCode\":{\"value\":\"220122100201\"},\"urbanRural\":{\"value\":\"RURAL\"},"
        + "\"address\":{\"value\":\"农安县农安镇宝塔村2组\"},\"contactPhone\":{\"value\":\"13800000003\"},"
        + "\"authorisationSigned\":{\"value\":true},\"pledgeSigned\":{\"value\":true},"
        + "\"members\":{\"value\":" + json.writeValueAsString(members) + ",\"type\":\"Json\"}}}";
    Http.Response counter = http.send("nongan-cw", "POST",
        "/engine-rest/process-definition/key/dibao-application/submit-form", body);
    assertThat(counter.status()).as(counter.body()).isEqualTo(400);
    assertThat(counter.body()).contains("李四", "HH-" + applicationId);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_application", Integer.class))
        .isEqualTo(applications);

    // once the first application is withdrawn, 李四 may be named again
    assertThat(http.send("nongan-cw", "POST", "/api/cases/" + pid + "/withdrawal", "{\"reason\":\"改由另一户申请\"}")
        .status()).isEqualTo(204);
    assertThat(register.find(first.members().get(1).idNumber())).isEmpty();
    assertThat(http.send("nongan-cw", "POST", "/api/applications", json.writeValueAsString(again)).status())
        .isEqualTo(201);
    assertThat(jdbc.queryForList("SELECT event FROM benefit_person_event WHERE id_number = ? ORDER BY id",
        String.class, first.members().get(1).idNumber())).containsExactly("CLAIMED", "RELEASED", "CLAIMED");
  }

  int webAppSubmit(String user, String task, String body) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda";
    client.send(HttpRequest.newBuilder(URI.create(base + "/app/tasklist/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    csrf = login.headers().firstValue("X-XSRF-TOKEN").orElseThrow(); // the new session's token
    HttpResponse<String> submit = client.send(HttpRequest.newBuilder(
            URI.create(base + "/api/engine/engine/default/task/" + task + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(submit.body()).contains("monthlyAmount");
    return submit.statusCode();
  }
}
