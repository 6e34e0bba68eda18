package org.doudi.unemployed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.unemployed.UnemployedFixture.*;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.Households;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.TestApplications;
import org.doudi.payment.Channel;
import org.doudi.payment.Claim;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.OnceOnly;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.doudi.unemployed.UnemployedCases.StartedCase;
import org.doudi.unemployed.internal.UnemployedFormException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 未参保失业人员临时救助: every path of {@code unemployed-assistance} — paid, ineligible, found untrue, rejected on
 * review, missed deadlines (supervisor tasks), duplicate in the province (where and when), no second payment (only a
 * record correction after the earlier payment was returned), the
 * payment job failing after its ledger write, and bad input. The engine clock is moved; jobs run in the test.
 * Each test uses its own person: once-only claims are province-wide and outlive a case.
 */
@DoudiTest
class UnemployedProcessTest {

  static final String PERIOD = "EPIDEMIC-2020";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired UnemployedCases cases;
  @Autowired Payments payments;
  @Autowired OnceOnly onceOnly;
  @Autowired Households households;
  @Autowired PaymentFaults faults;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.doudi.document.Documents documents;

  UnemployedFixture f;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    f = new UnemployedFixture(tasks, management);
    clockAt("2026-11-02T09:00"); // a Monday
  }

  @AfterEach
  void tearDown() {
    faults.reset();
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  void asUser(String user) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
  }

  String applyAndAssess(UnemployedApplication a) {
    StartedCase c = cases.apply(a, "baota");
    f.runJobs(c.processInstanceId());
    return c.processInstanceId();
  }

  String toReview(String idNumber) {
    String pid = applyAndAssess(applicant(idNumber));
    f.complete(pid, "Task_InvestigateHardship", "baota", found("TRUE"));
    return pid;
  }

  List<String> recordKinds(String pid) {
    return jdbc.queryForList("SELECT kind FROM unemployed_record WHERE process_instance_id = ? ORDER BY id",
        String.class, pid);
  }

  String record(String pid, String kind) {
    return jdbc.queryForObject("SELECT content FROM unemployed_record WHERE process_instance_id = ? AND kind = ?",
        String.class, pid, kind);
  }

  String status(String pid) {
    return jdbc.queryForObject("SELECT status FROM unemployed_application WHERE process_instance_id = ?",
        String.class, pid);
  }

  /** The case for assertions, also once it has ended. */
  ProcessInstance instance(String pid) {
    return new CaseRef(pid);
  }

  @Test
  void eligibleApplicantIsInvestigatedReviewedCheckedPaidOnceAndArchived() {
    String id = person("19880315", 1);
    StartedCase c = cases.apply(applicant(id), "baota");
    String pid = c.processInstanceId();
    assertThat(instance(pid)).isWaitingAt("ServiceTask_AssessEligibility"); // a job: the check platform may retry
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
        .isEqualTo(String.valueOf(c.applicationId()));
    f.runJobs(pid);

    assertThat(instance(pid)).hasPassed("BusinessRuleTask_DecideAmount").isWaitingAt("Task_InvestigateHardship")
        .variables().containsEntry("eligible", true).containsEntry("amount", "800.00")
        .containsEntry("perCapitaIncome", "300.00").containsEntry("lowIncomeLine", "1000.00")
        .containsEntry("regionCode", "220122100201");
    assertThat(f.task(pid, "Task_InvestigateHardship").getName()).isEqualTo("村（社区）调查核实");
    // 村（社区） assists the township: both see the task
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("village-assistant-220122100201")
        .count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("township-caseworker-220122100")
        .count()).isEqualTo(1);
    // 3 working days from Monday 2026-11-02
    assertThat(local(f.task(pid, "Task_InvestigateHardship").getDueDate()))
        .isEqualTo(LocalDateTime.parse("2026-11-05T17:00"));

    f.complete(pid, "Task_InvestigateHardship", "baota", found("TRUE"));
    assertThat(instance(pid)).isWaitingAt("Task_TownshipReview");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("township-approver-220122100")
        .count()).isEqualTo(1);
    assertThat(local(f.task(pid, "Task_TownshipReview").getDueDate()))
        .isEqualTo(LocalDateTime.parse("2026-11-04T17:00"));

    f.complete(pid, "Task_TownshipReview", "nongan-approver", approve());
    assertThat(instance(pid)).isEnded().hasPassed("ServiceTask_PayAssistance", "ServiceTask_Archive", "EndEvent_Paid")
        .hasNotPassed("Task_ResolveDuplicate");

    LedgerEntry paid = payments.byKey("unemployed:" + id + ":" + PERIOD).orElseThrow();
    assertThat(paid.amount()).isEqualByComparingTo("800.00");
    assertThat(paid.scheme()).isEqualTo(Scheme.UNEMPLOYED);
    assertThat(paid.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(paid.channel()).isEqualTo(Channel.BANK);
    assertThat(paid.caseRef()).isEqualTo(pid);
    assertThat(paid.approvedBy()).isEqualTo("nongan-approver");
    assertThat(paid.payee().beneficiaryKey()).isEqualTo("P-" + id);
    assertThat(paid.payee().accountNumber()).isEqualTo("6228480010000000011");
    assertThat(paid.periodStart()).isEqualTo("2026-11-01");
    assertThat(payments.byCase(pid)).hasSize(1);
    Claim claim = onceOnly.find(id, Scheme.UNEMPLOYED, PERIOD).orElseThrow();
    assertThat(claim.caseRef()).isEqualTo(pid);
    assertThat(claim.regionCode()).isEqualTo("220122100201");
    assertThat(recordKinds(pid)).containsExactly("ELIGIBILITY", "AMOUNT", "PAYMENT", "ARCHIVED");
    assertThat(record(pid, "PAYMENT")).contains("800.00元").doesNotContain(id);
    assertThat(status(pid)).isEqualTo("PAID");
  }

  @Test
  void applicantOnDibaoInJilinInsuredOrAboveTheLowIncomeLineIsRefusedInWritingWithEveryReason() {
    String id = person("19880315", 2);
    // an approved 低保 case in this system in which the person is a member
    HouseholdApplication withPerson = TestApplications.withMember(TestApplications.household(), 2,
        new Member("王五", id, HouseholdApplication.Relation.CHILD, null, null, null, null, false, true, false, null,
            null));
    long dibao = households.register(withPerson, "nongan-cw");
    households.updateStatus(dibao, ApplicationStatus.APPROVED);

    UnemployedApplication a = applicant(id);
    UnemployedApplication insuredRich = new UnemployedApplication(a.fullName(), a.idNumber(), a.identityDocument(),
        a.countyCode(), a.regionCode(), a.urbanRural(), a.applicationPlace(), a.address(), a.contactPhone(),
        a.hardshipDescription(), a.employerName(), a.employerAddress(), a.jobPosition(), a.witnesses(),
        YearMonth.of(2026, 9), true, true, false, 2, new BigDecimal("2400.00"), BigDecimal.ZERO, a.bankName(),
        a.bankAccountNumber(), true, true);
    String pid = applyAndAssess(insuredRich);

    assertThat(instance(pid)).isEnded().hasPassed("ServiceTask_RecordIneligible", "EndEvent_Ineligible")
        .hasNotPassed("Task_InvestigateHardship");
    String notice = record(pid, "INELIGIBLE_NOTICE");
    assertThat(notice).startsWith("不予临时救助告知书").contains("连续三个月无收入来源的条件不满足（最后有收入的月份2026-09")
        .contains("已参加失业保险").contains("已纳入本省低保范围（本系统低保案卷" + dibao)
        .contains("家庭人均收入不低于低收入家庭标准").contains("人均月收入1200.00元，低收入标准1000.00元")
        .contains("吉民发〔2020〕40号 二（二）1");
    assertThat(status(pid)).isEqualTo("INELIGIBLE");
    assertThat(org.doudi.notice.NoticeTexts.of(documents, pid, org.doudi.notice.NoticeKind.UNEMPLOYED_REFUSED))
        .singleElement().satisfies(n -> assertThat(n.text()).contains("经认定条件审查和信息核对", "已参加失业保险",
            "人均月收入1200.00元，低收入标准1000.00元", "申请行政复议"));
    assertThat(payments.byCase(pid)).isEmpty();
    assertThat(onceOnly.find(id, Scheme.UNEMPLOYED, PERIOD)).isEmpty();
  }

  @Test
  void checkPlatformFindingWagesMakesTheApplicantIneligible() {
    // sequence ending in 9: the simulator finds 3000 yuan/month of undeclared wages
    String first17 = "22012219880315" + "029";
    String id = first17 + org.doudi.household.IdNumber.checkDigit(first17);
    String pid = applyAndAssess(applicant(id));
    assertThat(instance(pid)).isEnded().hasPassed("EndEvent_Ineligible");
    assertThat(record(pid, "INELIGIBLE_NOTICE")).contains("经济状况核对发现申请人有未申报的收入或财产").contains("核对报告SIM-");
  }

  @Test
  void investigationFindingTheStoryUntrueEndsWithWrittenReasons() {
    String pid = applyAndAssess(applicant(person("19880315", 3)));
    Map<String, Object> untrue = found("UNTRUE");
    // no reasons: refused, the task stays open
    assertThatThrownBy(() -> {
      var t = f.task(pid, "Task_InvestigateHardship");
      tasks.claim(t.getId(), "baota");
      tasks.complete(t.getId(), untrue);
    }).hasRootCauseInstanceOf(UnemployedFormException.class).rootCause().hasMessageContaining("不予救助理由");
    assertThat(instance(pid)).isWaitingAt("Task_InvestigateHardship");

    untrue.put("untrueReasons", "两名证明人均称申请人2026年9月起已在原单位复工，工资照常发放");
    tasks.complete(f.task(pid, "Task_InvestigateHardship").getId(), untrue);
    f.runJobs(pid);
    assertThat(instance(pid)).isEnded().hasPassed("ServiceTask_RecordUntrue", "EndEvent_Untrue")
        .hasNotPassed("Task_TownshipReview");
    assertThat(record(pid, "UNTRUE_NOTICE")).contains("情况不属实").contains("已在原单位复工")
        .contains("行政复议");
    assertThat(status(pid)).isEqualTo("UNTRUE");
  }

  @Test
  void townshipReviewMayRefuseWithReasons() {
    String pid = toReview(person("19880315", 4));
    assertThatThrownBy(() -> tasks.complete(f.task(pid, "Task_TownshipReview").getId(),
        vars("reviewDecision", "REJECT", "reviewReasons", "不行"))).rootCause().hasMessageContaining("至少5个字");
    f.complete(pid, "Task_TownshipReview", "nongan-approver",
        vars("reviewDecision", "REJECT", "reviewReasons", "复核发现申请人配偶有稳定工资收入，家庭不属于生活困难"));
    assertThat(instance(pid)).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(record(pid, "REJECTION_NOTICE")).contains("配偶有稳定工资收入");
    assertThat(payments.byCase(pid)).isEmpty();
    // the written 不予救助告知书 as a PDF of the case (docs/notices.md)
    assertThat(org.doudi.notice.NoticeTexts.of(documents, pid, org.doudi.notice.NoticeKind.UNEMPLOYED_REFUSED))
        .singleElement().satisfies(n -> assertThat(n.text()).startsWith("不予救助告知书")
            .contains("未参保失业人员临时救助申请", "经乡镇（街道）复核", "决定：不予救助", "配偶有稳定工资收入",
                "60日内向农安县人民政府申请行政复议", "6个月内依法向人民法院提起行政诉讼"));
  }

  @Test
  void missedDeadlinesGiveSupervisorsATaskWhileTheCaseWaits() {
    String pid = applyAndAssess(applicant(person("19880315", 5)));
    Job timer = management.createJobQuery().processInstanceId(pid).activityId("BoundaryEvent_InvestigationOverdue")
        .singleResult();
    assertThat(local(timer.getDuedate())).isEqualTo(LocalDateTime.parse("2026-11-05T17:00"));
    advanceDays(3); // Thursday 09:00: not yet
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SuperviseOverdueInvestigation")
        .count()).isZero();
    advanceDays(1); // Friday: 3 working days have passed
    f.runJobs(pid);
    assertThat(instance(pid)).isWaitingAt("Task_InvestigateHardship", "Task_SuperviseOverdueInvestigation");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SuperviseOverdueInvestigation")
        .taskCandidateGroup("supervisor-220100").count()).isEqualTo(1);
    assertThat(record(pid, "OVERDUE")).contains("超过3个工作日");
    assertThatThrownBy(() -> tasks.complete(f.task(pid, "Task_SuperviseOverdueInvestigation").getId(), vars()))
        .rootCause().hasMessageContaining("督办意见");
    f.complete(pid, "Task_SuperviseOverdueInvestigation", "supervisor", vars("superviseNote", "已电话督促宝塔村当天完成调查"));
    assertThat(instance(pid)).hasPassed("EndEvent_InvestigationSupervised");

    f.complete(pid, "Task_InvestigateHardship", "baota", found("TRUE")); // Friday 2026-11-06
    Job reviewTimer = management.createJobQuery().processInstanceId(pid).activityId("BoundaryEvent_ReviewOverdue")
        .singleResult();
    assertThat(local(reviewTimer.getDuedate())).isEqualTo(LocalDateTime.parse("2026-11-10T17:00")); // over the weekend
    advanceDays(5); // Wednesday 11-11
    f.runJobs(pid);
    assertThat(instance(pid)).isWaitingAt("Task_TownshipReview", "Task_SuperviseOverdueReview");
    assertThat(recordKinds(pid)).containsExactly("ELIGIBILITY", "AMOUNT", "OVERDUE", "OVERDUE");
    f.complete(pid, "Task_SuperviseOverdueReview", "supervisor", vars("superviseNote", "督促农安镇复核"));
    f.complete(pid, "Task_TownshipReview", "nongan-approver", approve());
    assertThat(instance(pid)).isEnded().hasPassed("EndEvent_Paid", "EndEvent_ReviewSupervised");
  }

  @Test
  void aSecondApplicationInTheProvinceIsStoppedAndShowsWhereAndWhenThePersonWasPaid() {
    String id = person("19880315", 6);
    String first = toReview(id);
    f.complete(first, "Task_TownshipReview", "nongan-approver", approve());
    assertThat(instance(first)).isEnded();

    clockAt("2026-11-09T10:00");
    String second = toReview(id);
    f.complete(second, "Task_TownshipReview", "nongan-approver", approve());
    assertThat(instance(second)).hasPassed("BoundaryEvent_Duplicate").isWaitingAt("Task_ResolveDuplicate");
    String message = (String) runtime.getVariable(second, "duplicateMessage");
    assertThat(message).contains("2026年11月2日").contains("宝塔村").contains(first).contains("全省只能领取一次");
    // the township caseworker sees it (and so do the supervisors)
    assertThat(tasks.createTaskQuery().processInstanceId(second).taskCandidateGroup("township-caseworker-220122100")
        .count()).isEqualTo(1);
    assertThat(record(second, "DUPLICATE")).contains(message);
    assertThat(status(second)).isEqualTo("DUPLICATE");

    f.complete(second, "Task_ResolveDuplicate", "nongan-cw",
        vars("duplicateDecision", "REFUSE", "duplicateNote", "已电话告知申请人"));
    assertThat(instance(second)).isEnded().hasPassed("EndEvent_DuplicateRefused");
    assertThat(record(second, "DUPLICATE_NOTICE")).contains("2026年11月2日").contains("宝塔村");
    assertThat(payments.byCase(second)).isEmpty();
    assertThat(onceOnly.history(id, Scheme.UNEMPLOYED, PERIOD)).singleElement()
        .satisfies(c -> assertThat(c.caseRef()).isEqualTo(first));
  }

  /** Every ledger row of the person in the scheme, with its status (the province-wide view). */
  List<String> statusesOf(String idNumber) {
    return jdbc.queryForList("SELECT status FROM payment_entry WHERE payee_id_number = ? AND scheme = 'UNEMPLOYED' "
        + "ORDER BY id", String.class, idNumber);
  }

  /** A first case paid (APPROVED), a second one for the same person waiting at the duplicate task. */
  String[] paidThenDuplicate(String id) {
    String first = toReview(id);
    f.complete(first, "Task_TownshipReview", "nongan-approver", approve());
    String second = toReview(id);
    f.complete(second, "Task_TownshipReview", "nongan-approver", approve());
    assertThat(instance(second)).isWaitingAt("Task_ResolveDuplicate");
    return new String[] {first, second};
  }

  @Test
  void aPersonWhoseFirstPaymentIsUnderWayOrPaidCannotBePaidASecondTime() {
    String id = person("19880315", 7);
    String[] cases = paidThenDuplicate(id);
    String second = cases[1];
    String taskId = f.task(second, "Task_ResolveDuplicate").getId();
    tasks.claim(taskId, "nongan-cw");
    // the override is gone
    assertThatThrownBy(() -> tasks.complete(taskId, vars("duplicateDecision", "OVERRIDE",
        "duplicateNote", "申请人情况特殊需要再次救助"))).rootCause().hasMessageContaining("无效");
    assertThatThrownBy(() -> tasks.complete(taskId, vars("duplicateDecision", "CORRECT",
        "duplicateNote", "申请人情况特殊需要再次救助"))).rootCause().hasMessageContaining("只有督查员");
    tasks.setAssignee(taskId, "supervisor");
    assertThatThrownBy(() -> tasks.complete(taskId, vars("duplicateDecision", "CORRECT", "duplicateNote", "特殊")))
        .rootCause().hasMessageContaining("至少10个字");
    LedgerEntry firstPayment = payments.byCase(cases[0]).get(0);
    for (PaymentStatus next : new PaymentStatus[] {null, PaymentStatus.SENT, PaymentStatus.PAID}) {
      if (next != null) {
        payments.transition(firstPayment.id(), next, "bank", null);
      }
      assertThatThrownBy(() -> tasks.complete(taskId, vars("duplicateDecision", "CORRECT",
          "duplicateNote", "申请人称未收到前次救助金，请求再次发放"))).as(String.valueOf(next)).rootCause()
          .hasMessageContaining("只有银行退回或已取消");
    }
    assertThat(f.task(second, "Task_ResolveDuplicate").getId()).isEqualTo(taskId);
    f.runJobs(second);
    assertThat(payments.byCase(second)).isEmpty();
    assertThat(statusesOf(id)).containsExactly("PAID");
    assertThat(onceOnly.history(id, Scheme.UNEMPLOYED, PERIOD)).singleElement()
        .satisfies(c -> assertThat(c.caseRef()).isEqualTo(cases[0]));

    tasks.complete(taskId, vars("duplicateDecision", "REFUSE", "duplicateNote", "已告知申请人前次已发放"));
    f.runJobs(second);
    assertThat(instance(second)).isEnded().hasPassed("EndEvent_DuplicateRefused");
    assertThat(statusesOf(id)).containsExactly("PAID");
  }

  @Test
  void afterTheFirstPaymentWasReturnedASupervisorCorrectsTheRecordAndThisCaseMakesTheOnlyPayment() {
    String id = person("19880315", 21);
    String[] cases = paidThenDuplicate(id);
    String first = cases[0];
    String second = cases[1];
    LedgerEntry firstPayment = payments.byCase(first).get(0);
    payments.transition(firstPayment.id(), PaymentStatus.SENT, "bank-file", null);
    payments.transition(firstPayment.id(), PaymentStatus.RETURNED, "bank-result", "账户已销户");

    String reason = "前次发放的银行账户已注销、资金被退回，经核实申请人未实际收到救助金";
    f.complete(second, "Task_ResolveDuplicate", "supervisor", vars("duplicateDecision", "CORRECT",
        "duplicateNote", reason));
    assertThat(instance(second)).isEnded().hasPassed("Task_ResolveDuplicate", "EndEvent_Paid");

    List<Claim> claims = onceOnly.history(id, Scheme.UNEMPLOYED, PERIOD);
    assertThat(claims).hasSize(2);
    assertThat(claims.get(0).caseRef()).isEqualTo(first);
    assertThat(claims.get(0).active()).isFalse();
    assertThat(claims.get(0).supersededBy()).isEqualTo("supervisor");
    assertThat(claims.get(0).supersededReason()).contains(second).contains(reason);
    assertThat(claims.get(1).caseRef()).isEqualTo(second);
    assertThat(claims.get(1).seq()).isEqualTo(1);
    assertThat(claims.get(1).correctionReason()).isEqualTo(reason);
    assertThat(claims.get(1).claimedBy()).isEqualTo("supervisor");
    LedgerEntry again = payments.byCase(second).get(0);
    assertThat(again.idempotencyKey()).isEqualTo("unemployed:" + id + ":" + PERIOD + ":correction-1");
    assertThat(again.note()).contains(reason);
    assertThat(record(second, "PAYMENT")).contains("督查员supervisor更正查重记录").contains(reason);

    payments.transition(again.id(), PaymentStatus.SENT, "bank-file", null);
    payments.transition(again.id(), PaymentStatus.PAID, "bank-result", null);
    assertThat(statusesOf(id)).containsExactly("RETURNED", "PAID");
    // the returned first payment can no longer be re-issued, and a third case is a duplicate again
    assertThatThrownBy(() -> payments.reissue(firstPayment.id(), "农安农商银行", "6228480099990000", "na-county-cw",
        "更正账户补发")).hasMessageContaining("更正到其他案件");
    String third = toReview(id);
    f.complete(third, "Task_TownshipReview", "nongan-approver", approve());
    assertThat(instance(third)).isWaitingAt("Task_ResolveDuplicate");
    assertThat((String) runtime.getVariable(third, "duplicateMessage")).contains(second);
    assertThat(statusesOf(id)).containsExactly("RETURNED", "PAID");
  }

  @Test
  void aReissueBetweenTheCorrectionAndItsPaymentStepSendsTheCaseBackToTheDuplicateTask() {
    String id = person("19880315", 22);
    String[] cases = paidThenDuplicate(id);
    LedgerEntry firstPayment = payments.byCase(cases[0]).get(0);
    payments.transition(firstPayment.id(), PaymentStatus.SENT, "bank-file", null);
    payments.transition(firstPayment.id(), PaymentStatus.RETURNED, "bank-result", "账号错误");
    String taskId = f.task(cases[1], "Task_ResolveDuplicate").getId();
    tasks.claim(taskId, "supervisor");
    tasks.complete(taskId, vars("duplicateDecision", "CORRECT", "duplicateNote", "前次付款因账号错误被银行退回"));
    // before the payment step runs, the county re-issues the returned payment: the person will get that one
    payments.reissue(firstPayment.id(), "农安农商银行", "6228480099990001", "na-county-cw", "更正账号补发");
    f.runJobs(cases[1]);

    assertThat(instance(cases[1])).isWaitingAt("Task_ResolveDuplicate");
    assertThat((String) runtime.getVariable(cases[1], "duplicateMessage")).contains("只有银行退回或已取消");
    assertThat(payments.byCase(cases[1])).isEmpty();
    assertThat(statusesOf(id)).containsExactly("RETURNED", "APPROVED");
    assertThat(onceOnly.history(id, Scheme.UNEMPLOYED, PERIOD)).singleElement()
        .satisfies(c -> assertThat(c.active()).isTrue());
  }

  @Test
  void thePaymentJobFailingAfterItsLedgerWriteIsRetriedAndPaysExactlyOnce() {
    String id = person("19880315", 8);
    String pid = toReview(id);
    faults.failAfterLedgerWrite(1);
    Map<String, Object> decision = approve();
    var review = f.task(pid, "Task_TownshipReview");
    tasks.claim(review.getId(), "nongan-approver");
    tasks.complete(review.getId(), decision);
    // the job after the review, then the payment job itself
    Job afterReview = management.createJobQuery().processInstanceId(pid).singleResult();
    management.executeJob(afterReview.getId());
    Job pay = management.createJobQuery().processInstanceId(pid).activityId("ServiceTask_PayAssistance").singleResult();
    assertThatThrownBy(() -> management.executeJob(pay.getId())).hasMessageContaining("注入的故障");

    // rolled back as a whole: no ledger row, no claim, no record; the job waits for its retry
    assertThat(payments.byKey("unemployed:" + id + ":" + PERIOD)).isEmpty();
    assertThat(onceOnly.find(id, Scheme.UNEMPLOYED, PERIOD)).isEmpty();
    assertThat(recordKinds(pid)).containsExactly("ELIGIBILITY", "AMOUNT");
    Job failed = management.createJobQuery().jobId(pay.getId()).singleResult();
    assertThat(failed.getRetries()).isEqualTo(4); // R5/PT10M
    assertThat(failed.getExceptionMessage()).contains("注入的故障");

    management.executeJob(pay.getId()); // the retry
    f.runJobs(pid);
    assertThat(instance(pid)).isEnded().hasPassed("EndEvent_Paid");
    assertThat(payments.byCase(pid)).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_ledger WHERE payee_id_number = ?", Integer.class, id))
        .isEqualTo(1);
    assertThat(onceOnly.history(id, Scheme.UNEMPLOYED, PERIOD)).hasSize(1);
  }

  @Test
  void badInputIsRefusedWithEveryReasonAndStoresNothing() {
    int before = jdbc.queryForObject("SELECT count(*) FROM unemployed_application", Integer.class);
    UnemployedApplication a = applicant(person("19880315", 9));
    String valid = person("19880315", 9);
    String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    UnemployedApplication bad = new UnemployedApplication(" ", wrongCheckDigit, a.identityDocument(), "220122",
        "220122100", a.urbanRural(), null, a.address(), "abc", a.hardshipDescription(), a.employerName(),
        a.employerAddress(), a.jobPosition(), List.of(new UnemployedApplication.Witness("李工头", "13804310001")),
        YearMonth.of(2027, 1), true, false, false, 0, new BigDecimal("-1"), new BigDecimal("1.234"), a.bankName(),
        "12AB", false, null);
    assertThatThrownBy(() -> cases.apply(bad, "baota")).isInstanceOfSatisfying(InvalidApplicationException.class,
        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("fullName", "idNumber",
            "regionCode", "applicationPlace", "contactPhone", "witnesses", "lastIncomeMonth", "householdSize",
            "householdMonthlyIncome", "householdFinancialAssets", "bankAccountNumber", "pledgeSigned",
            "authorisationSigned"))
        .hasMessageContaining("身份证号码校验位错误").hasMessageContaining("2名以上证明人")
        .hasMessageContaining("不是已登记的村（社区）").hasMessageContaining("须由申请人签署个人承诺书");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM unemployed_application", Integer.class)).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("unemployed-assistance")
        .processInstanceBusinessKey(String.valueOf(before + 1)).count()).isZero();
  }

  @Test
  void theTasklistStartFormIsCheckedOnTheServerTooAndStartsTheCase() {
    int before = jdbc.queryForObject("SELECT count(*) FROM unemployed_application", Integer.class);
    Map<String, Object> form = vars("fullName", "孙六", "idNumber", person("19900101", 10), "identityDocument",
        "RESIDENCE_PERMIT", "applicationPlace", "WORKPLACE", "township", "220122100", "regionCode", "220122100201",
        "urbanRural", "RURAL", "address", "宝塔村5组", "contactPhone", "13904319999", "hardshipDescription", "停工三个月",
        "employerName", "某食品厂", "employerAddress", "农安县工业园", "jobPosition", "包装工", "witness1Name", "甲",
        "witness1Phone", "13800000001", "witness2Name", "乙", "witness2Phone", "13800000002", "lastIncomeMonth",
        "2026-06", "epidemicCause", true, "householdSize", 1L, "householdMonthlyIncome", 0L,
        "householdFinancialAssets", 500.5d, "bankName", "农安县农村信用合作联社", "bankAccountNumber", "6228480010000000099",
        "pledgeSigned", true, "authorisationSigned", false);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("unemployed-assistance", form))
        .isInstanceOf(UnemployedFormException.class).hasMessageContaining("授权书");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM unemployed_application", Integer.class)).isEqualTo(before);

    form.put("authorisationSigned", true);
    // a caseworker of another township may not file for 宝塔村
    asUser("fulongquan-cw");
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("unemployed-assistance", form))
          .isInstanceOf(UnemployedFormException.class).hasMessageContaining("不负责村（社区）220122100201");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM unemployed_application", Integer.class)).isEqualTo(before);

    asUser("nongan-cw");
    ProcessInstance pi;
    try {
      pi = runtime.startProcessInstanceByKey("unemployed-assistance", form);
    } finally {
      identity.clearAuthentication();
    }
    f.runJobs(pi.getId());
    assertThat(pi).isWaitingAt("Task_InvestigateHardship").variables().containsEntry("applicantName", "孙六")
        .doesNotContainKey("bankAccountNumber").containsEntry("registeredBy", "nongan-cw");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM unemployed_witness w JOIN unemployed_application a "
        + "ON a.id = w.application_id WHERE a.process_instance_id = ?", Integer.class, pi.getId())).isEqualTo(2);
  }
}
