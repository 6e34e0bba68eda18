package org.doudi.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.payroll.AwardChange;
import org.doudi.payroll.AwardChangeRequest;
import org.doudi.payroll.AwardChanges;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Overpayment recovery (暂行办法第68条): recorded through the API with the amount taken from the PAID ledger rows of
 * the months, then every path of process overpayment-recovery: repaid in instalments, refused entries, written
 * off, and the 60-working-day reminder.
 */
@DoudiTest
class RecoveryProcessTest {

  private static int seq;

  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired Recoveries recoveries;
  @Autowired AwardChanges awardChanges;
  @Autowired Staff staff;
  @Autowired org.doudi.document.Documents documents;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** A 农安县 household on 低保 (October–November 2019, outside the price-subsidy test's months) with 500.00 paid in October and November 2019 (and 500.00 only approved in December). */
  String household() {
    String key = "HH-R" + (++seq) + "-" + System.nanoTime() % 100000;
    AwardFixture a = new AwardFixture(jdbc);
    a.change(key, "DIBAO", 1, "GRANT", "220122", "220122100201", 2, "500.00", YearMonth.of(2019, 10));
    a.change(key, "DIBAO", 2, "STOP", "220122", "220122100201", 2, "0.00", YearMonth.of(2019, 12));
    LedgerFixture l = new LedgerFixture(jdbc);
    l.row("DIBAO", key, "220122", "500.00", "BANK", "2019-10-05T10:00", "2019-10-06T10:00", "2019-10-08T10:00", null);
    l.row("DIBAO", key, "220122", "500.00", "BANK", "2019-11-05T10:00", "2019-11-06T10:00", "2019-11-08T10:00", null);
    l.row("DIBAO", key, "220122", "500.00", "BANK", "2019-12-05T10:00", null, null, null);
    return key;
  }

  JsonNode open(String user, String key, int expectedStatus) throws Exception {
    Http.Response r = new Http(port).send(user, "POST", "/api/funds/recoveries", "{\"beneficiaryKey\":\"" + key
        + "\",\"scheme\":\"DIBAO\",\"months\":[\"2019-10\",\"2019-11\",\"2019-12\"],"
        + "\"reason\":\"隐瞒经营收入，骗取低保\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
    return json.readTree(r.body());
  }

  JsonNode openWith(String key, String extra, int expectedStatus) throws Exception {
    Http.Response r = new Http(port).send("na-county-cw", "POST", "/api/funds/recoveries", "{\"beneficiaryKey\":\""
        + key + "\",\"scheme\":\"DIBAO\",\"months\":[\"2019-10\",\"2019-11\"],"
        + "\"reason\":\"隐瞒经营收入\"" + extra + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
    return json.readTree(r.body());
  }

  /** The recovery notice (docs/notices.md): 骗取 only where fraud was established, else 多领取. */
  @Test
  void theRecoveryNoticeSaysFraudOnlyWhereFraudWasEstablished() throws Exception {
    JsonNode overpaid = openWith(household(), "", 201);
    assertThat(org.doudi.notice.NoticeTexts.of(documents, overpaid.get("processInstanceId").asText(),
        org.doudi.notice.NoticeKind.RECOVERY)).singleElement().satisfies(n -> assertThat(n.text())
        .startsWith("追回救助资金通知书").contains("追回多领取的救助资金", "原因：隐瞒经营收入", "2019年10月、2019年11月",
            "应退还金额：1000.00元", "农安县民政局", "60日内向农安县人民政府申请行政复议").doesNotContain("骗取"));

    // fraud claimed without the finding that established it: refused, nothing stored
    String key = household();
    openWith(key, ",\"fraudEstablished\":true", 400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funds_recovery WHERE beneficiary_key = ?", Integer.class,
        key)).isZero();
    JsonNode fraud = openWith(key, ",\"fraudEstablished\":true,\"fraudFinding\":\"农安县民政局2019年12月20日调查认定书\"",
        201);
    assertThat(org.doudi.notice.NoticeTexts.of(documents, fraud.get("processInstanceId").asText(),
        org.doudi.notice.NoticeKind.RECOVERY)).singleElement().satisfies(n -> assertThat(n.text())
        .contains("骗取社会救助资金", "农安县民政局2019年12月20日调查认定书", "第六十八条", "追回骗取的救助资金")
        .doesNotContain("多领取"));
  }

  Task task(String pid) {
    return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_RecordRecovery").singleResult();
  }

  void complete(Task t, Map<String, Object> vars) {
    tasks.complete(t.getId(), vars);
    // asyncAfter: the continuation runs as a job
    for (Job j : management.createJobQuery().processInstanceId(t.getProcessInstanceId()).timers().active().list()) {
      assertThat(j).isNotNull(); // timers are left alone here
    }
    management.createJobQuery().processInstanceId(t.getProcessInstanceId()).messages().list()
        .forEach(j -> management.executeJob(j.getId()));
  }

  static Map<String, Object> entry(String kind, String amount, String receipt, String note) {
    Map<String, Object> v = new HashMap<>();
    v.put("entryKind", kind);
    v.put("entryAmount", amount);
    v.put("receiptNumber", receipt);
    v.put("entryNote", note);
    return v;
  }

  @Test
  void repaidInTwoInstalmentsThenClosed() throws Exception {
    String key = household();
    JsonNode r = open("na-county-cw", key, 201);
    assertThat(r.get("amount").decimalValue()).isEqualByComparingTo("1000.00"); // PAID in Oct + Nov; Dec not paid
    assertThat(r.get("status").asText()).isEqualTo("OPEN");
    assertThat(r.get("awardStopped").asBoolean()).isFalse();
    String pid = r.get("processInstanceId").asText();
    Task t = task(pid);
    assertThat(t.getName()).isEqualTo("登记退款或核销");
    assertThat(tasks.getIdentityLinksForTask(t.getId())).anyMatch(l -> "county-caseworker-220122".equals(l.getGroupId()));
    assertThat(tasks.getVariable(t.getId(), "regionCode")).isEqualTo("220122100201");

    complete(t, entry("REPAYMENT", "400", "JK-2019-001", null));
    Task again = task(pid);
    assertThat(again).isNotNull();
    assertThat(tasks.getVariable(again.getId(), "outstanding")).isEqualTo("600.00");
    assertThat(tasks.getVariable(again.getId(), "entryAmount")).isNull();

    complete(again, entry("REPAYMENT", "600.00", "JK-2019-002", "结清"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("EndEvent_Recovered")
        .count()).isEqualTo(1);
    Recoveries.Recovery done = recoveries.get(r.get("id").asLong());
    assertThat(done.status()).isEqualTo("CLOSED");
    assertThat(done.repaid()).isEqualByComparingTo("1000.00");
    assertThat(done.outstanding()).isEqualByComparingTo("0.00");
    assertThat(done.entries()).extracting(Recoveries.Entry::recordedBy).doesNotContainNull();
    // 审计留痕: registered, two repayments and the close, each with the recovery before → after and the case
    List<org.doudi.audit.AuditEntries.Entry> audit = org.doudi.audit.AuditEntries.ofSubject(jdbc,
        "funds_recovery " + done.id());
    assertThat(audit).extracting(org.doudi.audit.AuditEntries.Entry::action).containsExactly(
        "funds.RecoveryChanged REGISTERED", "funds.RecoveryChanged REPAYMENT", "funds.RecoveryChanged REPAYMENT",
        "funds.RecoveryChanged CLOSED");
    assertThat(audit).allSatisfy(e -> assertThat(e.processInstanceId()).isEqualTo(pid));
    assertThat(audit.get(0).actor()).isEqualTo("na-county-cw");
    assertThat(audit.get(1).before()).contains("\"outstanding\":1000");
    assertThat(audit.get(1).after()).contains("\"outstanding\":600", "JK-2019-001");
    assertThat(audit.get(3).after()).contains("\"status\":\"CLOSED\"");

    Http.Response got = new Http(port).get("na-county-approver", "/api/funds/recoveries/" + done.id());
    assertThat(got.status()).isEqualTo(200);
    assertThat(new Http(port).get("ng-county-cw", "/api/funds/recoveries/" + done.id()).status()).isEqualTo(404);
  }

  @Test
  void refusedEntriesLeaveTheTaskOpenAndAWriteOffWithReasonCloses() throws Exception {
    String key = household();
    JsonNode r = open("na-county-approver", key, 201);
    Task t = task(r.get("processInstanceId").asText());
    for (Map<String, Object> bad : List.of(
        entry("REPAYMENT", "1000.01", "JK-1", null),          // more than outstanding
        entry("REPAYMENT", "100.00", null, null),             // repayment without receipt
        entry("WRITE_OFF", "100.00", null, null),             // write-off without reason
        entry("REPAYMENT", "-5", "JK-2", null),
        entry("REPAYMENT", "12.345", "JK-3", null),
        entry("REPAYMENT", "abc", "JK-4", null),
        entry("REFUND", "10", "JK-5", null))) {
      assertThatThrownBy(() -> tasks.complete(t.getId(), bad)).hasRootCauseInstanceOf(
          org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class);
    }
    assertThat(task(r.get("processInstanceId").asText())).isNotNull();
    assertThat(recoveries.get(r.get("id").asLong()).entries()).isEmpty();

    complete(t, entry("REPAYMENT", "250.00", "JK-9", null));
    complete(task(r.get("processInstanceId").asText()),
        entry("WRITE_OFF", "750.00", null, "当事人死亡，无遗产可供执行，经县民政局局务会批准核销（县民〔2020〕3号）"));
    Recoveries.Recovery done = recoveries.get(r.get("id").asLong());
    assertThat(done.status()).isEqualTo("CLOSED");
    assertThat(done.repaid()).isEqualByComparingTo("250.00");
    assertThat(done.writtenOff()).isEqualByComparingTo("750.00");
  }

  @Test
  void overdueRecoveryGoesToTheCountyApproverWhileRecoveryContinues() throws Exception {
    String key = household();
    JsonNode r = open("na-county-cw", key, 201);
    String pid = r.get("processInstanceId").asText();
    Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
    assertThat(timer).isNotNull();
    management.executeJob(timer.getId());
    Task review = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ReviewOverdueRecovery")
        .singleResult();
    assertThat(review.getName()).isEqualTo("追回超期督办");
    assertThat(tasks.getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> "county-approver-220122".equals(l.getGroupId()));
    assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("overdueMeasures", " ")))
        .hasRootCauseInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class);
    tasks.complete(review.getId(), Map.of("overdueMeasures", "已再次书面催缴，拟申请法院强制执行"));
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityId("EndEvent_OverdueReviewed").count()).isEqualTo(1);
    assertThat(task(pid)).isNotNull();
    complete(task(pid), entry("REPAYMENT", "1000", "JK-10", null));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  @Test
  void openingIsRefusedOutsideTheCountyTwiceForTheSameMonthsAndWithoutPayments() throws Exception {
    String key = household();
    open("ng-county-cw", key, 403);
    open("nanling-cw", key, 403);
    open("na-county-cw", key, 201);
    JsonNode twice = open("na-county-cw", key, 409);
    assertThat(twice.get("detail").asText()).contains("已登记");
    Http http = new Http(port);
    Http.Response none = http.send("na-county-cw", "POST", "/api/funds/recoveries", "{\"beneficiaryKey\":\"" + key
        + "\",\"scheme\":\"DIBAO\",\"months\":[\"2019-03\"],\"reason\":\"虚报\"}");
    assertThat(none.status()).isEqualTo(422);
    Http.Response given = http.send("na-county-cw", "POST", "/api/funds/recoveries", "{\"beneficiaryKey\":\"" + key
        + "\",\"scheme\":\"DIBAO\",\"months\":[\"2019-03\"],\"amount\":120.50,\"reason\":\"虚报\"}");
    assertThat(given.status()).as(given.body()).isEqualTo(201);
    assertThat(json.readTree(given.body()).get("amount").decimalValue()).isEqualByComparingTo("120.50");
    assertThat(http.send("na-county-cw", "POST", "/api/funds/recoveries", "{\"beneficiaryKey\":\"HH-NOBODY\","
        + "\"scheme\":\"DIBAO\",\"months\":[\"2019-03\"],\"reason\":\"虚报\"}").status()).isEqualTo(404);
    assertThat(http.send("na-county-cw", "POST", "/api/funds/recoveries", "{\"beneficiaryKey\":\"" + key
        + "\",\"scheme\":\"DIBAO\",\"months\":[\"2019-3\"],\"reason\":\"虚报\"}").status()).isEqualTo(400);
    assertThat(http.send("na-county-cw", "POST", "/api/funds/recoveries", "{\"beneficiaryKey\":\"" + key
        + "\",\"scheme\":\"DIBAO\",\"months\":[\"2019-04\"],\"amount\":10}").status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funds_recovery WHERE beneficiary_key = ?", Integer.class, key))
        .isEqualTo(2);
  }

  /** Executes the instance's due jobs until none is left. */
  void runJobs(String pid) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pid).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  long recoveries(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM funds_recovery WHERE beneficiary_key = ?", Long.class, key);
  }

