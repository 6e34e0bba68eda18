package org.doudi.temporary;

import org.doudi.notice.NoticeKind;
import org.doudi.notice.NoticeTexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.temporary.TemporaryFixture.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.doudi.payment.Channel;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.doudi.temporary.internal.EmergencyCases;
import org.doudi.temporary.internal.TemporaryCases;
import org.doudi.temporary.internal.TemporaryCases.EmergencyReport;
import org.doudi.temporary.internal.TemporaryCases.UnfinishedPaperwork;
import org.doudi.temporary.internal.TemporaryFormException;
import org.doudi.temporary.persistence.TemporaryRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 急难型 with 先行救助: paid at once from the reserve fund, paperwork after the emergency eased (on time, and overdue
 * with reminder and escalation), county authority above 1000 yuan and for 一事一议, refused reports.
 */
@DoudiTest
class EmergencyProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TemporaryCases cases;
  @Autowired Payments payments;
  @Autowired TemporaryRepository records;
  @Autowired org.doudi.document.Documents documents;

  TemporaryFixture f;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    f = new TemporaryFixture(tasks, management);
    clockAt("2026-03-02T09:00"); // Monday
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  static EmergencyReport report(String amount, boolean exceptional, LocalDate easing) {
    return new EmergencyReport("220122100201", "PHONE", "王五", ID, "13900000000", "黑龙江省哈尔滨市", "FIRE",
        "住房失火，衣物被褥全部烧毁", new BigDecimal(amount), exceptional, easing);
  }

  String reportAndPay(EmergencyReport r) {
    String pid = cases.reportEmergency(r, "nongan-cw").processInstanceId();
    f.runJobs(pid);
    return pid;
  }

  static Map<String, Object> paperwork(String amount) {
    return vars("recipientRegistered", true, "paperworkCause", "住房失火", "amountConfirmed", Double.valueOf(amount),
        "handlerName", "刘经办", "handlerSigned", true, "reviewerName", "陈镇长", "reviewerSigned", true,
        "townshipStamped", true, "receiptSigned", true);
  }

  @Test
  void paidAtOnceFromTheReserveFundThenPaperworkCompletedClosesTheCase() {
    String pid = reportAndPay(report("800", false, null));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    // no economic check, no appraisal, no notice: straight to payment
    assertThat(pi).hasPassed("ServiceTask_RegisterEmergency", "BusinessRuleTask_DecideAuthority",
        "ServiceTask_PayReserveFund").hasNotPassed("Task_CountyApproveEmergency").isWaitingAt("Task_AwaitEasing")
        .variables().containsEntry("authority", "TOWNSHIP").containsEntry("reportChannel", "PHONE");
    LedgerEntry paid = payments.byKey(EmergencyCases.paymentKey(pid)).orElseThrow();
    assertThat(paid.channel()).isEqualTo(Channel.RESERVE_FUND);
    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(paid.scheme()).isEqualTo(Scheme.TEMPORARY_EMERGENCY);
    assertThat(paid.amount()).isEqualByComparingTo("800.00");
    assertThat(paid.caseRef()).isEqualTo(pid);
    assertThat(paid.payee().idNumber()).isEqualTo(ID);
    assertThat(paid.regionCode()).isEqualTo("220122100201");
    assertThat(payments.byCase(pid)).hasSize(1);
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "PAID").containsEntry("HUKOU_PLACE", "黑龙江省哈尔滨市");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("township-caseworker-220122100")
        .count()).isEqualTo(1);

    cases.emergencyEased(pid, "已安置到亲属家中", "nongan-cw");
    assertThat(pi).hasPassed("BoundaryEvent_EmergencyEased", "ServiceTask_RecordEased")
        .isWaitingAt("Task_CompletePaperwork");
    // 10 working days from Mon 2026-03-02: Mon 03-16, 17:00; the reminder after 7: Wed 03-11
    assertThat(local(f.task(pid, "Task_CompletePaperwork").getDueDate())).isEqualTo("2026-03-16T17:00");
    assertThat(local(f.task(pid, "Task_CompletePaperwork").getFollowUpDate())).isEqualTo("2026-03-11T17:00");
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "PAPERWORK");
    assertThat(cases.unfinishedPaperwork("supervisor", true)).extracting(UnfinishedPaperwork::processInstanceId)
        .contains(pid);
    assertThat(cases.unfinishedPaperwork("supervisor", false)).extracting(UnfinishedPaperwork::processInstanceId)
        .doesNotContain(pid);

    // incomplete paperwork is refused and nothing is stored; a different amount may not be "completed" either
    Map<String, Object> unstamped = paperwork("800");
    unstamped.put("townshipStamped", false);
    assertThatThrownBy(() -> f.complete(pid, "Task_CompletePaperwork", "nongan-cw", unstamped))
        .hasRootCauseInstanceOf(TemporaryFormException.class).hasMessageContaining("公章");
    assertThatThrownBy(() -> f.complete(pid, "Task_CompletePaperwork", "nongan-cw", paperwork("900")))
        .hasMessageContaining("不一致");
    Map<String, Object> sameSigner = paperwork("800");
    sameSigner.put("reviewerName", "刘经办");
    assertThatThrownBy(() -> f.complete(pid, "Task_CompletePaperwork", "nongan-cw", sameSigner))
        .hasMessageContaining("同一人");
    assertThat(records.rows("temporary_paperwork", pid)).isEmpty();
    assertThat(pi).isWaitingAt("Task_CompletePaperwork");

    f.complete(pid, "Task_CompletePaperwork", "nongan-cw", paperwork("800"));
    assertThat(pi).isEnded().hasPassed("ServiceTask_CloseCase", "EndEvent_Closed")
        .hasNotPassed("ServiceTask_RecordOverdue");
    assertThat(records.rows("temporary_paperwork", pid)).singleElement().satisfies(r -> {
      assertThat(r.get("HANDLER_NAME")).isEqualTo("刘经办");
      assertThat(r.get("REVIEWER_NAME")).isEqualTo("陈镇长");
      assertThat((BigDecimal) r.get("AMOUNT_CONFIRMED")).isEqualByComparingTo("800");
      assertThat(r.get("COMPLETED_BY")).isEqualTo("nongan-cw");
    });
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "CLOSED");
    assertThat(cases.unfinishedPaperwork("supervisor", true)).extracting(UnfinishedPaperwork::processInstanceId)
        .doesNotContain(pid);
    assertThat(payments.byCase(pid)).hasSize(1);
  }

  @Test
  void theSetEasingDateMovesTheCaseAndOverduePaperworkIsRemindedThenEscalated() {
    String pid = reportAndPay(report("500", false, LocalDate.parse("2026-03-04")));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_AwaitEasing");
    clockAt("2026-03-04T16:59");
    f.runJobs(pid);
    assertThat(pi).isWaitingAt("Task_AwaitEasing");
    clockAt("2026-03-04T17:00");
    f.runJobs(pid);
    assertThat(pi).hasPassed("BoundaryEvent_EasingDateReached").isWaitingAt("Task_CompletePaperwork");
    // eased Wed 03-04 17:00 → 10 working days: Wed 03-18; reminder after 7: Fri 03-13
    assertThat(local(f.task(pid, "Task_CompletePaperwork").getDueDate())).isEqualTo("2026-03-18T17:00");

    clockAt("2026-03-13T17:00");
    f.runJobs(pid);
    assertThat(pi).hasPassed("ServiceTask_RemindPaperwork").isWaitingAt("Task_CompletePaperwork");
    assertThat(f.task(pid, "Task_CompletePaperwork").getPriority()).isEqualTo(80);
    assertThat(records.rows("temporary_case_event", pid)).extracting(r -> r.get("KIND"))
        .contains("EASED", "REMINDED").doesNotContain("OVERDUE");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SuperviseOverduePaperwork")
        .count()).isZero();

    clockAt("2026-03-18T17:00");
    f.runJobs(pid);
    assertThat(pi).hasPassed("ServiceTask_RecordOverdue").isWaitingAt("Task_CompletePaperwork",
        "Task_SuperviseOverduePaperwork");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SuperviseOverduePaperwork")
        .taskCandidateGroup("county-approver-220122").count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SuperviseOverduePaperwork")
        .taskCandidateGroup("supervisor-220100").count()).isEqualTo(1);
    clockAt("2026-03-19T09:00");
    List<UnfinishedPaperwork> overdue = cases.unfinishedPaperwork("supervisor", false);
    assertThat(overdue).filteredOn(u -> u.processInstanceId().equals(pid)).singleElement().satisfies(u -> {
      assertThat(u.overdue()).isTrue();
      assertThat(u.remindedAt()).isNotNull();
      assertThat(u.escalatedAt()).isNotNull();
      assertThat(u.amount()).isEqualByComparingTo("500");
    });
    // a caseworker of another township does not see it
    assertThat(cases.unfinishedPaperwork("nanling-cw", true)).extracting(UnfinishedPaperwork::processInstanceId)
        .doesNotContain(pid);

    assertThatThrownBy(() -> f.complete(pid, "Task_SuperviseOverduePaperwork", "na-county-approver",
        vars("supervisionAction", "URGED"))).hasMessageContaining("督办情况说明");
    f.complete(pid, "Task_SuperviseOverduePaperwork", "na-county-approver",
        vars("supervisionAction", "URGED", "supervisionNote", "已电话督促农安镇3日内补齐"));
    assertThat(pi).isWaitingAt("Task_CompletePaperwork"); // the case closes only when the paperwork is complete
    f.complete(pid, "Task_CompletePaperwork", "nongan-cw", paperwork("500"));
    assertThat(pi).isEnded();
    assertThat(records.rows("temporary_case_event", pid)).extracting(r -> r.get("KIND"))
        .contains("EASED", "REMINDED", "OVERDUE", "ESCALATION_HANDLED", "CLOSED");
  }

  @Test
  void aboveTheTownshipLimitTheCountyApprovesBeforeAnythingIsPaid() {
    String pid = reportAndPay(report("1500", false, null));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_CountyApproveEmergency").variables().containsEntry("authority", "COUNTY")
        .containsEntry("collectiveDiscussionRequired", false);
    assertThat(payments.byCase(pid)).isEmpty();
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("county-approver-220122").count())
        .isEqualTo(1);
    f.complete(pid, "Task_CountyApproveEmergency", "na-county-approver", vars("decision", "APPROVE"));
    assertThat(pi).hasPassed("ServiceTask_PayReserveFund").isWaitingAt("Task_AwaitEasing");
    assertThat(payments.byKey(EmergencyCases.paymentKey(pid)).orElseThrow().amount()).isEqualByComparingTo("1500");
    assertThat(records.rows("temporary_decision", pid)).singleElement()
        .satisfies(d -> assertThat(d.get("AUTHORITY")).isEqualTo("COUNTY"));
  }

  @Test
  void anExceptionalCaseNeedsTheCollectiveDiscussionAndARefusalPaysNothing() {
    String pid = reportAndPay(report("600", true, null));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(pi).isWaitingAt("Task_CountyApproveEmergency").variables()
        .containsEntry("collectiveDiscussionRequired", true);
    assertThatThrownBy(() -> f.complete(pid, "Task_CountyApproveEmergency", "na-county-approver",
        vars("decision", "REJECT", "decisionReasons", "已由其他渠道全额救助")))
        .hasMessageContaining("集体研究日期");
    assertThatThrownBy(() -> f.complete(pid, "Task_CountyApproveEmergency", "na-county-approver",
        vars("decision", "REJECT", "decisionReasons", "已由其他渠道全额救助", "discussionDate", "2026-03-02",
            "discussionParticipants", "张三、李四", "discussionMinutes", "研究认为不予救助")))
        .hasMessageContaining("至少3人");
    assertThat(records.rows("temporary_decision", pid)).isEmpty();
    f.complete(pid, "Task_CountyApproveEmergency", "na-county-approver",
        vars("decision", "REJECT", "decisionReasons", "已由其他渠道全额救助", "discussionDate", "2026-03-02",
            "discussionParticipants", "张三、李四、王五", "discussionMinutes", "研究认为不予救助"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("ServiceTask_PayReserveFund");
    assertThat(payments.byCase(pid)).isEmpty();
    assertThat(records.rows("temporary_decision", pid)).singleElement()
        .satisfies(d -> assertThat(d.get("DISCUSSION_PARTICIPANTS")).isEqualTo("张三、李四、王五"));
    assertThat(records.caseRow(pid)).containsEntry("STATUS", "REJECTED");
    // the written refusal that this path lacked before (docs/notices.md)
    assertThat(NoticeTexts.of(documents, pid, NoticeKind.TEMPORARY_REFUSED)).singleElement()
        .satisfies(n -> assertThat(n.text()).startsWith("不予临时救助通知书").contains("临时救助（急难型）申请",
            "农安县民政局于2026年3月2日决定：不予救助", "已由其他渠道全额救助", "60日内向农安县人民政府申请行政复议",
            "6个月内依法向人民法院提起行政诉讼").doesNotContain("不予批准"));
  }

  @Test
  void aRefusedReportStartsNothingAndStoresNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("emergency-assistance").count();
    EmergencyReport badId = new EmergencyReport("220122100201", "COUNTER", "王五", "220122198001010010", null, null,
        "FIRE", "住房失火", new BigDecimal("800"), false, null);
    assertThatThrownBy(() -> cases.reportEmergency(badId, "nongan-cw")).hasMessageContaining("身份证号码");
    EmergencyReport tooPrecise = report("800.005", false, null);
    assertThatThrownBy(() -> cases.reportEmergency(tooPrecise, "nongan-cw")).hasMessageContaining("两位小数");
    EmergencyReport county = new EmergencyReport("220122", "COUNTER", "王五", ID, null, null, "FIRE", "住房失火",
        new BigDecimal("800"), false, null);
    assertThatThrownBy(() -> cases.reportEmergency(county, "na-county-cw")).hasMessageContaining("乡镇（街道）或村（社区）");
    EmergencyReport pastEasing = report("800", false, LocalDate.parse("2026-03-01"));
    assertThatThrownBy(() -> cases.reportEmergency(pastEasing, "nongan-cw")).hasMessageContaining("不能早于今天");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("emergency-assistance").count())
        .isEqualTo(before);
    assertThat(LocalDateTime.now()).isNotNull();
  }

  @Test
  void theWorkerRecordsTheEasingInTasklist() {
    String pid = reportAndPay(report("300", false, null));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThatThrownBy(() -> f.complete(pid, "Task_AwaitEasing", "nongan-cw",
        vars("easedOn", "2026-03-03", "easedNote", "已返回住所"))).hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> f.complete(pid, "Task_AwaitEasing", "nongan-cw", vars("easedOn", "2026-03-02")))
        .hasMessageContaining("缓解情况说明");
    f.complete(pid, "Task_AwaitEasing", "nongan-cw", vars("easedOn", "2026-03-02", "easedNote", "已返回住所"));
    assertThat(pi).hasPassed("Task_AwaitEasing", "ServiceTask_RecordEased")
        .hasNotPassed("BoundaryEvent_EmergencyEased", "BoundaryEvent_EasingDateReached").isWaitingAt("Task_CompletePaperwork");
    assertThat(records.rows("temporary_case_event", pid)).filteredOn(r -> r.get("KIND").equals("EASED"))
        .singleElement().satisfies(r -> assertThat((String) r.get("NOTE")).contains("2026-03-02", "已返回住所"));
  }
}
