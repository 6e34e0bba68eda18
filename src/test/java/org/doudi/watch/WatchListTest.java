package org.doudi.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.doudi.dibao.ApplicationRejected;
import org.doudi.eligibility.TestIds;
import org.doudi.payment.Scheme;
import org.doudi.payroll.PaymentReturned;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.ProcessFixture;
import org.doudi.temporary.TemporaryAssistancePaid;
import org.doudi.temporary.internal.TemporaryCases;
import org.doudi.temporary.internal.TemporaryCases.EmergencyReport;
import org.doudi.watch.internal.RecheckRejected;
import org.doudi.watch.persistence.WatchRepository;
import org.doudi.watch.persistence.WatchRepository.AlertRow;
import org.doudi.watch.persistence.WatchRepository.EntryRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watch list (issue 15 item 5): a hardship report marked "watch" or "help apply" enters the register and raises
 * a township task; every trigger raises exactly one task per event, retries included; an alert closes only with a
 * reason code; 漏保 re-checks; 低保边缘 from a rejection's assessment.
 */
@DoudiTest
class WatchListTest {

  static final AtomicInteger SEQ = new AtomicInteger(300);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired WatchList watch;
  @Autowired WatchRepository records;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TemporaryCases temporary;
  @Autowired RecheckRejected recheck;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.doudi.payroll.Awards awards;
  @Autowired org.doudi.payroll.Exits exits;

  ProcessFixture f;

