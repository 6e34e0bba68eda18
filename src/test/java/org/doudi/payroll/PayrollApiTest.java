package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.payroll.PayrollFixture.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The payroll REST API: county scoping, roles, download, result upload refused with line numbers, award changes. */
@DoudiTest
class PayrollApiTest {

  @LocalServerPort int port;
  @Autowired Payroll payroll;
  @Autowired BankFiles bankFiles;
  @Autowired Awards awards;
  @Autowired Payments payments;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  record Raw(int status, String body, String checksum) {}

  Raw raw(String user, String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
    if (body != null) {
      b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Raw(r.statusCode(), r.body(), r.headers().firstValue("X-Checksum-SHA256").orElse(null));
  }

  @Test
  void countyStaffWorkOnTheirOwnCountyOnly() throws Exception {
    Http http = new Http(port);
    awards.grant(grant("HH-A1", "冯一", "220122195001010014", "520", "2034-01-10"), "na-county-approver");
    clockAt("2034-02-01T08:00");
    YearMonth feb = YearMonth.parse("2034-02");

    assertThat(http.send("ng-county-cw", "POST", "/api/payroll/runs", "{\"countyCode\":\"220122\",\"month\":\"2034-02\"}")
        .status()).isEqualTo(403);
    assertThat(http.send("nongan-cw", "POST", "/api/payroll/runs", "{\"countyCode\":\"220122\",\"month\":\"2034-02\"}")
        .status()).isEqualTo(403);
    assertThat(http.send("na-county-cw", "POST", "/api/payroll/runs", "{\"countyCode\":\"220122\",\"month\":\"2034-13\"}")
        .body()).contains("月份应为");
    Http.Response started = http.send("na-county-cw", "POST", "/api/payroll/runs",
        "{\"countyCode\":\"220122\",\"month\":\"2034-02\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    PayrollRun run = payroll.run("220122", feb).orElseThrow();
    assertThat(http.send("na-county-cw", "POST", "/api/payroll/runs", "{\"countyCode\":\"220122\",\"month\":\"2034-02\"}")
        .body()).contains("\"id\":" + run.id());

    assertThat(http.get("na-county-cw", "/api/payroll/runs?countyCode=220122&month=2034-02").body())
        .contains("\"countyCode\":\"220122\"");
    assertThat(http.get("ng-county-cw", "/api/payroll/runs?countyCode=220122").status()).isEqualTo(403);
    assertThat(http.get("ng-county-cw", "/api/payroll/runs?month=2034-02").body()).doesNotContain("220122");
    assertThat(http.get("supervisor", "/api/payroll/runs?month=2034-02").body()).contains("\"countyCode\":\"220122\"");
    assertThat(http.get("ng-county-cw", "/api/payroll/runs/" + run.id()).status()).isEqualTo(403);

    payroll.computeRoster("220122", feb, "system");
    payroll.approve(run.id(), "na-county-approver");
    BankFile file = bankFiles.export(run.id(), "system");
    assertThat(http.get("na-county-cw", "/api/payroll/runs/" + run.id()).body()).contains(file.batchNo())
        .contains("\"newCount\"").contains("\"anomalies\":{\"changeShare\":0.5,");
    assertThat(http.get("na-county-cw", "/api/payroll/runs/" + run.id() + "/anomalies?offset=0&limit=5").body())
        .contains("\"total\":").contains("\"offset\":0");
    assertThat(http.get("na-county-cw", "/api/payroll/runs/" + run.id() + "/anomalies?limit=5000").status())
        .isEqualTo(400);
    assertThat(http.get("ng-county-cw", "/api/payroll/runs/" + run.id() + "/anomalies").status()).isEqualTo(403);

    Raw download = raw("na-county-cw", "GET", "/api/payroll/bank-files/" + file.id() + "/content", null, null);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).startsWith("H," + file.batchNo()).contains(",冯一,");
    assertThat(download.checksum()).isEqualTo(file.sha256());
    assertThat(raw("ng-county-cw", "GET", "/api/payroll/bank-files/" + file.id() + "/content", null, null).status())
        .isEqualTo(403);

    LedgerEntry a1 = payments.byKey("payroll:2034-02:DIBAO:HH-A1").orElseThrow();
    Raw refused = raw("na-county-cw", "POST", "/api/payroll/bank-files/" + file.id() + "/result", "text/csv",
        "H,WRONG\nD," + a1.id() + "," + a1.payee().accountNumber() + ",1.00,PAID,\nD,x,1,1,PAID,\n");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("\"line\":1").contains("\"line\":2").contains("\"line\":3").contains("金额");
    assertThat(payments.get(a1.id()).status()).isEqualTo(PaymentStatus.SENT);
    Raw accepted = raw("na-county-cw", "POST", "/api/payroll/bank-files/" + file.id() + "/result", "text/csv",
        "H," + file.batchNo() + "\nD," + a1.id() + "," + a1.payee().accountNumber() + ",520.00,成功,\n");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.body()).contains("\"paid\":1");
    assertThat(payments.get(a1.id()).status()).isEqualTo(PaymentStatus.PAID);

    // award changes are requests a second person approves (AwardChangeApprovalTest has the details)
    assertThat(http.send("ng-county-cw", "POST", "/api/awards/HH-A1/changes",
        "{\"kind\":\"STOP\",\"caseRef\":\"c\",\"reason\":\"r\"}").status()).isEqualTo(403);
    assertThat(http.send("na-county-approver", "POST", "/api/awards/HH-A1/changes",
        "{\"kind\":\"ADJUST\",\"monthlyAmount\":-5,\"caseRef\":\"c\",\"reason\":\"r\"}")
        .body()).contains("月补助金额必须大于0");
    clockAt("2034-02-10T10:00");
    // above the ceiling (农安县 rural 500 + 30 % = 650 for one person): refused when asked, nothing stored
    Http.Response over = http.send("na-county-cw", "POST", "/api/awards/HH-A1/changes",
        "{\"kind\":\"ADJUST\",\"monthlyAmount\":650.01,\"caseRef\":\"case-HH-A1\",\"reason\":\"增发\"}");
    assertThat(over.status()).as(over.body()).isEqualTo(400);
    assertThat(over.body()).contains("超过最低生活保障金上限 650.00 元");
    clockAt("2034-02-10T10:00");
    Http.Response asked = http.send("na-county-cw", "POST", "/api/awards/HH-A1/changes",
        "{\"kind\":\"ADJUST\",\"monthlyAmount\":610,\"caseRef\":\"case-HH-A1\",\"reason\":\"增发\"}");
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    assertThat(awards.history("HH-A1", org.doudi.payment.Scheme.DIBAO)).hasSize(1);
    String pid = asked.body().replaceAll(".*\"processInstanceId\":\"([^\"]+)\".*", "$1");
    PayrollFixture f = new PayrollFixture(tasks, management);
    f.complete(pid, "Task_ApproveChange", "na-county-approver", java.util.Map.of("decision", "APPROVE"));
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(http.get("na-county-cw", "/api/awards/HH-A1").body()).contains("\"effectiveFrom\":\"2034-03-01\"")
        .contains("\"changeKind\":\"INCREASE\"");
    assertThat(http.get("na-county-cw", "/api/awards/HH-A1").body()).contains("GRANT").contains("INCREASE");
    assertThat(http.get("ng-county-cw", "/api/awards/HH-A1").status()).isEqualTo(403);
    assertThat(http.send("na-county-cw", "POST", "/api/payroll/bank-files/one-off?countyCode=220102", null).status())
        .isEqualTo(403);
  }
}
