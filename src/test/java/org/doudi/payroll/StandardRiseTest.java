package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.eligibility.NewDibaoStandard;
import org.doudi.eligibility.TestIds;
import org.doudi.payment.Payee;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.ProcessFixture;
import org.doudi.register.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 标准调整 and 年龄段变化 (issue 15 items 1 and 3): a new standard recomputes every 低保 award of its county and type
 * from the stored basis, the county reviews the differences (never whoever entered the standard), decreases need a
 * reason or keep the old amount, the approval writes the rows from the standard's month once (a failure before the
 * commit and a repeat write nothing more), and the next roster pays the new amounts; other counties and types, and
 * awards without a basis, stay as they were. Members who turn 70 or 18 change the supplement from the next month.
 */
@DoudiTest
class StandardRiseTest {

  static final String NONGAN = "220122";
  static final String NANGUAN = "220102";
  static final String ENTERED_BY = "demo"; // the demo administrator records standards
  static final String APPROVER = "na-county-approver";
  /** Standards must be later than every recorded one of the county and type: each test takes its own year. */
  static final AtomicInteger YEAR = new AtomicInteger(2040);
  static final AtomicInteger SEQ = new AtomicInteger(500);

  @Autowired Awards awards;
  @Autowired DibaoStandards standards;
  @Autowired StandardRises rises;
  @Autowired AgeSupplements ages;
  @Autowired Payroll payroll;
  @Autowired Payments payments;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired FaultInjector faults;

  PayrollFixture f;

  @BeforeEach
  void setUp() {
    f = new PayrollFixture(tasks, management);
    ProcessFixture.clockAt("2035-03-10T09:00");
  }

  @AfterEach
  void tearDown() {
    faults.disarm();
    ClockUtil.reset();
  }

  record M(String birth, String category, int percent, Integer single, boolean illness, String disability,
      Integer grade) {
    static M plain(String birth, String category, int percent) {
      return new M(birth, category, percent, null, false, null, null);
    }
  }

  static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  /** The amount the assessment gives: ROUND(n × S − net) + Σ ROUND(S × p / 100). */
  static BigDecimal household(BigDecimal s, String net, List<M> members) {
    BigDecimal a = money(s.multiply(BigDecimal.valueOf(members.size())).subtract(new BigDecimal(net)));
    for (M m : members) {
      a = a.add(money(s.multiply(BigDecimal.valueOf(m.percent())).divide(BigDecimal.valueOf(100))));
    }
    return a;
  }

  /** A 低保 award granted with its basis (as the 低保 approval grants it). */
  AwardRow grant(String key, String county, String region, String urbanRural, String standard, String net,
      AwardBasis.Outcome outcome, String amount, List<M> ms) {
    List<Person> covered = new ArrayList<>();
    List<AwardBasis.Member> members = new ArrayList<>();
    for (M m : ms) {
      String id = TestIds.id(county, m.birth().replace("-", ""), String.format("%03d", SEQ.incrementAndGet()));
      covered.add(new Person(id, "成员" + id.substring(14)));
      members.add(new AwardBasis.Member(id, "成员" + id.substring(14), LocalDate.parse(m.birth()), m.illness(),
          m.disability(), m.grade(), m.category(), m.percent(), m.single()));
    }
    BigDecimal n = new BigDecimal(net);
    AwardBasis basis = new AwardBasis(outcome, ms.size(), n, money(n.divide(BigDecimal.valueOf(ms.size()), 10,
        RoundingMode.HALF_UP)), new BigDecimal(standard), new BigDecimal(amount), "test", members);
    Person payee = covered.get(0);
    return awards.grant(new AwardGrant(key, Scheme.DIBAO, "case-" + key, county, region, urbanRural, ms.size(),
        new Payee(key, payee.name(), payee.idNumber(), "农安农商银行", "62284800" + Math.abs(key.hashCode() % 100000000L)),
        new BigDecimal(amount), LocalDate.parse("2035-03-10"), "测试批准", covered, basis), APPROVER);
  }

