package org.doudi.temporary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.temporary.TemporaryFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payment.Payments;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.temporary.internal.EmergencyCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The 临时救助 REST API over real HTTP: roles, regions, 400 with Chinese messages and nothing stored, 404/409. */
@DoudiTest
class TemporaryApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Payments payments;
  Http http;
  TemporaryFixture f;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    f = new TemporaryFixture(tasks, management);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  static String report(String id, String amount) {
    return """
        {"regionCode":"220122100201","reportChannel":"PHONE","recipientName":"王五","recipientIdNumber":"%s",
         "recipientPhone":"13900000000","hukouPlace":"黑龙江省","causeKind":"FIRE","cause":"住房失火",
         "amount":%s}""".formatted(id, amount);
  }

  int cases() {
    return jdbc.queryForObject("SELECT count(*) FROM temporary_case", Integer.class);
  }

  long instances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("emergency-assistance").count();
  }

  @Test
  void aTownshipWorkerReportsAnEmergencyAndItIsPaidFromTheReserveFund() throws Exception {
    Http.Response r = http.send("nongan-cw", "POST", "/api/temporary/emergencies", report(ID, "800.00"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode body = json.readTree(r.body());
    String pid = body.get("processInstanceId").asText();
    assertThat(body.get("paymentKey").asText()).isEqualTo(EmergencyCases.paymentKey(pid));
    f.runJobs(pid);
    assertThat(payments.byKey(EmergencyCases.paymentKey(pid))).isPresent();
    assertThat(runtime.getVariable(pid, "reportChannel")).isEqualTo("PHONE");
    assertThat(runtime.getVariable(pid, "reportedBy")).isEqualTo("nongan-cw");

    // the case is not yet waiting for... it is: the first eased report moves it on, a second one is refused
    assertThat(http.send("nongan-cw", "POST", "/api/temporary/emergencies/" + pid + "/eased", "{}").status())
        .isEqualTo(400);
    assertThat(http.send("nongan-cw", "POST", "/api/temporary/emergencies/" + pid + "/eased",
        "{\"note\":\"已安置\"}").status()).isEqualTo(204);
    Http.Response again = http.send("nongan-cw", "POST", "/api/temporary/emergencies/" + pid + "/eased",
        "{\"note\":\"已安置\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("不在等待急难缓解");
    // a caseworker of another county cannot even see the case
    assertThat(http.send("ng-county-cw", "POST", "/api/temporary/emergencies/" + pid + "/eased",
        "{\"note\":\"已安置\"}").status()).isEqualTo(404);

    Http.Response list = http.get("supervisor", "/api/temporary/paperwork/overdue?all=true");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains(pid).contains("\"overdue\":false");
    assertThat(http.get("supervisor", "/api/temporary/paperwork/overdue").body()).doesNotContain(pid);
    assertThat(http.get("nanling-cw", "/api/temporary/paperwork/overdue?all=true").body()).doesNotContain(pid);
    assertThat(http.get("analyst", "/api/temporary/paperwork/overdue").status()).isEqualTo(403);
  }

  @Test
  void badReportsAreRefusedInChineseAndNothingIsStored() {
    int cases = cases();
    long instances = instances();
    Http.Response badId = http.send("nongan-cw", "POST", "/api/temporary/emergencies",
        report("220122198001010010", "800"));
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.body()).contains("身份证号码").contains("recipientIdNumber").contains("violations");
    Http.Response cents = http.send("nongan-cw", "POST", "/api/temporary/emergencies", report(ID, "800.123"));
    assertThat(cents.status()).isEqualTo(400);
    assertThat(cents.body()).contains("两位小数");
    Http.Response text = http.send("nongan-cw", "POST", "/api/temporary/emergencies", report(ID, "\"八百\""));
    assertThat(text.status()).isEqualTo(400);
    assertThat(text.body()).contains("amount");
    assertThat(http.send("nongan-cw", "POST", "/api/temporary/emergencies", "").status()).isEqualTo(400);
    Http.Response unknownPlace = http.send("nongan-cw", "POST", "/api/temporary/emergencies",
        report(ID, "800").replace("220122100201", "220122999999"));
    assertThat(unknownPlace.status()).isEqualTo(400);
    assertThat(unknownPlace.body()).contains("急难发生地");
    Http.Response noCause = http.send("nongan-cw", "POST", "/api/temporary/emergencies",
        report(ID, "800").replace("\"cause\":\"住房失火\",", ""));
    assertThat(noCause.status()).isEqualTo(400);
    assertThat(noCause.body()).contains("急难情况说明");
    assertThat(cases()).isEqualTo(cases);
    assertThat(instances()).isEqualTo(instances);
  }

  @Test
  void rolesAndRegionsAreChecked() {
    long instances = instances();
    assertThat(http.send(null, "POST", "/api/temporary/emergencies", report(ID, "800")).status()).isEqualTo(401);
    assertThat(http.send("fulongquan-cw", "POST", "/api/temporary/emergencies", report(ID, "800")).status())
        .isEqualTo(403); // another township
    assertThat(http.send("baota", "POST", "/api/temporary/emergencies", report(ID, "800")).status())
        .isEqualTo(403); // a village assistant reports, the township grants
    assertThat(http.send("supervisor", "POST", "/api/temporary/emergencies", report(ID, "800")).status())
        .isEqualTo(403);
    assertThat(instances()).isEqualTo(instances);
  }

  @Test
  void stoppingNeedsAReasonAndAVisibleCase() {
    assertThat(http.send("nongan-cw", "POST", "/api/temporary/expenditure/nope/stop", "{\"reason\":\"情况变化\"}")
        .status()).isEqualTo(404);
    Http.Response noReason = http.send("nongan-cw", "POST", "/api/temporary/expenditure/nope/stop", "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("停止发放的原因");
    assertThat(http.send("supervisor", "POST", "/api/temporary/expenditure/nope/stop", "{\"reason\":\"情况变化\"}")
        .status()).isEqualTo(403);
  }

  @Test
  void supervisorsStartHolidayBatchesOthersMayNot() {
    jdbc.execute(HolidaySubsidyTest.BENEFIT_AWARD); // the payroll module's table, until it lands on main
    String body = "{\"scheme\":\"FESTIVAL_SUBSIDY\",\"subsidyYear\":2030,\"regionCode\":\"220122101\",\"amount\":100,"
        + "\"amountBasis\":\"HOUSEHOLD\"}";
    assertThat(http.send("nongan-cw", "POST", "/api/temporary/holiday-batches", body).status()).isEqualTo(403);
    Http.Response bad = http.send("supervisor", "POST", "/api/temporary/holiday-batches",
        body.replace("FESTIVAL_SUBSIDY", "BIRTHDAY"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("补助类型");
    assertThat(http.send("supervisor", "POST", "/api/temporary/holiday-batches",
        body.replace("220122101", "220102001")).status()).isEqualTo(201); // 220102 lies in the supervisor's city
  }

  @Test
  void supervisorsMayStartTheHolidayBatchInTasklistButNoOtherProcess() {
    Http.Response defs = http.get("supervisor", "/engine-rest/process-definition?startablePermissionCheck=true"
        + "&startableInTasklist=true&latestVersion=true");
    assertThat(defs.status()).as(defs.body()).isEqualTo(200);
    assertThat(defs.body()).contains("\"key\":\"holiday-subsidy\"").doesNotContain("\"key\":\"emergency-assistance\"")
        .doesNotContain("\"key\":\"dibao-application\"");
    Http.Response caseworker = http.get("nongan-cw", "/engine-rest/process-definition?startablePermissionCheck=true"
        + "&startableInTasklist=true&latestVersion=true");
    assertThat(caseworker.body()).contains("\"key\":\"emergency-assistance\"", "\"key\":\"expenditure-assistance\"");
  }

  /** The counter start form as Tasklist submits it (Camunda Forms: numbers as Double, checkboxes as Boolean). */
  @Test
  void theCounterStartFormWorksThroughTheEngineApiAndIsCheckedOnTheServer() throws Exception {
    String form = """
        {"variables":{"reportChannel":{"value":"COUNTER"},"regionCode":{"value":"220122100201"},
         "recipientName":{"value":"王五"},"recipientIdNumber":{"value":"%s"},"causeKind":{"value":"ILLNESS"},
         "cause":{"value":"突发脑溢血住院"},"amount":{"value":950.5,"type":"Double"},
         "exceptional":{"value":false,"type":"Boolean"},"easingExpectedOn":{"value":"2099-01-01"}}}""";
    long instances = instances();
    Http.Response bad = http.send("nongan-cw", "POST",
        "/engine-rest/process-definition/key/emergency-assistance/submit-form", form.formatted("220122198001010010"));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body()).contains("身份证号码");
    assertThat(instances()).isEqualTo(instances);
    Http.Response ok = http.send("nongan-cw", "POST",
        "/engine-rest/process-definition/key/emergency-assistance/submit-form", form.formatted(ID));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    String pid = json.readTree(ok.body()).get("id").asText();
    f.runJobs(pid);
    assertThat(payments.byKey(EmergencyCases.paymentKey(pid)).orElseThrow().amount()).isEqualByComparingTo("950.50");
    assertThat(runtime.getVariable(pid, "reportedBy")).isEqualTo("nongan-cw");
  }
}
