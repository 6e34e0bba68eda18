package org.doudi.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.platform.ProcessFixture.clock;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.review.ReviewFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.doudi.eligibility.DibaoEligibility;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.Households;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardChangeRequest;
import org.doudi.payroll.AwardChanges;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.Payroll;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 动态管理: the class from the DMN, a due review in the township's worklist on the right day (and only once), the
 * outcomes continue / adjust / stop with the county's four eyes, overdue escalation to the county, a reported death,
 * a death and a vehicle found by the system, a reported move to another county across frozen rosters, bad reports.
 */
@DoudiTest
class ReviewProcessTest {

  @LocalServerPort int port;
  @Autowired Households households;
  @Autowired DibaoEligibility eligibility;
  @Autowired Awards awards;
  @Autowired AwardChanges awardChanges;
  @Autowired Reviews reviews;
  @Autowired ReviewSettings settings;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired Staff staff;
  @Autowired Payroll payroll;
  @Autowired Payments payments;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  ReviewFixture f;
  Http http;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    f = new ReviewFixture(tasks, management, households, eligibility, awards, runtime);
    http = new Http(port);
    clockAt("2026-03-02T09:00"); // Monday
  }

  @AfterEach
  void tearDown() {
    settings.setRegime(ReviewSettings.Regime.MEASURES_2021);
    ClockUtil.reset();
  }

  ReviewCase openCase(String key) {
    return reviews.cases(key).stream().filter(c -> c.status().equals("OPEN")).findFirst().orElseThrow();
  }

  String pid(String key) {
    return openCase(key).processInstanceId();
  }

  @Test
  void aGrantGetsItsReviewClassFromTheDecisionTable() {
    String stable = f.granted(stable());
    ReviewSchedule s = reviews.schedule(stable).orElseThrow();
    assertThat(s.reviewClass()).isEqualTo(ReviewClass.YEARLY);
    assertThat(s.nextReviewOn()).isEqualTo(LocalDate.parse("2027-03-02"));
    assertThat(s.countyCode()).isEqualTo(NONGAN);
    assertThat(s.regionCode()).isEqualTo(BAOTA);
    assertThat(s.classBasis()).contains("第三十一条");

    String irregular = f.granted(irregular());
    assertThat(reviews.schedule(irregular).orElseThrow().reviewClass()).isEqualTo(ReviewClass.HALF_YEARLY);
    assertThat(reviews.schedule(irregular).orElseThrow().nextReviewOn()).isEqualTo(LocalDate.parse("2026-09-02"));

    settings.setRegime(ReviewSettings.Regime.LEGACY_2012); // 2012: rural, irregular income → quarterly
    String legacy = f.granted(irregular());
    assertThat(reviews.schedule(legacy).orElseThrow().reviewClass()).isEqualTo(ReviewClass.QUARTERLY);
    String legacyStable = f.granted(stable());
    assertThat(reviews.schedule(legacyStable).orElseThrow().reviewClass()).isEqualTo(ReviewClass.YEARLY);
  }

  @Test
  void anAwardWithoutAScheduleIsEnrolledByTheDailyRun() {
    String key = f.granted(stable()); // from 2026-04
    jdbc.update("DELETE FROM review_schedule WHERE beneficiary_key = ?", key); // as if granted before the module
    clockAt("2026-04-01T06:30");
    f.runSchedule();
    assertThat(reviews.schedule(key)).hasValueSatisfying(s -> {
      assertThat(s.reviewClass()).isEqualTo(ReviewClass.YEARLY);
      assertThat(s.nextReviewOn()).isEqualTo(LocalDate.parse("2027-04-01"));
      assertThat(s.active()).isTrue();
    });
  }

  @Test
  void aDueReviewAppearsInTheTownshipsWorklistOnTheRightDayOnceAndContinues() {
    clockAt("2025-03-20T10:00");
    String key = f.granted(stable()); // yearly: next review 2026-03-20 (a Friday)
    assertThat(reviews.schedule(key).orElseThrow().nextReviewOn()).isEqualTo(LocalDate.parse("2026-03-20"));

    // 10 working days ahead: 2026-03-06 is the first day whose window reaches 2026-03-20
    clockAt("2026-03-05T06:30");
    f.runSchedule();
    assertThat(reviews.cases(key)).isEmpty();
    clockAt("2026-03-06T06:30");
    f.runSchedule();
    f.runSchedule(); // a second run the same day (another node, a retry) starts nothing more
    assertThat(reviews.cases(key)).hasSize(1);
    ReviewCase c = reviews.cases(key).get(0);
    assertThat(c.trigger()).isEqualTo(Trigger.SCHEDULED);
    assertThat(c.dueOn()).isEqualTo(LocalDate.parse("2026-03-20"));
    assertThat(c.checkPassed()).isTrue();
    assertThat(c.changesFound()).isFalse();

    // nothing changed: no home visit; the township's worklist has the outcome task, due on the review date
    Task t = tasks.createTaskQuery().processInstanceId(c.processInstanceId()).singleResult();
    assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_ReviewOutcome");
    assertThat(tasks.createTaskQuery().taskId(t.getId()).taskCandidateGroup("township-caseworker-" + NONGAN_TOWN)
        .count()).isEqualTo(1);
    assertThat(org.doudi.platform.ProcessFixture.local(t.getDueDate())).isEqualTo(LocalDate.parse("2026-03-20").atTime(17, 0));
    assertThat(runtime.getVariable(c.processInstanceId(), "assessedAmount"))
        .isEqualTo(f.award(key).monthlyAmount().toPlainString());

    // adjusting to the same amount is refused: continue
    tasks.claim(t.getId(), TOWNSHIP_CW);
    assertThatThrownBy(() -> tasks.complete(t.getId(), outcome("ADJUST", "收入有变化，调整。")))
        .hasMessageContaining("请选择继续保障");
    f.complete(c.processInstanceId(), "Task_ReviewOutcome", TOWNSHIP_CW, outcome("CONTINUE", "家庭经济状况无明显变化。"));
    f.complete(c.processInstanceId(), "Task_ConfirmReview", COUNTY_APPROVER, confirm());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count()).isZero();

    ReviewCase done = reviews.find(c.id()).orElseThrow();
    assertThat(done.status()).isEqualTo("CLOSED");
    assertThat(done.outcome()).isEqualTo("CONTINUE");
    assertThat(done.confirmedBy()).isEqualTo(COUNTY_APPROVER);
    assertThat(awards.history(key, Scheme.DIBAO)).hasSize(1);
    ReviewSchedule s = reviews.schedule(key).orElseThrow();
    assertThat(s.nextReviewOn()).isEqualTo(LocalDate.parse("2027-03-06"));
    assertThat(s.lastReviewedOn()).isEqualTo(LocalDate.parse("2026-03-06"));
    assertThat(s.openCaseId()).isNull();
  }

  @Test
  void aReportedDeathIsReviewedWithAHomeVisitAndTheAmountRecomputedFromTheEvidence() throws Exception {
    HouseholdApplication a = stable();
    String key = f.granted(a);
    String li = a.members().get(1).idNumber();
    Http.Response r = http.send(TOWNSHIP_CW, "POST", "/api/awards/" + key + "/reported-changes",
        "{\"kind\":\"MEMBER_DEATH\",\"detail\":\"李四病故，家属报告\",\"occurredOn\":\"2026-02-20\","
            + "\"memberIdNumber\":\"" + li + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode body = json.readTree(r.body());
    // the review is open at once, due within 10 working days and at the latest 3 months after the death
    LocalDate due = LocalDate.parse(body.get("dueBy").asText());
    assertThat(due).isEqualTo(LocalDate.parse("2026-03-16")).isBefore(LocalDate.parse("2026-05-20"));
    String pid = body.get("processInstanceId").asText();
    f.runJobs(pid);
    ReviewCase c = openCase(key);
    assertThat(c.trigger()).isEqualTo(Trigger.REPORTED);
    assertThat(c.changesFound()).isTrue();
    assertThat((String) runtime.getVariable(pid, "changesSummary")).contains("李四病故");

    // a home visit first (two different investigators)
    Task visit = f.task(pid, "Task_VisitHousehold");
    tasks.claim(visit.getId(), TOWNSHIP_CW);
    Map<String, Object> same = visit();
    same.put("visitor2", "刘调查");
    assertThatThrownBy(() -> tasks.complete(visit.getId(), same)).hasMessageContaining("不少于2人");
    f.complete(pid, "Task_VisitHousehold", TOWNSHIP_CW, visit());

    // the amount: the household without 李四, from the stored record — not typed in
    String expected = f.assessedWithout(a, li).toPlainString();
    assertThat(runtime.getVariable(pid, "assessedAmount")).isEqualTo(expected);
    f.complete(pid, "Task_ReviewOutcome", TOWNSHIP_CW, outcome("ADJUST", "家庭成员李四死亡，按现有家庭成员重新核定。"));
    f.complete(pid, "Task_ConfirmReview", COUNTY_APPROVER, confirm());

    AwardRow adjusted = f.award(key);
    assertThat(adjusted.changeKind()).isIn(AwardRow.ChangeKind.DECREASE, AwardRow.ChangeKind.INCREASE);
    assertThat(adjusted.monthlyAmount()).isEqualByComparingTo(expected);
    assertThat(adjusted.memberCount()).isEqualTo(2);
    assertThat(adjusted.effectiveFrom()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(adjusted.decidedBy()).isEqualTo(COUNTY_APPROVER);
    assertThat(reviews.changes(key)).singleElement().satisfies(ch -> {
      assertThat(ch.kind()).isEqualTo(ChangeKind.MEMBER_DEATH);
      assertThat(ch.source()).isEqualTo("HOUSEHOLD");
      assertThat(ch.reviewCaseId()).isEqualTo(c.id());
      assertThat(ch.lateReport()).isFalse();
    });
  }

  @Test
  void theProposerCannotConfirmAndAStopNeedsTheRelapseRiskAssessment() {
    staff.ensureUser("na-dual", "双岗", "甲", "demo", Role.TOWNSHIP_CASEWORKER, NONGAN_TOWN);
    staff.ensureUser("na-dual", "双岗", "甲", "demo", Role.COUNTY_APPROVER, NONGAN);
    String key = f.granted(stable());
    ReviewCase opened = reviews.open(key, Trigger.OTHER, "群众举报家庭成员已就业", LocalDate.parse("2026-03-20"),
        "na-county-cw");
    String pid = opened.processInstanceId();
    f.runJobs(pid);
    f.complete(pid, "Task_VisitHousehold", TOWNSHIP_CW, visit());

    Task outcome = f.task(pid, "Task_ReviewOutcome");
    tasks.claim(outcome.getId(), "na-dual");
    Map<String, Object> noRisk = outcome("STOP", "家庭成员就业，收入超过标准。");
    assertThatThrownBy(() -> tasks.complete(outcome.getId(), noRisk)).hasMessageContaining("退出原因");
    Map<String, Object> badDependants = stop();
    badDependants.put("riskDependants", 99);
    assertThatThrownBy(() -> tasks.complete(outcome.getId(), badDependants)).hasMessageContaining("不能大于 20");
    tasks.complete(outcome.getId(), stop());
    f.runJobs(pid);

    Task confirm = f.task(pid, "Task_ConfirmReview");
    tasks.claim(confirm.getId(), "na-dual");
    assertThatThrownBy(() -> tasks.complete(confirm.getId(), confirm())).hasMessageContaining("不能由本人确认");
    tasks.setAssignee(confirm.getId(), COUNTY_APPROVER);
    // sent back once, then proposed again and confirmed by the second person
    tasks.complete(confirm.getId(), org.doudi.platform.ProcessFixture.vars("confirmDecision", "RETURN", "confirmNote", "请补充就业证明。"));
    f.runJobs(pid);
    f.complete(pid, "Task_ReviewOutcome", "na-dual", stop());
    f.complete(pid, "Task_ConfirmReview", COUNTY_APPROVER, confirm());

    AwardRow stopped = f.award(key);
    assertThat(stopped.changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
    // employment lifted the income: an exit with the 渐退期 (3 months by default), so March–June are still paid
    assertThat(stopped.effectiveFrom()).isEqualTo(LocalDate.parse("2026-07-01"));
    ReviewCase done = reviews.find(opened.id()).orElseThrow();
    assertThat(done.outcome()).isEqualTo("STOP");
    assertThat(done.exitReasonCode()).isEqualTo("INCOME_ABOVE_STANDARD_EMPLOYMENT");
    assertThat(done.proposedBy()).isEqualTo("na-dual");
    assertThat(done.confirmedBy()).isEqualTo(COUNTY_APPROVER);
    assertThat(reviews.schedule(key).orElseThrow().active()).isFalse();
  }

  @Test
  void anOverdueReviewIsEscalatedToTheCounty() {
    String key = f.granted(stable());
    ReviewCase opened = reviews.open(key, Trigger.OTHER, "抽查", LocalDate.parse("2026-03-06"), "na-county-cw");
    String pid = opened.processInstanceId();
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SuperviseOverdue").count())
        .isZero();
    clockAt("2026-03-09T16:00"); // the first working day after the due date, before its end
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SuperviseOverdue").count())
        .isZero();
    clockAt("2026-03-09T17:01");
    f.runJobs(pid);
    Task supervise = f.task(pid, "Task_SuperviseOverdue");
    assertThat(tasks.createTaskQuery().taskId(supervise.getId()).taskCandidateGroup("county-caseworker-" + NONGAN)
        .count()).isEqualTo(1);
    // the township's task stays; the review completes and the supervision task ends with it
    f.complete(pid, "Task_VisitHousehold", TOWNSHIP_CW, visit());
    f.complete(pid, "Task_ReviewOutcome", TOWNSHIP_CW, outcome("CONTINUE", "经核实无变化。"));
    f.complete(pid, "Task_ConfirmReview", COUNTY_APPROVER, confirm());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(reviews.find(opened.id()).orElseThrow().status()).isEqualTo("CLOSED");
  }

  @Test
  void aChangeThatNeedsAnOpenReviewSoonerMovesItsTasksAndItsEscalation() {
    String key = f.granted(stable());
    ReviewCase opened = reviews.open(key, Trigger.OTHER, "抽查", LocalDate.parse("2026-03-20"), "na-county-cw");
    String pid = opened.processInstanceId();
    f.runJobs(pid);
    Task visit = f.task(pid, "Task_VisitHousehold");
    assertThat(visit.getDueDate()).isEqualTo(at("2026-03-20T17:00"));

    // a death reported on Monday 2026-03-02 needs the review by Tuesday: the same case, sooner
    ReviewCase joined = reviews.open(key, Trigger.OTHER, "户主死亡", LocalDate.parse("2026-03-03"), "na-county-cw");
    assertThat(joined.id()).isEqualTo(opened.id());
    assertThat(joined.dueOn()).isEqualTo(LocalDate.parse("2026-03-03"));
    assertThat(tasks.createTaskQuery().taskId(visit.getId()).singleResult().getDueDate())
        .isEqualTo(at("2026-03-03T17:00"));
    assertThat(runtime.getVariable(pid, "reviewDueOn")).isEqualTo("2026-03-03");
    // a later date moves nothing back
    reviews.open(key, Trigger.OTHER, "补充材料", LocalDate.parse("2026-03-27"), "na-county-cw");
    assertThat(tasks.createTaskQuery().taskId(visit.getId()).singleResult().getDueDate())
        .isEqualTo(at("2026-03-03T17:00"));

    // the escalation follows the new limit: the county is told the working day after 2026-03-03, not after 03-20
    clockAt("2026-03-04T17:01");
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_SuperviseOverdue").count())
        .isEqualTo(1);
  }

  private static java.util.Date at(String localDateTime) {
    return java.util.Date.from(java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai"))
        .toInstant());
  }

  @Test
  void aDeathAndAVehicleFoundByTheSystemOpenAReviewTheSameDayOnlyOnce() {
    HouseholdApplication a = withSequence(stable(), 2, "501"); // 张小: dead in the 户籍 records since 2026-03-01
    String key = f.granted(a);
    Http.Response compared = http.send(TOWNSHIP_CW, "POST", "/api/awards/" + key + "/comparisons", "");
    assertThat(compared.status()).as(compared.body()).isEqualTo(200);
    ReviewCase c = openCase(key);
    assertThat(c.trigger()).isEqualTo(Trigger.SYSTEM);
    assertThat(c.openedAt().atZone(org.doudi.platform.ProcessFixture.CHINA).toLocalDate()).isEqualTo(clock().toLocalDate());
    assertThat(c.dueOn()).isBeforeOrEqualTo(LocalDate.parse("2026-06-01"));
    f.runJobs(c.processInstanceId());
    assertThat(f.task(c.processInstanceId(), "Task_VisitHousehold").getAssignee()).isNull();
    assertThat(reviews.changes(key)).singleElement().satisfies(ch -> {
      assertThat(ch.kind()).isEqualTo(ChangeKind.MEMBER_DEATH);
      assertThat(ch.source()).isEqualTo("SYSTEM");
      assertThat(ch.occurredOn()).isEqualTo(LocalDate.parse("2026-03-01"));
    });
    // the next comparison knows the finding: nothing new
    clockAt("2026-03-03T09:00");
    assertThat(reviews.compare(key)).isEmpty();
    assertThat(http.send(TOWNSHIP_CW, "POST", "/api/awards/" + key + "/comparisons", "").status()).isEqualTo(204);
    assertThat(reviews.changes(key)).hasSize(1);
    assertThat(reviews.cases(key)).hasSize(1);
  }

  @Test
  void aVehicleFoundByTheDailyComparisonOpensAReview() {
    HouseholdApplication a = withSequence(stable(), 0, "017"); // 张三: a car registered to him
    String key = f.granted(a); // granted without the application's check (as if the car came later)
    clockAt("2026-03-03T06:30");
    f.runSchedule();
    ReviewCase c = openCase(key);
    assertThat(c.trigger()).isEqualTo(Trigger.SYSTEM);
    assertThat(c.triggerDetail()).contains("车辆");
    assertThat(reviews.changes(key)).singleElement().satisfies(ch -> assertThat(ch.kind()).isEqualTo(
        ChangeKind.VEHICLE));
    assertThat(tasks.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(
        "Task_VisitHousehold").count()).isEqualTo(1);
    assertThat(reviews.schedule(key).orElseThrow().lastComparedOn()).isEqualTo(LocalDate.parse("2026-03-03"));
  }

  List<LedgerEntry> paidFor(String key, YearMonth month) {
    return payments.byKey(Payroll.rosterKey("DIBAO", key, month)).stream().toList();
  }

  @Test
  void aMoveToAnotherCountyIsATransferWithoutAGapOrADoubleMonthAcrossFrozenRosters() throws Exception {
    clockAt("2037-05-20T09:00");
    HouseholdApplication one = single();
    String key = f.granted(one);
    YearMonth june = YearMonth.parse("2037-06");
    YearMonth july = YearMonth.parse("2037-07");
    YearMonth august = YearMonth.parse("2037-08");
    payroll.approve(payroll.computeRoster(NONGAN, june, "system").runId(), COUNTY_APPROVER);
    clockAt("2037-06-10T09:00");
    // July's rosters are made and approved ahead of the move (frozen)
    payroll.approve(payroll.computeRoster(NONGAN, july, "system").runId(), COUNTY_APPROVER);
    payroll.approve(payroll.computeRoster(NANGUAN, july, "system").runId(), "ng-county-approver");

    Http.Response r = http.send(TOWNSHIP_CW, "POST", "/api/awards/" + key + "/reported-changes",
        "{\"kind\":\"MOVE_COUNTY\",\"detail\":\"全家迁居南关区南岭社区\",\"occurredOn\":\"2037-06-05\","
            + "\"countyCode\":\"220102\",\"regionCode\":\"220102001001\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode body = json.readTree(r.body());
    long requestId = body.get("changeRequestId").asLong();
    assertThat(body.get("reviewCaseId").isNull()).isTrue();
    AwardChangeRequest request = awardChanges.find(requestId).orElseThrow();
    assertThat(request.requestedBy()).isEqualTo(TOWNSHIP_CW);
    // four eyes: a county approver of the old county approves
    f.complete(request.processInstanceId(), "Task_ApproveChange", COUNTY_APPROVER, org.doudi.platform.ProcessFixture
        .vars("decision", "APPROVE"));

    AwardRow moved = f.award(key);
    assertThat(moved.changeKind()).isEqualTo(AwardRow.ChangeKind.TRANSFER);
    assertThat(moved.effectiveFrom()).isEqualTo(LocalDate.parse("2037-07-01"));
    assertThat(reviews.schedule(key).orElseThrow().regionCode()).isEqualTo(NANLING_SQ);
    // June: the old county; July: the old county's frozen roster, not again by the new county; August: the new one
    assertThat(paidFor(key, june)).singleElement().satisfies(e -> assertThat(e.countyCode()).isEqualTo(NONGAN));
    assertThat(paidFor(key, july)).singleElement().satisfies(e -> assertThat(e.countyCode()).isEqualTo(NONGAN));
    clockAt("2037-07-20T09:00");
    payroll.computeRoster(NONGAN, august, "system");
    payroll.computeRoster(NANGUAN, august, "system");
    assertThat(paidFor(key, august)).singleElement().satisfies(e -> assertThat(e.countyCode()).isEqualTo(NANGUAN));
  }

  @Test
  void badReportsAre400AndStoreNothing() throws Exception {
    HouseholdApplication a = stable();
    String key = f.granted(a);
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("{\"detail\":\"收入增加\"}", "请填写变化类型");
    refused.put("{\"kind\":\"INCOME\"}", "请写明变化情况");
    refused.put("{\"kind\":\"INCOME\",\"detail\":\"收入增加\",\"occurredOn\":\"2026-12-01\"}", "不能晚于今天");
    refused.put("{\"kind\":\"MEMBER_DEATH\",\"detail\":\"死亡\"}", "memberIdNumber");
    refused.put("{\"kind\":\"MEMBER_DEATH\",\"detail\":\"死亡\",\"memberIdNumber\":\"220122195001010014\"}",
        "不是该户现有的家庭成员");
    refused.put("{\"kind\":\"MEMBER_BIRTH\",\"detail\":\"出生\",\"memberIdNumber\":\"" + a.members().get(1)
        .idNumber() + "\",\"memberName\":\"张小二\"}", "已是该户家庭成员");
    refused.put("{\"kind\":\"VEHICLE\",\"detail\":\"买车\"}", "由系统比对发现");
    refused.put("{\"kind\":\"BANK_ACCOUNT\",\"detail\":\"换卡\",\"bankName\":\"农行\",\"accountNumber\":\"12ab\"}",
        "8至30位数字");
    for (var e : refused.entrySet()) {
      Http.Response r = http.send(TOWNSHIP_CW, "POST", "/api/awards/" + key + "/reported-changes", e.getKey());
      assertThat(r.status()).as(e.getKey() + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(e.getKey()).contains(e.getValue());
    }
    assertThat(reviews.changes(key)).isEmpty();
    assertThat(reviews.cases(key)).isEmpty();
    // another township's caseworker may not report for this household
    Http.Response other = http.send("nanling-cw", "POST", "/api/awards/" + key + "/reported-changes",
        "{\"kind\":\"INCOME\",\"detail\":\"收入增加\"}");
    assertThat(other.status()).isEqualTo(403);
    // reported late: flagged for 批评教育
    Http.Response late = http.send(TOWNSHIP_CW, "POST", "/api/awards/" + key + "/reported-changes",
        "{\"kind\":\"INCOME\",\"detail\":\"子女外出务工收入增加\",\"occurredOn\":\"2025-10-01\"}");
    assertThat(late.status()).as(late.body()).isEqualTo(201);
    assertThat(json.readTree(late.body()).get("lateReport").asBoolean()).isTrue();
    assertThat(reviews.changes(key)).singleElement().satisfies(ch -> assertThat(ch.detail()).contains("批评教育"));
    Http.Response read = http.get(TOWNSHIP_CW, "/api/awards/" + key + "/review");
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("YEARLY").contains("INCOME");
  }
}