  /** Records a standard (as POST /api/admin/dibao-standards does) and returns the rise it opened. */
  StandardRise newStandard(String county, String urbanRural, String amount, LocalDate from) {
    var s = standards.add(new NewDibaoStandard(county, urbanRural, new BigDecimal(amount), 24, from, true,
        "测试：提高低保标准"), ENTERED_BY);
    StandardRise r = jdbc.query("SELECT id FROM standard_rise WHERE standard_id = ?", (rs, i) -> rs.getLong(1),
        s.id()).stream().findFirst().flatMap(rises::find).orElseThrow();
    f.runJobs(r.processInstanceId());
    return rises.find(r.id()).orElseThrow();
  }

  StandardRiseLine line(StandardRise r, String key) {
    return rises.lines(r.id(), null, null, 0, 100_000).stream().filter(l -> l.beneficiaryKey().equals(key))
        .findFirst().orElseThrow(() -> new AssertionError("no line for " + key));
  }

  Task review(StandardRise r) {
    return f.task(r.processInstanceId(), StandardRiseVariables.REVIEW_TASK);
  }

  void decide(StandardRise r, String user, Map<String, Object> v) {
    Task t = review(r);
    tasks.claim(t.getId(), user);
    try {
      tasks.complete(t.getId(), v);
    } finally {
      if (tasks.createTaskQuery().taskId(t.getId()).count() > 0) {
        tasks.setAssignee(t.getId(), null);
      }
    }
  }

  BigDecimal latestAmount(String key) {
    return awards.latest(key, Scheme.DIBAO).orElseThrow().monthlyAmount();
  }