  long stopRows(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award WHERE beneficiary_key = ? AND change_kind = 'STOP'",
        Long.class, key);
  }

  /**
   * Four eyes: the recovery asks for the stop (a STOP change request of the payroll) and the award stops only once
   * another county approver approves it, from the month after the approval; the requester's own approval is refused.
   */
  @Test
  void stoppingTheAwardWithTheRecoveryIsAChangeRequestApprovedByAnotherPerson() throws Exception {
    staff.ensureUser("na-county-approver-b", "审批", "乙", "demo", Role.COUNTY_APPROVER, "220122");
    String key = "HH-RS-" + System.nanoTime() % 100000;
    new AwardFixture(jdbc).change(key, "DIBAO", 1, "GRANT", "220122", "220122100201", 1, "300.00", YearMonth.of(2019, 9));
    new LedgerFixture(jdbc).row("DIBAO", key, "220122", "300.00", "BANK", "2019-10-05T10:00", "2019-10-06T10:00",
        "2019-10-08T10:00", null);
    // decided on 15 December 2019 (engine clock): approved that day, the award stops from January 2020
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        java.time.Instant.parse("2019-12-15T02:00:00Z")));
    try {
      String body = "{\"beneficiaryKey\":\"" + key + "\",\"scheme\":\"DIBAO\",\"months\":[\"2019-10\"],"
          + "\"reason\":\"隐瞒工资收入\",\"stopAward\":true}";
      Http.Response r = new Http(port).send("na-county-approver", "POST", "/api/funds/recoveries", body);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      JsonNode opened = json.readTree(r.body());
      // asked for, not done: no STOP row yet
      assertThat(opened.get("awardStopped").asBoolean()).isFalse();
      assertThat(opened.get("stopRequestStatus").asText()).isEqualTo("REQUESTED");
      long requestId = opened.get("stopRequestId").asLong();
      assertThat(stopRows(key)).isZero();
      AwardChangeRequest asked = awardChanges.find(requestId).orElseThrow();
      assertThat(asked.change().kind()).isEqualTo(AwardChange.Kind.STOP);
      assertThat(asked.requestedBy()).isEqualTo("na-county-approver");
      assertThat(asked.reason()).contains("第六十八条").contains("隐瞒工资收入");

      // while the stop waits, a second recovery that asks for it again is refused and stores nothing
      Http.Response twice = new Http(port).send("na-county-cw", "POST", "/api/funds/recoveries",
          body.replace("[\"2019-10\"]", "[\"2019-08\"],\"amount\":120"));
      assertThat(twice.status()).as(twice.body()).isEqualTo(409);
      assertThat(twice.body()).contains("已有待审批的待遇变更申请");
      assertThat(recoveries(key)).isEqualTo(1);

      // the requester cannot approve the stop; another county approver does
      Task approve = tasks.createTaskQuery().processInstanceId(asked.processInstanceId())
          .taskDefinitionKey("Task_ApproveChange").singleResult();
      tasks.claim(approve.getId(), "na-county-approver");
      assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("decision", "APPROVE")))
          .hasMessageContaining("不能审批本人提出的待遇变更");
      assertThat(stopRows(key)).isZero();
      tasks.setAssignee(approve.getId(), "na-county-approver-b");
      tasks.complete(approve.getId(), Map.of("decision", "APPROVE", "decisionNote", "核实属实"));
      runJobs(asked.processInstanceId());

      Map<String, Object> stop = jdbc.queryForMap("SELECT change_kind, effective_from, decided_by, reason"
          + " FROM benefit_award WHERE beneficiary_key = ? AND seq = 2", key);
      assertThat(stop.get("CHANGE_KIND")).isEqualTo("STOP");
      assertThat(stop.get("EFFECTIVE_FROM").toString()).isEqualTo("2020-01-01");
      assertThat(stop.get("DECIDED_BY")).isEqualTo("na-county-approver-b");
      assertThat((String) stop.get("REASON")).contains("第六十八条");
      JsonNode shown = json.readTree(new Http(port).get("na-county-cw", "/api/funds/recoveries/"
          + opened.get("id").asLong()).body());
      assertThat(shown.get("awardStopped").asBoolean()).isTrue();
      assertThat(shown.get("stopRequestStatus").asText()).isEqualTo("APPROVED");

      // stopping an award that is no longer active is refused and records nothing
      Http.Response again = new Http(port).send("na-county-cw", "POST", "/api/funds/recoveries", body
          .replace("2019-10", "2019-09"));
      assertThat(again.status()).isEqualTo(422);
      assertThat(recoveries(key)).isEqualTo(1);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }
}
