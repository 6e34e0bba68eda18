package org.doudi.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.vars;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.TestApplications;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.Payroll;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.ProcessFixture;
import org.doudi.register.AlreadyRegisteredException;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 儿童基本生活费: an orphan recognised, decided by another person and paid by the county's monthly roster; refusals
 * with written reasons (conditions, county); the yearly review continuing and stopping (four eyes); the 18th birthday
 * ending it; never both 特困 and the children's subsidy (both orders), nor inside a 低保 household's award. Every test
 * uses children of its own (unique ID numbers).
 */
@DoudiTest
class ChildSubsidyTest {

  static final AtomicInteger NEXT = new AtomicInteger(100);

  @Autowired ChildSubsidies subsidies;
  @Autowired BenefitRegister register;
  @Autowired Awards awards;
  @Autowired Payroll payroll;
  @Autowired Payments payments;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  ProcessFixture f;

  @BeforeEach
  void setUp() {
    f = new ProcessFixture(tasks, management);
    clockAt("2026-11-02T09:00"); // a Monday
    standard("INSTITUTION", "1700.00");
    standard("HOME", "1300.00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  /** The county's standard (a test row, once per context). */
  void standard(String care, String amount) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM child_standard WHERE county_code = '220122' "
        + "AND care_mode = ?", Integer.class, care);
    if (n == 0) {
      jdbc.update("INSERT INTO child_standard (county_code, care_mode, monthly_amount, effective_from, sample, "
          + "source_note, created_by, created_at) VALUES ('220122', ?, ?, DATE '2026-01-01', TRUE, '测试标准', 'test', "
          + "CURRENT_TIMESTAMP)", care, new java.math.BigDecimal(amount));
    }
  }

  /** A child's ID number of its own, born on the date (a test address code keeps it apart from other tests). */
  static String child(LocalDate born) {
    return TestApplications.id("229" + String.format("%03d", NEXT.incrementAndGet() % 1000)
        + born.toString().replace("-", "") + "021");
  }

  static ChildApplication application(String id, String father, String mother, String care) {
    return new ChildApplication("王小花", id, "220122100201", father, mother, care, "王大山",
        TestApplications.id("22012219500101001"), "祖父", "13800000000", "农安县农村信用社", "6221000000000001",
        "监护人申请");
  }

  String apply(String id, String father, String mother) {
    return subsidies.apply(application(id, father, mother, "HOME"), "nongan-cw").processInstanceId();
  }

  void investigate(String pid, String outcome, String opinion) {
    f.runJobs(pid);
    f.complete(pid, "Task_TownshipInvestigation", "nongan-cw", vars("investigationOutcome", outcome,
        "careMode", "HOME", "evidenceChecked", "父母死亡证明、户口簿", "investigationOpinion", opinion));
  }

  /** Applied, investigated and approved by the county's approver: the award of the next month on. */
  String granted(String id) {
    String pid = apply(id, "DEAD", "DEAD");
    investigate(pid, "CONFIRM", "父母均已死亡，由祖父抚养，情况属实");
    f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE"));
    return pid;
  }

  long applicationOf(String pid) {
    return jdbc.queryForObject("SELECT id FROM child_application WHERE process_instance_id = ?", Long.class, pid);
  }

  String status(String pid) {
    return jdbc.queryForObject("SELECT status FROM child_application WHERE process_instance_id = ?", String.class, pid);
  }

  List<String> records(String pid) {
    return jdbc.queryForList("SELECT kind || ':' || content FROM child_record WHERE application_id = ? ORDER BY id",
        String.class, applicationOf(pid));
  }

