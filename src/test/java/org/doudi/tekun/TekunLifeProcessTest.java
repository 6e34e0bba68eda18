package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.platform.ProcessFixture.advanceDays;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.vars;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.household.InvalidApplicationException;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.ProcessFixture;
import org.doudi.register.BenefitRegister;
import org.doudi.tekun.TekunChanges.DeathRecorded;
import org.doudi.tekun.TekunChanges.DeathReport;
import org.doudi.tekun.TekunChanges.ReportedChange;
import org.doudi.tekun.TekunChanges.StartedChange;
import org.doudi.tekun.TekunChanges.TerminationRequest;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.persistence.TekunChangeRepository;
import org.doudi.tekun.persistence.TekunPersonRepository;
import org.doudi.watch.WatchList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Changes and termination of 特困 support (特困人员认定办法 第二十四条至第二十七条): a re-assessment within 10 working days
 * that changes the amount from the next month (and one that changes nothing, and one overdue); terminations without
 * objection, with an objection upheld or dismissed, and an objection overdue; the review ahead of the 18th birthday
 * (a 17-year-old stays supported, an 18-year-old in senior high continues, one who left school is ended at 18 and
 * checked for 低保); a death that stops support and opens the funeral task. Each test has its own person.
 */
@DoudiTest
@RecordApplicationEvents
class TekunLifeProcessTest {

  @Autowired TekunChanges changes;
  @Autowired TekunPersonRepository persons;
  @Autowired TekunChangeRepository changeRecords;
  @Autowired TekunEligibility eligibility;
  @Autowired Awards awards;
  @Autowired BenefitRegister register;
  @Autowired WatchList watch;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ApplicationEvents events;

  ProcessFixture f;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