  @Test
  void aRiseRecomputesEveryAwardOfTheCountyAndTypeAfterCountyReviewAndTheNextRosterPaysIt() {
    BigDecimal s = new BigDecimal("500.00"); // the demo's sample rural standard of 农安县 (2025)
    List<M> family = List.of(M.plain("1995-06-01", "NONE", 0), M.plain("2030-02-01", "MINOR", 15),
        M.plain("1960-08-01", "ELDERLY_70", 20));
    BigDecimal before = household(s, "300.00", family); // 1500 − 300 + 75 + 100 = 1375
    grant("HH-SR-A", NONGAN, "220122100201", "RURAL", "500.00", "300.00", AwardBasis.Outcome.HOUSEHOLD,
        before.toPlainString(), family);
    // 参照单人户: 一级残疾 100 % of the standard, capped at standard + 30 %
    grant("HH-SR-E", NONGAN, "220122100201", "RURAL", "500.00", "900.00", AwardBasis.Outcome.SINGLE_PERSON,
        "500.00", List.of(new M("1980-01-01", "SEVERE_DISABILITY", 30, 100, false, "PHYSICAL", 1)));
    // not affected: the county's urban awards, another county, and an award without a basis (listed for review)
    grant("HH-SR-B", NONGAN, "220122100201", "URBAN", "660.00", "100.00", AwardBasis.Outcome.HOUSEHOLD, "560.00",
        List.of(M.plain("1990-01-01", "NONE", 0)));
    grant("HH-SR-C", NANGUAN, "220102001001", "RURAL", "520.00", "0.00", AwardBasis.Outcome.HOUSEHOLD, "520.00",
        List.of(M.plain("1990-01-01", "NONE", 0)));
    awards.grant(PayrollFixture.grant("HH-SR-D", "无依据", "220122195001010014", "400", "2035-03-10"), APPROVER);

    int year = YEAR.getAndIncrement();
    LocalDate from = LocalDate.of(year, 1, 1);
    StandardRise r = newStandard(NONGAN, "RURAL", "600", from);
    assertThat(r.status()).isEqualTo(StandardRise.Status.REVIEW);
    assertThat(r.effectiveMonth()).isEqualTo(from);
    BigDecimal t = new BigDecimal("600.00");
    BigDecimal after = household(t, "300.00", family); // ages on the day before: the child is still a minor
    assertThat(line(r, "HH-SR-A").newAmount()).isEqualByComparingTo(after);
    assertThat(line(r, "HH-SR-A").kind()).isEqualTo("INCREASE");
    // the formula's text is built from the line's stored numbers when read (V49_1), word for word as before
    assertThat(line(r, "HH-SR-A").reason()).isEqualTo("按户补差：600.00 × 3 人 − 家庭月净收入 300.00 + 分类施保 210.00 "
        + "= 1710.00 元（原标准 500.00 元，原月补助 1375.00 元）");
    assertThat(line(r, "HH-SR-E").newAmount()).isEqualByComparingTo("600.00");
    assertThat(line(r, "HH-SR-E").reason()).isEqualTo("参照单人户：1 人按新标准 600.00 元的保障比例计 600.00 元"
        + "（原标准 500.00 元，原月补助 500.00 元）");
    assertThat(line(r, "HH-SR-D").kind()).isEqualTo("MANUAL");
    assertThat(line(r, "HH-SR-D").reason()).isEqualTo("无测算依据（授予待遇时未保存家庭收入和成员信息），需人工复核");
    // a line computed before V49_1 keeps the text it stored
    jdbc.update("UPDATE standard_rise_line SET reason = '无测算依据（旧版存储的说明）' WHERE rise_id = ? "
        + "AND beneficiary_key = 'HH-SR-D'", r.id());
    assertThat(line(r, "HH-SR-D").reason()).isEqualTo("无测算依据（旧版存储的说明）");
    assertThat(rises.lines(r.id(), null, null, 0, 100_000)).extracting(StandardRiseLine::beneficiaryKey)
        .doesNotContain("HH-SR-B", "HH-SR-C");
    // the review form's figures come from the stored lines
    Map<String, Object> shown = runtime.getVariables(r.processInstanceId());
    assertThat(shown.get(StandardRiseVariables.LINE_COUNT)).isEqualTo(r.lineCount());
    // (the form lists the first 20 manual lines: other tests' awards without a basis may come before this one)
    assertThat((String) shown.get(StandardRiseVariables.MANUAL)).contains("无测算依据");

    // nothing changes before the review; whoever entered the standard cannot approve it
    assertThat(latestAmount("HH-SR-A")).isEqualByComparingTo(before);
    assertThatThrownBy(() -> decide(r, ENTERED_BY, Map.of("decision", "APPROVE")))
        .hasMessageContaining("不能审核本人录入的低保标准");
    assertThatThrownBy(() -> decide(r, "ng-county-approver", Map.of("decision", "APPROVE")))
        .hasMessageContaining("只有220122的县级审批人员");
    assertThat(review(r)).isNotNull();
    assertThat(latestAmount("HH-SR-A")).isEqualByComparingTo(before);

    decide(r, APPROVER, Map.of("decision", "APPROVE", "decreaseHandling", "KEEP_OLD"));
    f.runJobs(r.processInstanceId());
    StandardRise applied = rises.find(r.id()).orElseThrow();
    assertThat(applied.status()).isEqualTo(StandardRise.Status.APPLIED);
    AwardRow a = awards.latest("HH-SR-A", Scheme.DIBAO).orElseThrow();
    assertThat(a.changeKind()).isEqualTo(AwardRow.ChangeKind.INCREASE);
    assertThat(a.monthlyAmount()).isEqualByComparingTo(after);
    assertThat(a.effectiveFrom()).isEqualTo(from);
    assertThat(a.decidedBy()).isEqualTo(APPROVER);
    assertThat(a.reason()).startsWith("标准调整（第" + r.id() + "号").endsWith("低保标准 600.00 元）：按户补差：600.00 × 3 人 − "
        + "家庭月净收入 300.00 + 分类施保 210.00 = 1710.00 元（原标准 500.00 元，原月补助 1375.00 元）");
    assertThat(latestAmount("HH-SR-E")).isEqualByComparingTo("600.00");
    assertThat(awards.history("HH-SR-B", Scheme.DIBAO)).hasSize(1);
    assertThat(awards.history("HH-SR-C", Scheme.DIBAO)).hasSize(1);
    assertThat(awards.history("HH-SR-D", Scheme.DIBAO)).hasSize(1);
    assertThat(awards.basis("HH-SR-A", Scheme.DIBAO).orElseThrow().standard()).isEqualByComparingTo("600.00");
    // the month before still pays the old amount; the standard's month the new one
    assertThat(awards.current("HH-SR-A", Scheme.DIBAO, YearMonth.from(from).minusMonths(1)).orElseThrow()
        .monthlyAmount()).isEqualByComparingTo(before);
    payroll.computeRoster(NONGAN, YearMonth.from(from), "test");
    assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-SR-A", YearMonth.from(from))).orElseThrow().amount())
        .isEqualByComparingTo(after);
    assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-SR-B", YearMonth.from(from))).orElseThrow().amount())
        .isEqualByComparingTo("560.00");
    // a repeated apply writes nothing
    int rows = jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award", Integer.class);
    rises.apply(r.id());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award", Integer.class)).isEqualTo(rows);
    // 审计留痕: each step of the rise once, with the row before → after (the bulk award rows as their count)
    List<org.doudi.audit.AuditEntries.Entry> audit = org.doudi.audit.AuditEntries.ofSubject(jdbc,
        "standard_rise " + r.id());
    assertThat(audit).extracting(org.doudi.audit.AuditEntries.Entry::action).containsExactly(
        "payroll.StandardRiseChanged OPENED", "payroll.StandardRiseChanged COMPUTED",
        "payroll.StandardRiseChanged DECIDED", "payroll.StandardRiseChanged APPLIED");
    assertThat(audit.get(2).actor()).isEqualTo(APPROVER);
    assertThat(audit.get(3).before()).contains("\"appliedCount\":null");
    assertThat(audit.get(3).after()).contains("\"status\":\"APPLIED\"", "\"appliedCount\":");
    assertThat(audit).allSatisfy(e -> assertThat(e.regionCode()).isEqualTo(NONGAN));
  }