  @Test
  void anOrphanIsRecognisedDecidedByAnotherPersonAndPaidByTheMonthlyPayroll() {
    String id = child(LocalDate.of(2015, 6, 1));
    String pid = apply(id, "DEAD", "DECLARED_DEAD");
    assertThat(register.find(id).orElseThrow().scheme()).isEqualTo("CHILD_SUBSIDY");
    investigate(pid, "CONFIRM", "父亲死亡、母亲经法院宣告死亡，情况属实");
    assertThat(runtime.getVariable(pid, "monthlyAmount")).isEqualTo("1300.00");
    assertThat((String) runtime.getVariable(pid, "amountBasis")).contains("社会散居");

    // four eyes: neither the registrant and investigator (nongan-cw) may decide for the county
    assertThatThrownBy(() -> f.complete(pid, "Task_CountyDecision", "nongan-cw", vars("decision", "APPROVE")))
        .hasMessageContaining("四眼原则");
    tasks.setAssignee(f.task(pid, "Task_CountyDecision").getId(), null);
    f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(status(pid)).isEqualTo("GRANTED");
    assertThat(jdbc.queryForObject("SELECT category FROM child_application WHERE process_instance_id = ?",
        String.class, pid)).isEqualTo("ORPHAN");
    AwardRow award = awards.latest(ChildSubsidies.beneficiaryKey(id), Scheme.CHILD_SUBSIDY).orElseThrow();
    assertThat(award.monthlyAmount()).isEqualByComparingTo("1300.00");
    assertThat(award.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(award.decidedBy()).isEqualTo("na-county-approver");
    assertThat(register.find(id).orElseThrow().status().name()).isEqualTo("ACTIVE");
    assertThat(records(pid)).anySatisfy(r -> assertThat(r).startsWith("GRANT:").contains("孤儿"));

    YearMonth december = YearMonth.of(2026, 12);
    payroll.computeRoster("220122", december, "test");
    LedgerEntry row = payments.byKey(Payroll.rosterKey("CHILD_SUBSIDY", ChildSubsidies.beneficiaryKey(id), december))
        .orElseThrow();
    assertThat(row.amount()).isEqualByComparingTo("1300.00");
    assertThat(row.scheme()).isEqualTo(Scheme.CHILD_SUBSIDY);

    assertThatThrownBy(() -> apply(id, "DEAD", "DEAD")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("正在享受儿童基本生活费");
  }

  @Test
  void aChildWithACaringParentIsToldInWritingWhyAndReleased() {
    String id = child(LocalDate.of(2016, 3, 3));
    String pid = apply(id, "NONE", "DEAD");
    f.runJobs(pid);
    assertThat(status(pid)).isEqualTo("INELIGIBLE");
    assertThat(records(pid)).anySatisfy(r -> assertThat(r).startsWith("INELIGIBLE_NOTICE:")
        .contains("既不属于孤儿，也不属于事实无人抚养儿童").contains("民发〔2019〕62号"));
    assertThat(register.find(id)).isEmpty();
  }

  @Test
  void aChildWithoutDeFactoCareRefusedByTheCountyGetsTheReasonsInWriting() {
    String id = child(LocalDate.of(2014, 1, 9));
    String pid = apply(id, "IMPRISONED", "LOST_CONTACT");
    investigate(pid, "CONFIRM", "父亲服刑，母亲失联一年，情况属实");
    assertThatThrownBy(() -> f.complete(pid, "Task_CountyDecision", "na-county-approver",
        vars("decision", "REJECT"))).hasMessageContaining("不予认定须写明理由");
    tasks.setAssignee(f.task(pid, "Task_CountyDecision").getId(), null);
    f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "REJECT",
        "decisionReasons", "母亲失联不足6个月，公安机关未出具失联证明"));
    assertThat(status(pid)).isEqualTo("REJECTED");
    assertThat(jdbc.queryForObject("SELECT category FROM child_application WHERE process_instance_id = ?",
        String.class, pid)).isEqualTo("UNCARED");
    assertThat(records(pid)).anySatisfy(r -> assertThat(r).startsWith("REJECTION_NOTICE:")
        .contains("母亲失联不足6个月"));
    assertThat(register.find(id)).isEmpty();
    assertThat(awards.latest(ChildSubsidies.beneficiaryKey(id), Scheme.CHILD_SUBSIDY)).isEmpty();
  }

  @Test
  void theTownshipRejectsWithReasons() {
    String id = child(LocalDate.of(2013, 5, 5));
    String pid = apply(id, "SEVERE_DISABILITY", "DEAD");
    f.runJobs(pid);
    assertThatThrownBy(() -> f.complete(pid, "Task_TownshipInvestigation", "nongan-cw", vars(
        "investigationOutcome", "REJECT", "careMode", "HOME", "evidenceChecked", "", "investigationOpinion", "否")))
        .hasMessageContaining("核查的证明材料");
    tasks.setAssignee(f.task(pid, "Task_TownshipInvestigation").getId(), null);
    investigate(pid, "REJECT", "父亲残疾人证为四级肢体残疾，不属于重残");
    assertThat(status(pid)).isEqualTo("REJECTED");
    assertThat(records(pid)).anySatisfy(r -> assertThat(r).startsWith("REJECTION_NOTICE:").contains("不属于重残"));
  }

