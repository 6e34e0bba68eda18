package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.payment.Channel;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payment.StatusChange;
import org.doudi.payroll.internal.ReturnSteps;
import org.doudi.payroll.persistence.ReissueRequestRepository;
import org.doudi.payroll.persistence.ReissueRequestRepository.ReissueRequest;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four eyes on the re-issue of a returned payment (payment-return): the caseworker's correction is stored and nothing
 * is paid or changed until another county approver of the county approves it; the person who entered it cannot
 * approve it (REST and TaskService alike, the task stays open; the database refuses it too); approval re-issues once
 * (a failed or repeated job included) and changes the award's account from the month after the approval; a rejection
 * sends the case back to the caseworker, who corrects again or closes it.
 */
@DoudiTest
class PaymentReturnApprovalTest {

  /** A second county approver of 农安县 (the demo has one). */
  static final String SECOND_APPROVER = "na-county-approver-b";

  @LocalServerPort int port;
  @Autowired Awards awards;
  @Autowired Payments payments;
  @Autowired BankFiles bankFiles;
  @Autowired Staff staff;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired FaultInjector faults;
  @Autowired ReissueRequestRepository requests;
  @Autowired @Qualifier("payrollReissue") org.camunda.bpm.engine.delegate.JavaDelegate reissueStep;

  final ObjectMapper json = new ObjectMapper();
  Http http;
  PayrollFixture f;

  @BeforeEach
  void setUp() {
    staff.ensureUser(SECOND_APPROVER, "审批", "乙", "demo", Role.COUNTY_APPROVER, NONGAN);
    http = new Http(port);
    f = new PayrollFixture(tasks, management);
    clockAt("2036-03-10T09:00");
  }

  @AfterEach
  void tearDown() {
    faults.disarm();
    ClockUtil.reset();
  }

  /** An award and a one-off payment of it that the bank returned: the return case's process instance. */
  String returnedPayment(String key) throws Exception {
    AwardRow a = awards.grant(grant(key, "冯" + key.substring(key.length() - 1), "220122195001010014", "500",
        "2036-01-10"), "na-county-approver");
    LedgerEntry p = payments.record(new PaymentRequest("return-test:" + key, Scheme.DIBAO, a.caseRef(),
        new Payee(key, a.payeeName(), a.payeeIdNumber(), a.bankName(), a.accountNumber()), NONGAN, BAOTA,
        LocalDate.parse("2036-02-01"), LocalDate.parse("2036-02-29"), new BigDecimal("500.00"), Channel.BANK, null,
        "测试"), PaymentStatus.APPROVED, "na-county-approver");
    BankFile file = bankFiles.exportPending(NONGAN, "na-county-cw").orElseThrow();
    StringBuilder result = new StringBuilder("H," + file.batchNo() + "\n");
    for (long id : jdbc.queryForList("SELECT id FROM payment_entry WHERE bank_file_id = ? ORDER BY id", Long.class,
        file.id())) {
      LedgerEntry e = payments.get(id);
      result.append(PayrollProcessTest.line(e, e.id() == p.id() ? "RETURNED" : "PAID", e.id() == p.id() ? "账户已销户"
          : "")).append('\n');
    }
    ResultImport imported = bankFiles.importResult(file.id(), new ByteArrayInputStream(result.toString()
        .getBytes(StandardCharsets.UTF_8)), "na-county-cw");
    assertThat(payments.get(p.id()).status()).isEqualTo(PaymentStatus.RETURNED);
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey("return:" + p.id()).singleResult()
        .getId();
    assertThat(imported.returnCaseIds()).contains(pid);
    return pid;
  }

  long returnedId(String pid) {
    return ((Number) runtime.getVariable(pid, "returnedLedgerId")).longValue();
  }

  void correct(String pid, String user, String account) {
    f.complete(pid, "Task_FixAccount", user, Map.of("returnAction", "REISSUE", "bankName", "农安农商银行",
        "accountNumber", account, "reissueReason", "户主持新开银行卡到乡镇更正"));
    assertThat(f.runJobs(pid)).isEmpty();
  }

  String variables(Map<String, Object> values) throws Exception {
    var v = json.createObjectNode();
    values.forEach((k, x) -> v.putObject(k).putPOJO("value", x));
    return json.writeValueAsString(Map.of("variables", v));
  }