  @Test
  void aDecreaseNeedsAReasonOrKeepsTheOldAmount() {
    List<M> one = List.of(M.plain("1990-01-01", "NONE", 0));
    grant("HH-SR-F", NONGAN, "220122100201", "URBAN", "660.00", "200.00", AwardBasis.Outcome.HOUSEHOLD, "460.00",
        one);
    // raised by hand above what the standard gives (a four-eyes change in real life)
    awards.adjust("HH-SR-F", Scheme.DIBAO, new BigDecimal("700.00"), 1, "case-HH-SR-F", LocalDate.parse("2035-03-10"),
        "人工增发", APPROVER);
    int year = YEAR.getAndIncrement();
    StandardRise r = newStandard(NONGAN, "URBAN", "680", LocalDate.of(year, 3, 15));
    assertThat(r.effectiveMonth()).isEqualTo(LocalDate.of(year, 4, 1)); // a standard from the 15th: next month
    StandardRiseLine l = line(r, "HH-SR-F");
    assertThat(l.kind()).isEqualTo("DECREASE");
    assertThat(l.newAmount()).isEqualByComparingTo("480.00");
    assertThat(l.reason()).contains("曾人工调整");

    assertThatThrownBy(() -> decide(r, APPROVER, Map.of("decision", "APPROVE")))
        .hasMessageContaining("请选择保持原金额或减发");
    assertThatThrownBy(() -> decide(r, APPROVER, Map.of("decision", "APPROVE", "decreaseHandling", "APPLY")))
        .hasMessageContaining("减发须写明理由");
    decide(r, APPROVER, Map.of("decision", "APPROVE", "decreaseHandling", "KEEP_OLD"));
    f.runJobs(r.processInstanceId());
    assertThat(latestAmount("HH-SR-F")).isEqualByComparingTo("700.00");

    // the next standard, decreases applied with a reason: the row carries it
    StandardRise r2 = newStandard(NONGAN, "URBAN", "690", LocalDate.of(year, 6, 1));
    assertThat(line(r2, "HH-SR-F").kind()).isEqualTo("DECREASE");
    decide(r2, APPROVER, Map.of("decision", "APPROVE", "decreaseHandling", "APPLY",
        "decreaseReason", "人工增发已核实为错误，按标准重新核定"));
    f.runJobs(r2.processInstanceId());
    AwardRow a = awards.latest("HH-SR-F", Scheme.DIBAO).orElseThrow();
    assertThat(a.changeKind()).isEqualTo(AwardRow.ChangeKind.DECREASE);
    assertThat(a.monthlyAmount()).isEqualByComparingTo("490.00");
    assertThat(a.reason()).contains("减发理由：人工增发已核实为错误");
  }