  @Test
  void theYearlyReviewContinuesThenAStopNeedsASecondPersonAndEndsTheAwardNextMonth() {
    String id = child(LocalDate.of(2012, 2, 2));
    String pid = granted(id);
    long app = applicationOf(pid);
    assertThat(subsidies.startDueReviews(LocalDate.of(2027, 11, 1), 100)).isZero(); // not due yet

    clockAt("2027-11-02T09:00");
    assertThat(subsidies.startDueReviews(LocalDate.of(2027, 11, 2), 100)).isGreaterThanOrEqualTo(1);
    assertThat(subsidies.startDueReviews(LocalDate.of(2027, 11, 2), 100)).as("started once").isZero();
    String review = reviewProcess(app);
    f.complete(review, "Task_AnnualReview", "nongan-cw", vars("reviewOutcome", "CONTINUE",
        "reviewOpinion", "父母情况未变化，祖父继续抚养"));
    assertThat(jdbc.queryForObject("SELECT next_review_on FROM child_support WHERE application_id = ?",
        LocalDate.class, app)).isEqualTo(LocalDate.of(2028, 11, 2));

    clockAt("2028-11-02T09:00");
    subsidies.startDueReviews(LocalDate.of(2028, 11, 2), 100);
    String second = reviewProcess(app);
    assertThatThrownBy(() -> f.complete(second, "Task_AnnualReview", "nongan-cw", vars("reviewOutcome", "STOP",
        "reviewOpinion", "已被依法收养"))).hasMessageContaining("终止原因");
    tasks.setAssignee(f.task(second, "Task_AnnualReview").getId(), null);
    f.complete(second, "Task_AnnualReview", "nongan-cw", vars("reviewOutcome", "STOP", "stopGround", "ADOPTED",
        "reviewOpinion", "已被依法收养，收养登记证已核"));
    assertThatThrownBy(() -> f.complete(second, "Task_ConfirmStop", "nongan-cw", vars("stopDecision", "CONFIRM",
        "stopReasons", "已被依法收养"))).hasMessageContaining("四眼原则");
    tasks.setAssignee(f.task(second, "Task_ConfirmStop").getId(), null);
    f.complete(second, "Task_ConfirmStop", "na-county-approver", vars("stopDecision", "CONFIRM",
        "stopReasons", "儿童已被依法收养，不再属于孤儿保障对象"));

    AwardRow stopped = awards.latest(ChildSubsidies.beneficiaryKey(id), Scheme.CHILD_SUBSIDY).orElseThrow();
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.effectiveFrom()).isEqualTo(LocalDate.of(2028, 12, 1));
    assertThat(register.find(id)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT status FROM child_support WHERE application_id = ?", String.class, app))
        .isEqualTo("ENDED");
    assertThat(records(pid)).anySatisfy(r -> assertThat(r).startsWith("END:").contains("依法收养"));
  }

