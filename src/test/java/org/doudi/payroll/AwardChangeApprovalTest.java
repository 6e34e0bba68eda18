package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payee;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardChangeRequest.Status;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.register.BenefitRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four eyes on manual award changes: POST /api/awards/{key}/changes stores a request and starts
 * award-change-approval; nothing changes until another county approver of the award's county approves; the
 * requester's own approval is refused on the server (TaskService and REST alike, the task stays open); townships and
 * other counties neither see nor claim the task; rejection; a failed or repeated apply job applies once; bad input
 * is 400 and stores nothing. 迁移 (TRANSFER): approved by the old county, the next month paid by the new county only,
 * the register's holding moved, the new county's ceiling, the new county's first month when its roster came first.
 */
@DoudiTest
class AwardChangeApprovalTest {

  /** A second county approver of 农安县 (the demo has one). */
  static final String SECOND_APPROVER = "na-county-approver-b";

  @LocalServerPort int port;
  @Autowired Awards awards;
  @Autowired AwardChanges changes;
  @Autowired Staff staff;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired Payroll payroll;
  @Autowired Payments payments;
  @Autowired BenefitRegister register;
  @Autowired FaultInjector faults;
  @Autowired @Qualifier("awardChangeApply") org.camunda.bpm.engine.delegate.JavaDelegate applyStep;

  final ObjectMapper json = new ObjectMapper();
  Http http;
  PayrollFixture f;

  @BeforeEach
  void setUp() {
    staff.ensureUser(SECOND_APPROVER, "审批", "乙", "demo", Role.COUNTY_APPROVER, NONGAN);
    http = new Http(port);
    f = new PayrollFixture(tasks, management);
    clockAt("2035-03-10T09:00");
  }

  @AfterEach
  void tearDown() {
    faults.disarm();
    ClockUtil.reset();
  }

  AwardRow granted(String key) {
    return awards.grant(grant(key, "褚" + key.substring(key.length() - 1), "220122195001010014", "600",
        "2035-01-10"), "na-county-approver");
  }

  JsonNode ask(String user, String key, String body) throws Exception {
    Http.Response r = http.send(user, "POST", "/api/awards/" + key + "/changes", body);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return json.readTree(r.body());
  }

  AwardChangeRequest request(long id) {
    return changes.find(id).orElseThrow();
  }

  Task openTask(String pid) {
    return f.task(pid, "Task_ApproveChange");
  }

  String variables(Map<String, Object> values) throws Exception {
    var v = json.createObjectNode();
    values.forEach((k, x) -> v.putObject(k).putPOJO("value", x));
    return json.writeValueAsString(Map.of("variables", v));
  }

  /** The body of a TRANSFER request (a null code left out). */
  static String moveTo(String countyCode, String regionCode) {
    return "{\"kind\":\"TRANSFER\"" + (countyCode == null ? "" : ",\"countyCode\":\"" + countyCode + "\"")
        + (regionCode == null ? "" : ",\"regionCode\":\"" + regionCode + "\"") + ",\"reason\":\"迁居\"}";
  }

  /** Each body (key) is answered 400 with a message containing its value. */
  void assertEachRefused(String user, String key, Map<String, String> refused) {
    for (var e : refused.entrySet()) {
      Http.Response r = http.send(user, "POST", "/api/awards/" + key + "/changes", e.getKey());
      assertThat(r.status()).as(e.getKey() + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(e.getKey()).contains(e.getValue());
    }
  }

  int requestsOf(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM award_change_request WHERE beneficiary_key = ?", Integer.class,
        key);
  }