  @BeforeEach
  void setUp() {
    f = new ProcessFixture(tasks, management);
    clockAt("2026-11-02T09:00"); // a Monday
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  TekunPerson adult(CareLevel level, String care) {
    return TekunLifeFixture.supported(persons, awards, LocalDate.of(1950, 3, 4), level, "780.00", care,
        TODAY.minusDays(20), null);
  }

  static Map<String, Object> items(int impossible) {
    Map<String, Object> v = vars("assessmentNote", "入户评估，本人及照料人在场");
    String[] keys = {"itemEating", "itemDressing", "itemBedTransfer", "itemToileting", "itemIndoorWalking",
        "itemBathing"};
    for (int i = 0; i < keys.length; i++) {
      v.put(keys[i], i < impossible ? "CANNOT" : "CAN");
    }
    return v;
  }

  static Map<String, Object> proposal(String ground) {
    return vars("proposal", "PROPOSE", "ground", ground, "proposalFacts", "经入户调查核实，情况属实",
        "riskIncomeStability", "STABLE", "riskHealth", "GOOD", "riskDebts", "NONE", "riskDependants", 0);
  }

  /** Completing as the user is refused; the task stays open and unclaimed. */
  org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refused(String pid, String key, String user,
      Map<String, Object> v) {
    org.camunda.bpm.engine.task.Task t = f.task(pid, key);
    try {
      return assertThatThrownBy(() -> f.complete(pid, key, user, v));
    } finally {
      tasks.setAssignee(t.getId(), null);
    }
  }

  String status(long changeId) {
    return changeRecords.find(changeId).orElseThrow().status();
  }

  Set<String> recordKinds(long changeId) {
    return Set.copyOf(changeRecords.records(changeId).stream().map(TekunChangeRepository.Record::kind).toList());
  }

  AwardRow inForce(TekunPerson p, YearMonth month) {
    return awards.current(p.awardKey(), Scheme.TEKUN, month).orElseThrow();
  }

  // re-assessment

  @Test
  void aChangeIsReassessedWithinTenWorkingDaysAndTheNewCareAmountIsPaidFromTheNextMonth() {
    TekunPerson p = adult(CareLevel.PARTIAL, "300.00");
    StartedChange s = changes.reportChange(p.id(), new ReportedChange(TODAY, "近期中风，行动明显不便"), "na-county-cw");
    org.camunda.bpm.engine.task.Task task = f.task(s.processInstanceId(), "Task_Reassess");
    assertThat(ProcessFixture.local(task.getDueDate()).toLocalDate()).as("10 working days after the report")
        .isEqualTo(LocalDate.of(2026, 11, 16));

    f.complete(s.processInstanceId(), "Task_Reassess", "nongan-cw", items(5));
    refused(s.processInstanceId(), "Task_ConfirmLevel", "nongan-cw",
        vars("confirmDecision", "CONFIRM")).hasMessageContaining("四眼原则");
    f.complete(s.processInstanceId(), "Task_ConfirmLevel", "na-county-approver", vars("confirmDecision", "CONFIRM"));

    BigDecimal care = eligibility.assess(new TekunFacts(p.fullName(), p.idNumber(), p.countyCode(), p.urbanRural(),
        TODAY, null, null, Set.of(SelfCareItem.values()).stream().limit(5).collect(java.util.stream.Collectors.toSet()),
        List.of(), List.of(), TekunFacts.Supporter.NONE, null, TekunFacts.ChildStatus.NONE, false)).careStandard();
    assertThat(inForce(p, YearMonth.of(2026, 11)).monthlyAmount()).isEqualByComparingTo("1080.00");
    AwardRow next = inForce(p, YearMonth.of(2026, 12));
    assertThat(next.monthlyAmount()).isEqualByComparingTo(new BigDecimal("780.00").add(care));
    assertThat(next.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    TekunPerson after = persons.find(p.id()).orElseThrow();
    assertThat(after.careLevel()).isEqualTo(CareLevel.FULL);
    assertThat(after.careAmount()).isEqualByComparingTo(care);
    assertThat(status(s.changeId())).isEqualTo("CHANGED");
    assertThat(events.stream(TekunCareLevelChanged.class).filter(e -> e.tekunPersonId() == p.id()))
        .singleElement().satisfies(e -> assertThat(e.to()).isEqualTo(CareLevel.FULL));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(s.processInstanceId()).count()).isZero();
  }

  @Test
  void aReassessmentFindingTheSameLevelChangesNothingAndASecondReportWhileOneIsOpenIsRefused() {
    TekunPerson p = adult(CareLevel.PARTIAL, "300.00");
    StartedChange s = changes.reportChange(p.id(), new ReportedChange(TODAY, "照料人反映情况有变化"), "na-county-cw");
    assertThatThrownBy(() -> changes.reportChange(p.id(), new ReportedChange(TODAY, "再次报告同一变化"), "na-county-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("已有正在办理的生活自理能力复评");
    refused(s.processInstanceId(), "Task_Reassess", "nongan-cw",
        vars("itemEating", "MAYBE")).hasMessageContaining("自主吃饭");
    f.complete(s.processInstanceId(), "Task_Reassess", "nongan-cw", items(2));
    assertThat(status(s.changeId())).isEqualTo("UNCHANGED");
    assertThat(awards.latest(p.awardKey(), Scheme.TEKUN).orElseThrow().monthlyAmount())
        .isEqualByComparingTo("1080.00");
  }

  @Test
  void aReassessmentPastTenWorkingDaysIsRecordedAsOverdueAndStaysOpen() {
    TekunPerson p = adult(CareLevel.SELF_CARE, "50.00");
    StartedChange s = changes.reportChange(p.id(), new ReportedChange(TODAY, "摔伤后卧床"), "na-county-cw");
    advanceDays(10);
    f.runJobs(s.processInstanceId());
    assertThat(recordKinds(s.changeId())).doesNotContain("REASSESSMENT_OVERDUE");
    advanceDays(5); // 2026-11-17, past the 10th working day
    f.runJobs(s.processInstanceId());
    assertThat(recordKinds(s.changeId())).contains("REASSESSMENT_OVERDUE");
    f.task(s.processInstanceId(), "Task_Reassess");
  }

  // termination

  String terminateToNotice(TekunPerson p, String ground) {
    StartedChange s = changes.proposeTermination(p.id(), new TerminationRequest(ground, "村委会报告本人已恢复劳动能力"),
        "na-county-cw");
    String pid = s.processInstanceId();
    refused(pid, "Task_TownshipProposal", "nongan-cw", vars("proposal", "PROPOSE",
        "ground", ground, "proposalFacts", "经入户调查核实")).hasMessageContaining("返贫风险评估");
    f.complete(pid, "Task_TownshipProposal", "nongan-cw", proposal(ground));
    f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE", "decisionReasons",
        "经核实符合终止情形"));
    assertThat(persons.find(p.id()).orElseThrow().status()).isEqualTo("ENDING");
    return pid;
  }

  @Test
  void withoutAnObjectionSupportStopsFromTheMonthAfterTheNoticeAndThePersonIsWatched() {
    TekunPerson p = adult(CareLevel.SELF_CARE, "50.00");
    String pid = terminateToNotice(p, "WORK_CAPACITY");
    long changeId = Long.parseLong(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey());
    refused(pid, "Task_NoticeOutcome", "nongan-cw", vars("noticeOutcome",
        "NO_OBJECTION")).hasMessageContaining("公示期满后");
    advanceDays(7);
    f.complete(pid, "Task_NoticeOutcome", "nongan-cw", vars("noticeOutcome", "NO_OBJECTION"));

    assertThat(inForce(p, YearMonth.of(2026, 11)).changeKind()).isNotEqualTo(AwardRow.ChangeKind.STOP);
    assertThat(inForce(p, YearMonth.of(2026, 12)).changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
    TekunPerson ended = persons.find(p.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo("ENDED");
    assertThat(ended.lastSupportedMonth()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(ended.endReasonCode()).isEqualTo("WORK_CAPACITY");
    assertThat(register.find(p.idNumber())).as("left the register").isEmpty();
    assertThat(watch.activeEntries(p.idNumber())).extracting(e -> e.category()).contains("LEFT_BENEFIT");
    assertThat(events.stream(TekunSupportEnded.class).filter(e -> e.tekunPersonId() == p.id())).singleElement()
        .satisfies(e -> assertThat(e.reasonCode()).isEqualTo("WORK_CAPACITY"));
    assertThat(status(changeId)).isEqualTo("ENDED");
    assertThat(recordKinds(changeId)).contains("NOTICE", "NOTICE_ENDED", "ENDED");

    f.complete(pid, "Task_CheckOtherAssistance", "nongan-cw", vars("otherAssistance", "NOT_ELIGIBLE",
        "otherAssistanceNote", "本人已务工，收入高于低保标准"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  @Test
  void anUpheldObjectionKeepsTheSupport() {
    TekunPerson p = adult(CareLevel.PARTIAL, "300.00");
    String pid = terminateToNotice(p, "SUPPORTER_ABLE");
    advanceDays(3);
    f.complete(pid, "Task_NoticeOutcome", "nongan-cw", vars("noticeOutcome", "OBJECTION", "objectionText",
        "本人提出其子女无履行义务能力"));
    refused(pid, "Task_ObjectionDecision", "nongan-cw", vars("objectionDecision", "UPHOLD",
        "objectionReasons", "经调查异议成立")).hasMessageContaining("四眼原则");
    f.complete(pid, "Task_ObjectionDecision", "na-county-approver", vars("objectionDecision", "UPHOLD",
        "objectionReasons", "经调查，其子女重度残疾，无履行义务能力"));
    assertThat(persons.find(p.id()).orElseThrow().status()).isEqualTo("SUPPORTED");
    assertThat(awards.latest(p.awardKey(), Scheme.TEKUN).orElseThrow().active()).isTrue();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  @Test
  void aDismissedObjectionIsPostedAgainAndThenSupportStops() {
    TekunPerson p = adult(CareLevel.SELF_CARE, "50.00");
    String pid = terminateToNotice(p, "INCOME_ASSETS");
    f.complete(pid, "Task_NoticeOutcome", "nongan-cw", vars("noticeOutcome", "OBJECTION", "objectionText",
        "邻居反映其收入不稳定"));
    advanceDays(14);
    f.complete(pid, "Task_ObjectionDecision", "na-county-approver", vars("objectionDecision", "DISMISS",
        "objectionReasons", "经核查其存款超过规定"));
    refused(pid, "Task_RepostOutcome", "nongan-cw", vars("repostEnded", true))
        .hasMessageContaining("期满后");
    advanceDays(7); // 2026-11-23
    f.complete(pid, "Task_RepostOutcome", "nongan-cw", vars("repostEnded", true));
    assertThat(persons.find(p.id()).orElseThrow().lastSupportedMonth()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(inForce(p, YearMonth.of(2026, 12)).changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
    f.task(pid, "Task_CheckOtherAssistance");
  }

  @Test
  void anObjectionUndecidedAfterFifteenWorkingDaysIsRecordedAsOverdue() {
    TekunPerson p = adult(CareLevel.SELF_CARE, "50.00");
    String pid = terminateToNotice(p, "IMPRISONED");
    f.complete(pid, "Task_NoticeOutcome", "nongan-cw", vars("noticeOutcome", "OBJECTION", "objectionText",
        "家属对判决有异议"));
    long changeId = Long.parseLong(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey());
    advanceDays(25);
    f.runJobs(pid);
    assertThat(recordKinds(changeId)).contains("OBJECTION_OVERDUE");
    f.task(pid, "Task_ObjectionDecision");
  }

  @Test
  void deathIsNotATerminationGroundAndAnUnknownGroundIsRefusedInChinese() {
    TekunPerson p = adult(CareLevel.SELF_CARE, "50.00");
    assertThatThrownBy(() -> changes.proposeTermination(p.id(), new TerminationRequest("DEATH", "本人已死亡"), "x"))
        .hasMessageContaining("死亡登记");
    assertThatThrownBy(() -> changes.proposeTermination(p.id(), new TerminationRequest("BORED", ""), "x"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("终止情形 ground 无效")
        .hasMessageContaining("至少5个字");
  }

  // turning 18

  @Test
  void aSeventeenYearOldStaysSupportedAndIsReviewedOnceTwoMonthsBeforeTheBirthday() {
    TekunPerson young = TekunLifeFixture.supported(persons, awards, LocalDate.of(2009, 6, 1), CareLevel.SELF_CARE,
        "780.00", "50.00", TODAY.minusDays(20), true);
    TekunPerson soon = TekunLifeFixture.supported(persons, awards, LocalDate.of(2008, 12, 20), CareLevel.SELF_CARE,
        "780.00", "50.00", TODAY.minusDays(20), true);
    changes.startDueAgeReviews(TODAY.plusMonths(2), 1000);
    changes.startDueAgeReviews(TODAY.plusMonths(2), 1000);
    assertThat(changes.changesOf(young.id())).isEmpty();
    assertThat(changes.changesOf(soon.id())).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo("AGE_REVIEW");
      assertThat(c.reviewKey()).isEqualTo("AT18");
    });
    assertThat(awards.latest(young.awardKey(), Scheme.TEKUN).orElseThrow().active()).isTrue();
  }

  @Test
  void theDailyScheduleStartsDueReviewsInChunks() {
    TekunPerson a = TekunLifeFixture.supported(persons, awards, LocalDate.of(2008, 12, 5), CareLevel.SELF_CARE,
        "780.00", "50.00", TODAY.minusDays(20), true);
    String pid = runtime.startProcessInstanceByKey(TekunChangeVariables.SCHEDULE_PROCESS).getId();
    f.runJobs(pid);
    assertThat(changes.changesOf(a.id())).extracting(c -> c.kind()).containsExactly("AGE_REVIEW");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  @Test
  void atEighteenInSeniorHighSupportContinuesWithAYearlyRecheck() {
    TekunPerson p = TekunLifeFixture.supported(persons, awards, LocalDate.of(2008, 12, 10), CareLevel.SELF_CARE,
        "780.00", "50.00", TODAY.minusDays(20), true);
    changes.startDueAgeReviews(TODAY.plusMonths(2), 1000);
    TekunChangeRepository.Change review = changes.changesOf(p.id()).get(0);
    refused(review.processInstanceId(), "Task_CheckSchooling", "nongan-cw",
        vars("schooling", "SENIOR_HIGH", "schoolingNote", "学籍证明已核验")).hasMessageContaining("学校名称");
    f.complete(review.processInstanceId(), "Task_CheckSchooling", "nongan-cw", vars("schooling", "SENIOR_HIGH",
        "schoolName", "农安县第一中学", "schoolingNote", "学籍证明已核验"));
    assertThat(status(review.id())).isEqualTo("CONTINUED");
    assertThat(persons.find(p.id()).orElseThrow().inSchool()).isTrue();
    clockAt("2027-11-02T09:00");
    advanceDays(0);
    changes.startDueAgeReviews(LocalDate.of(2028, 1, 2), 1000);
    assertThat(changes.changesOf(p.id())).extracting(c -> c.reviewKey()).containsExactly("AT18", "Y2028");
    assertThat(awards.latest(p.awardKey(), Scheme.TEKUN).orElseThrow().active()).isTrue();
  }

  @Test
  void atEighteenOutOfSchoolSupportEndsAfterTheBirthdayMonthAndLowIncomeSupportIsChecked() {
    TekunPerson p = TekunLifeFixture.supported(persons, awards, LocalDate.of(2008, 12, 20), CareLevel.SELF_CARE,
        "780.00", "50.00", TODAY.minusDays(20), false);
    changes.startDueAgeReviews(TODAY.plusMonths(2), 1000);
    TekunChangeRepository.Change review = changes.changesOf(p.id()).get(0);
    f.complete(review.processInstanceId(), "Task_CheckSchooling", "nongan-cw", vars("schooling", "NONE",
        "schoolingNote", "初中毕业后未继续就读"));
    assertThat(status(review.id())).isEqualTo("TO_TERMINATE");
    TekunChangeRepository.Change termination = changes.changesOf(p.id()).get(1);
    assertThat(termination.ground()).isEqualTo("AGE_18");
    String pid = termination.processInstanceId();
    f.complete(pid, "Task_TownshipProposal", "nongan-cw", proposal("AGE_18"));
    f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE", "decisionReasons",
        "年满18周岁且不在校"));
    advanceDays(7);
    f.complete(pid, "Task_NoticeOutcome", "nongan-cw", vars("noticeOutcome", "NO_OBJECTION"));
    assertThat(persons.find(p.id()).orElseThrow().status()).as("supported until 18").isEqualTo("ENDING");
    assertThat(awards.latest(p.awardKey(), Scheme.TEKUN).orElseThrow().active()).isTrue();

    clockAt("2026-12-21T09:00");
    f.runJobs(pid);
    TekunPerson ended = persons.find(p.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo("ENDED");
    assertThat(ended.lastSupportedMonth()).isEqualTo(YearMonth.of(2026, 12));
    assertThat(inForce(p, YearMonth.of(2027, 1)).changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
    f.complete(pid, "Task_CheckOtherAssistance", "nongan-cw", vars("otherAssistance", "DIBAO_REFERRED",
        "otherAssistanceNote", "已引导其向乡镇申请低保"));
    assertThat(recordKinds(termination.id())).contains("OTHER_ASSISTANCE");
  }

  // death

  @Test
  void aDeathDuringATerminationNoticeEndsSupportAndClosesTheOpenCase() {
    TekunPerson p = adult(CareLevel.SELF_CARE, "50.00");
    String pid = terminateToNotice(p, "VOLUNTARY");
    long terminationId = Long.parseLong(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey());
    changes.recordDeath(p.id(), new DeathReport(TODAY, "户籍已注销"), "na-county-cw");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(status(terminationId)).isEqualTo("WITHDRAWN");
    assertThat(persons.find(p.id()).orElseThrow().endReasonCode()).isEqualTo("DEATH");
    assertThat(inForce(p, YearMonth.of(2026, 12)).changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
  }

  @Test
  void aDeathStopsSupportFromTheNextMonthWithoutANoticeAndOpensTheFuneralTask() {
    TekunPerson p = adult(CareLevel.FULL, "600.00");
    DeathRecorded d = changes.recordDeath(p.id(), new DeathReport(TODAY.minusDays(1), "死亡医学证明书"), "na-county-cw");
    assertThat(d.lastSupportedMonth()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(inForce(p, YearMonth.of(2026, 12)).changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
    assertThat(persons.find(p.id()).orElseThrow().endReasonCode()).isEqualTo("DEATH");
    assertThat(register.find(p.idNumber())).isEmpty();
    assertThat(events.stream(TekunSupportEnded.class).filter(e -> e.tekunPersonId() == p.id())).hasSize(1);
    assertThatThrownBy(() -> changes.recordDeath(p.id(), new DeathReport(TODAY.minusDays(1), "死亡医学证明书"), "x"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("已于");

    refused(d.funeralProcessInstanceId(), "Task_ArrangeFuneral", "nongan-cw",
        vars("funeralOutcome", "ARRANGED", "funeralNote", "已火化安葬", "funeralDate", "2027-01-01"))
        .hasMessageContaining("不能晚于今天");
    f.complete(d.funeralProcessInstanceId(), "Task_ArrangeFuneral", "nongan-cw", vars("funeralOutcome", "ARRANGED",
        "funeralNote", "乡镇协助火化安葬", "funeralDate", "2026-11-02"));
    assertThat(recordKinds(d.changeId())).contains("DEATH", "ENDED", "FUNERAL");
  }
}
