package org.doudi.supervision.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.ProcessFixture;
import org.doudi.supervision.escalation.persistence.EscalationRepository;
import org.doudi.supervision.escalation.persistence.EscalationRepository.EscalationRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 督办 (issue 17 item 2): a missed limit gives the next level up exactly one 督办 however often the sweep runs; a limit
 * due on Friday waits for Monday; the instruction is recorded and put on the late task; bad form input changes nothing;
 * a late task finished before the 督办 leaves the 督办 open and says so; lateness counts per office over the API.
 */
@DoudiTest
class EscalationProcessTest {

  static final String VILLAGE = "220122100201"; // 宝塔村, township 农安镇 220122100, county 农安县 220122
  static final String OTHER_VILLAGE = "220122101"; // 伏龙泉镇 (a township code is a valid case region too)

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired EscalationRepository records;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.doudi.supervision.escalation.internal.SupervisingOffice offices;
  @LocalServerPort int port;
  ProcessFixture f;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    engine.getRepositoryService().createDeployment().name("escalation-tests").enableDuplicateFiltering(true)
        .addClasspathResource("supervision/escalation-test-case.bpmn").deploy();
    f = new ProcessFixture(tasks, management);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  String startCase(String region) {
    return runtime.startProcessInstanceByKey("escalation-test-case", "TEST-" + System.nanoTime(),
        Map.of("regionCode", region)).getId();
  }

  /** The hourly timer fires and the sweep instance runs to its end, as the job executor would. */
  void sweep() {
    Job timer = management.createJobQuery().processDefinitionKey(EscalationVariables.SWEEP_PROCESS).timers().list()
        .stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    management.executeJob(timer.getId());
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = management.createJobQuery().processDefinitionKey(EscalationVariables.SWEEP_PROCESS).list()
          .stream().filter(j -> j.getProcessInstanceId() != null).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
    throw new AssertionError("the sweep does not end");
  }

  List<EscalationRow> escalationsOf(String pid) {
    return jdbc.queryForList("SELECT id FROM supervision_escalation WHERE late_process_instance_id = ? ORDER BY id",
        Long.class, pid).stream().map(id -> records.find(id).orElseThrow()).toList();
  }

  Task superviseTask(EscalationRow r) {
    return f.task(r.escalationProcessId(), EscalationVariables.SUPERVISE_TASK);
  }