  @Test
  void aChangeWaitsForAnotherApproverOfTheCountyAndThenTakesEffectNextMonth() throws Exception {
    granted("HH-FE1");
    JsonNode asked = ask("na-county-approver", "HH-FE1",
        "{\"kind\":\"ADJUST\",\"monthlyAmount\":650,\"memberCount\":2,\"reason\":\"家庭人数增加，重新核定\"}");
    long id = asked.get("requestId").asLong();
    String pid = asked.get("processInstanceId").asText();
    assertThat(asked.get("status").asText()).isEqualTo("REQUESTED");

    // not applied: the award is as granted, the request is open
    assertThat(awards.history("HH-FE1", Scheme.DIBAO)).hasSize(1);
    assertThat(request(id).status()).isEqualTo(Status.REQUESTED);
    assertThat(request(id).requestedBy()).isEqualTo("na-county-approver");
    assertThat(request(id).processInstanceId()).isEqualTo(pid);
    Task task = openTask(pid);
    assertThat(task.getName()).isEqualTo("审批待遇变更");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("county-approver-" + NONGAN).count())
        .isEqualTo(1);
    assertThat(runtime.getVariable(pid, "changeFrom")).isEqualTo("每月600.00元（1人）");
    assertThat(runtime.getVariable(pid, "changeTo")).isEqualTo("每月650.00元（2人）");
    assertThat(runtime.getVariable(pid, "requestedBy")).isEqualTo("na-county-approver");
    assertThat(http.get("na-county-cw", "/api/awards/HH-FE1/change-requests").body()).contains("\"REQUESTED\"")
        .contains("家庭人数增加");
    assertThat(http.get("ng-county-cw", "/api/awards/HH-FE1/change-requests").status()).isEqualTo(403);

    // a township approver and another county's approver neither see nor claim it
    for (String outsider : List.of("nongan-approver", "ng-county-approver")) {
      assertThat(http.get(outsider, "/engine-rest/task?processInstanceId=" + pid).body()).as(outsider)
          .isEqualTo("[]");
      Http.Response claim = http.send(outsider, "POST", "/engine-rest/task/" + task.getId() + "/claim",
          "{\"userId\":\"" + outsider + "\"}");
      assertThat(claim.status()).as(outsider + ": " + claim.body()).isIn(403, 404);
    }
    assertThat(openTask(pid).getAssignee()).isNull();

    // the requester claims and approves over REST: 400, the task stays open, nothing changes
    assertThat(http.send("na-county-approver", "POST", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"na-county-approver\"}").status()).isEqualTo(204);
    Http.Response own = http.send("na-county-approver", "POST", "/engine-rest/task/" + task.getId() + "/complete",
        variables(Map.of("decision", "APPROVE", "decisionNote", "同意")));
    assertThat(own.status()).as(own.body()).isEqualTo(400);
    assertThat(own.body()).contains("不能审批本人提出的待遇变更");
    Http.Response ownForm = http.send("na-county-approver", "POST",
        "/engine-rest/task/" + task.getId() + "/submit-form", variables(Map.of("decision", "APPROVE")));
    assertThat(ownForm.status()).as(ownForm.body()).isEqualTo(400);
    assertThat(ownForm.body()).contains("不能审批本人提出的待遇变更");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(request(id).decision()).isNull();
    assertThat(awards.history("HH-FE1", Scheme.DIBAO)).hasSize(1);

    // only one open request per beneficiary and scheme
    Http.Response second = http.send("na-county-cw", "POST", "/api/awards/HH-FE1/changes",
        "{\"kind\":\"STOP\",\"reason\":\"迁出\",\"exitReasonCode\":\"MOVED_AWAY\"}");
    assertThat(second.status()).as(second.body()).isEqualTo(409);
    assertThat(second.body()).contains("已有待审批的待遇变更申请").contains("编号" + id);
    assertThat(requestsOf("HH-FE1")).isEqualTo(1);

