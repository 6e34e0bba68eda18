package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardChangeRequest.Status;
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
 * Four eyes on manual award changes: POST /api/awards/{key}/changes stores a request and starts
 * award-change-approval; nothing changes until another county approver of the award's county approves; the
 * requester's own approval is refused on the server (TaskService and REST alike, the task stays open); townships and
 * other counties neither see nor claim the task; rejection; a failed or repeated apply job applies once; bad input
 * is 400 and stores nothing.
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
        "{\"kind\":\"STOP\",\"reason\":\"迁出\"}");
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
    AwardChangeRequest r = changes.request("HH-FE3", Scheme.DIBAO, AwardChange.stop(), null, "收入超过标准",
        "na-county-cw");
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
    refused.put("{\"kind\":\"RAISE\",\"reason\":\"r\"}", "变更类型应为 ADJUST、STOP 或 ACCOUNT");
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
    for (var e : refused.entrySet()) {
      Http.Response r = http.send("na-county-approver", "POST", "/api/awards/HH-FE5/changes", e.getKey());
      assertThat(r.status()).as(e.getKey() + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(e.getKey()).contains(e.getValue());
    }
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
}