  @Test
  void aRejectedRiseChangesNothingAndAFailedApplyIsRetriedOnce() {
    grant("HH-SR-G", NANGUAN, "220102001001", "URBAN", "760.00", "100.00", AwardBasis.Outcome.HOUSEHOLD, "660.00",
        List.of(M.plain("1990-01-01", "NONE", 0)));
    int year = YEAR.getAndIncrement();
    StandardRise r = newStandard(NANGUAN, "URBAN", "800", LocalDate.of(year, 1, 1));
    assertThatThrownBy(() -> decide(r, "ng-county-approver", Map.of("decision", "REJECT")))
        .hasMessageContaining("不予执行须写明理由");
    decide(r, "ng-county-approver", Map.of("decision", "REJECT", "decisionNote", "标准文件待核实"));
    f.runJobs(r.processInstanceId());
    assertThat(rises.find(r.id()).orElseThrow().status()).isEqualTo(StandardRise.Status.REJECTED);
    assertThat(latestAmount("HH-SR-G")).isEqualByComparingTo("660.00");

    StandardRise r2 = newStandard(NANGUAN, "URBAN", "820", LocalDate.of(year, 2, 1));
    decide(r2, "ng-county-approver", Map.of("decision", "APPROVE"));
    faults.arm("standard-rise");
    List<Exception> failures = f.runJobs(r2.processInstanceId());
    assertThat(failures).isNotEmpty();
    assertThat(latestAmount("HH-SR-G")).isEqualByComparingTo("660.00"); // rolled back
    assertThat(rises.find(r2.id()).orElseThrow().status()).isEqualTo(StandardRise.Status.REVIEW);
    PayrollFixture.afterRetryDelay();
    assertThat(f.runJobs(r2.processInstanceId())).isEmpty();
    assertThat(latestAmount("HH-SR-G")).isEqualByComparingTo("720.00");
    assertThat(awards.history("HH-SR-G", Scheme.DIBAO)).hasSize(2);
  }