  @BeforeEach
  void setUp() {
    f = new ProcessFixture(tasks, management);
    ProcessFixture.clockAt("2026-03-02T09:00"); // Monday
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  /** A fresh valid ID number (check digit computed), so tests do not see each other's alerts. */
  static String newId() {
    return TestIds.id("220122", "19700101", String.format("%03d", SEQ.incrementAndGet() % 1000));
  }

  String report(String name) {
    identity.setAuthentication("baota", List.of("village-assistant-220122100201", "region-220122100201"));
    try {
      return runtime.startProcessInstanceByKey("hardship-report", Map.of("householdHead", name, "address",
          "宝塔村3组", "discoverySource", "VISIT", "situation", "独居老人，无收入")).getId();
    } finally {
      identity.clearAuthentication();
    }
  }

  void verify(String pid, String outcome, String idNumber) {
    Map<String, Object> v = ProcessFixture.vars("verificationOutcome", outcome, "verificationNotes", "已入户核实");
    if (idNumber != null) {
      v.put("subjectIdNumber", idNumber);
    }
    f.complete(pid, "Task_VerifyReport", "nongan-cw", v);
  }

  List<AlertRow> alertsOf(String idNumber) {
    return jdbc.queryForList("SELECT id FROM watch_alert WHERE subject_id_number = ? ORDER BY id", Long.class, idNumber)
        .stream().map(id -> records.alert(id).orElseThrow()).toList();
  }

  List<EntryRow> entriesOf(String idNumber) {
    return jdbc.queryForList("SELECT id FROM watch_entry WHERE subject_id_number = ? ORDER BY id", Long.class, idNumber)
        .stream().map(id -> records.entry(id).orElseThrow()).toList();
  }

  Task alertTask(AlertRow a) {
    return tasks.createTaskQuery().processInstanceId(a.processInstanceId()).taskDefinitionKey("Task_HandleAlert")
        .singleResult();
  }

  void inTransaction(Runnable r) {
    new TransactionTemplate(transactions).executeWithoutResult(s -> r.run());
  }

  @Test
  void aHardshipReportMarkedWatchIsInTheRegisterAndItsFollowUpIsATownshipTask() {
    String id = newId();
    String pid = report("孙八");
    verify(pid, "WATCH", id);

    List<EntryRow> entries = entriesOf(id);
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo("HARDSHIP_REPORT");
      assertThat(e.regionCode()).isEqualTo("220122100201");
      assertThat(e.countyCode()).isEqualTo("220122");
      assertThat(e.sourceRef()).isEqualTo("hardship-report:" + pid);
      assertThat(e.enteredOn()).isEqualTo("2026-03-02");
      assertThat(e.watchUntil()).isEqualTo("2027-03-02");
      assertThat(e.detail()).contains("独居老人", "已入户核实");
    });
    AlertRow alert = alertsOf(id).get(0);
    assertThat(alertsOf(id)).hasSize(1);
    assertThat(alert.ruleCode()).isEqualTo("HARDSHIP_REPORT");
    assertThat(alert.entryId()).isEqualTo(entries.get(0).id());
    assertThat(alert.status()).isEqualTo("OPEN");
    Task task = alertTask(alert);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("township-caseworker-220122100")
        .count()).isEqualTo(1);
    // 10 working days from Monday 2026-03-02: Monday 03-16, end of the working day
    assertThat(ProcessFixture.local(task.getDueDate())).isEqualTo("2026-03-16T17:00");
    assertThat(records.alert(alert.id()).orElseThrow().dueAt()).isEqualTo(task.getDueDate().toInstant());
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "subjectIdMasked")).isEqualTo(
        id.substring(0, 6) + "********" + id.substring(14));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("report ended").isZero();

    // the same outcome delivered again (a retried job, another node) adds nothing
    WatchList.Subject s = new WatchList.Subject(id, "孙八", "220122100201");
    assertThat(watch.raise(AlertRule.HARDSHIP_REPORT, s, "hardship-report:" + pid, "again").created()).isFalse();
    assertThat(watch.enter(WatchCategory.HARDSHIP_REPORT, s, null, "hardship-report:" + pid, "again", null, null,
        "x")).isEqualTo(entries.get(0).id());
    assertThat(alertsOf(id)).hasSize(1);
    assertThat(entriesOf(id)).hasSize(1);
    assertThat(tasks.createTaskQuery().processDefinitionKey("watch-alert").processVariableValueEquals("alertId",
        alert.id()).count()).isEqualTo(1);
  }

  @Test
  void helpApplyEntersTheRegisterAndIsClosedOnlyWithTheStartedApplication() {
    String id = newId();
    String pid = report("周九");
    verify(pid, "APPLY", id);

    assertThat(entriesOf(id)).singleElement().extracting(EntryRow::category).isEqualTo("HARDSHIP_REPORT");
    AlertRow alert = alertsOf(id).get(0);
    assertThat(alert.ruleCode()).isEqualTo("ASSIST_APPLICATION");
    Task task = alertTask(alert);
    tasks.claim(task.getId(), "nongan-cw");

    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("closeReason", "HELP_STARTED")))
        .hasMessageContaining("申请案件编号");
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("closeReason", "HELP_STARTED",
        "applicationRef", pid))).as("the report itself is no application").hasMessageContaining("不是低保、临时救助");

    // the caseworker starts the application at the counter (here: 急难型临时救助) and closes the task with its id
    String application = temporary.reportEmergency(new EmergencyReport("220122100201", "COUNTER", "周九", id, null,
        null, "ILLNESS", "突发重病住院", new BigDecimal("600"), false, null), "nongan-cw").processInstanceId();
    tasks.complete(task.getId(), Map.of("closeReason", "HELP_STARTED", "applicationRef", application,
        "closeNote", "已协助申请急难型临时救助"));
    f.runJobs(alert.processInstanceId());

    AlertRow closed = records.alert(alert.id()).orElseThrow();
    assertThat(closed.status()).isEqualTo("CONFIRMED");
    assertThat(closed.reasonCode()).isEqualTo("HELP_STARTED");
    assertThat(closed.applicationRef()).isEqualTo(application);
    assertThat(closed.closedBy()).isEqualTo("nongan-cw");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(alert.processInstanceId()).count()).isZero();
  }

  @Test
  void aReportToWatchNeedsAValidIdNumberButOneNeedingNothingDoesNot() {
    String pid = report("吴十");
    Task t = f.task(pid, "Task_VerifyReport");
    tasks.claim(t.getId(), "nongan-cw");
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("verificationOutcome", "WATCH",
        "verificationNotes", "核实"))).hasMessageContaining("身份证号码");
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("verificationOutcome", "WATCH",
        "verificationNotes", "核实", "subjectIdNumber", "220122197001010000"))).hasMessageContaining("无效");
    tasks.complete(t.getId(), Map.of("verificationOutcome", "NONE", "verificationNotes", "子女已接回照顾"));
    f.runJobs(pid);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  @Test
  void anAlertClosesOnlyWithAReasonCodeAndOtherNeedsANote() {
    String id = newId();
    WatchList.Raised r = watch.raise(AlertRule.DEATH, new WatchList.Subject(id, "郑十一", "220122100201"),
        "death:" + id, "报告死亡");
    Task task = alertTask(records.alert(r.alertId()).orElseThrow());
    tasks.claim(task.getId(), "nongan-cw");

    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("closeNote", "已核实"))).hasMessageContaining("办结原因");
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("closeReason", "WHATEVER")))
        .hasMessageContaining("办结原因");
    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("closeReason", "OTHER")))
        .hasMessageContaining("须填写办结说明");
    assertThat(records.alert(r.alertId()).orElseThrow().status()).isEqualTo("OPEN");

    tasks.complete(task.getId(), Map.of("closeReason", "NO_NEED", "closeNote", "系误报，本人健在"));
    AlertRow closed = records.alert(r.alertId()).orElseThrow();
    assertThat(closed.status()).isEqualTo("DISMISSED");
    assertThat(closed.reasonCode()).isEqualTo("NO_NEED");
    assertThat(closed.closingNote()).isEqualTo("系误报，本人健在");
    assertThat(closed.closedAt()).isNotNull();
  }

  @Test
  void aSecondTemporaryAssistanceWithinTwelveMonthsRaisesOneTask() {
    String id = newId();
    String first = temporary.reportEmergency(new EmergencyReport("220122100201", "COUNTER", "王六", id, null, null,
        "FIRE", "住房失火", new BigDecimal("800"), false, null), "nongan-cw").processInstanceId();
    f.runJobs(first);
    assertThat(alertsOf(id)).as("a first grant is no alert").isEmpty();

    ProcessFixture.clockAt("2026-09-01T09:00");
    String second = temporary.reportEmergency(new EmergencyReport("220122100201", "COUNTER", "王六", id, null, null,
        "ILLNESS", "突发重病", new BigDecimal("900"), false, null), "nongan-cw").processInstanceId();
    f.runJobs(second);

    assertThat(alertsOf(id)).singleElement().satisfies(a -> {
      assertThat(a.ruleCode()).isEqualTo("SECOND_TEMPORARY");
      assertThat(a.detail()).contains(first, second);
      assertThat(a.raisedOn()).isEqualTo("2026-09-01");
    });
    // the payment's event again (a retried payment job) changes nothing
    inTransaction(() -> events.publishEvent(new TemporaryAssistancePaid(second, "EMERGENCY", 1, id, "王六", "220122",
        "220122100201", LocalDate.parse("2026-09-01"), new BigDecimal("900.00"))));
    assertThat(alertsOf(id)).hasSize(1);
    assertThat(tasks.createTaskQuery().processInstanceId(alertsOf(id).get(0).processInstanceId()).count()).isEqualTo(1);

    // a grant more than 12 months after every other one raises nothing new
    inTransaction(() -> events.publishEvent(new TemporaryAssistancePaid("later-case", "EXPENDITURE", 1, id, "王六",
        "220122", "220122100201", LocalDate.parse("2027-10-01"), new BigDecimal("3000.00"))));
    assertThat(alertsOf(id)).hasSize(1);
    assertThat(entriesOf(id)).as("支出型 enters the register").singleElement()
        .extracting(EntryRow::category).isEqualTo("EXPENDITURE");
  }

  @Test
  void aReturnedPaymentRaisesOneTaskPerLedgerRow() {
    String id = newId();
    PaymentReturned returned = new PaymentReturned(987654321L, Scheme.DIBAO, "HH-1", "钱七", id, "220122",
        "220122100201", new BigDecimal("560.00"), LocalDate.parse("2026-02-01"), "账户已销户", "pi-1");
    inTransaction(() -> events.publishEvent(returned));
    inTransaction(() -> events.publishEvent(returned));
    assertThat(alertsOf(id)).singleElement().satisfies(a -> {
      assertThat(a.ruleCode()).isEqualTo("PAYMENT_RETURNED");
      assertThat(a.eventKey()).isEqualTo("ledger:987654321");
      assertThat(a.detail()).contains("账户已销户", "560.00");
    });
    // a record without a valid ID number is skipped, never failing the import that published it
    inTransaction(() -> events.publishEvent(new PaymentReturned(987654322L, Scheme.DIBAO, "HH-2", "钱八", "bad",
        "220122", "220122100201", new BigDecimal("1.00"), LocalDate.parse("2026-02-01"), null, "pi-2")));
    assertThat(records.alert("PAYMENT_RETURNED", "ledger:987654322")).isEmpty();
  }

  @Test
  void aRejectedApplicantIsWatchedAsNearDibaoAndReCheckedAfterTheConfiguredPeriod() {
    String id = newId();
    inTransaction(() -> events.publishEvent(new ApplicationRejected(424242L, "pi-rejected", "220122", "220122100201",
        "冯十二", id, List.of(id), LocalDate.parse("2026-03-02"), "INELIGIBLE", new BigDecimal("700.00"),
        new BigDecimal("600.00"), true)));
    List<EntryRow> entries = entriesOf(id);
    assertThat(entries).extracting(EntryRow::category).containsExactly("REJECTED", "LOW_INCOME_EDGE");
    EntryRow rejected = entries.get(0);
    assertThat(rejected.recheckDue()).isEqualTo("2026-09-02"); // doudi.watch.recheck-months: 6
    assertThat(rejected.watchUntil()).isEqualTo("2028-03-02");

    // income at or above 1.5 × the standard, or assets above the limit: not 低保边缘
    String richer = newId();
    inTransaction(() -> events.publishEvent(new ApplicationRejected(424243L, "pi-rejected-2", "220122",
        "220122100201", "陈十三", richer, List.of(richer), LocalDate.parse("2026-03-02"), "INELIGIBLE",
        new BigDecimal("900.00"), new BigDecimal("600.00"), true)));
    assertThat(entriesOf(richer)).extracting(EntryRow::category).containsExactly("REJECTED");

    assertThat(recheck.recheck(LocalDate.parse("2026-09-01"))).as("not yet due").isZero();
    assertThat(alertsOf(id)).isEmpty();
    recheck.recheck(LocalDate.parse("2026-09-02"));
    assertThat(alertsOf(id)).singleElement().satisfies(a -> {
      assertThat(a.ruleCode()).isEqualTo("MISSED_RECHECK");
      assertThat(a.entryId()).isNotNull();
    });
    assertThat(records.entry(rejected.id()).orElseThrow().recheckDue()).isEqualTo("2027-03-02");
    recheck.recheck(LocalDate.parse("2026-09-03"));
    assertThat(alertsOf(id)).as("a second run the same period raises nothing").hasSize(1);
  }

  @Test
  void aStoppedAwardKeepsTheHouseholdInTheRegisterForTwoYearsAfterItsLastPaidMonth() {
    String id = newId();
    String key = "HH-watch-" + SEQ.incrementAndGet();
    jdbc.update("INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code,"
        + " region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number,"
        + " monthly_amount, effective_from, reason, decided_by, created_at) VALUES (?, 'DIBAO', 1, 'GRANT', ?,"
        + " '220122', '220122100201', 'RURAL', 3, '褚十四', ?, '中国农业银行', '6228480000000000002', 900.00,"
        + " DATE '2025-01-01', NULL, 'fixture', CURRENT_TIMESTAMP)", key, "case-" + key, id);
    inTransaction(() -> exits.decide(key, Scheme.DIBAO, new org.doudi.payroll.ExitAssessment("INCOME_ABOVE_STANDARD_OTHER", "STABLE",
        "GOOD", "NONE", 1, null), "stop-" + key, "家庭收入超过低保标准", LocalDate.parse("2026-03-02"),
        "na-county-approver", null));
    // the same stop again (a retried step) returns the existing row and adds nothing
    inTransaction(() -> exits.decide(key, Scheme.DIBAO, new org.doudi.payroll.ExitAssessment("INCOME_ABOVE_STANDARD_OTHER", "STABLE",
        "GOOD", "NONE", 1, null), "stop-" + key, "家庭收入超过低保标准", LocalDate.parse("2026-03-02"),
        "na-county-approver", null));

    assertThat(entriesOf(id)).singleElement().satisfies(e -> {
      assertThat(e.category()).isEqualTo("LEFT_BENEFIT");
      assertThat(e.householdKey()).isEqualTo(key);
      assertThat(e.watchUntil()).as("last paid month 2026-03, plus 24 months").isEqualTo("2028-03-31");
      assertThat(e.detail()).contains("停发", "2026-03", "3人", "家庭收入超过低保标准");
    });
  }

  @Test
  void monthlyCountsPerRuleOfTheCallersRegion() {
    // counted through the repository's query; the REST answer is tested in WatchApiTest
    YearMonth month = YearMonth.of(2031, 5);
    ProcessFixture.clockAt("2031-05-06T09:00");
    String a = newId();
    String b = newId();
    WatchList.Raised r1 = watch.raise(AlertRule.DEATH, new WatchList.Subject(a, "甲", "220122100201"), "d:" + a, "x");
    watch.raise(AlertRule.DEATH, new WatchList.Subject(b, "乙", "220102001001"), "d:" + b, "y");
    Task t = alertTask(records.alert(r1.alertId()).orElseThrow());
    tasks.claim(t.getId(), "nongan-cw");
    tasks.complete(t.getId(), Map.of("closeReason", "STILL_WATCHED"));

    var all = records.ruleCounts(WatchRepository.Scope.all(), month.atDay(1), month.plusMonths(1).atDay(1));
    assertThat(all).singleElement().satisfies(c -> {
      assertThat(c.ruleCode()).isEqualTo("DEATH");
      assertThat(c.raised()).isEqualTo(2);
      assertThat(c.confirmed()).isEqualTo(1);
      assertThat(c.open()).isEqualTo(1);
    });
    var nongan = records.ruleCounts(new WatchRepository.Scope(List.of("220122")), month.atDay(1),
        month.plusMonths(1).atDay(1));
    assertThat(nongan).singleElement().satisfies(c -> assertThat(c.raised()).isEqualTo(1));
  }
}
