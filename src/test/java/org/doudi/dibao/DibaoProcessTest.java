package org.doudi.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.dibao.DibaoFixture.*;

import java.time.LocalDateTime;
import java.time.YearMonth;
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
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
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

  @Autowired org.doudi.watch.WatchList watch;

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
  @Autowired Awards awards;

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


  StartedCase applyAndAccept(org.doudi.household.HouseholdApplication a, String caseworker) {
    StartedCase c = cases.apply(a, caseworker);
    f.complete(c.processInstanceId(), "Task_AcceptApplication", caseworker, allMaterials());
    f.complete(c.processInstanceId(), "Task_StartInvestigation", caseworker, startInvestigation());
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

  /** The events of the overall limit (第二十二条). */
  List<Map<String, Object>> deadlineEvents(String pid) {
    return rows("dibao_case_event", pid).stream()
        .filter(e -> List.of("EXTENDED", "OVERDUE").contains(e.get("KIND"))).toList();
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
    assertThat(pi).isWaitingAt("Task_StartInvestigation").variables()
        .containsEntry("authority", "COUNTY").containsEntry("overallLimitWorkingDays", 30)
        .containsEntry("countyHomeVisitRequired", false);
    assertThat(f.task(pid, "Task_StartInvestigation").getName()).isEqualTo("启动入户调查");
    // 第十五条: the investigation STARTS within 3 working days of 受理 (Wed 2026-02-11): Thu 12, Fri 13, Sat 14
    // (make-up working day)
    assertThat(local(f.task(pid, "Task_StartInvestigation").getDueDate()))
        .isEqualTo(LocalDateTime.parse("2026-02-14T17:00"));
    f.complete(pid, "Task_StartInvestigation", "nongan-cw", startInvestigation());
    assertThat(pi).isWaitingAt("Task_InvestigateHousehold").variables().containsEntry("investigationStartLate", false);
    // the investigation itself: 7 working days (local) from its start on 02-11: 12, 13, 14, 24, 25, 26, 27
    assertThat(local(f.task(pid, "Task_InvestigateHousehold").getDueDate()))
        .isEqualTo(LocalDateTime.parse("2026-02-27T17:00"));
    assertThat(rows("dibao_case_event", pid)).extracting(e -> e.get("KIND")).containsExactly("INVESTIGATION_STARTED");
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
    // the monthly payroll pays from the award granted with the decision, from the next month on
    String key = "HH-" + c.applicationId();
    assertThat(awards.current(key, Scheme.DIBAO, YearMonth.parse("2026-02"))).isEmpty();
    assertThat(awards.current(key, Scheme.DIBAO, YearMonth.parse("2026-03"))).hasValueSatisfying(a -> {
      assertThat(a.changeKind()).isEqualTo(AwardRow.ChangeKind.GRANT);
      assertThat(a.monthlyAmount()).isEqualByComparingTo(new java.math.BigDecimal(amount));
      assertThat(a.countyCode()).isEqualTo("220122");
      assertThat(a.payeeName()).isEqualTo("张三");
      assertThat(a.accountNumber()).isEqualTo("6228480012345678901");
      assertThat(a.caseRef()).isEqualTo(pid);
    });
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
    assertThat(local(f.task(pid, "Task_StartInvestigation").getDueDate())).isAfter("2026-02-25T17:00");
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

  @Test
  void failedCheckWithObjectionIsRechecked() {
    StartedCase c = applyAndAccept(baotaWithHiddenDeposit(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_RecordCheckResponse").variables().containsEntry("checkPassed", false);
    assertThat(rows("dibao_notice", pid)).anySatisfy(n -> assertThat(n.get("KIND")).isEqualTo("CHECK_FAILED"));

    // an objection needs its evidence: refused, the task stays open
    Task response = f.task(pid, "Task_RecordCheckResponse");
    assertThatThrownBy(() -> tasks.complete(response.getId(), vars("checkResponse", "OBJECTS")))
        .hasRootCauseInstanceOf(DibaoFormException.class).hasMessageContaining("证据");
    assertThat(pi).isWaitingAt("Task_RecordCheckResponse");

    f.complete(pid, "Task_RecordCheckResponse", "nongan-cw", vars("checkResponse", "OBJECTS",
        "checkObjectionEvidence", "该存款为代亲属保管的医疗费，有借条和医院票据"));
    // 第十八条: the township runs the 复查, not the county
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_RecheckInformation")
        .taskCandidateGroup("township-caseworker-220122100").count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("county-caseworker-220122").count())
        .isZero();
    assertThat(f.task(pid, "Task_RecheckInformation").getName()).isEqualTo("复查（乡镇）");
    f.complete(pid, "Task_RecheckInformation", "nongan-cw", vars("recheckOutcome", "DECLARATION_CONFIRMED",
        "recheckNotes", "票据属实，存款不属于本家庭"));
    // the declaration stands: the findings are not applied and the household remains eligible
    assertThat(pi).hasPassed("Task_RecheckInformation").hasNotPassed("ServiceTask_ApplyCheckFindings")
        .isWaitingAt("Task_PreliminaryReview").variables().containsEntry("eligibilityOutcome", "DIBAO");
  }

  @Test
  void failedCheckAcceptedLeadsToWrittenRejection() {
    StartedCase c = applyAndAccept(baotaWithHiddenDeposit(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    f.complete(pid, "Task_RecordCheckResponse", "nongan-cw", vars("checkResponse", "ACCEPTS"));
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).hasPassed("ServiceTask_ApplyCheckFindings").isWaitingAt("Task_PreliminaryReview")
        .variables().containsEntry("eligibilityOutcome", "INELIGIBLE");

    Task preliminary = f.task(pid, "Task_PreliminaryReview");
    assertThatThrownBy(() -> tasks.complete(preliminary.getId(),
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "同意")))
        .hasRootCauseInstanceOf(DibaoFormException.class).hasMessageContaining("不符合低保条件");
    f.complete(pid, "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "REJECT", "preliminaryNotes", "人均金融资产超过标准"));
    noticePeriodEnds(pid);

    Task confirm = f.task(pid, "Task_ConfirmApplication");
    assertThatThrownBy(() -> tasks.complete(confirm.getId(), vars("decision", "APPROVE")))
        .hasRootCauseInstanceOf(DibaoFormException.class);
    assertThatThrownBy(() -> tasks.complete(confirm.getId(), vars("decision", "REJECT", "decisionReasons", "")))
        .hasRootCauseInstanceOf(DibaoFormException.class).hasMessageContaining("理由");
    f.complete(pid, "Task_ConfirmApplication", "na-county-approver", vars("decision", "REJECT",
        "decisionReasons", "家庭人均存款超过当地低保标准的24倍"));
    assertThat(pi).isWaitingAt("Task_DeliverRejectionNotice");
    // 公示 ended Wed 2026-02-18 (a holiday): the written notice is due 3 working days later, Thu 02-26
    Task deliver = f.task(pid, "Task_DeliverRejectionNotice");
    assertThat(local(deliver.getDueDate())).isEqualTo("2026-02-26T17:00");
    assertThat(rows("dibao_decision", pid)).singleElement().satisfies(d -> {
      assertThat(d.get("DECISION")).isEqualTo("REJECT");
      assertThat((String) d.get("REASONS")).contains("24倍", "吉民发");
    });
    f.complete(pid, "Task_DeliverRejectionNotice", "nongan-cw", vars("deliveredOn", "2026-02-18",
        "deliveryMethod", "IN_PERSON", "deliveryRecipient", "张三"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(rows("dibao_notice", pid)).filteredOn(n -> "REJECTION".equals(n.get("KIND"))).singleElement()
        .satisfies(n -> assertThat(n.get("DELIVERED_ON").toString()).isEqualTo("2026-02-18"));
    assertThat(households.summary(c.applicationId()).status()).isEqualTo(ApplicationStatus.REJECTED);
    // the watch list (docs/watch.md): the applicant is re-checked against 漏保; assets above the limit: not 低保边缘
    String applicant = households.load(c.applicationId()).applicant().idNumber();
    assertThat(watch.activeEntries(applicant)).filteredOn(e -> e.sourceRef().equals("dibao-application:"
        + c.applicationId())).extracting(e -> e.category()).containsExactly("REJECTED");
  }

  @Test
  void objectionThroughTheApiLeadsToAppraisalNewNoticeAndCountyHomeVisit() {
    StartedCase c = applyAndAccept(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    assertThatThrownBy(() -> cases.fileObjection(pid, new DibaoCases.Objection("王五", null, "收入不实"), "baota"))
        .isInstanceOf(DibaoCases.NotAcceptedNowException.class);
    investigateToNotice(pid, "nongan-cw", "nongan-approver");
    advanceDays(3);
    assertThat(cases.fileObjection(pid, new DibaoCases.Objection("王五", "13900000001", "其子在外地工作有稳定收入"),
        "baota")).isEqualTo(1);
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).hasPassed("BoundaryEvent_ObjectionReceived", "ServiceTask_RecordObjection")
        .isWaitingAt("Task_HandleObjection").variables().containsEntry("hasComplaint", true);
    assertThat(rows("dibao_objection", pid)).singleElement().satisfies(o -> {
      assertThat(o.get("SOURCE")).isEqualTo("API");
      assertThat(o.get("FILED_BY")).isEqualTo("baota");
    });

    f.complete(pid, "Task_HandleObjection", "nongan-cw", vars("objectionHandling", "APPRAISAL",
        "objectionNotes", "组织民主评议"));
    assertThat(pi).isWaitingAt("Task_DemocraticAppraisal");
    Task appraisal = f.task(pid, "Task_DemocraticAppraisal");
    Map<String, Object> tooFewRepresentatives = vars("appraisalDate", "2026-02-24", "appraisalParticipants", 9,
        "appraisalRepresentatives", 5, "appraisalResult", "AGREE", "appraisalNotes", "多数同意");
    assertThatThrownBy(() -> tasks.complete(appraisal.getId(), tooFewRepresentatives))
        .hasRootCauseInstanceOf(DibaoFormException.class).hasMessageContaining("三分之二");
    tooFewRepresentatives.put("appraisalRepresentatives", 6L);
    f.complete(pid, "Task_DemocraticAppraisal", "nongan-cw", tooFewRepresentatives);
    f.complete(pid, "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "评议后维持"));
    assertThat(pi).isWaitingAt("Task_PublicNotice").variables().containsEntry("noticeRound", 2);
    noticePeriodEnds(pid);
    // a case with a complaint needs the county's own home visit (第二十条)
    assertThat(pi).isWaitingAt("Task_CountyHomeVisit").variables().containsEntry("countyHomeVisitRequired", true);
    f.complete(pid, "Task_CountyHomeVisit", "na-county-cw", vars("countyVisitor1", "赵县", "countyVisitor2", "钱县",
        "countyVisitFinding", "CONFIRMS", "countyVisitNotes", "与乡镇调查一致"));
    f.complete(pid, "Task_ConfirmApplication", "na-county-approver", vars("decision", "APPROVE"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Approved");
    assertThat(rows("dibao_notice", pid)).filteredOn(n -> "PUBLIC_NOTICE".equals(n.get("KIND"))).hasSize(2);
  }

  @Test
  void objectionInTasklistLeadsToReinvestigation() {
    StartedCase c = applyAndAccept(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    investigateToNotice(pid, "nongan-cw", "nongan-approver");
    Task notice = f.task(pid, "Task_PublicNotice");
    assertThatThrownBy(() -> tasks.complete(notice.getId(), vars("objectorName", "王五")))
        .hasRootCauseInstanceOf(DibaoFormException.class).hasMessageContaining("异议内容");
    f.complete(pid, "Task_PublicNotice", "nongan-cw", vars("objectorName", "王五", "objectionContent", "家中有车"));
    f.complete(pid, "Task_HandleObjection", "nongan-cw", vars("objectionHandling", "REINVESTIGATE",
        "objectionNotes", "重新入户"));
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_Reinvestigate");
    f.complete(pid, "Task_Reinvestigate", "nongan-cw", investigation());
    assertThat(pi).hasNotPassed("Task_DemocraticAppraisal").isWaitingAt("Task_PreliminaryReview");
    assertThat(rows("dibao_objection", pid)).singleElement()
        .satisfies(o -> assertThat(o.get("SOURCE")).isEqualTo("TASKLIST"));
  }

  @Test
  void delegatedCountyLetsTheTownshipConfirmWithinTwentyWorkingDays() {
    StartedCase c = applyAndAccept(nanling(), "nanling-cw");
    String pid = c.processInstanceId();
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).variables().containsEntry("authority", "TOWNSHIP").containsEntry("overallLimitWorkingDays", 20);
    // 20 working days from Wed 2026-02-11 across the Spring Festival → Tue 2026-03-17
    assertThat(local(management.createJobQuery().processInstanceId(pid)
        .activityId("BoundaryEvent_OverallDeadlineReached").singleResult().getDuedate()))
        .isEqualTo("2026-03-17T17:00");
    investigateToNotice(pid, "nanling-cw", "nanling-approver");
    noticePeriodEnds(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ConfirmApplication")
        .taskCandidateGroup("township-approver-220102001").count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("county-approver-220102").count())
        .isZero();
    f.complete(pid, "Task_ConfirmApplication", "nanling-approver", vars("decision", "APPROVE"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Approved");
    assertThat(rows("dibao_decision", pid)).singleElement()
        .satisfies(d -> assertThat(d.get("AUTHORITY")).isEqualTo("TOWNSHIP"));
  }

  @Test
  void supervisorIsWarnedAndExtendsTheOverallLimitToFortyFiveWorkingDays() {
    StartedCase c = applyAndAccept(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    // 25 working days from 受理 (five before the limit of 2026-03-31) → Tue 2026-03-24
    clockAt("2026-03-24T16:59");
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ReviewOverallDeadline").count())
        .isZero();
    clockAt("2026-03-24T17:00");
    f.runJobs(pid);
    assertThat(pi).isWaitingAt("Task_InvestigateHousehold", "Task_ReviewOverallDeadline");
    // the investigation's own limit (7 working days from its start, 02-27) passed long ago: recorded
    assertThat(rows("dibao_case_event", pid)).extracting(e -> e.get("KIND"))
        .containsExactly("INVESTIGATION_STARTED", "INVESTIGATION_OVERDUE");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ReviewOverallDeadline")
        .taskCandidateGroup("supervisor-220100").count()).isEqualTo(1);

    Task review = f.task(pid, "Task_ReviewOverallDeadline");
    assertThatThrownBy(() -> tasks.complete(review.getId(), vars("extendDeadline", true,
        "extensionGround", "HARD_INVESTIGATION"))).hasRootCauseInstanceOf(DibaoFormException.class);
    f.complete(pid, "Task_ReviewOverallDeadline", "supervisor", vars("extendDeadline", true,
        "extensionGround", "HARD_INVESTIGATION", "extensionReason", "家庭成员长期在外，调查难度较大"));
    assertThat(pi).hasPassed("ServiceTask_RecordExtension").variables().containsEntry("extended", true);
    assertThat(deadlineEvents(pid)).singleElement()
        .satisfies(e -> assertThat((String) e.get("DETAIL")).contains("45个工作日", "调查难度较大"));

    clockAt("2026-03-31T17:00");
    f.runJobs(pid);
    assertThat(pi).isWaitingAt("Task_InvestigateHousehold", "IntermediateTimer_ExtendedLimit");
    // 45 working days: April has the Qingming holiday (Sat 04-04 … Mon 04-06) → Wed 2026-04-22
    assertThat(local(management.createJobQuery().processInstanceId(pid).activityId("IntermediateTimer_ExtendedLimit")
        .singleResult().getDuedate())).isEqualTo("2026-04-22T17:00");
    clockAt("2026-04-22T17:00");
    f.runJobs(pid);
    assertThat(pi).hasPassed("ServiceTask_RecordOverdue", "EndEvent_OverdueRecorded")
        .isWaitingAt("Task_InvestigateHousehold");
    assertThat(deadlineEvents(pid)).extracting(e -> e.get("KIND")).containsExactly("EXTENDED", "OVERDUE");
  }

  @Test
  void withoutExtensionTheOverrunIsRecordedAtThirtyWorkingDays() {
    StartedCase c = applyAndAccept(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    clockAt("2026-03-24T17:00");
    f.runJobs(pid);
    f.complete(pid, "Task_ReviewOverallDeadline", "supervisor", vars("extendDeadline", false));
    clockAt("2026-03-31T17:00");
    f.runJobs(pid);
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).hasPassed("EndEvent_NotExtended", "ServiceTask_RecordOverdue")
        .hasNotPassed("IntermediateTimer_ExtendedLimit").isWaitingAt("Task_InvestigateHousehold");
    assertThat(deadlineEvents(pid)).singleElement()
        .satisfies(e -> assertThat((String) e.get("DETAIL")).contains("30个工作日"));
  }

  @Test
  void alwaysAppraiseUnderThe2012Rules() {
    settings.setAppraisalMode(DibaoSettings.AppraisalMode.ALWAYS);
    StartedCase c = applyAndAccept(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
        .isWaitingAt("Task_DemocraticAppraisal");
  }

  @Test
  void applicantMayWithdrawAtAnyStep() {
    StartedCase c = applyAndAccept(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    cases.withdraw(pid, "家庭情况好转", "nongan-cw");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).finished().list())
        .extracting(a -> a.getActivityId()).contains("StartEvent_WithdrawalRequested", "EndEvent_WithdrawnAnyTime");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(households.summary(c.applicationId()).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThatThrownBy(() -> cases.withdraw(pid, "再次撤回", "nongan-cw"))
        .isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void investigationFormIsCheckedOnTheServer() {
    StartedCase c = applyAndAccept(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    Task t = f.task(pid, "Task_InvestigateHousehold");
    Map<String, Object> sameInvestigator = investigation();
    sameInvestigator.put("investigator2", "刘调查");
    assertThatThrownBy(() -> tasks.complete(t.getId(), sameInvestigator)).hasRootCauseInstanceOf(DibaoFormException.class)
        .hasMessageContaining("不能是同一人");
    Map<String, Object> unsigned = investigation();
    unsigned.put("familySigned", false);
    assertThatThrownBy(() -> tasks.complete(t.getId(), unsigned)).hasMessageContaining("家庭成员");
    Map<String, Object> future = investigation();
    future.put("investigationDate", "2026-03-01");
    assertThatThrownBy(() -> tasks.complete(t.getId(), future)).hasMessageContaining("不能晚于今天");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
        .isWaitingAt("Task_InvestigateHousehold");
    assertThat(runtime.getVariable(pid, "livingConditions")).isNull(); // nothing of the refused submissions was kept
  }

  @Test
  void counterApplicationThroughTheStartForm() {
    String sun = org.doudi.household.TestApplications.id("22012219450303004");
    String zhou = org.doudi.household.TestApplications.id("22012219470404005");
    Map<String, Object> form = vars("township", "220122100", "regionCode", "220122100202", "urbanRural", "RURAL",
        "address", "农安县农安镇新阳村1组", "contactPhone", "13800000002", "authorisationSigned", true,
        "pledgeSigned", true, "separateRegistration", true, "separateRegistrationNote", "申请人之子为村委会委员");
    String members = "[{\"name\":\"孙八\",\"idNumber\":\"%s\",\"relation\":\"SELF\",\"incomeWage\":0,"
        + "\"incomePensionBasic\":150.0},{\"name\":\"周九\",\"idNumber\":\"%s\",\"relation\":\"SPOUSE\"}]";
    form.put("members", org.camunda.spin.plugin.variable.SpinValues.jsonValue(members.formatted(sun, zhou)).create());
    form.put("assets", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
        "[{\"assetType\":\"DEPOSIT\",\"assetDescription\":\"存款\",\"assetValue\":2000}]").create());
    ProcessInstance pi = runtime.startProcessInstanceByKey(DibaoVariables.PROCESS_KEY, form);
    assertThat(pi).isWaitingAt("Task_AcceptApplication").variables().containsEntry("applicantName", "孙八")
        .containsEntry("memberCount", 2).containsEntry("separateRegistration", true)
        .doesNotContainKey("members").doesNotContainKey("township");
    long id = Long.parseLong(pi.getBusinessKey());
    assertThat(households.load(id).members()).extracting(m -> m.name()).containsExactly("孙八", "周九");
    f.complete(pi.getId(), "Task_AcceptApplication", "nongan-cw", allMaterials());
    assertThat(pi).variables().containsEntry("countyHomeVisitRequired", true); // 单独登记备案

    long before = households.summary(id).id();
    form.put("members", org.camunda.spin.plugin.variable.SpinValues.jsonValue(members.replace("孙八", "吴十")
        .formatted(sun, "220122194704040050")).create());
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DibaoVariables.PROCESS_KEY, form))
        .isInstanceOf(DibaoFormException.class).hasMessageContaining("周九");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DibaoVariables.PROCESS_KEY)
        .variableValueEquals("applicantName", "吴十").count()).isZero();
    assertThat(households.load(id).assets()).extracting(a -> a.value().intValue()).containsExactly(2000);
    assertThat(before).isEqualTo(id);
  }

  @Test
  void recheckConfirmingTheCheckAppliesTheFindings() {
    StartedCase c = applyAndAccept(baotaWithHiddenDeposit(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    f.complete(pid, "Task_RecordCheckResponse", "nongan-cw", vars("checkResponse", "OBJECTS",
        "checkObjectionEvidence", "存款是借来的"));
    f.complete(pid, "Task_RecheckInformation", "nongan-cw", vars("recheckOutcome", "CHECK_CONFIRMED",
        "recheckNotes", "未能提供借款凭据"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
        .hasPassed("ServiceTask_ApplyCheckFindings").isWaitingAt("Task_PreliminaryReview")
        .variables().containsEntry("eligibilityOutcome", "INELIGIBLE");
    assertThat(households.load(c.applicationId()).assets()).extracting(a -> a.value().intValue()).contains(60000);
  }

  @Test
  void investigationStartedLateIsRecordedAsAMissedStart() {
    StartedCase c = cases.apply(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    // 第十五条: 3 working days after 受理 (Wed 02-11) end Sat 02-14 17:00 (make-up working day)
    clockAt("2026-02-14T16:59");
    f.runJobs(pid);
    assertThat(rows("dibao_case_event", pid)).isEmpty();
    clockAt("2026-02-14T17:00");
    f.runJobs(pid);
    assertThat(pi).hasPassed("ServiceTask_RecordInvestigationStartMissed").isWaitingAt("Task_StartInvestigation")
        .variables().containsEntry("missedLimits", "未在受理后3个工作日内启动入户调查（《最低生活保障审核确认办法》第十五条）");
    assertThat(rows("dibao_case_event", pid)).singleElement().satisfies(e -> {
      assertThat(e.get("KIND")).isEqualTo("INVESTIGATION_START_MISSED");
      assertThat((String) e.get("DETAIL")).contains("第十五条", "2026-02-14 17:00");
    });
    assertThat(f.task(pid, "Task_StartInvestigation").getPriority()).isEqualTo(80); // moves up in Tasklist

    // started after the Spring Festival: recorded as late, and the investigation has its own limit from the start
    clockAt("2026-02-24T10:00");
    Map<String, Object> start = startInvestigation();
    start.put("investigator2", "刘调查");
    Task t = f.task(pid, "Task_StartInvestigation");
    assertThatThrownBy(() -> tasks.complete(t.getId(), start)).hasRootCauseInstanceOf(DibaoFormException.class)
        .hasMessageContaining("不能是同一人");
    Map<String, Object> past = startInvestigation();
    past.put("plannedVisitDate", "2026-02-23");
    assertThatThrownBy(() -> tasks.complete(t.getId(), past)).hasMessageContaining("不能早于今天");
    f.complete(pid, "Task_StartInvestigation", "nongan-cw", startInvestigation());
    assertThat(pi).isWaitingAt("Task_InvestigateHousehold").variables().containsEntry("investigationStartLate", true)
        .containsEntry("investigationStartedBy", "nongan-cw");
    assertThat(rows("dibao_case_event", pid)).extracting(e -> e.get("KIND"))
        .containsExactly("INVESTIGATION_START_MISSED", "INVESTIGATION_STARTED_LATE");
    assertThat((String) rows("dibao_case_event", pid).get(1).get("DETAIL")).contains("刘调查、陈调查", "已超过");
    // 7 working days from Tue 02-24: 25, 26, 27, Sat 28 (make-up), 03-02, 03, 04
    assertThat(local(f.task(pid, "Task_InvestigateHousehold").getDueDate())).isEqualTo("2026-03-04T17:00");
    Map<String, Object> beforeStart = investigation();
    beforeStart.put("investigationDate", "2026-02-13");
    Task inv = f.task(pid, "Task_InvestigateHousehold");
    assertThatThrownBy(() -> tasks.complete(inv.getId(), beforeStart)).hasMessageContaining("不能早于启动调查的日期");

    clockAt("2026-03-04T17:00");
    f.runJobs(pid);
    assertThat(pi).hasPassed("ServiceTask_RecordInvestigationOverdue").isWaitingAt("Task_InvestigateHousehold")
        .variables().containsEntry("missedLimits",
            "未在受理后3个工作日内启动入户调查（《最低生活保障审核确认办法》第十五条）；入户调查未在启动后的时限内完成（本地规定）");
    assertThat(rows("dibao_case_event", pid)).extracting(e -> e.get("KIND")).containsExactly(
        "INVESTIGATION_START_MISSED", "INVESTIGATION_STARTED_LATE", "INVESTIGATION_OVERDUE");
    assertThat(f.task(pid, "Task_InvestigateHousehold").getPriority()).isEqualTo(80);
  }

  @Test
  void countyConfirmationCountsTenWorkingDaysFromReceiptOfTheFile() {
    StartedCase c = applyAndAccept(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    investigateToNotice(pid, "nongan-cw", "nongan-approver");
    advanceDays(3); // Sat 02-14: an objection, so the county must visit the household itself (第二十条)
    cases.fileObjection(pid, new DibaoCases.Objection("王五", null, "家中有车"), "baota");
    f.complete(pid, "Task_HandleObjection", "nongan-cw", vars("objectionHandling", "REINVESTIGATE",
        "objectionNotes", "重新入户"));
    f.complete(pid, "Task_Reinvestigate", "nongan-cw", investigation());
    f.complete(pid, "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "重新调查后维持"));
    noticePeriodEnds(pid); // the second 公示 ends Sat 02-21 09:00 (a holiday): the file reaches the county
    var pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).hasPassed("ServiceTask_RecordFileReceived").isWaitingAt("Task_CountyHomeVisit");
    assertThat(local((java.util.Date) runtime.getVariable(pid, "fileReceivedAt"))).isEqualTo("2026-02-21T09:00");
    assertThat(rows("dibao_case_event", pid)).filteredOn(e -> "FILE_RECEIVED".equals(e.get("KIND"))).singleElement()
        .satisfies(e -> assertThat((String) e.get("DETAIL")).contains("第二十条", "2026-03-06 17:00"));
    // 10 working days from receipt: 02-24, 25, 26, 27, Sat 28 (make-up), 03-02, 03, 04, 05, 06
    assertThat(local(f.task(pid, "Task_CountyHomeVisit").getDueDate())).isEqualTo("2026-03-06T17:00");

    clockAt("2026-03-04T10:00"); // the county's home visit took eight working days
    f.complete(pid, "Task_CountyHomeVisit", "na-county-cw", vars("countyVisitor1", "赵县", "countyVisitor2", "钱县",
        "countyVisitFinding", "CONFIRMS", "countyVisitNotes", "与乡镇调查一致"));
    Task confirm = f.task(pid, "Task_ConfirmApplication");
    // still counted from receipt, not from the arrival at this task (which would give 03-18)
    assertThat(local(confirm.getDueDate())).isEqualTo("2026-03-06T17:00");
    assertThat(local(confirm.getFollowUpDate())).isEqualTo("2026-03-04T17:00");

    clockAt("2026-03-06T17:00");
    f.runJobs(pid);
    assertThat(pi).hasPassed("ServiceTask_RecordConfirmationOverdue").isWaitingAt("Task_ConfirmApplication")
        .variables().containsEntry("missedLimits", "未在收到材料后10个工作日内审核确认（《最低生活保障审核确认办法》第二十条）");
    assertThat(rows("dibao_case_event", pid)).filteredOn(e -> "CONFIRMATION_OVERDUE".equals(e.get("KIND")))
        .singleElement().satisfies(e -> assertThat((String) e.get("DETAIL")).contains("第二十条", "2026-03-06 17:00"));
    assertThat(f.task(pid, "Task_ConfirmApplication").getPriority()).isEqualTo(80);
    f.complete(pid, "Task_ConfirmApplication", "na-county-approver", vars("decision", "APPROVE"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Approved");
  }
}