  int reissues(long returned) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE idempotency_key = ?", Integer.class,
        "reissue:" + returned);
  }

  @Test
  void theCorrectionWaitsForAnotherApproverAndThenReissuesOnceAndChangesTheAccountNextMonth() throws Exception {
    String pid = returnedPayment("HH-RA1");
    long returned = returnedId(pid);
    String before = awards.latest("HH-RA1", Scheme.DIBAO).orElseThrow().accountNumber();
    // an approver enters the correction (anyone completing the caseworker's task is its author)
    correct(pid, "na-county-approver", "6228480077770001");

    // stored, nothing paid, nothing changed
    long id = ((Number) runtime.getVariable(pid, "reissueRequestId")).longValue();
    ReissueRequest r = requests.find(id).orElseThrow();
    assertThat(r.status()).isEqualTo("REQUESTED");
    assertThat(r.requestedBy()).isEqualTo("na-county-approver");
    assertThat(r.accountNumber()).isEqualTo("6228480077770001");
    assertThat(r.returnedLedgerId()).isEqualTo(returned);
    assertThat(reissues(returned)).isZero();
    assertThat(awards.history("HH-RA1", Scheme.DIBAO)).hasSize(1);
    Task task = f.task(pid, "Task_ApproveReissue");
    assertThat(task.getName()).isEqualTo("审批更正账户补发");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("county-approver-" + NONGAN).count())
        .isEqualTo(1);
    assertThat(runtime.getVariable(pid, "reissueAccountNumber")).isEqualTo("6228480077770001");
    assertThat(runtime.getVariable(pid, "reissueRequestedBy")).isEqualTo("na-county-approver");

    // the author approves over REST: 400, the task stays open, nothing paid
    assertThat(http.send("na-county-approver", "POST", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"na-county-approver\"}").status()).isEqualTo(204);
    Http.Response own = http.send("na-county-approver", "POST", "/engine-rest/task/" + task.getId() + "/complete",
        variables(Map.of("reissueDecision", "APPROVE", "reissueDecisionNote", "同意")));
    assertThat(own.status()).as(own.body()).isEqualTo(400);
    assertThat(own.body()).contains("不能审批本人录入的更正账户补发");
    Http.Response ownForm = http.send("na-county-approver", "POST",
        "/engine-rest/task/" + task.getId() + "/submit-form", variables(Map.of("reissueDecision", "APPROVE")));
    assertThat(ownForm.status()).as(ownForm.body()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(requests.find(id).orElseThrow().decision()).isNull();
    // nor may the approval change the stored account on the way (the variable guard: read-only, protected)
    Http.Response edited = http.send("na-county-approver", "POST", "/engine-rest/task/" + task.getId()
        + "/complete", variables(Map.of("reissueDecision", "APPROVE", "reissueAccountNumber", "6228480000000666")));
    assertThat(edited.status()).as(edited.body()).isEqualTo(400);
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(reissues(returned)).isZero();

    // the database refuses it as well, whoever writes the row
    assertThatThrownBy(() -> jdbc.update("UPDATE payroll_reissue_request SET decision = 'APPROVE', decided_by = "
        + "requested_by, decided_at = requested_at WHERE id = ?", id))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

    // another county approver approves over REST
    assertThat(http.send("na-county-approver", "POST", "/engine-rest/task/" + task.getId() + "/unclaim", null)
        .status()).isEqualTo(204);
    assertThat(http.send(SECOND_APPROVER, "POST", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + SECOND_APPROVER + "\"}").status()).isEqualTo(204);
    Http.Response approved = http.send(SECOND_APPROVER, "POST", "/engine-rest/task/" + task.getId() + "/complete",
        variables(Map.of("reissueDecision", "APPROVE", "reissueDecisionNote", "已核对银行卡复印件")));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(reissues(returned)).isZero(); // the re-issue is the next job's
    assertThat(f.runJobs(pid)).isEmpty();

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Reissued");
    LedgerEntry reissue = payments.byKey("reissue:" + returned).orElseThrow();
    assertThat(reissues(returned)).isEqualTo(1);
    assertThat(reissue.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(reissue.kind()).isEqualTo("REISSUE");
    assertThat(reissue.amount()).isEqualByComparingTo("500.00");
    assertThat(reissue.payee().accountNumber()).isEqualTo("6228480077770001");
    assertThat(reissue.approvedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(reissue.note()).contains("na-county-approver更正").contains(SECOND_APPROVER + "审批");
    ReissueRequest done = requests.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo("APPROVED");
    assertThat(done.decidedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(done.reissuedLedgerId()).isEqualTo(reissue.id());
    // the award's account from the month after the approval (March), not before
    List<AwardRow> h = awards.history("HH-RA1", Scheme.DIBAO);
    assertThat(h).hasSize(2);
    assertThat(h.get(1).changeKind()).isEqualTo(AwardRow.ChangeKind.ACCOUNT);
    assertThat(h.get(1).decidedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(done.awardId()).isEqualTo(h.get(1).id());
    assertThat(awards.current("HH-RA1", Scheme.DIBAO, YearMonth.parse("2036-03")).orElseThrow().accountNumber())
        .isEqualTo(before);
    assertThat(awards.current("HH-RA1", Scheme.DIBAO, YearMonth.parse("2036-04")).orElseThrow().accountNumber())
        .isEqualTo("6228480077770001");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName(
        "awardAccountChanged").singleResult().getValue()).isEqualTo(true);

    // the step run again for the same request (a job retried after its commit): nothing new
    ReissueRequest again = ((ReturnSteps.Reissue) reissueStep).apply(id);
    assertThat(again.reissuedLedgerId()).isEqualTo(reissue.id());
    assertThat(reissues(returned)).isEqualTo(1);
    assertThat(awards.history("HH-RA1", Scheme.DIBAO)).hasSize(2);

    // 审计留痕: the correction, the second person's approval and the re-issue written, once each, before → after
    // (the new account masked as the audit masks it)
    List<org.doudi.audit.AuditEntries.Entry> audit = org.doudi.audit.AuditEntries.ofSubject(jdbc,
        "payroll_reissue_request " + id);
    assertThat(audit).extracting(org.doudi.audit.AuditEntries.Entry::action).containsExactly(
        "payroll.ReissueRequestChanged REQUESTED", "payroll.ReissueRequestChanged APPROVED",
        "payroll.ReissueRequestChanged APPLIED");
    assertThat(audit.get(0).actor()).isEqualTo("na-county-approver");
    assertThat(audit.get(1).actor()).isEqualTo(SECOND_APPROVER);
    assertThat(audit.get(1).before()).contains("\"decision\":null");
    assertThat(audit.get(2).after()).contains("\"status\":\"APPROVED\"", "\"reissuedLedgerId\":" + reissue.id());
    assertThat(audit).allSatisfy(e -> {
      assertThat(e.processInstanceId()).isEqualTo(pid);
      assertThat(e.after()).doesNotContain("6228480077770001");
    });
  }

  @Test
  void onlyACountyApproverOfTheCountyDecides() throws Exception {
    String pid = returnedPayment("HH-RA2");
    long returned = returnedId(pid);
    correct(pid, "na-county-cw", "6228480077770002");
    String taskId = f.task(pid, "Task_ApproveReissue").getId();
    tasks.claim(taskId, "na-county-cw");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reissueDecision", "APPROVE")))
        .hasMessageContaining("不能审批本人录入的更正账户补发");
    for (String outsider : List.of("nongan-approver", "ng-county-approver")) {
      tasks.setAssignee(taskId, outsider);
      assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reissueDecision", "APPROVE")))
          .as(outsider).hasMessageContaining("只有220122的县级审批人员或系统管理员");
    }
    tasks.setAssignee(taskId, SECOND_APPROVER);
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reissueDecision", "REJECT")))
        .hasMessageContaining("退回须写明理由");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("reissueDecision", "MAYBE")))
        .hasMessageContaining("请选择审批意见");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(reissues(returned)).isZero();

    tasks.setAssignee(taskId, "demo"); // an administrator may approve
    tasks.complete(taskId, Map.of("reissueDecision", "APPROVE"));
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(reissues(returned)).isEqualTo(1);
  }

  @Test
  void aRejectionSendsTheCaseBackToTheCaseworkerWhoCorrectsAgainOrCloses() throws Exception {
    String pid = returnedPayment("HH-RA3");
    long returned = returnedId(pid);
    correct(pid, "na-county-cw", "6228480077770003");
    long first = ((Number) runtime.getVariable(pid, "reissueRequestId")).longValue();
    f.complete(pid, "Task_ApproveReissue", SECOND_APPROVER, Map.of("reissueDecision", "REJECT",
        "reissueDecisionNote", "账号与银行卡复印件不符，请核实"));
    assertThat(f.runJobs(pid)).isEmpty();

    // closed without a payment or an account change; back with the caseworkers, who see why
    ReissueRequest rejected = requests.find(first).orElseThrow();
    assertThat(rejected.status()).isEqualTo("REJECTED");
    assertThat(rejected.decidedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(rejected.decisionNote()).isEqualTo("账号与银行卡复印件不符，请核实");
    assertThat(reissues(returned)).isZero();
    assertThat(awards.history("HH-RA3", Scheme.DIBAO)).hasSize(1);
    Task back = f.task(pid, "Task_FixAccount");
    assertThat(back).isNotNull();
    assertThat(tasks.createTaskQuery().taskId(back.getId()).taskCandidateGroup("county-caseworker-" + NONGAN).count())
        .isEqualTo(1);
    assertThat((String) runtime.getVariable(pid, "reissueSentBack")).contains(SECOND_APPROVER)
        .contains("账号与银行卡复印件不符");
    assertThat(runtime.getVariable(pid, "reissueDecision")).isNull();

    // corrected again: a new request, approved, paid once to the second account
    correct(pid, "na-county-cw", "6228480077770033");
    long second = ((Number) runtime.getVariable(pid, "reissueRequestId")).longValue();
    assertThat(second).isNotEqualTo(first);
    assertThat(requests.ofReturned(returned)).extracting(ReissueRequest::status).containsExactly("REJECTED",
        "REQUESTED");
    f.complete(pid, "Task_ApproveReissue", SECOND_APPROVER, Map.of("reissueDecision", "APPROVE"));
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(reissues(returned)).isEqualTo(1);
    assertThat(payments.byKey("reissue:" + returned).orElseThrow().payee().accountNumber())
        .isEqualTo("6228480077770033");

    // another case: rejected, then closed by the caseworker with a reason — nothing paid, nothing changed
    String other = returnedPayment("HH-RA4");
    long otherReturned = returnedId(other);
    correct(other, "na-county-cw", "6228480077770004");
    f.complete(other, "Task_ApproveReissue", SECOND_APPROVER, Map.of("reissueDecision", "REJECT",
        "reissueDecisionNote", "领取人已死亡，不应补发"));
    assertThat(f.runJobs(other)).isEmpty();
    f.complete(other, "Task_FixAccount", "na-county-cw", Map.of("returnAction", "CLOSE", "closeReason",
        "领取人已死亡，另行办理停发"));
    assertThat(f.runJobs(other)).isEmpty();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(other).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_NotReissued");
    assertThat(reissues(otherReturned)).isZero();
    assertThat(awards.history("HH-RA4", Scheme.DIBAO)).hasSize(1);
  }

  @Test
  void aReissueJobThatFailsIsRetriedAndReissuesOnce() throws Exception {
    String pid = returnedPayment("HH-RA5");
    long returned = returnedId(pid);
    correct(pid, "na-county-cw", "6228480077770005");
    f.complete(pid, "Task_ApproveReissue", "na-county-approver", Map.of("reissueDecision", "APPROVE"));
    faults.arm("reissue");
    List<Exception> failures = f.runJobs(pid);
    assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("reissue"));
    // rolled back with the job: no payment, no account change, the request still open
    assertThat(reissues(returned)).isZero();
    assertThat(awards.history("HH-RA5", Scheme.DIBAO)).hasSize(1);
    long id = ((Number) runtime.getVariable(pid, "reissueRequestId")).longValue();
    assertThat(requests.find(id).orElseThrow().status()).isEqualTo("REQUESTED");

    afterRetryDelay();
    assertThat(f.runJobs(pid)).isEmpty();
    assertThat(reissues(returned)).isEqualTo(1);
    assertThat(awards.history("HH-RA5", Scheme.DIBAO)).hasSize(2);
    LedgerEntry reissue = payments.byKey("reissue:" + returned).orElseThrow();
    assertThat(payments.history(reissue.id())).extracting(StatusChange::by).containsExactly("na-county-approver");
    assertThat(requests.find(id).orElseThrow().status()).isEqualTo("APPROVED");
  }
}
