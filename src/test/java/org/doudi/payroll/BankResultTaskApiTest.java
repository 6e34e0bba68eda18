package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.payroll.PayrollFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.WebAppSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bank-result task endpoints as the Tasklist tab calls them, with the user's web-app session: reads, the download,
 * and the upload, which needs the session's CSRF token and a same-site request; a wrong file answers 400 in Chinese
 * with its lines and changes nothing; anonymous callers, other roles and other tasks are refused. Month 2075-03.
 */
@DoudiTest
class BankResultTaskApiTest {

  @LocalServerPort int port;
  @Autowired Payroll payroll;
  @Autowired Awards awards;
  @Autowired BankFiles bankFiles;
  @Autowired Payments payments;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void theTabsCallsWithTheSessionAndItsCsrfToken() throws Exception {
    PayrollFixture f = new PayrollFixture(tasks, management);
    awards.grant(grant("HH-BT1", "褚一", "220122195001010014", "480", "2075-02-10"), "na-county-approver");
    clockAt("2075-03-01T06:00");
    PayrollRun run = payroll.start(NONGAN, YearMonth.parse("2075-03"), "system");
    String pid = run.processInstanceId();
    assertThat(f.runJobs(pid)).isEmpty();
    f.complete(pid, "Task_ReviewRoster", "na-county-approver", Map.of("reviewDecision", "APPROVE",
        "confirmedTotal", runtime.getVariable(pid, "rosterTotal"), "reviewNote", "已核对", "anomaliesVerified", true));
    assertThat(f.runJobs(pid)).isEmpty();
    ClockUtil.reset();
    BankFile file = bankFiles.ofRun(run.id()).orElseThrow();
    List<LedgerEntry> rows = jdbc.queryForList("SELECT id FROM payment_entry WHERE bank_file_id = ? ORDER BY id",
        Long.class, file.id()).stream().map(payments::get).toList();
    String taskId = f.task(pid, BankFiles.IMPORT_TASK).getId();
    String base = "/api/payroll/tasks/" + taskId;

    WebAppSession cw = WebAppSession.login(port, "na-county-cw", "tasklist");
    assertThat(cw).isNotNull();
    // reads with the session alone
    Http.Response meta = cw.send("GET", base + "/bank-file", null);
    assertThat(meta.status()).as(meta.body()).isEqualTo(200);
    JsonNode m = json.readTree(meta.body());
    assertThat(m.get("batchNo").asText()).isEqualTo(file.batchNo());
    assertThat(m.get("waiting").asInt()).isEqualTo(rows.size());
    Http.Response content = cw.sendRaw("GET", base + "/bank-file/content", null, null,
        Map.of("Accept", "text/csv, */*"), false);
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.body()).startsWith("H," + file.batchNo() + ",");

    StringBuilder good = new StringBuilder("H," + file.batchNo() + "\n");
    rows.forEach(e -> good.append("D,").append(e.id()).append(',').append(e.payee().accountNumber()).append(',')
        .append(e.amount().toPlainString()).append(",PAID,\n"));
    byte[] goodFile = good.toString().getBytes(StandardCharsets.UTF_8);

    // the session without its CSRF token, or from another site: refused, nothing changed
    Http.Response noToken = cw.sendRaw("POST", base + "/bank-result", "text/csv", goodFile, Map.of(), false);
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.body()).contains("防跨站令牌");
    Http.Response crossSite = cw.sendRaw("POST", base + "/bank-result", "text/csv", goodFile,
        Map.of("Origin", "http://evil.example"), true);
    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(crossSite.body()).contains("跨站请求被拒绝");
    Http.Response fetchCrossSite = cw.sendRaw("POST", base + "/bank-result", "text/csv", goodFile,
        Map.of("Sec-Fetch-Site", "cross-site"), true);
    assertThat(fetchCrossSite.status()).isEqualTo(403);
    // no session at all
    Http.Response anonymous = WebAppSession.anonymous(port).sendRaw("POST", base + "/bank-result", "text/csv",
        goodFile, Map.of("X-Requested-With", "XMLHttpRequest"), true);
    assertThat(anonymous.status()).isEqualTo(401);
    // a township caseworker is no candidate of the county's task
    WebAppSession township = WebAppSession.login(port, "nongan-cw", "tasklist");
    assertThat(township.sendRaw("POST", base + "/bank-result", "text/csv", goodFile, Map.of(), true).status())
        .isEqualTo(403);
    assertThat(township.send("GET", base + "/bank-file", null).status()).isEqualTo(403);
    assertThat(rows).allSatisfy(e -> assertThat(payments.get(e.id()).status()).isEqualTo(PaymentStatus.SENT));
    assertThat(f.task(pid, BankFiles.IMPORT_TASK)).isNotNull();

    // a wrong file: 400 in Chinese, every bad line, nothing changed
    String wrong = "H," + file.batchNo() + "\nD," + rows.get(0).id() + ",1,1.00,PAID,\nD,abc,1,1.00,PAID,\n";
    Http.Response refused = cw.sendRaw("POST", base + "/bank-result", "text/csv",
        wrong.getBytes(StandardCharsets.UTF_8), Map.of(), true);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode r = json.readTree(refused.body());
    assertThat(r.get("message").asText()).contains("未导入任何记录").contains("第2行").contains("第3行");
    assertThat(r.get("errors")).extracting(e -> e.get("line").asInt()).contains(2, 3);
    assertThat(rows).allSatisfy(e -> assertThat(payments.get(e.id()).status()).isEqualTo(PaymentStatus.SENT));

    // the right file with the token: counts back, the message ends the task
    Http.Response ok = cw.sendRaw("POST", base + "/bank-result", "text/csv", goodFile, Map.of(), true);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    JsonNode a = json.readTree(ok.body());
    assertThat(a.get("paid").asInt()).isEqualTo(rows.size());
    assertThat(a.get("returned").asInt()).isZero();
    assertThat(a.get("complete").asBoolean()).isTrue();
    assertThat(a.get("message").asText()).contains("本任务随之结束");
    assertThat(f.task(pid, BankFiles.IMPORT_TASK)).isNull();
    assertThat(payroll.run(run.id()).orElseThrow().status()).isEqualTo("RECONCILED");
    // the task is gone: the tab's calls now say so
    assertThat(cw.send("GET", base + "/bank-file", null).status()).isEqualTo(404);
    // a task that is not a bank-result task
    assertThat(cw.send("GET", "/api/payroll/tasks/no-such-task/bank-file", null).status()).isEqualTo(404);
  }
}