    // another county approver of 农安县 approves
    assertThat(http.send("na-county-approver", "POST", "/engine-rest/task/" + task.getId() + "/unclaim", null)
        .status()).isEqualTo(204);
    assertThat(http.get(SECOND_APPROVER, "/engine-rest/task?processInstanceId=" + pid).body())
        .contains("审批待遇变更");
    assertThat(http.send(SECOND_APPROVER, "POST", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + SECOND_APPROVER + "\"}").status()).isEqualTo(204);
    Http.Response approved = http.send(SECOND_APPROVER, "POST", "/engine-rest/task/" + task.getId() + "/complete",
        variables(Map.of("decision", "APPROVE", "decisionNote", "材料齐全")));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    // the approval is recorded; the change itself is the next job's
    assertThat(request(id).decidedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(awards.history("HH-FE1", Scheme.DIBAO)).hasSize(1);
    assertThat(f.runJobs(pid)).isEmpty();

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Changed");
    List<AwardRow> h = awards.history("HH-FE1", Scheme.DIBAO);
    assertThat(h).hasSize(2);
    AwardRow changed = h.get(1);
    assertThat(changed.changeKind()).isEqualTo(AwardRow.ChangeKind.INCREASE);
    assertThat(changed.monthlyAmount()).isEqualByComparingTo("650.00");
    assertThat(changed.memberCount()).isEqualTo(2);
    assertThat(changed.effectiveFrom()).isEqualTo(LocalDate.parse("2035-04-01"));
    assertThat(changed.decidedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(awards.current("HH-FE1", Scheme.DIBAO, java.time.YearMonth.parse("2035-03")).orElseThrow()
        .monthlyAmount()).isEqualByComparingTo("600.00");
    AwardChangeRequest done = request(id);
    assertThat(done.status()).isEqualTo(Status.APPROVED);
    assertThat(done.appliedAwardId()).isEqualTo(changed.id());
    assertThat(done.decisionNote()).isEqualTo("材料齐全");
    assertThat(http.get("na-county-cw", "/api/awards/HH-FE1/change-requests").body()).contains("\"APPROVED\"");

    // 审计留痕: the request, the second person's decision and the change applied, each with who, the case and the
    // row before and after (the account number masked as the audit masks it)
    List<org.doudi.audit.AuditEntries.Entry> audit = org.doudi.audit.AuditEntries.ofSubject(jdbc,
        "award_change_request " + id);
    assertThat(audit).extracting(org.doudi.audit.AuditEntries.Entry::action).containsExactly(
        "payroll.AwardChangeRequestChanged REQUESTED", "payroll.AwardChangeRequestChanged DECIDED",
        "payroll.AwardChangeRequestChanged APPLIED");
    assertThat(audit).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo("CHANGE");
      assertThat(e.processInstanceId()).isEqualTo(pid);
      assertThat(e.businessKey()).isEqualTo("HH-FE1");
      assertThat(e.regionCode()).isEqualTo(NONGAN);
    });
    assertThat(audit.get(0).actor()).isEqualTo("na-county-approver");
    assertThat(audit.get(0).before()).isEqualTo("每月600.00元（1人）");
    assertThat(audit.get(0).after()).contains("\"status\":\"REQUESTED\"", "650");
    assertThat(audit.get(1).actor()).isEqualTo(SECOND_APPROVER);
    assertThat(audit.get(1).before()).contains("\"decision\":null");
    assertThat(audit.get(1).after()).contains("\"decision\":\"APPROVE\"", "材料齐全");
    assertThat(audit.get(2).before()).contains("\"status\":\"REQUESTED\"");
    assertThat(audit.get(2).after()).contains("\"status\":\"APPROVED\"", "\"appliedAwardId\":" + changed.id());
  }

  @Test
  void theRequesterCannotApproveThroughTheTaskServiceEitherNorCanATownshipApprover() {
    granted("HH-FE2");
    AwardChangeRequest r = changes.request("HH-FE2", Scheme.DIBAO, AwardChange.account("农安农商银行",
        "6228480099887766"), null, "原账户已销户", "na-county-approver");
    String taskId = openTask(r.processInstanceId()).getId();
    tasks.claim(taskId, "na-county-approver");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "APPROVE")))
        .hasMessageContaining("不能审批本人提出的待遇变更");
    tasks.setAssignee(taskId, "nongan-approver");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "APPROVE")))
        .hasMessageContaining("只有220122的县级审批人员或系统管理员");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(request(r.id()).decision()).isNull();
    assertThat(awards.history("HH-FE2", Scheme.DIBAO)).hasSize(1);

    tasks.setAssignee(taskId, "demo"); // an administrator may approve
    tasks.complete(taskId, Map.of("decision", "APPROVE"));
    assertThat(f.runJobs(r.processInstanceId())).isEmpty();
    AwardRow changed = awards.history("HH-FE2", Scheme.DIBAO).get(1);
    assertThat(changed.changeKind()).isEqualTo(AwardRow.ChangeKind.ACCOUNT);
    assertThat(changed.accountNumber()).isEqualTo("6228480099887766");
    assertThat(changed.monthlyAmount()).isEqualByComparingTo("600.00");
  }

  @Test
  void aRejectedRequestChangesNothingAndRecordsTheNote() {
    granted("HH-FE3");
    AwardChangeRequest r = changes.request("HH-FE3", Scheme.DIBAO, AwardChange.stop(), new ExitAssessment(
        "INCOME_ABOVE_STANDARD_OTHER", "STABLE", "GOOD", "NONE", 0, null), null, "收入超过标准", "na-county-cw");
    String taskId = openTask(r.processInstanceId()).getId();
    tasks.claim(taskId, "na-county-approver");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "REJECT")))
        .hasMessageContaining("不予变更须写明理由");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "MAYBE")))
        .hasMessageContaining("请选择审批意见");
    tasks.complete(taskId, Map.of("decision", "REJECT", "decisionNote", "收入核对结果仍低于标准"));
    assertThat(f.runJobs(r.processInstanceId())).isEmpty();

    AwardChangeRequest done = request(r.id());
    assertThat(done.status()).isEqualTo(Status.REJECTED);
    assertThat(done.decidedBy()).isEqualTo("na-county-approver");
    assertThat(done.decisionNote()).isEqualTo("收入核对结果仍低于标准");
    assertThat(done.appliedAwardId()).isNull();
    assertThat(awards.history("HH-FE3", Scheme.DIBAO)).hasSize(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(r.processInstanceId()).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_Rejected");
    // closed: a new request may be made
    AwardChangeRequest again = changes.request("HH-FE3", Scheme.DIBAO, AwardChange.adjust(new BigDecimal("580"),
        null), null, "重新核定", "na-county-cw");
    assertThat(again.status()).isEqualTo(Status.REQUESTED);
  }

  @Test
  void anApplyJobThatFailsIsRetriedAndAppliesOnceAndARepeatChangesNothing() throws Exception {
    granted("HH-FE4");
    AwardChangeRequest r = changes.request("HH-FE4", Scheme.DIBAO, AwardChange.adjust(new BigDecimal("540.50"),
        null), null, "收入增加，减发", "na-county-cw");
    String pid = r.processInstanceId();
    f.complete(pid, "Task_ApproveChange", "na-county-approver", Map.of("decision", "APPROVE"));
    faults.arm("award-change");
    List<Exception> failures = f.runJobs(pid);
    assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("award-change"));
    assertThat(faults.fired.get()).isPositive();
    // rolled back with the job: no award row, the request still open
    assertThat(awards.history("HH-FE4", Scheme.DIBAO)).hasSize(1);
    assertThat(request(r.id()).status()).isEqualTo(Status.REQUESTED);
    Job failed = management.createJobQuery().processInstanceId(pid).singleResult();
    assertThat(failed.getRetries()).isLessThan(5);

    afterRetryDelay();
    assertThat(f.runJobs(pid)).isEmpty();
    List<AwardRow> h = awards.history("HH-FE4", Scheme.DIBAO);
    assertThat(h).hasSize(2);
    assertThat(h.get(1).changeKind()).isEqualTo(AwardRow.ChangeKind.DECREASE);
    assertThat(h.get(1).monthlyAmount()).isEqualByComparingTo("540.50");
    assertThat(request(r.id()).appliedAwardId()).isEqualTo(h.get(1).id());

    // the step run again for the same request (a job retried after its commit): nothing new
    var repeat = ((org.doudi.payroll.internal.AwardChangeSteps.Apply) applyStep).apply(r.id());
    assertThat(repeat).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(h.get(1).id()));
    assertThat(awards.history("HH-FE4", Scheme.DIBAO)).hasSize(2);
  }

  @Test
  void badInputIs400AndStoresNothing() throws Exception {
    granted("HH-FE5");
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("{}", "请提供变更类型");
    refused.put("{\"kind\":\"RAISE\",\"reason\":\"r\"}", "变更类型应为 ADJUST、STOP、ACCOUNT 或 TRANSFER");
    refused.put("{\"kind\":\"ADJUST\",\"monthlyAmount\":-5,\"reason\":\"r\"}", "月补助金额必须大于0");
    refused.put("{\"kind\":\"ADJUST\",\"monthlyAmount\":610.123,\"reason\":\"r\"}", "月补助金额最多两位小数");
    refused.put("{\"kind\":\"ADJUST\",\"reason\":\"r\"}", "月补助金额不能为空");
    refused.put("{\"kind\":\"ADJUST\",\"monthlyAmount\":600,\"reason\":\"r\"}", "与现在相同");
    refused.put("{\"kind\":\"ADJUST\",\"monthlyAmount\":95000,\"reason\":\"r\"}", "超过最低生活保障金上限");
    refused.put("{\"kind\":\"ADJUST\",\"monthlyAmount\":\"六百\",\"reason\":\"r\"}", "请求内容无法读取");
    refused.put("{\"kind\":\"ADJUST\",\"monthlyAmount\":650}", "请填写变更原因");
    refused.put("{\"kind\":\"ACCOUNT\",\"bankName\":\"农安农商银行\",\"accountNumber\":\"12ab\",\"reason\":\"r\"}",
        "银行账号应为8至30位数字");
    refused.put("{\"kind\":\"ACCOUNT\",\"accountNumber\":\"6228480011112222\",\"reason\":\"r\"}", "开户银行不能为空");
    refused.put("{\"kind\":\"STOP\",\"scheme\":\"NOPE\",\"reason\":\"r\"}", "未知的救助项目");
    refused.put("not json", "请求内容无法读取");
    assertEachRefused("na-county-approver", "HH-FE5", refused);
    Http.Response noAward = http.send("na-county-approver", "POST", "/api/awards/HH-NONE/changes",
        "{\"kind\":\"STOP\",\"reason\":\"r\"}");
    assertThat(noAward.status()).isEqualTo(400);
    assertThat(noAward.body()).contains("没有待遇记录");
    assertThat(http.send("ng-county-approver", "POST", "/api/awards/HH-FE5/changes",
        "{\"kind\":\"STOP\",\"reason\":\"r\"}").status()).isEqualTo(403);
    assertThat(http.send("nongan-approver", "POST", "/api/awards/HH-FE5/changes",
        "{\"kind\":\"STOP\",\"reason\":\"r\"}").status()).isEqualTo(403);

    assertThat(requestsOf("HH-FE5")).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AwardChangeVariables.PROCESS_KEY)
        .variableValueEquals("beneficiaryKey", "HH-FE5").count()).isZero();
    assertThat(awards.history("HH-FE5", Scheme.DIBAO)).hasSize(1);
  }

  static final String NANGUAN = "220102";
  static final String NANLING_SQ = "220102001001";

  /** An award of 南关区 (城市低保, 1 person), decided by its county approver. */
  AwardRow grantedInNanguan(String key, String amount) {
    return awards.grant(new AwardGrant(key, Scheme.DIBAO, "case-" + key, NANGUAN, NANLING_SQ, "URBAN", 1,
        new Payee(key, "迁" + key.substring(key.length() - 1), personId("220102195001010014", key), "长春农商银行",
        "62284855" + Math.abs(key.hashCode() % 100000000L)), new BigDecimal(amount), LocalDate.parse("2035-01-10"),
        "测试批准"), "ng-county-approver");
  }

  /** The roster rows of the beneficiary for the month (any county): the month is paid once, by one county. */
  List<LedgerEntry> paidFor(String key, YearMonth month) {
    return payments.byKey(Payroll.rosterKey("DIBAO", key, month)).stream().toList();
  }

  int ledgerRows(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE beneficiary_key = ?", Integer.class, key);
  }

  @Test
  void aTransferIsApprovedByTheOldCountyAndFromTheNextMonthOnlyTheNewCountyPays() throws Exception {
    AwardRow granted = granted("HH-FT1");
    JsonNode asked = ask("na-county-approver", "HH-FT1", "{\"kind\":\"TRANSFER\",\"countyCode\":\" 220102 \","
        + "\"regionCode\":\"220102001001\",\"reason\":\"户籍迁入南关区南岭社区，居住地同时变更\"}");
    long id = asked.get("requestId").asLong();
    String pid = asked.get("processInstanceId").asText();

    // stored as asked (trimmed), nothing applied yet; the form names both places and the month
    AwardChangeRequest r = request(id);
    assertThat(r.change().kind()).isEqualTo(AwardChange.Kind.TRANSFER);
    assertThat(r.change().countyCode()).isEqualTo(NANGUAN);
    assertThat(r.change().regionCode()).isEqualTo(NANLING_SQ);
    assertThat(r.countyCode()).isEqualTo(NONGAN);
    assertThat(awards.history("HH-FT1", Scheme.DIBAO)).hasSize(1);
    assertThat(runtime.getVariable(pid, "changeKind")).isEqualTo("迁移：变更发放地");
    assertThat(runtime.getVariable(pid, "changeFrom")).isEqualTo("长春市农安县农安镇宝塔村（220122100201），每月600.00元（1人）");
    assertThat(runtime.getVariable(pid, "changeTo"))
        .isEqualTo("长春市南关区南岭街道南岭社区（220102001001），每月600.00元（1人）");
    assertThat((String) runtime.getVariable(pid, "effectiveNote")).contains("由长春市南关区发放")
        .contains("长春市农安县发放至审批当月").contains("2035-04-01");

    // the old county approves: its candidate group, not the new county's
    Task task = openTask(pid);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("county-approver-" + NONGAN).count())
        .isEqualTo(1);
    assertThat(http.get("ng-county-approver", "/engine-rest/task?processInstanceId=" + pid).body()).isEqualTo("[]");
    // the requester's own approval is refused, the task stays open
    tasks.claim(task.getId(), "na-county-approver");
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("decision", "APPROVE")))
        .hasMessageContaining("不能审批本人提出的待遇变更");
    assertThat(request(id).decision()).isNull();
    tasks.setAssignee(task.getId(), SECOND_APPROVER);
    Http.Response approved = http.send(SECOND_APPROVER, "POST", "/engine-rest/task/" + task.getId() + "/complete",
        variables(Map.of("decision", "APPROVE", "decisionNote", "迁入地已接收")));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(f.runJobs(pid)).isEmpty();

    List<AwardRow> h = awards.history("HH-FT1", Scheme.DIBAO);
    assertThat(h).hasSize(2);
    AwardRow moved = h.get(1);
    assertThat(moved.changeKind()).isEqualTo(AwardRow.ChangeKind.TRANSFER);
    assertThat(moved.countyCode()).isEqualTo(NANGUAN);
    assertThat(moved.regionCode()).isEqualTo(NANLING_SQ);
    assertThat(moved.monthlyAmount()).isEqualByComparingTo("600.00");
    assertThat(moved.effectiveFrom()).isEqualTo(LocalDate.parse("2035-04-01"));
    assertThat(moved.decidedBy()).isEqualTo(SECOND_APPROVER);
    assertThat(request(id).status()).isEqualTo(Status.APPROVED);
    assertThat(request(id).appliedAwardId()).isEqualTo(moved.id());
    // the register holds the person in the new place
    assertThat(register.find(granted.payeeIdNumber())).get().satisfies(holding -> {
      assertThat(holding.countyCode()).isEqualTo(NANGUAN);
      assertThat(holding.regionCode()).isEqualTo(NANLING_SQ);
      assertThat(holding.holderKey()).isEqualTo("HH-FT1");
    });

    // March is 农安县's, April 南关区's: each month once, by one county
    YearMonth march = YearMonth.parse("2035-03");
    YearMonth april = YearMonth.parse("2035-04");
    payroll.computeRoster(NONGAN, march, "system");
    payroll.computeRoster(NONGAN, april, "system");
    payroll.computeRoster(NANGUAN, april, "system");
    assertThat(paidFor("HH-FT1", march)).singleElement().satisfies(e -> assertThat(e.countyCode()).isEqualTo(NONGAN));
    assertThat(paidFor("HH-FT1", april)).singleElement().satisfies(e -> {
      assertThat(e.countyCode()).isEqualTo(NANGUAN);
      assertThat(e.regionCode()).isEqualTo(NANLING_SQ);
      assertThat(e.amount()).isEqualByComparingTo("600.00");
    });
    assertThat(awards.activeIn(Scheme.DIBAO, NONGAN, april)).noneMatch(a -> a.beneficiaryKey().equals("HH-FT1"));
    assertThat(ledgerRows("HH-FT1")).isEqualTo(2);

    // applied once: the step again, or the same transfer again, writes nothing
    var repeat = ((org.doudi.payroll.internal.AwardChangeSteps.Apply) applyStep).apply(id);
    assertThat(repeat).hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(moved.id()));
    assertThat(awards.apply("HH-FT1", Scheme.DIBAO, request(id).change(), request(id).caseRef(),
        LocalDate.parse("2035-03-10"), request(id).reason(), SECOND_APPROVER).id()).isEqualTo(moved.id());
    assertThat(awards.history("HH-FT1", Scheme.DIBAO)).hasSize(2);

    // the new county sees the award and adjusts it to its own standard with its own request; the old county keeps
    // its record but no longer changes the award
    assertThat(http.get("ng-county-cw", "/api/awards/HH-FT1").status()).isEqualTo(200);
    assertThat(http.get("na-county-cw", "/api/awards/HH-FT1/change-requests").body()).contains("\"TRANSFER\"")
        .contains("\"APPROVED\"");
    assertThat(http.send("na-county-cw", "POST", "/api/awards/HH-FT1/changes",
        "{\"kind\":\"STOP\",\"reason\":\"r\"}").status()).isEqualTo(403);
    JsonNode adjust = ask("ng-county-cw", "HH-FT1", "{\"kind\":\"ADJUST\",\"monthlyAmount\":650,"
        + "\"reason\":\"按南关区标准重新核定\"}");
    Task adjustTask = openTask(adjust.get("processInstanceId").asText());
    assertThat(tasks.createTaskQuery().taskId(adjustTask.getId()).taskCandidateGroup("county-approver-" + NANGUAN)
        .count()).isEqualTo(1);
    assertThat(request(adjust.get("requestId").asLong()).countyCode()).isEqualTo(NANGUAN);
  }

  @Test
  void aTransferAboveTheNewCountysCeilingIsRefusedUntilTheAmountIsLowered() throws Exception {
    // 南关区 城市低保 760.00 + 30 % = 988.00; 农安县 660.00 + 30 % = 858.00
    grantedInNanguan("HH-FT2", "900");
    String toNongan = "{\"kind\":\"TRANSFER\",\"countyCode\":\"220122\",\"regionCode\":\"220122100\","
        + "\"reason\":\"迁往农安县农安镇\"}";
    Http.Response refused = http.send("ng-county-cw", "POST", "/api/awards/HH-FT2/changes", toNongan);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("迁移不改变月补助金额").contains("900.00").contains("农安县")
        .contains("858.00").contains("请先申请减发");
    assertThat(requestsOf("HH-FT2")).isZero();

    // 减发 first (approved by 南关区), then the transfer; both from April, so 南关区 never pays the lower amount
    JsonNode lower = ask("ng-county-cw", "HH-FT2", "{\"kind\":\"ADJUST\",\"monthlyAmount\":850,"
        + "\"reason\":\"迁往农安县，按迁入地标准减发\"}");
    f.complete(lower.get("processInstanceId").asText(), "Task_ApproveChange", "ng-county-approver",
        Map.of("decision", "APPROVE"));
    assertThat(f.runJobs(lower.get("processInstanceId").asText())).isEmpty();
    JsonNode move = ask("ng-county-cw", "HH-FT2", toNongan);
    assertThat(runtime.getVariable(move.get("processInstanceId").asText(), "changeTo"))
        .isEqualTo("长春市农安县农安镇（220122100），每月850.00元（1人）");
    f.complete(move.get("processInstanceId").asText(), "Task_ApproveChange", "ng-county-approver",
        Map.of("decision", "APPROVE"));
    assertThat(f.runJobs(move.get("processInstanceId").asText())).isEmpty();

    assertThat(awards.current("HH-FT2", Scheme.DIBAO, YearMonth.parse("2035-03")).orElseThrow()).satisfies(a -> {
      assertThat(a.countyCode()).isEqualTo(NANGUAN);
      assertThat(a.monthlyAmount()).isEqualByComparingTo("900.00");
    });
    assertThat(awards.current("HH-FT2", Scheme.DIBAO, YearMonth.parse("2035-04")).orElseThrow()).satisfies(a -> {
      assertThat(a.changeKind()).isEqualTo(AwardRow.ChangeKind.TRANSFER);
      assertThat(a.countyCode()).isEqualTo(NONGAN);
      assertThat(a.regionCode()).isEqualTo("220122100");
      assertThat(a.monthlyAmount()).isEqualByComparingTo("850.00");
    });
  }

  @Test
  void theNewCountysFirstMonthIsPaidWhenItsRosterCameFirstAndNeverTwice() {
    // 2035-05: the new county's roster is under review when the transfer is approved: it joins that roster
    clockAt("2035-04-20T09:00");
    granted("HH-FT3");
    YearMonth may = YearMonth.parse("2035-05");
    payroll.computeRoster(NANGUAN, may, "system");
    AwardChangeRequest r = changes.request("HH-FT3", Scheme.DIBAO, AwardChange.transfer(NANGUAN, NANLING_SQ), null,
        "迁入南岭社区", "na-county-cw");
    f.complete(r.processInstanceId(), "Task_ApproveChange", "na-county-approver", Map.of("decision", "APPROVE"));
    assertThat(f.runJobs(r.processInstanceId())).isEmpty();
    assertThat(paidFor("HH-FT3", may)).singleElement().satisfies(e -> assertThat(e.countyCode()).isEqualTo(NANGUAN));
    payroll.computeRoster(NONGAN, may, "system");
    assertThat(paidFor("HH-FT3", may)).hasSize(1);

    // 2035-06: both counties' rosters approved before the transfer: the old county's pays June, nobody again
    clockAt("2035-05-20T09:00");
    granted("HH-FT4");
    YearMonth june = YearMonth.parse("2035-06");
    payroll.approve(payroll.computeRoster(NONGAN, june, "system").runId(), "na-county-approver");
    payroll.approve(payroll.computeRoster(NANGUAN, june, "system").runId(), "ng-county-approver");
    AwardChangeRequest r4 = changes.request("HH-FT4", Scheme.DIBAO, AwardChange.transfer(NANGUAN, NANLING_SQ), null,
        "迁入南岭社区", "na-county-cw");
    f.complete(r4.processInstanceId(), "Task_ApproveChange", "na-county-approver", Map.of("decision", "APPROVE"));
    assertThat(f.runJobs(r4.processInstanceId())).isEmpty();
    assertThat(request(r4.id()).status()).isEqualTo(Status.APPROVED);
    assertThat(paidFor("HH-FT4", june)).singleElement().satisfies(e -> assertThat(e.countyCode()).isEqualTo(NONGAN));
    assertThat(ledgerRows("HH-FT4")).isEqualTo(1);
  }

  @Test
  void aBadTransferIs400AndStoresNothing() throws Exception {
    granted("HH-FT5");
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put(moveTo(null, null), "请填写迁入县（市、区）代码");
    refused.put(moveTo("220102", null), "请填写迁入地");
    refused.put(moveTo("2201", "220102001"), "应为6位数字");
    refused.put(moveTo("220102", "2201a2001"), "应为乡镇（街道）9位或村（社区）12位数字");
    refused.put(moveTo("229999", "229999001"), "229999不存在");
    refused.put(moveTo("220100", "220102001"), "是长春市，不是县（市、区）");
    refused.put(moveTo("220102", "220102009"), "迁入地代码220102009不存在");
    refused.put(moveTo("220102", "220122100201"), "迁入地长春市农安县农安镇宝塔村（220122100201）不属于南关区（220102）");
    refused.put(moveTo("220122", "220122100201"), "迁入地与现在的发放地相同");
    refused.put("{\"kind\":\"TRANSFER\",\"countyCode\":\"220102\",\"regionCode\":\"220102001001\"}",
        "请填写变更原因");
    assertEachRefused("na-county-cw", "HH-FT5", refused);
    // only the award's own county asks, not the county it moves to
    assertThat(http.send("ng-county-cw", "POST", "/api/awards/HH-FT5/changes", moveTo(NANGUAN, NANLING_SQ)).status())
        .isEqualTo(403);
    assertThat(requestsOf("HH-FT5")).isZero();
    assertThat(awards.history("HH-FT5", Scheme.DIBAO)).hasSize(1);
    assertThat(register.find(awards.history("HH-FT5", Scheme.DIBAO).get(0).payeeIdNumber())).get()
        .satisfies(holding -> assertThat(holding.countyCode()).isEqualTo(NONGAN));
  }
}