  @Test
  void theEighteenthBirthdayEndsItFromTheNextMonth() {
    String id = child(LocalDate.of(2009, 3, 15)); // 18 on 2027-03-15
    String pid = granted(id);
    long app = applicationOf(pid);
    assertThat(jdbc.queryForObject("SELECT next_review_on FROM child_support WHERE application_id = ?",
        LocalDate.class, app)).isEqualTo(LocalDate.of(2027, 3, 15));

    clockAt("2027-03-15T07:00");
    subsidies.startDueReviews(LocalDate.of(2027, 3, 15), 100);
    String review = reviewProcess(app);
    f.runJobs(review);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(review).count()).isZero();
    AwardRow stopped = awards.latest(ChildSubsidies.beneficiaryKey(id), Scheme.CHILD_SUBSIDY).orElseThrow();
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.effectiveFrom()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(register.find(id)).isEmpty();
    assertThat(records(pid)).anySatisfy(r -> assertThat(r).startsWith("END:").contains("年满18周岁"));
  }

  @Test
  void theEighteenthBirthdaySupersedesAYearlyReviewStillOpen() {
    String id = child(LocalDate.of(2009, 12, 20)); // 18 on 2027-12-20
    long app = applicationOf(granted(id));
    clockAt("2027-11-02T09:00");
    subsidies.startDueReviews(LocalDate.of(2027, 11, 2), 100);
    String annual = reviewProcess(app);
    assertThat(f.task(annual, "Task_AnnualReview")).isNotNull();

    clockAt("2027-12-20T07:00");
    subsidies.startDueReviews(LocalDate.of(2027, 12, 20), 100);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(annual).count()).isZero();
    String adult = reviewProcess(app);
    assertThat(adult).isNotEqualTo(annual);
    f.runJobs(adult);
    AwardRow stopped = awards.latest(ChildSubsidies.beneficiaryKey(id), Scheme.CHILD_SUBSIDY).orElseThrow();
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.effectiveFrom()).isEqualTo(LocalDate.of(2028, 1, 1));
    assertThat(jdbc.queryForList("SELECT outcome FROM child_review WHERE application_id = ? ORDER BY id",
        String.class, app)).containsExactly("SUPERSEDED", "ADULT");
  }

  @Test
  void aChildInTekunCannotApplyAndAChildInTheSubsidyCannotBeTekun() {
    // 特困 first: the application is refused, naming the 特困 case
    String tekun = child(LocalDate.of(2015, 7, 7));
    register.activate("P-" + tekun, "TEKUN", "tekun-case-1", "220122", "220122100201",
        List.of(new Person(tekun, "李小")), "test");
    assertThatThrownBy(() -> apply(tekun, "DEAD", "DEAD")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("特困人员救助供养").hasMessageContaining("只能选择一项");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM child_application WHERE id_number = ?", Integer.class,
        tekun)).isZero();

    // the children's subsidy first: a 特困 claim of the child is refused, and the primary key refuses a raw insert
    String orphan = child(LocalDate.of(2015, 8, 8));
    granted(orphan);
    assertThatThrownBy(() -> register.claim("P-" + orphan, "TEKUN", "tekun-case-2", "220122", "220122100201",
        List.of(new Person(orphan, "王小花")), "test")).isInstanceOf(AlreadyRegisteredException.class)
        .hasMessageContaining("儿童基本生活费");
    assertThatThrownBy(() -> jdbc.update("INSERT INTO benefit_person (id_number, person_name, scheme, holder_key, "
        + "case_ref, county_code, region_code, status, since, updated_at) VALUES (?, '王小花', 'TEKUN', 'P-x', 'c', "
        + "'220122', '220122100201', 'APPLYING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", orphan))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(register.find(orphan).orElseThrow().scheme()).isEqualTo("CHILD_SUBSIDY");
  }

  @Test
  void aChildCoveredByADibaoHouseholdIsToldToChangeTheHouseholdFirst() {
    String id = child(LocalDate.of(2017, 9, 9));
    register.activate("HH-990001", "DIBAO", "case-990001", "220122", "220122100201",
        List.of(new Person(id, "张小")), "test");
    assertThatThrownBy(() -> apply(id, "DEAD", "DEAD")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("低保家庭HH-990001").hasMessageContaining("减员");
  }

  @Test
  void anAdultOrBadCodesAreRefusedBeforeAnythingIsStored() {
    String adult = child(LocalDate.of(2006, 1, 1));
    assertThatThrownBy(() -> apply(adult, "DEAD", "DEAD")).hasMessageContaining("已满18周岁");
    String id = child(LocalDate.of(2016, 1, 1));
    assertThatThrownBy(() -> subsidies.apply(application(id, "GONE", "DEAD", "FOSTER"), "nongan-cw"))
        .hasMessageContaining("父亲情况“GONE”无效").hasMessageContaining("养育方式“FOSTER”无效");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM child_application WHERE id_number IN (?, ?)", Integer.class,
        adult, id)).isZero();
    assertThat(register.find(id)).isEmpty();
  }

  @Test
  void theDailyScheduleIsOneTimerThatStartsTheDueReviews() {
    String id = child(LocalDate.of(2008, 11, 20)); // 18 on 2026-11-20
    long app = applicationOf(granted(id));
    org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processDefinitionKey("child-review-schedule")
        .timers().singleResult();
    assertThat(timer).as("one timer for every child").isNotNull();
    clockAt("2026-11-20T06:45");
    management.executeJob(timer.getId());
    // the run itself is async (one chunk per job): run the schedule's jobs
    for (org.camunda.bpm.engine.runtime.Job j : management.createJobQuery()
        .processDefinitionKey("child-review-schedule").messages().list()) {
      management.executeJob(j.getId());
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM child_review WHERE application_id = ? AND kind = 'ADULT'",
        Integer.class, app)).isEqualTo(1);
    assertThat(management.createJobQuery().processDefinitionKey("child-review-schedule").timers().count())
        .as("still one timer").isEqualTo(1);
  }

  @Test
  void aReportedDeathEndsTheSubsidyFromTheNextMonthAndCancelsAnOpenReview() {
    String id = child(LocalDate.of(2013, 3, 3));
    long app = applicationOf(granted(id));
    clockAt("2027-11-02T09:00");
    subsidies.startDueReviews(LocalDate.of(2027, 11, 2), 100);
    String annual = reviewProcess(app);
    assertThat(subsidies.personDied(id, LocalDate.of(2027, 11, 10), "na-county-cw")).isTrue();
    assertThat(subsidies.personDied(id, LocalDate.of(2027, 11, 10), "na-county-cw")).as("a repeat").isFalse();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(annual).count()).isZero();
    AwardRow stopped = awards.latest(ChildSubsidies.beneficiaryKey(id), Scheme.CHILD_SUBSIDY).orElseThrow();
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.effectiveFrom()).isEqualTo(LocalDate.of(2027, 12, 1));
    assertThat(register.find(id)).isEmpty();
  }

  @Test
  void theServiceChecksTheRequestsOwnRulesToo() {
    assertThatThrownBy(() -> subsidies.apply(new ChildApplication(null, "1", null, null, null, null, null, null, null,
        null, null, null, null), "nongan-cw")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("请填写儿童姓名").hasMessageContaining("请选择父亲情况");
  }

  String reviewProcess(long applicationId) {
    return jdbc.queryForObject("SELECT process_instance_id FROM child_review WHERE application_id = ? AND status = "
        + "'OPEN'", String.class, applicationId);
  }
}
