package org.doudi.temporary;

import org.doudi.notice.NoticeKind;
import org.doudi.notice.NoticeTexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.temporary.TemporaryFixture.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.doudi.eligibility.TestIds;
import org.doudi.payment.Channel;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.document.CaseDocumentUploads;
import org.doudi.document.MaterialType;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.region.Regions;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;
import org.doudi.temporary.internal.ExpenditureCases;
import org.doudi.temporary.internal.TemporaryCases;
import org.doudi.temporary.internal.TemporaryFormException;
import org.doudi.temporary.persistence.TemporaryRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 支出型: the full procedure, one approval several payments (each by its own timer), stopping the schedule, county
 * authority from the DMN (above 6 × the urban standard), 公示 objection, incomplete materials, a failed check, and a
 * payment job that fails after writing its ledger row and is retried.
 */
@DoudiTest
class ExpenditureProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TemporaryCases cases;
  @Autowired Payments payments;
  @Autowired TemporaryRepository records;
  @Autowired TemporarySettings settings;
  @Autowired FailingInstalmentHook faults;
  @Autowired BenefitRegister register;
  @Autowired Regions regions;
  @Autowired org.doudi.document.Documents documents;
  @LocalServerPort int port;
  @Autowired ExpenditureApplicantActions actions;
  @Autowired org.doudi.calendar.CaseDeadlines deadlines;

  TemporaryFixture f;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    f = new TemporaryFixture(tasks, management);
    clockAt("2026-03-02T09:00"); // Monday
  }

  @AfterEach
  void tearDown() {
    documents.setChecklistRequiresDocuments(false);
    ClockUtil.reset();
    faults.failuresLeft.set(0);
    AbstractAssertions.reset();
  }

  static Map<String, Object> application(String idNumber, String requested) {
    return vars("regionCode", "220122100201", "recipientName", "赵六", "recipientIdNumber", idNumber,
        "recipientPhone", "13800000000", "causeKind", "MEDICAL", "cause", "妻子突发重病住院，自付医疗费用高",
        "expenseAmount", 8000.0, "amount", Double.valueOf(requested), "memberCount", 3L, "householdMonthlyIncome", 800.0,
        "bankName", "农安县农村信用社", "bankAccountNumber", "6217000000000000001", "authorisationSigned", true,
        "pledgeSigned", true, "reportedBy", "nongan-cw");
  }

  String start(String idNumber, String requested) {
    return runtime.createProcessInstanceByKey("expenditure-assistance").setVariables(application(idNumber, requested))
        .execute().getId();
  }

  static Map<String, Object> materials() {
    return vars("materialApplication", true, "materialIdentity", true, "materialExpenseProof", true,
        "materialAuthorisation", true, "materialPledge", true);
  }

  static Map<String, Object> investigation() {
    return vars("investigator1", "刘调查", "investigator2", "陈调查", "investigatorsSigned", true,
        "investigationDate", clock().toLocalDate().toString(), "investigationFindings", "住院费用票据属实，家庭无其他收入");
  }

  static Map<String, Object> proposal(String amount, int count, int interval, String first) {
    return vars("proposalOpinion", "APPROVE", "proposalNotes", "情况属实，建议分期救助", "amount", Double.valueOf(amount),
        "instalmentCount", (long) count, "intervalMonths", (long) interval, "firstPaymentDate", first);
  }

  /** Registration to the township's proposal (accepted, investigated, checked). */
  String toProposal(String idNumber, String requested) {
    String pid = start(idNumber, requested);
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", materials());
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    return pid;
  }

  /** The start form chooses the township by name and the village optionally: township alone is the region. */
  @Test
  void theStartFormsTownshipStandsForTheRegionAndAVillageMustLieInIt() {
    Map<String, Object> a = new java.util.HashMap<>(application(freshId(), "3000"));
    a.remove("regionCode");
    a.put("township", "220122100");
    String pid = runtime.createProcessInstanceByKey("expenditure-assistance").setVariables(a).execute().getId();
    assertThat(runtime.getVariable(pid, "regionCode")).isEqualTo("220122100");
    assertThat(runtime.getVariable(pid, "township")).isNull();

    Map<String, Object> elsewhere = new java.util.HashMap<>(application(freshId(), "3000"));
    elsewhere.put("township", "220122101");
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey("expenditure-assistance").setVariables(elsewhere)
        .execute()).hasMessageContaining("所选村（社区）不属于所选乡镇（街道）");
  }

  @Test
  void oneApprovalSeveralPaymentsEachByItsTimer() {
    String pid = toProposal(ID, "1800");
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).hasPassed("ServiceTask_CheckInformation").isWaitingAt("Task_ProposeAssistance").variables()
        .containsEntry("checkPassed", true);
    assertThat(records.rows("temporary_case_event", pid)).extracting(r -> r.get("KIND")).contains("CHECKED");

    assertThatThrownBy(() -> f.complete(pid, "Task_ProposeAssistance", "nongan-cw",
        proposal("9000", 3, 1, "2026-03-10"))).hasMessageContaining("不能超过核实的刚性支出");
    assertThatThrownBy(() -> f.complete(pid, "Task_ProposeAssistance", "nongan-cw",
        proposal("1800", 13, 1, "2026-03-10"))).hasMessageContaining("发放期数");
    assertThatThrownBy(() -> f.complete(pid, "Task_ProposeAssistance", "nongan-cw",
        proposal("1800", 3, 1, "2026-03-01"))).hasMessageContaining("不能早于今天");
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("1800", 3, 1, "2026-03-10"));
    // 6 × 农安县 urban standard 660 (sample) = 3960 ≥ 1800: the township decides
    assertThat(pi).isWaitingAt("Task_PublicNotice").variables().containsEntry("authority", "TOWNSHIP")
        .containsEntry("urbanMonthlyStandard", "660.00").containsEntry("townshipLimit", "3960.00");
    advanceDays(7);
    f.runJobs(pid);
    assertThat(pi).hasPassed("BoundaryEvent_NoticePeriodEnded").isWaitingAt("Task_TownshipApproval");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("township-approver-220122100")
        .count()).isEqualTo(1);

    f.complete(pid, "Task_TownshipApproval", "nongan-approver", vars("decision", "APPROVE"));
    assertThat(pi).hasPassed("ServiceTask_RecordApproval").isWaitingAt("IntermediateTimer_InstalmentDue");
    assertThat(records.instalments(pid)).extracting(TemporaryRepository.Instalment::dueDate).containsExactly(
        LocalDate.parse("2026-03-10"), LocalDate.parse("2026-04-10"), LocalDate.parse("2026-05-10"));
    assertThat(payments.byCase(pid)).isEmpty();
    Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
    assertThat(local(timer.getDuedate())).isEqualTo("2026-03-10T09:00");

    clockAt("2026-03-10T09:00");
    f.runJobs(pid);
    assertThat(payments.byCase(pid)).hasSize(1);
    clockAt("2026-04-10T09:00");
    f.runJobs(pid);
    assertThat(payments.byCase(pid)).hasSize(2);
    assertThat(pi).isWaitingAt("IntermediateTimer_InstalmentDue");
    clockAt("2026-05-10T09:00");
    f.runJobs(pid);
    assertThat(pi).isEnded().hasPassed("EndEvent_AllPaid");

    List<LedgerEntry> paid = payments.byCase(pid);
    assertThat(paid).hasSize(3).allSatisfy(e -> {
      assertThat(e.scheme()).isEqualTo(Scheme.TEMPORARY_EXPENDITURE);
      assertThat(e.channel()).isEqualTo(Channel.BANK);
      assertThat(e.status()).isEqualTo(PaymentStatus.APPROVED);
      assertThat(e.amount()).isEqualByComparingTo("600.00");
      assertThat(e.payee().accountNumber()).isEqualTo("6217000000000000001");
      assertThat(e.approvedBy()).isEqualTo("nongan-approver");
    });
    assertThat(paid).extracting(LedgerEntry::idempotencyKey).containsExactlyInAnyOrder(
        ExpenditureCases.paymentKey(pid, 1), ExpenditureCases.paymentKey(pid, 2), ExpenditureCases.paymentKey(pid, 3));
    assertThat(payments.byKey(ExpenditureCases.paymentKey(pid, 2)).orElseThrow().periodStart())
        .isEqualTo("2026-04-10");
    assertThat(records.instalments(pid)).allSatisfy(i -> assertThat(i.status()).isEqualTo("PAID"));
    assertThat(records.rows("temporary_decision", pid)).singleElement().satisfies(d -> {
      assertThat(d.get("AUTHORITY")).isEqualTo("TOWNSHIP");
      assertThat(d.get("INSTALMENT_COUNT")).isEqualTo(3);
    });
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "COMPLETED");
  }

  /** The 公示 (mandatory, 四(二)) ends without objection: 7 days later. */
  void noticePeriodEnds(String pid) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
        .isWaitingAt("Task_PublicNotice");
    advanceDays(7);
    f.runJobs(pid);
  }

  @Test
  void stoppingTheScheduleEndsTheRemainingInstalmentsWithoutPayment() {
    String pid = toProposal(ID, "1000");
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("1000", 3, 2, "2026-03-02"));
    noticePeriodEnds(pid);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).hasPassed("BoundaryEvent_NoticePeriodEnded").isWaitingAt("Task_TownshipApproval");
    assertThatThrownBy(() -> cases.stopExpenditure(pid, "情况变化", "nongan-cw"))
        .isInstanceOf(TemporaryCases.NotAcceptedNowException.class); // no schedule yet
    f.complete(pid, "Task_TownshipApproval", "nongan-approver", vars("decision", "APPROVE"));
    // the first instalment is due at once; 1000 / 3: 333.33, 333.33, 333.34
    assertThat(records.instalments(pid)).extracting(i -> i.amount().toPlainString())
        .containsExactly("333.33", "333.33", "333.34");
    assertThat(payments.byCase(pid)).singleElement()
        .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("333.33"));
    assertThat(pi).isWaitingAt("IntermediateTimer_InstalmentDue");

    assertThatThrownBy(() -> cases.stopExpenditure(pid, " ", "nongan-cw"))
        .isInstanceOf(TemporaryFormException.class).hasMessageContaining("原因");
    assertThatThrownBy(() -> cases.stopExpenditure(pid, "情况变化", "nanling-cw"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    assertThat(cases.stopExpenditure(pid, "已获医疗保险二次报销，困难缓解", "nongan-cw")).isEqualTo(2);
    assertThat(pi).isEnded().hasPassed("StartEvent_StopRequested", "ServiceTask_RecordStop", "EndEvent_Stopped");
    assertThat(records.instalments(pid)).extracting(TemporaryRepository.Instalment::status)
        .containsExactly("PAID", "STOPPED", "STOPPED");
    assertThat(records.rows("temporary_case_event", pid)).filteredOn(r -> r.get("KIND").equals("STOPPED"))
        .singleElement().satisfies(r -> {
          assertThat((String) r.get("NOTE")).contains("已获医疗保险二次报销");
          assertThat(r.get("CREATED_BY")).isEqualTo("nongan-cw");
        });
    clockAt("2026-09-01T09:00");
    assertThat(management.createJobQuery().processInstanceId(pid).count()).isZero();
    assertThat(payments.byCase(pid)).hasSize(1);
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "STOPPED");
    assertThatThrownBy(() -> cases.stopExpenditure(pid, "再次停止", "nongan-cw"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aboveSixMonthsOfTheUrbanStandardTheCountyApproves() {
    String pid = toProposal(ID, "4000");
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("3960.01", 2, 1, "2026-03-20"));
    noticePeriodEnds(pid);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_CountyApproval").variables().containsEntry("authority", "COUNTY")
        .containsEntry("collectiveDiscussionRequired", false);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("county-approver-220122").count())
        .isEqualTo(1);
    f.complete(pid, "Task_CountyApproval", "na-county-approver", vars("decision", "APPROVE"));
    assertThat(records.instalments(pid)).extracting(i -> i.amount().toPlainString())
        .containsExactly("1980.00", "1980.01");
    assertThat(records.rows("temporary_decision", pid)).singleElement()
        .satisfies(d -> assertThat(d.get("AUTHORITY")).isEqualTo("COUNTY"));
  }

  @Test
  void anExceptionalCaseGoesToTheCountyWithItsCollectiveDiscussionAndMayBeRejected() {
    String pid = toProposal(ID, "500");
    Map<String, Object> p = proposal("500", 1, 1, "2026-03-20");
    p.put("exceptional", true);
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", p);
    noticePeriodEnds(pid);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_CountyApproval").variables().containsEntry("collectiveDiscussionRequired", true);
    assertThatThrownBy(() -> f.complete(pid, "Task_CountyApproval", "na-county-approver",
        vars("decision", "REJECT"))).hasMessageContaining("理由");
    f.complete(pid, "Task_CountyApproval", "na-county-approver", vars("decision", "REJECT", "decisionReasons",
        "经集体研究，已纳入低保，不再临时救助", "discussionDate", "2026-03-02", "discussionParticipants", "张局长、李科长、王主任",
        "discussionMinutes", "专题会议研究"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(payments.byCase(pid)).isEmpty();
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "REJECTED");
    // the written refusal that this path lacked before (docs/notices.md)
    assertThat(NoticeTexts.of(documents, pid, NoticeKind.TEMPORARY_REFUSED)).singleElement()
        .satisfies(n -> assertThat(n.text()).startsWith("不予临时救助通知书").contains("赵六", "临时救助（支出型）申请",
            "农安县民政局于2026年3月9日决定：不予救助", "经集体研究，已纳入低保，不再临时救助",
            "60日内向农安县人民政府申请行政复议", "6个月内依法向人民法院提起行政诉讼"));
  }

  @Test
  void anObjectionDuringTheNoticeSendsTheCaseBackToInvestigation() {
    String pid = toProposal(ID, "1200");
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("1200", 2, 1, "2026-03-20"));
    assertThatThrownBy(() -> f.complete(pid, "Task_PublicNotice", "nongan-cw", vars("objectorName", "钱七")))
        .hasMessageContaining("异议内容");
    f.complete(pid, "Task_PublicNotice", "nongan-cw",
        vars("objectorName", "钱七", "objectionContent", "申请人在县城另有一套住房"));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).hasPassed("Gateway_JoinObjection", "ServiceTask_RecordObjection")
        .isWaitingAt("Task_InvestigateHousehold");
    assertThat(records.rows("temporary_case_event", pid)).extracting(r -> r.get("KIND")).contains("OBJECTION");
    assertThat(records.objections(pid)).singleElement().satisfies(o -> {
      assertThat(o.noticeRound()).isEqualTo(1);
      assertThat(o.objectorName()).isEqualTo("钱七");
      assertThat(o.source()).isEqualTo("TASKLIST");
      assertThat(o.filedBy()).isEqualTo("nongan-cw");
    });
    // the re-investigation sees it, and the next 公示 form starts empty with the earlier objection read-only
    assertThat((String) runtime.getVariable(pid, "objectionHistory"))
        .isEqualTo("第1次公示（2026年3月2日，钱七，经办人在公示任务中登记）：申请人在县城另有一套住房");
    assertThat(runtime.getVariables(pid)).doesNotContainKeys("objectorName", "objectionContent", "objectionSource");
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("1200", 2, 1, "2026-03-20"));
    assertThat(pi).isWaitingAt("Task_PublicNotice");
    assertThat(tasks.getVariable(tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(),
        "objectionHistory").toString()).contains("钱七");
  }

  /** The applicant's objection online reaches the same 登记异议 step as the caseworker's registration. */
  @Test
  void anOnlineObjectionTakesTheSamePathAsTheCaseworkersRegistration() {
    String pid = toProposal(freshId(), "1200");
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    ExpenditureApplicantActions.Objection o = new ExpenditureApplicantActions.Objection("赵六", "13800000000",
        "公示的救助金额有误，实际自付医疗费用更高");
    // outside the 公示: refused, nothing recorded
    assertThat(actions.canObject(pid)).isFalse();
    assertThatThrownBy(() -> actions.fileObjection(pid, o, "citizen:220122********0011"))
        .isInstanceOf(ExpenditureApplicantActions.NotAllowedNow.class).hasMessageContaining("不在公示期");
    assertThat(records.objections(pid)).isEmpty();
    assertThat(pi).isWaitingAt("Task_ProposeAssistance");

    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("1200", 2, 1, "2026-03-20"));
    assertThat(actions.canObject(pid)).isTrue();
    assertThatThrownBy(() -> actions.fileObjection(pid, new ExpenditureApplicantActions.Objection("赵六", null, " "),
        "citizen:x")).isInstanceOf(ExpenditureApplicantActions.InvalidRequest.class).hasMessageContaining("异议内容");
    assertThat(pi).isWaitingAt("Task_PublicNotice");
    assertThat(actions.fileObjection(pid, o, "citizen:220122********0011")).isEqualTo(1);
    assertThat(pi).hasPassed("BoundaryEvent_ObjectionFiled", "ServiceTask_RecordObjection")
        .isWaitingAt("Task_InvestigateHousehold");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_PublicNotice").count())
        .isZero();
    assertThat(management.createJobQuery().processInstanceId(pid).timers().count()).as("the 公示 timer is gone")
        .isZero();
    assertThat(records.objections(pid)).singleElement().satisfies(x -> {
      assertThat(x.source()).isEqualTo("ONLINE");
      assertThat(x.objectorPhone()).isEqualTo("13800000000");
      assertThat(x.filedBy()).isEqualTo("citizen:220122********0011");
    });
    assertThat(records.rows("temporary_case_event", pid)).filteredOn(r -> "OBJECTION".equals(r.get("KIND")))
        .singleElement().satisfies(r -> assertThat((String) r.get("NOTE")).contains("申请人网上提出", "实际自付医疗费用更高"));
    assertThat((String) runtime.getVariable(pid, "objectionHistory")).contains("第1次公示", "赵六", "申请人网上提出");
    // the objection is investigated before anyone decides: the second 公示 shows it, and a caseworker's objection there is round 2
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("1200", 2, 1, "2026-03-20"));
    String notice = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    assertThat(tasks.getVariable(notice, "objectionHistory").toString()).contains("实际自付医疗费用更高");
    f.complete(pid, "Task_PublicNotice", "nongan-cw", vars("objectorName", "钱七", "objectionContent", "另有住房"));
    assertThat(records.objections(pid)).extracting(TemporaryRepository.Objection::noticeRound,
        TemporaryRepository.Objection::source).containsExactly(org.assertj.core.groups.Tuple.tuple(1, "ONLINE"),
        org.assertj.core.groups.Tuple.tuple(2, "TASKLIST"));
    assertThat(((String) runtime.getVariable(pid, "objectionHistory")).split("\n")).hasSize(2);
  }

  @Test
  void theApplicantWithdrawsBeforeTheDecisionAndTheCaseEndsAsWithdrawn() {
    String pid = start(freshId(), "1000");
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", materials());
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_InvestigateHousehold");
    assertThat(deadlines.of(List.of(pid))).anyMatch(d -> "OPEN".equals(d.status()));
    assertThat(actions.canWithdraw(pid)).isTrue();
    assertThatThrownBy(() -> actions.withdraw(pid, " ", "citizen:x"))
        .isInstanceOf(ExpenditureApplicantActions.InvalidRequest.class).hasMessageContaining("撤回理由");
    assertThat(pi).isWaitingAt("Task_InvestigateHousehold");

    actions.withdraw(pid, "医疗费用已由亲属承担", "citizen:220122********0011");
    assertThat(pi).isEnded().hasPassed("StartEvent_WithdrawalRequested", "ServiceTask_RecordWithdrawal",
        "EndEvent_Withdrawn").hasNotPassed("Task_ProposeAssistance");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(pid).count()).isZero();
    assertThat(deadlines.of(List.of(pid))).isNotEmpty().noneMatch(d -> "OPEN".equals(d.status()));
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "WITHDRAWN").extractingByKey("CLOSED_AT").isNotNull();
    assertThat(records.rows("temporary_case_event", pid)).filteredOn(r -> "WITHDRAWN".equals(r.get("KIND")))
        .singleElement().satisfies(r -> {
          assertThat((String) r.get("NOTE")).contains("医疗费用已由亲属承担");
          assertThat(r.get("CREATED_BY")).isEqualTo("citizen:220122********0011");
        });
    assertThat(payments.byCase(pid)).isEmpty();
    assertThat(actions.canWithdraw(pid)).isFalse();
    assertThatThrownBy(() -> actions.withdraw(pid, "再次撤回", "citizen:x"))
        .isInstanceOf(ExpenditureApplicantActions.NotAllowedNow.class).hasMessageContaining("已经办结");
  }

  @Test
  void afterTheDecisionAWithdrawalIsRefusedAndNothingChanges() {
    String pid = toProposal(freshId(), "900");
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("900", 2, 1, "2026-04-20"));
    assertThat(actions.canWithdraw(pid)).as("until the decision").isTrue();
    noticePeriodEnds(pid);
    f.complete(pid, "Task_TownshipApproval", "nongan-approver", vars("decision", "APPROVE"));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("IntermediateTimer_InstalmentDue");
    assertThat(actions.canWithdraw(pid)).isFalse();
    assertThatThrownBy(() -> actions.withdraw(pid, "不需要了", "citizen:x"))
        .isInstanceOf(ExpenditureApplicantActions.NotAllowedNow.class).hasMessageContaining("审核确认决定");
    // the model refuses it too, whoever sends the message: rolled back
    assertThatThrownBy(() -> runtime.createMessageCorrelation(TemporaryVariables.MESSAGE_EXPENDITURE_WITHDRAWN)
        .processInstanceId(pid).setVariable("withdrawalReason", "绕过接口").correlate())
        .hasMessageContaining("不能再撤回申请");
    assertThat(pi).isWaitingAt("IntermediateTimer_InstalmentDue").hasNotPassed("ServiceTask_RecordWithdrawal");
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "APPROVED");
    assertThat(records.instalments(pid)).extracting(TemporaryRepository.Instalment::status)
        .containsExactly("PLANNED", "PLANNED");
    assertThat(records.rows("temporary_case_event", pid)).extracting(r -> r.get("KIND")).doesNotContain("WITHDRAWN");
  }

  /**
   * With {@code doudi.documents.checklist-requires-documents} on, a tick of the 支出型 受理 checklist needs a scanned
   * file of its kind on the case: a Tasklist submit (engine REST) without them answers 400 in Chinese naming each
   * unbacked item, the task stays open and nothing is recorded; with the files uploaded it is accepted. (急难型 has
   * no 受理 checklist: 先行救助 first, 补齐手续 later.)
   */
  @Test
  void aTickedMaterialNeedsAScanOfItsKindOnTheCase() throws Exception {
    String pid = start(ID, "1000");
    String task = f.task(pid, "Task_AcceptApplication").getId();
    Http http = new Http(port);
    CaseDocumentUploads scans = new CaseDocumentUploads(port);
    assertThat(http.send("nongan-cw", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"nongan-cw\"}")
        .status()).isEqualTo(204);
    documents.setChecklistRequiresDocuments(true);
    assertThat(scans.upload("nongan-cw", pid, MaterialType.IDENTITY)).isEqualTo(201);
    assertThat(scans.upload("nongan-cw", pid, MaterialType.AUTHORISATION)).isEqualTo(201);
    Map<String, Object> caseBefore = records.caseRow(pid);
    int eventsBefore = records.rows("temporary_case_event", pid).size();
    java.util.StringJoiner form = new java.util.StringJoiner(",", "{\"variables\":{", "}}");
    materials().forEach((k, v) -> form.add("\"" + k + "\":{\"value\":" + v + "}"));

    Http.Response refused = http.send("nongan-cw", "POST", "/engine-rest/task/" + task + "/submit-form",
        form.toString());
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("已勾选“临时救助申请书”，但本案还没有这类材料的扫描件：救助申请书")
        .contains("已勾选“医疗、教育等刚性支出票据或证明”，但本案还没有这类材料的扫描件：医疗、教育等刚性支出票据或证明")
        .contains("已勾选“承诺书（签字）”，但本案还没有这类材料的扫描件：申请材料真实性承诺书")
        .contains("请先在“申请材料”标签页上传")
        .doesNotContain("居民身份证").doesNotContain("授权书");
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(runtime.getVariable(pid, "materialsComplete")).isNull();
    assertThat(records.caseRow(pid)).isEqualTo(caseBefore);
    assertThat(records.rows("temporary_case_event", pid)).hasSize(eventsBefore);

    for (MaterialType t : List.of(MaterialType.APPLICATION, MaterialType.EXPENSE_PROOF, MaterialType.PLEDGE)) {
      assertThat(scans.upload("nongan-cw", pid, t)).isEqualTo(201);
    }
    Http.Response accepted = http.send("nongan-cw", "POST", "/engine-rest/task/" + task + "/submit-form",
        form.toString());
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    assertThat(f.task(pid, "Task_InvestigateHousehold")).isNotNull();
  }

  @Test
  void incompleteMaterialsAreNotAccepted() {
    String pid = start(ID, "1000");
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    Map<String, Object> m = materials();
    m.put("materialExpenseProof", false);
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", m);
    assertThat(pi).isEnded().hasPassed("EndEvent_NotAccepted");
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "NOT_ACCEPTED");
    assertThat((String) records.rows("temporary_case_event", pid).get(0).get("NOTE")).contains("刚性支出票据");
    assertThat(NoticeTexts.of(documents, pid, NoticeKind.TEMPORARY_NOT_ACCEPTED)).singleElement()
        .satisfies(n -> assertThat(n.text()).startsWith("临时救助不予受理通知书").contains("赵六",
            "1.医疗、教育等刚性支出票据或证明", "本次不予受理", "农安镇人民政府", "60日内", "6个月内")
            .doesNotContain("2.居民身份证"));
  }

  @Test
  void aFailedCheckNeedsWrittenReasonsToApprove() {
    String hiddenWages = TestIds.id("220122", "19800101", "009"); // the simulator finds 3000 yuan/month of wages
    String pid = toProposal(hiddenWages, "1000");
    assertThat(runtime.getVariable(pid, "checkPassed")).isEqualTo(false);
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("1000", 1, 1, "2026-03-20"));
    noticePeriodEnds(pid);
    assertThatThrownBy(() -> f.complete(pid, "Task_TownshipApproval", "nongan-approver",
        vars("decision", "APPROVE"))).hasMessageContaining("核对发现与申报不符");
    f.complete(pid, "Task_TownshipApproval", "nongan-approver",
        vars("decision", "APPROVE", "decisionReasons", "工资已于2月停发，单位出具证明"));
    assertThat(records.instalments(pid)).hasSize(1);
    assertThat(NoticeTexts.of(documents, pid, NoticeKind.TEMPORARY_APPROVED)).singleElement()
        .satisfies(n -> assertThat(n.text()).startsWith("临时救助决定通知书").contains("赵六",
            "农安镇人民政府于2026年3月9日决定：给予临时救助", "救助金额：1000.00元", "第1期：2026年3月20日，1000.00元"));
  }

  @Test
  void aPaymentJobThatFailsAfterWritingItsLedgerRowIsRetriedAndPaysOnce() {
    String pid = toProposal(ID, "900");
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("900", 1, 1, "2026-03-12"));
    noticePeriodEnds(pid); // Mon 03-09
    f.complete(pid, "Task_TownshipApproval", "nongan-approver", vars("decision", "APPROVE"));
    clockAt("2026-03-12T09:00");
    Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
    management.executeJob(timer.getId());
    Job pay = management.createJobQuery().processInstanceId(pid).activityId("ServiceTask_PayInstalment")
        .singleResult();
    assertThat(pay).isNotNull();

    faults.failuresLeft.set(1);
    assertThatThrownBy(() -> management.executeJob(pay.getId())).hasMessageContaining("injected failure");
    // the ledger row was written and rolled back with the failed job: nothing half-written
    assertThat(payments.byKey(ExpenditureCases.paymentKey(pid, 1))).isEmpty();
    assertThat(records.instalments(pid).get(0).status()).isEqualTo("PLANNED");

    management.executeJob(pay.getId()); // the retry
    assertThat(payments.byCase(pid)).singleElement().satisfies(e -> {
      assertThat(e.idempotencyKey()).isEqualTo(ExpenditureCases.paymentKey(pid, 1));
      assertThat(e.amount()).isEqualByComparingTo(new BigDecimal("900"));
    });
    assertThat(records.instalments(pid).get(0).ledgerId()).isEqualTo(payments.byCase(pid).get(0).id());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  @Test
  void aRefusedApplicationStartsNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("expenditure-assistance").count();
    Map<String, Object> noPledge = application(ID, "1000");
    noPledge.put("pledgeSigned", false);
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey("expenditure-assistance").setVariables(noPledge)
        .execute()).hasMessageContaining("承诺书");
    Map<String, Object> badAccount = application(ID, "1000");
    badAccount.put("bankAccountNumber", "12ab");
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey("expenditure-assistance").setVariables(badAccount)
        .execute()).hasMessageContaining("银行账号");
    Map<String, Object> outsider = application(ID, "1000");
    outsider.put("reportedBy", "nanling-cw");
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey("expenditure-assistance").setVariables(outsider)
        .execute()).hasMessageContaining("不负责");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("expenditure-assistance").count())
        .isEqualTo(before);
  }

  static final java.util.concurrent.atomic.AtomicInteger NEXT_BIRTHDAY = new java.util.concurrent.atomic.AtomicInteger();

  /** An ID number of its own whose sequence ends in 9: the check simulator would find 3000 yuan/month of wages. */
  static String freshId() {
    return TestIds.id("220122", java.time.LocalDate.of(1972, 1, 1).plusDays(NEXT_BIRTHDAY.getAndIncrement())
        .toString().replace("-", ""), "011");
  }

  static String hiddenWagesId() {
    return TestIds.id("220122", java.time.LocalDate.of(1971, 1, 1).plusDays(NEXT_BIRTHDAY.getAndIncrement())
        .toString().replace("-", ""), "019");
  }

  @Test
  void aDibaoRecipientIsNotCheckedForIncomeAndAssetsButItsNoticeIsPosted() {
    String id = hiddenWagesId();
    // the household's 低保 is paid (stored evidence in the province's register, not a form flag)
    register.activate("HH-T-" + id, "DIBAO", "dibao-case-of-" + id, "220122", "220122100201",
        List.of(new Person(id, "赵六")), "test");
    String pid = start(id, "1200");
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", materials());
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).hasPassed("ServiceTask_LookUpBasicLiving").isWaitingAt("Task_InvestigateHousehold").variables()
        .containsEntry("basicLivingRecipient", true);
    assertThat((String) runtime.getVariable(pid, "basicLivingLabel")).startsWith("低保对象").contains("四（二）");
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    // 四(二): no income/asset check for 低保/特困 recipients, only their necessary expenditure
    assertThat(pi).hasPassed("Gateway_IncomeCheckNeeded").hasNotPassed("ServiceTask_CheckInformation")
        .isWaitingAt("Task_ProposeAssistance").variables().doesNotContainKey("checkPassed");
    assertThat(records.rows("temporary_case_event", pid)).extracting(r -> r.get("KIND"))
        .contains("BASIC_LIVING_RECIPIENT").doesNotContain("CHECKED");
    // the 公示 is still posted
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("1200", 2, 1, "2026-03-20"));
    assertThat(pi).isWaitingAt("Task_PublicNotice");
    noticePeriodEnds(pid);
    // the hidden wages were never looked for: approving needs no reasons about a failed check
    f.complete(pid, "Task_TownshipApproval", "nongan-approver", vars("decision", "APPROVE"));
    assertThat(pi).hasPassed("Task_PublicNotice", "ServiceTask_RecordApproval");
    assertThat(records.instalments(pid)).hasSize(2);
  }

  @Test
  void anApplicantWhoseDibaoIsOnlyAppliedForIsCheckedAsUsual() {
    String id = hiddenWagesId();
    register.claim("HH-T-" + id, "DIBAO", "dibao-case-of-" + id, "220122", "220122100201",
        List.of(new Person(id, "赵六")), "test"); // APPLYING: not (yet) a 低保 recipient
    String pid = toProposal(id, "1000");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
        .hasPassed("ServiceTask_CheckInformation").variables().containsEntry("basicLivingRecipient", false)
        .containsEntry("checkPassed", false);
  }

  @Test
  void theNoticeOfExpenditureAssistanceCannotBeSwitchedOff() {
    assertThatThrownBy(() -> new TemporarySettings(regions, 10, 7, 5, false, "P7D", 5))
        .hasMessageContaining("必须公示").hasMessageContaining("四（二）");
    assertThatThrownBy(() -> new TemporarySettings(regions, 10, 7, 5, true, "P0D", 5))
        .hasMessageContaining("公示期不能为0");
    // and a township proposing assistance always reaches the 公示, whatever the amount or authority
    String pid = toProposal(ID, "4000");
    f.complete(pid, "Task_ProposeAssistance", "nongan-cw", proposal("4000", 1, 1, "2026-03-20"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
        .isWaitingAt("Task_PublicNotice").variables().containsEntry("authority", "COUNTY");
  }
}