  List<String> candidateGroups(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).sorted().toList();
  }

  Map<String, Object> instruction(String text, String category, Object days) {
    return ProcessFixture.vars("supervisionInstruction", text, "supervisionCategory", category,
        "holderWorkingDays", days);
  }

  /**
   * The sweep starts by its own timer, with no user and no case: it is the province's scheduled process (region
   * 220000, read by the province's staff), not an instance "started without regionCode" (the hourly warning).
   */
  @Test
  void theTimerStartedSweepIsTheProvincesProcess() {
    ProcessFixture.clockAt("2026-03-02T09:00");
    java.util.Set<String> before = new java.util.HashSet<>(engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(EscalationVariables.SWEEP_PROCESS).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList());
    sweep();
    var run = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(EscalationVariables.SWEEP_PROCESS).list().stream()
        .filter(h -> !before.contains(h.getId())).findFirst().orElseThrow();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(run.getId())
        .variableName("regionCode").singleResult().getValue()).isEqualTo("220000");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("region-220000")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE)
        .resourceId(run.getId()).count()).isEqualTo(1);
    // and a case's process started by a person keeps its own region
    assertThat(runtime.getVariable(startCase(VILLAGE), "regionCode")).isEqualTo(VILLAGE);
  }

  @Test
  void aMissedTownshipLimitGivesTheCountyExactlyOne督办WithTheCaseTheLimitAndTheHolder() {
    ProcessFixture.clockAt("2026-03-02T09:00"); // Monday: 3 working days → Thursday 03-05 17:00
    String pid = startCase(VILLAGE);
    ProcessFixture.clockAt("2026-03-05T18:00"); // passed, but the next working day has not begun
    sweep();
    assertThat(escalationsOf(pid)).isEmpty();

    ProcessFixture.clockAt("2026-03-06T08:00"); // Friday
    sweep();
    sweep(); // a second run (a retry, the next hour) adds nothing
    // the task's due date and the boundary timer at the same moment are one limit
    EscalationRow r = escalationsOf(pid).stream().reduce((a, b) -> {
      throw new AssertionError("more than one escalation for one limit: " + a + " / " + b);
    }).orElseThrow();
    assertThat(r.status()).isEqualTo("OPEN");
    assertThat(r.officeCode()).isEqualTo("220122100");
    assertThat(r.officeLevel()).isEqualTo("TOWNSHIP");
    assertThat(r.supervisingRegionCode()).isEqualTo("220122");
    assertThat(r.workingDaysOverdue()).isEqualTo(1);
    assertThat(r.lateActivityId()).isIn("Task_TownshipCheck", "BoundaryEvent_CheckOverdue");
    assertThat(r.holderGroups()).isEqualTo("township-caseworker-220122100");

    Task t = superviseTask(r);
    assertThat(candidateGroups(t)).containsExactly("county-approver-220122", "supervisor-220122");
    assertThat(tasks.createTaskQuery().taskId(t.getId()).taskCandidateUser("na-supervisor").count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(t.getId()).taskCandidateUser("nongan-cw").count()).isZero();
    // the 督办 itself has 3 working days: Wednesday 03-11
    assertThat(ProcessFixture.local(t.getDueDate())).isEqualTo("2026-03-11T17:00");
    Map<String, Object> v = runtime.getVariables(r.escalationProcessId());
    assertThat(v).containsEntry("lateProcessName", "测试：督办案件")
        .containsEntry("lateActivityName", "入户核查")
        .containsEntry("lateProcessInstanceId", pid)
        .containsEntry("limitDue", "2026-03-05 17:00")
        .containsEntry("workingDaysOverdue", 1L)
        .containsEntry("lateStepState", "逾期未办结")
        .containsEntry("regionCode", "220122");
    assertThat((String) v.get("lateBusinessKey")).startsWith("TEST-");
    assertThat((String) v.get("caseRegionName")).contains("农安县农安镇宝塔村");
    assertThat((String) v.get("lateOfficeName")).contains("农安镇");
    assertThat((String) v.get("lateHolder")).contains("农安镇 乡镇（街道）经办人");
    assertThat((String) v.get("limitRule")).contains("自 2026-03-02 起 3个工作日", "3个工作日内完成入户核查");
  }

  @Test
  void aLimitDueOnFridayIsNotEscalatedOverTheWeekendButOnMonday() {
    ProcessFixture.clockAt("2026-03-03T09:00"); // Tuesday: due Friday 03-06 17:00
    String pid = startCase(VILLAGE);
    ProcessFixture.clockAt("2026-03-07T10:00"); // Saturday
    sweep();
    ProcessFixture.clockAt("2026-03-08T22:00"); // Sunday
    sweep();
    assertThat(escalationsOf(pid)).isEmpty();

    ProcessFixture.clockAt("2026-03-09T00:30"); // Monday, a working day has begun
    sweep();
    assertThat(escalationsOf(pid)).singleElement().satisfies(r -> {
      assertThat(r.workingDaysOverdue()).isEqualTo(1);
      assertThat(r.escalatedOn()).isEqualTo("2026-03-09");
    });
  }

  @Test
  void aCountysMissedLimitGoesToTheCitysSupervisors() {
    ProcessFixture.clockAt("2026-03-02T09:00");
    String pid = startCase(VILLAGE);
    f.complete(pid, "Task_TownshipCheck", "nongan-cw", Map.of()); // in time; county: 2 working days → Wed 03-04
    ProcessFixture.clockAt("2026-03-05T09:00");
    sweep();

    EscalationRow r = escalationsOf(pid).stream().filter(e -> e.lateActivityId().equals("Task_CountyConfirm"))
        .findFirst().orElseThrow();
    assertThat(escalationsOf(pid)).hasSize(1);
    assertThat(r.officeCode()).isEqualTo("220122");
    assertThat(r.officeLevel()).isEqualTo("COUNTY");
    assertThat(r.supervisingRegionCode()).isEqualTo("220100");
    assertThat(candidateGroups(superviseTask(r))).containsExactly("supervisor-220100");
    assertThat(tasks.createTaskQuery().taskId(superviseTask(r).getId()).taskCandidateUser("supervisor").count())
        .isEqualTo(1);
    assertThat(tasks.createTaskQuery().taskId(superviseTask(r).getId()).taskCandidateUser("na-supervisor").count())
        .isZero();
  }

  @Test
  void theInstructionIsRecordedAndShownOnTheLateTask() {
    ProcessFixture.clockAt("2026-03-02T09:00");
    String pid = startCase(VILLAGE);
    ProcessFixture.clockAt("2026-03-06T09:00");
    sweep();
    EscalationRow r = escalationsOf(pid).get(0);
    Task late = f.task(pid, "Task_TownshipCheck");

    // as Tasklist does it: signed in, with the engine's authorization checks (the supervisor may not touch the late task)
    identity.setAuthentication("na-supervisor", List.of("supervisor-220122", "region-220122"));
    try {
      Task t = superviseTask(r);
      tasks.claim(t.getId(), "na-supervisor");
      tasks.complete(t.getId(), instruction("请于本周内完成入户核查并说明超时原因", "RECTIFY", 5L));
    } finally {
      identity.clearAuthentication();
    }
    f.runJobs(r.escalationProcessId());

    EscalationRow handled = records.find(r.id()).orElseThrow();
    assertThat(handled.status()).isEqualTo("HANDLED");
    assertThat(handled.category()).isEqualTo("RECTIFY");
    assertThat(handled.instruction()).isEqualTo("请于本周内完成入户核查并说明超时原因");
    assertThat(handled.holderWorkingDays()).isEqualTo(5);
    assertThat(handled.holderDueOn()).isEqualTo("2026-03-13"); // Friday 03-06 + 5 working days
    assertThat(handled.handledBy()).isEqualTo("na-supervisor");
    assertThat(handled.commentTaskId()).isEqualTo(late.getId());
    assertThat(handled.lateStepDoneAt()).isNull();
    List<Comment> comments = tasks.getTaskComments(late.getId());
    assertThat(comments).singleElement().satisfies(c -> {
      assertThat(c.getFullMessage()).contains("【督办·限期整改】请于本周内完成入户核查并说明超时原因", "na-supervisor",
          "2026-03-13", "2026-03-05 17:00");
      assertThat(c.getUserId()).isEqualTo("na-supervisor");
    });
    // the late step is still open: the 督办 waits for the holder's 督办期限 (its end: 03-13 17:00, a timer)
    assertThat(runtime.createExecutionQuery().processInstanceId(r.escalationProcessId())
        .activityId("Task_AwaitHolder").count()).isEqualTo(1);
    // the late task is untouched: still the township's, still open
    assertThat(f.task(pid, "Task_TownshipCheck").getId()).isEqualTo(late.getId());
  }

  /** Handles the 督办 as the county's supervisor, giving the holder {@code days} working days. */
  void handle(EscalationRow r, String supervisor, List<String> groups, long days) {
    identity.setAuthentication(supervisor, groups);
    try {
      Task t = superviseTask(r);
      tasks.claim(t.getId(), supervisor);
      tasks.complete(t.getId(), instruction("请限期办结入户核查并说明超时原因", "RECTIFY", days));
    } finally {
      identity.clearAuthentication();
    }
    f.runJobs(r.escalationProcessId());
  }

  /** The calendar's record of the 督办期限 (the holder's clock in the deadline monitor). */
  List<Map<String, Object>> holderClock(String escalationProcessId) {
    return jdbc.queryForList("SELECT deadline_kind, status, due_at, day_basis FROM cal_deadline "
        + "WHERE process_instance_id = ? AND activity_id = 'BoundaryEvent_HolderDeadlinePassed'", escalationProcessId);
  }

  /**
   * Deviation: the holder lets the 督办期限 pass. The county's 督办 (5 working days from Friday 03-06: Friday 03-13) waits
   * on its timer, a working-day clock the deadline monitor shows; at its end with the late step still open the city's
   * supervisors get a second 督办, counted as another missed limit of the township, its form saying why.
   */
  @Test
  void aHolderWhoLetsThe督办期限PassGetsASecond督办FromTheLevelAbove() {
    ProcessFixture.clockAt("2026-03-02T09:00");
    String pid = startCase(VILLAGE);
    ProcessFixture.clockAt("2026-03-06T09:00");
    sweep();
    EscalationRow r = escalationsOf(pid).get(0);
    handle(r, "na-supervisor", List.of("supervisor-220122", "region-220122"), 5L);

    assertThat(runtime.createExecutionQuery().processInstanceId(r.escalationProcessId())
        .activityId("Task_AwaitHolder").count()).isEqualTo(1);
    Job timer = management.createJobQuery().processInstanceId(r.escalationProcessId()).timers().singleResult();
    assertThat(ProcessFixture.local(timer.getDuedate())).isEqualTo("2026-03-13T17:00");
    assertThat(holderClock(r.escalationProcessId())).singleElement().satisfies(c -> {
      assertThat(c.get("deadline_kind")).isEqualTo("TIMER");
      assertThat(c.get("status")).isEqualTo("OPEN");
      assertThat(c.get("day_basis")).isEqualTo("WORKING");
    });

    // before its end nothing happens; the sweep does not escalate the 督办's own clock
    ProcessFixture.clockAt("2026-03-13T16:00");
    f.runJobs(r.escalationProcessId());
    sweep();
    assertThat(escalationsOf(pid)).hasSize(1);

    ProcessFixture.clockAt("2026-03-13T17:30");
    f.runJobs(r.escalationProcessId());
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(r.escalationProcessId())
        .activityId("EndEvent_Raised").count()).isEqualTo(1);
    assertThat(holderClock(r.escalationProcessId())).singleElement()
        .satisfies(c -> assertThat(c.get("status")).isEqualTo("CLOSED"));
    List<EscalationRow> rows = escalationsOf(pid);
    assertThat(rows).hasSize(2);
    EscalationRow second = rows.get(1);
    assertThat(second.limitKey()).isEqualTo("holder:" + r.id());
    assertThat(second.deadlineKind()).isEqualTo("HOLDER");
    assertThat(second.officeCode()).as("the same late office: counted again").isEqualTo("220122100");
    assertThat(second.supervisingRegionCode()).isEqualTo("220100");
    assertThat(second.workingDaysOverdue()).isEqualTo(6); // 03-05 due: 03-06 … 03-13
    assertThat(second.limitRule()).contains("第1次督办", "2026-03-13", "na-supervisor");
    assertThat(second.status()).isEqualTo("OPEN");
    Task cityTask = superviseTask(second);
    assertThat(candidateGroups(cityTask)).containsExactly("supervisor-220100");
    Map<String, Object> v = runtime.getVariables(second.escalationProcessId());
    assertThat(v).containsEntry("escalationLevel", 2).containsEntry("regionCode", "220100")
        .containsEntry("limitDue", "2026-03-13 下班前");
    assertThat((String) v.get("limitKindLabel")).contains("提级督办");
    // the city's 督办 is handled and watched in turn; the step is finished in time: the wait ends, nothing more
    handle(second, "supervisor", List.of("supervisor-220100", "region-220100"), 2L);
    ProcessFixture.clockAt("2026-03-16T10:00");
    f.complete(pid, "Task_TownshipCheck", "nongan-cw", Map.of());
    ProcessFixture.clockAt("2026-03-16T11:00");
    sweep();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(second.escalationProcessId())
        .activityId("EndEvent_HolderDone").count()).isEqualTo(1);
    assertThat(records.find(second.id()).orElseThrow().lateStepDoneAt()).isNotNull();
    assertThat(holderClock(second.escalationProcessId())).singleElement()
        .satisfies(c -> assertThat(c.get("status")).isEqualTo("CLOSED"));
    ProcessFixture.clockAt("2026-03-18T18:00");
    sweep();
    assertThat(escalationsOf(pid)).filteredOn(e -> "HOLDER".equals(e.deadlineKind())).hasSize(1);
  }

  /** A 督办 handled after the late step finished is not watched: it ends at once. */
  @Test
  void a督办HandledAfterTheStepFinishedIsNotWatched() {
    ProcessFixture.clockAt("2026-03-02T09:00");
    String pid = startCase(VILLAGE);
    ProcessFixture.clockAt("2026-03-06T09:00");
    sweep();
    EscalationRow r = escalationsOf(pid).get(0);
    f.complete(pid, "Task_TownshipCheck", "nongan-cw", Map.of());
    handle(r, "na-supervisor", List.of("supervisor-220122", "region-220122"), 3L);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(r.escalationProcessId())
        .activityId("EndEvent_Supervised").count()).isEqualTo(1);
    assertThat(holderClock(r.escalationProcessId())).isEmpty();
  }

  @Test
  void badFormInputIsRefusedAndChangesNothing() {
    ProcessFixture.clockAt("2026-03-02T09:00");
    String pid = startCase(VILLAGE);
    ProcessFixture.clockAt("2026-03-06T09:00");
    sweep();
    EscalationRow r = escalationsOf(pid).get(0);
    Task t = superviseTask(r);
    tasks.claim(t.getId(), "na-supervisor");
    Task late = f.task(pid, "Task_TownshipCheck");

    refused(t, ProcessFixture.vars("supervisionCategory", "URGE", "holderWorkingDays", 3L), "督办意见");
    refused(t, instruction("快办", "URGE", 3L), "至少 5 个字");
    refused(t, instruction("x".repeat(1001), "URGE", 3L), "最多 1000 个字");
    refused(t, instruction("请尽快办理并报告原因", "SCOLD", 3L), "督办方式");
    refused(t, instruction("请尽快办理并报告原因", "URGE", 0L), "不能小于 1");
    refused(t, instruction("请尽快办理并报告原因", "URGE", 31L), "不能大于 30");
    refused(t, instruction("请尽快办理并报告原因", "URGE", 2.5), "0 位小数");
    refused(t, instruction("      ", "URGE", 3L), "督办意见");
    refused(t, instruction("请尽快办理并报告原因", "URGE", "三天"), "应为数字");
    refused(t, ProcessFixture.vars("supervisionInstruction", "请尽快办理并报告原因", "supervisionCategory", "URGE"),
        "督办期限");

    assertThat(records.find(r.id()).orElseThrow().status()).isEqualTo("OPEN");
    assertThat(tasks.getTaskComments(late.getId())).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(t.getId()).count()).isEqualTo(1);
  }

  void refused(Task t, Map<String, Object> values, String message) {
    // the form's own rules (engine FormRules) or the listener (EscalationSteps) refuse; the REST API answers 400
    assertThatThrownBy(() -> tasks.complete(t.getId(), values)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aLateTaskFinishedBeforeThe督办LeavesThe督办OpenAndSaysSo() {
    ProcessFixture.clockAt("2026-03-02T09:00");
    String pid = startCase(VILLAGE);
    ProcessFixture.clockAt("2026-03-06T09:00");
    sweep();
    EscalationRow r = escalationsOf(pid).get(0);
    ProcessFixture.clockAt("2026-03-06T10:15");
    f.complete(pid, "Task_TownshipCheck", "nongan-cw", Map.of());

    ProcessFixture.clockAt("2026-03-06T11:00");
    sweep();
    assertThat(escalationsOf(pid)).hasSize(1); // the county's step is not late yet
    Task t = superviseTask(r);
    assertThat((String) runtime.getVariable(r.escalationProcessId(), "lateStepState"))
        .isEqualTo("已于 2026-03-06 10:15 前后办结（督办前），逾期事实仍须督办记录");
    assertThat(records.find(r.id()).orElseThrow().lateStepDoneAt()).isNotNull();

    tasks.claim(t.getId(), "na-county-approver");
    tasks.complete(t.getId(), instruction("已逾期1个工作日，提醒今后按时办理", "URGE", 3L));
    EscalationRow handled = records.find(r.id()).orElseThrow();
    assertThat(handled.status()).isEqualTo("HANDLED");
    assertThat(handled.handledBy()).isEqualTo("na-county-approver");
    assertThat(handled.commentTaskId()).as("no late task left to comment on").isNull();
    assertThat(tasks.getProcessInstanceComments(pid)).anySatisfy(c ->
        assertThat(c.getFullMessage()).contains("【督办·催办】已逾期1个工作日"));
  }

  @Test
  void latenessIsCountedPerOfficeAndRepeatedLatenessFlagged() throws Exception {
    // far from the other tests' dates, so that only these cases are escalated on the day counted
    ProcessFixture.clockAt("2027-06-01T09:00"); // Tuesday (2027 counts Monday–Friday until its notice is loaded)
    sweep();
    String first = startCase(OTHER_VILLAGE);
    String second = startCase(OTHER_VILLAGE);
    String onTime = startCase(OTHER_VILLAGE);
    f.complete(onTime, "Task_TownshipCheck", "fulongquan-cw", Map.of());
    ProcessFixture.clockAt("2027-06-07T09:00"); // Monday: the two township limits (Friday) are missed
    sweep();
    assertThat(escalationsOf(first)).hasSize(1);
    assertThat(escalationsOf(second)).hasSize(1);
    f.complete(escalationsOf(first).get(0).escalationProcessId(), EscalationVariables.SUPERVISE_TASK,
        "na-supervisor", instruction("两件超时，约谈乡镇经办人", "INTERVIEW", 2L));

    Http http = new Http(port);
    Http.Response r = http.get("na-supervisor", "/api/supervision/lateness?from=2027-06-07&to=2027-06-07"
        + "&region=220122101");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = json.readTree(r.body());
    assertThat(report.get("repeatedThreshold").asInt()).isEqualTo(2);
    JsonNode office = report.get("offices").get(0);
    assertThat(report.get("offices")).hasSize(1);
    assertThat(office.get("officeCode").asText()).isEqualTo("220122101");
    assertThat(office.get("officeName").asText()).contains("伏龙泉镇");
    assertThat(office.get("missedLimits").asLong()).isEqualTo(2);
    assertThat(office.get("escalationsHandled").asLong()).isEqualTo(1);
    assertThat(office.get("escalationsOpen").asLong()).isEqualTo(1);
    assertThat(office.get("repeatedLateness").asBoolean()).isTrue();

    Http.Response list = http.get("na-supervisor", "/api/supervision/escalations?processInstanceId=" + first);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonNode item = json.readTree(list.body()).get("items").get(0);
    assertThat(item.get("instruction").asText()).isEqualTo("两件超时，约谈乡镇经办人");
    assertThat(item.get("categoryLabel").asText()).isEqualTo("约谈提醒");
    assertThat(item.get("status").asText()).isEqualTo("HANDLED");
    assertThat(json.readTree(http.get("na-supervisor", "/api/supervision/escalations?status=OPEN&processInstanceId="
        + second).body()).get("items")).hasSize(1);

    // scoped: 南关区's supervisor-less staff see nothing of 农安县, and may not ask for it
    assertThat(json.readTree(http.get("ng-county-approver", "/api/supervision/escalations?processInstanceId=" + first)
        .body()).get("items")).isEmpty();
    assertThat(http.get("ng-county-approver", "/api/supervision/lateness?from=2027-06-07&to=2027-06-07"
        + "&region=220122101").status()).isEqualTo(403);
    // Chinese 400s
    assertBadRequest(http.get("na-supervisor", "/api/supervision/lateness?from=2027-6-7&to=2027-06-07"), "YYYY-MM-DD");
    assertBadRequest(http.get("na-supervisor", "/api/supervision/lateness?from=2027-06-08&to=2027-06-07"), "晚于");
    assertBadRequest(http.get("na-supervisor", "/api/supervision/lateness?from=2025-01-01&to=2027-06-07"), "366");
    assertBadRequest(http.get("na-supervisor", "/api/supervision/lateness?to=2027-06-07"), "缺少参数 from");
    assertBadRequest(http.get("na-supervisor", "/api/supervision/lateness?from=2027-06-01&to=2027-06-07&region=99"),
        "不存在");
    assertBadRequest(http.get("na-supervisor", "/api/supervision/escalations?status=LATE"), "OPEN 或 HANDLED");
    assertBadRequest(http.get("na-supervisor", "/api/supervision/escalations?size=0"), "size");
    // roles without a view of cases
    assertThat(http.get("analyst", "/api/supervision/lateness?from=2027-06-07&to=2027-06-07").status()).isEqualTo(403);
    assertThat(http.get("baota", "/api/supervision/escalations").status()).isEqualTo(403);
  }

  void assertBadRequest(Http.Response r, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains(message);
  }

  @Test
  void nobodyStartsThe督办ProcessesByHandAndA督办IsNotEscalatedAgain() {
    ProcessFixture.clockAt("2026-04-06T09:00"); // 清明 holiday Monday: the case's limit is Thursday 04-09
    String pid = startCase(VILLAGE);
    ProcessFixture.clockAt("2026-04-10T09:00");
    sweep();
    EscalationRow r = escalationsOf(pid).get(0);
    ProcessFixture.clockAt("2026-04-20T09:00"); // the 督办's own 3 working days have long passed
    sweep();
    assertThat(escalationsOf(r.escalationProcessId())).isEmpty();
    assertThat(escalationsOf(pid)).hasSize(1);
    assertThat(org.doudi.identity.ProcessStarters.rule(EscalationVariables.ESCALATION_PROCESS).orElseThrow().roles())
        .isEmpty();
    assertThat(org.doudi.identity.ProcessStarters.rule(EscalationVariables.SWEEP_PROCESS).orElseThrow().roles())
        .isEmpty();
  }

  @Test
  void theHoldingOfficeAndTheLevelAbove() {
    // a village assistant's step belongs to the township, which the county supervises
    var village = offices.resolve(List.of("village-assistant-220122100201"), null, VILLAGE);
    assertThat(village.officeCode()).isEqualTo("220122100");
    assertThat(village.supervisingGroups()).containsExactly("supervisor-220122", "county-approver-220122");
    // several candidate groups: the lowest office holds the step
    assertThat(offices.resolve(List.of("county-caseworker-220122", "township-caseworker-220122100"), null, VILLAGE)
        .officeCode()).isEqualTo("220122100");
    // a city's step goes to the province; the province's stays there
    var city = offices.resolve(List.of("supervisor-220100"), null, VILLAGE);
    assertThat(city.officeLevel()).isEqualTo(org.doudi.region.RegionLevel.CITY);
    assertThat(city.supervisingGroups()).containsExactly("supervisor-220000");
    assertThat(offices.resolve(List.of("supervisor-220000"), null, null).supervisingGroups())
        .containsExactly("supervisor-220000");
    // no candidate group: the assignee's role within the case's region, else the case's region
    assertThat(offices.resolve(List.of(), "na-county-cw", VILLAGE).officeCode()).isEqualTo("220122");
    assertThat(offices.resolve(List.of(), null, "220102001001").officeCode()).isEqualTo("220102001");
    assertThat(offices.resolve(List.of(), null, "220102001001").supervisingGroups())
        .containsExactly("supervisor-220102", "county-approver-220102");
  }
}
