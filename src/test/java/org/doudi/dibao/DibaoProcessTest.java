package org.doudi.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.dibao.DibaoFixture.*;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.doudi.calendar.CaseClock;
import org.doudi.dibao.DibaoCases.StartedCase;
import org.doudi.dibao.internal.DibaoFormException;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.Households;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 低保 process: the happy path and each deviation of issue 3 item 7, with the engine clock moved across the 2026
 * Spring Festival (holidays 02-15…02-23, make-up working days 02-14 and 02-28) and jobs executed by the test.
 */
@DoudiTest
class DibaoProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DibaoCases cases;
  @Autowired Households households;
  @Autowired DibaoRepository records;
  @Autowired CaseClock caseClock;
  @Autowired DibaoSettings settings;

  DibaoFixture f;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    f = new DibaoFixture(tasks, management);
    clockAt("2026-02-11T09:00"); // Wednesday before the Spring Festival holidays
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    settings.setAppraisalMode(DibaoSettings.AppraisalMode.AFTER_OBJECTION);
    AbstractAssertions.reset();
  }

  ProcessInstance instance(String id) {
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult() != null
        ? runtime.createProcessInstanceQuery().processInstanceId(id).singleResult()
        : null;
  }

  StartedCase applyAndAccept(org.doudi.household.HouseholdApplication a, String caseworker) {
    StartedCase c = cases.apply(a, caseworker);
    f.complete(c.processInstanceId(), "Task_AcceptApplication", caseworker, allMaterials());
    return c;
  }

  /** From 入户调查 to the running 公示 (check passed, no appraisal, 初审 approves). */
  void investigateToNotice(String pid, String caseworker, String approver) {
    f.complete(pid, "Task_InvestigateHousehold", caseworker, investigation());
    f.complete(pid, "Task_PreliminaryReview", approver,
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "经调查核对，符合条件"));
  }

  void noticePeriodEnds(String pid) {
    advanceDays(7);
    f.runJobs(pid);
  }

  List<Map<String, Object>> rows(String table, String pid) {
    return records.rows(table, pid);
  }

  @Test
  void happyPathCountyApproval() {
    StartedCase c = cases.apply(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_AcceptApplication");
    assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(c.applicationId()));
    assertThat(households.summary(c.applicationId()).status()).isEqualTo(ApplicationStatus.IN_PROCESS);
    assertThat(f.task(pid, "Task_AcceptApplication").getName()).isEqualTo("受理（材料清单）");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("township-caseworker-220122100")
        .count()).isEqualTo(1);

    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    assertThat(pi).isWaitingAt("Task_InvestigateHousehold").variables()
        .containsEntry("authority", "COUNTY").containsEntry("overallLimitWorkingDays", 30)
        .containsEntry("countyHomeVisitRequired", false);
    // 受理 Wed 2026-02-11 + 3 working days: Thu 12, Fri 13, Sat 14 (make-up working day)
    assertThat(local(f.task(pid, "Task_InvestigateHousehold").getDueDate()))
        .isEqualTo(LocalDateTime.parse("2026-02-14T17:00"));
    // the overall limit: 30 working days from 受理 across the Spring Festival → Tue 2026-03-31
    assertThat(management.createJobQuery().processInstanceId(pid).activityId("BoundaryEvent_OverallDeadlineReached")
        .singleResult().getDuedate()).satisfies(d -> assertThat(local(d)).isEqualTo("2026-03-31T17:00"));

    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    assertThat(pi).hasPassed("ServiceTask_CheckInformation", "ServiceTask_ApplyCheckFindings",
        "ServiceTask_AssessEligibility").hasNotPassed("Task_DemocraticAppraisal")
        .isWaitingAt("Task_PreliminaryReview").variables().containsEntry("checkPassed", true)
        .containsEntry("eligibilityOutcome", "DIBAO");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("township-approver-220122100")
        .count()).isEqualTo(1);

    f.complete(pid, "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "符合条件"));
    assertThat(pi).isWaitingAt("Task_PublicNotice");
    assertThat(rows("dibao_notice", pid)).anySatisfy(n -> assertThat(n.get("KIND")).isEqualTo("PUBLIC_NOTICE"));

    advanceDays(6);
    f.runJobs(pid);
    assertThat(pi).isWaitingAt("Task_PublicNotice"); // 公示 7 calendar days
    advanceDays(1);
    f.runJobs(pid);
    assertThat(pi).hasPassed("BoundaryEvent_NoticePeriodEnded").isWaitingAt("Task_ConfirmApplication");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("county-approver-220122").count())
        .isEqualTo(1);

    String amount = (String) runtime.getVariable(pid, "monthlyAmount");
    f.complete(pid, "Task_ConfirmApplication", "na-county-approver", vars("decision", "APPROVE"));
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordApproval", "EndEvent_Approved");
    var decision = rows("dibao_decision", pid).get(0);
    assertThat(decision.get("DECISION")).isEqualTo("APPROVE");
    assertThat(decision.get("DECIDED_BY")).isEqualTo("na-county-approver");
    assertThat(decision.get("MONTHLY_AMOUNT").toString()).isEqualTo(amount);
    assertThat(decision.get("PAYMENT_FROM").toString()).isEqualTo("2026-03-01"); // decided 2026-02-18 → next month
    assertThat(records.publications(c.applicationId())).singleElement()
        .satisfies(p -> assertThat(p.get("APPLICANT_NAME")).isEqualTo("张三"));
    assertThat(households.summary(c.applicationId()).status()).isEqualTo(ApplicationStatus.APPROVED);
  }

  @Test
  void incompleteMaterialsStopTheClockUntilSupplied() {
    StartedCase c = cases.apply(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", vars("materialIdentity", true, "materialIncome", true,
        "materialAssets", false, "materialAuthorisation", true, "materialPledge", false));
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_AwaitMaterials").variables().containsEntry("materialsComplete", false);
    // one notice listing everything missing (the household has a 重病 member: the proof is required too)
    assertThat(rows("dibao_notice", pid)).singleElement().satisfies(n -> assertThat((String) n.get("CONTENT"))
        .contains("家庭财产状况说明", "承诺书", "残疾证、诊断证明等重病重残证明材料").doesNotContain("户口簿"));
    assertThat(caseClock.isStopped(pid)).isTrue();

    clockAt("2026-02-25T10:00"); // supplied after the holidays
    f.complete(pid, "Task_AwaitMaterials", "nongan-cw", vars("materialsOutcome", "SUPPLIED"));
    assertThat(caseClock.isStopped(pid)).isFalse();
    assertThat(pi).isWaitingAt("Task_AcceptApplication");
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    // the stop (Wed 02-11 … Wed 02-25) counts no working days: 3 working days from 受理 are counted after it
    assertThat(local(f.task(pid, "Task_InvestigateHousehold").getDueDate())).isAfter("2026-02-25T17:00");
  }

  @Test
  void withdrawalWhileMaterialsAreMissing() {
    StartedCase c = cases.apply(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", vars("materialIdentity", true));
    f.complete(pid, "Task_AwaitMaterials", "nongan-cw", vars("materialsOutcome", "WITHDRAWN",
        "materialsNote", "已外出务工"));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Withdrawn");
    assertThat(households.summary(c.applicationId()).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(caseClock.isStopped(pid)).isFalse();
    assertThat(rows("dibao_case_event", pid)).singleElement()
        .satisfies(e -> assertThat((String) e.get("DETAIL")).contains("已外出务工"));
  }

  @Test
  void applicationLapsesWhenMaterialsAreNotSupplied() {
    StartedCase c = cases.apply(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", vars());
    advanceDays(29);
    f.runJobs(pid);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
        .isWaitingAt("Task_AwaitMaterials");
    advanceDays(1);
    f.runJobs(pid);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Lapsed");
    assertThat(households.summary(c.applicationId()).status()).isEqualTo(ApplicationStatus.LAPSED);
    assertThat(caseClock.isStopped(pid)).isFalse();
  }
}