  @Test
  void membersTurning70And18ChangeTheSupplementFromTheNextMonthOnce() {
    // 南关区 rural, standard 520 of the basis: a man turning 70 in March, a girl turning 18 in May
    List<M> family = List.of(M.plain(1970 + "-03-15", "NONE", 0), M.plain("2022-05-10", "MINOR", 15),
        M.plain("1995-01-20", "NONE", 0));
    BigDecimal s = new BigDecimal("520.00");
    BigDecimal amount = household(s, "600.00", family); // 1560 − 600 + 78 = 1038
    grant("HH-AGE-1", NANGUAN, "220102002001", "RURAL", "520.00", "600.00", AwardBasis.Outcome.HOUSEHOLD,
        amount.toPlainString(), family);

    assertThat(ages.apply(YearMonth.of(2040, 3), "system").awardRows()).isZero();
    AgeSupplements.Step april = ages.apply(YearMonth.of(2040, 4), "system");
    assertThat(april.memberChanges()).isGreaterThanOrEqualTo(1);
    AwardRow a = awards.latest("HH-AGE-1", Scheme.DIBAO).orElseThrow();
    assertThat(a.changeKind()).isEqualTo(AwardRow.ChangeKind.INCREASE);
    assertThat(a.monthlyAmount()).isEqualByComparingTo(amount.add(new BigDecimal("104.00"))); // 20 % of 520
    assertThat(a.effectiveFrom()).isEqualTo(LocalDate.of(2040, 4, 1));
    assertThat(a.reason()).contains("年满 70 周岁", "ELDERLY_70 20%");
    assertThat(a.decidedBy()).isEqualTo("system");
    assertThat(org.doudi.audit.AuditEntries.ofSubject(jdbc, "award_age_change 2040-04")).singleElement()
        .satisfies(e -> assertThat(e.after()).contains("\"awardRows\":" + april.awardRows(), NANGUAN));
    // once: the step again writes nothing (and records nothing)
    assertThat(ages.apply(YearMonth.of(2040, 4), "system").awardRows()).isZero();
    assertThat(org.doudi.audit.AuditEntries.ofSubject(jdbc, "award_age_change 2040-04")).hasSize(1);
    assertThat(awards.history("HH-AGE-1", Scheme.DIBAO)).hasSize(2);
    assertThat(ages.changes(YearMonth.of(2040, 4), List.of(NANGUAN))).extracting(c -> c.beneficiaryKey())
        .contains("HH-AGE-1");

    assertThat(ages.apply(YearMonth.of(2040, 5), "system").awardRows()).isZero();
    ages.apply(YearMonth.of(2040, 6), "system");
    AwardRow june = awards.latest("HH-AGE-1", Scheme.DIBAO).orElseThrow();
    assertThat(june.changeKind()).isEqualTo(AwardRow.ChangeKind.DECREASE);
    assertThat(june.monthlyAmount()).isEqualByComparingTo(amount.add(new BigDecimal("104.00"))
        .subtract(new BigDecimal("78.00")));
    assertThat(june.reason()).contains("年满 18 周岁");
    // the rosters read them
    payroll.computeRoster(NANGUAN, YearMonth.of(2040, 4), "test");
    assertThat(payments.byKey(Payroll.rosterKey("DIBAO", "HH-AGE-1", YearMonth.of(2040, 4))).orElseThrow().amount())
        .isEqualByComparingTo(amount.add(new BigDecimal("104.00")));
    // and the basis follows: a standard rise later starts from the new supplements
    assertThat(awards.basis("HH-AGE-1", Scheme.DIBAO).orElseThrow().members())
        .extracting(AwardBasis.Member::supplementCategory).containsExactlyInAnyOrder("ELDERLY_70", "NONE", "NONE");
  }

  @Test
  void aMemberWhoseSupplementTheRulesChangeAtTheRiseTakesTheNewSupplementWithTheRise() {
    // stored as a minor (MINOR 15 %) when granted in 2035; 18 or older on the day before any rise from 2040 on (the
    // age step has not run for them): the rise computes without the supplement and the member takes NONE with it
    List<M> family = List.of(M.plain("1990-04-01", "NONE", 0), M.plain("2020-06-15", "MINOR", 15));
    BigDecimal before = household(new BigDecimal("500.00"), "300.00", family); // 1000 − 300 + 75 = 775
    grant("HH-SR-M", NONGAN, "220122100201", "RURAL", "500.00", "300.00", AwardBasis.Outcome.HOUSEHOLD,
        before.toPlainString(), family);
    LocalDate from = LocalDate.of(YEAR.getAndIncrement(), 1, 1);
    StandardRise r = newStandard(NONGAN, "RURAL", "600", from);
    assertThat(line(r, "HH-SR-M").newAmount()).isEqualByComparingTo("900.00"); // 1200 − 300, no supplement
    assertThat(jdbc.queryForObject("SELECT member_changes FROM standard_rise_line WHERE rise_id = ? "
        + "AND beneficiary_key = 'HH-SR-M'", Integer.class, r.id())).isEqualTo(1);
    assertThat(awards.basis("HH-SR-M", Scheme.DIBAO).orElseThrow().members())
        .extracting(AwardBasis.Member::supplementCategory).containsExactlyInAnyOrder("NONE", "MINOR");

    decide(r, APPROVER, Map.of("decision", "APPROVE", "decreaseHandling", "KEEP_OLD"));
    f.runJobs(r.processInstanceId());
    assertThat(latestAmount("HH-SR-M")).isEqualByComparingTo("900.00");
    AwardBasis basis = awards.basis("HH-SR-M", Scheme.DIBAO).orElseThrow();
    assertThat(basis.members()).extracting(AwardBasis.Member::supplementCategory)
        .containsExactlyInAnyOrder("NONE", "NONE");
    assertThat(basis.amount()).isEqualByComparingTo("900.00");
  }
}
