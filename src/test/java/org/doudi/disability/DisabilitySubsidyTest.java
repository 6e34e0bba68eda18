package org.doudi.disability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.vars;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.disability.internal.DisabilityEligibility;
import org.doudi.disability.internal.GrantSubsidy;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;
import org.doudi.household.Households;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.TestApplications;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.InvalidAwardException;
import org.doudi.payroll.Payroll;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.ProcessFixture;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 残疾人两项补贴: who qualifies (grades, categories, 低保/低收入/特困/none), the proactive discovery (exactly those not
 * receiving, once), an application through township review and the county's decision to the award and the county's
 * next payroll roster, the four-eyes refusal, retried grant and discovery, the stop when 低保 ends, the ceiling, and
 * bad input refused in Chinese. Every test builds households of its own (unique ID numbers).
 */
@DoudiTest
class DisabilitySubsidyTest {

  @Autowired Households households;
  @Autowired BenefitRegister register;
  @Autowired DisabilitySubsidies subsidies;
  @Autowired DisabilityEligibility eligibility;
  @Autowired Awards awards;
  @Autowired Payroll payroll;
  @Autowired Payments payments;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired GrantSubsidy grant;

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

  // households

  static Member member(String name, String first17, Relation relation, DisabilityCategory c, Integer grade) {
    return new Member(name, TestApplications.id(first17), relation, "220122", UrbanRural.RURAL, c, grade, false,
        false, false, TestApplications.income(HouseholdApplication.IncomeType.WAGE, "0.00"), BigDecimal.ZERO);
  }

  /** 张三 (applicant, no disability), 李四 (spouse) and 张小 (child) with the disabilities given, unique IDs. */
  static HouseholdApplication household(DisabilityCategory liCategory, Integer liGrade, DisabilityCategory xiaoCategory,
      Integer xiaoGrade) {
    return TestApplications.unique(TestApplications.withMembers(TestApplications.household(), List.of(
        member("张三", "22012219500101001", Relation.SELF, null, null),
        member("李四", "22012219520305002", Relation.SPOUSE, liCategory, liGrade),
        member("张小", "22012220150601003", Relation.CHILD, xiaoCategory, xiaoGrade))));
  }

  static List<Person> persons(HouseholdApplication a) {
    return a.members().stream().map(m -> new Person(m.idNumber(), m.name())).toList();
  }

  /** A household on 低保 (approved, its persons paid in the register). */
  long dibao(HouseholdApplication a) {
    long id = households.register(a, "test");
    households.updateStatus(id, ApplicationStatus.APPROVED);
    register.activate("HH-" + id, "DIBAO", "case-" + id, "220122", "220122100201", persons(a), "test");
    return id;
  }

  /** A 低收入 household: approved as 单人户 for one member only, the others not covered. */
  long singlePerson(HouseholdApplication a, int coveredIndex) {
    long id = households.register(a, "test");
    households.updateStatus(id, ApplicationStatus.APPROVED);
    register.activate("HH-" + id, "DIBAO", "case-" + id, "220122", "220122100201",
        List.of(persons(a).get(coveredIndex)), "test");
    return id;
  }

  /** A household refused; {@code lowIncome}: its assessment found a 低收入家庭 (on the day given). */
  long refused(HouseholdApplication a, boolean lowIncome, LocalDate assessedOn) {
    long id = households.register(a, "test");
    String pid = "test-dibao-" + id;
    households.attachProcess(id, pid);
    households.updateStatus(id, ApplicationStatus.REJECTED);
    jdbc.update("INSERT INTO dibao_assessment (application_id, process_instance_id, outcome, standard, "
        + "per_capita_income, monthly_amount, assessed_on, assessment_json, created_at) VALUES (?, ?, 'INELIGIBLE', "
        + "600, 900, 0, ?, ?, CURRENT_TIMESTAMP)", id, pid, java.sql.Date.valueOf(assessedOn),
        lowIncome ? "{\"reasons\":[{\"code\":\"INCOME_ABOVE_STANDARD\"},{\"code\":\"LOW_INCOME_HOUSEHOLD\"}]}"
            : "{\"reasons\":[{\"code\":\"INCOME_ABOVE_LOW_INCOME_LINE\"}]}");
    return id;
  }

  static String li(HouseholdApplication a) {
    return a.members().get(1).idNumber();
  }

  static String xiao(HouseholdApplication a) {
    return a.members().get(2).idNumber();
  }

  boolean eligible(SubsidyKind kind, String idNumber) {
    return eligibility.assess(kind, idNumber, TODAY).eligible();
  }

  // eligibility

  @Test
  void livingSubsidyForDisabledMembersOfDibaoAndLowIncomeHouseholdsOnly() {
    HouseholdApplication onDibao = household(DisabilityCategory.PHYSICAL, 4, null, null);
    dibao(onDibao);
    assertThat(eligible(SubsidyKind.LIVING, li(onDibao))).isTrue();
    assertThat(eligible(SubsidyKind.LIVING, onDibao.members().get(0).idNumber())).as("no disability").isFalse();

    // 单人户: 张小 (grade 1) covered; 李四 (grade 4 mental) is a member of a 低收入家庭
    HouseholdApplication single = household(DisabilityCategory.MENTAL, 4, DisabilityCategory.INTELLECTUAL, 1);
    singlePerson(single, 2);
    assertThat(eligibility.assess(SubsidyKind.LIVING, li(single), TODAY).standing().kind().name())
        .isEqualTo("LOW_INCOME");
    assertThat(eligible(SubsidyKind.LIVING, li(single))).isTrue();
    assertThat(eligible(SubsidyKind.LIVING, xiao(single))).as("on 低保 as 单人户").isTrue();

    HouseholdApplication lowIncome = household(DisabilityCategory.HEARING, 3, null, null);
    refused(lowIncome, true, TODAY.minusMonths(3));
    assertThat(eligible(SubsidyKind.LIVING, li(lowIncome))).isTrue();

    HouseholdApplication lapsedFinding = household(DisabilityCategory.HEARING, 3, null, null);
    refused(lapsedFinding, true, TODAY.minusMonths(13));
    assertThat(eligible(SubsidyKind.LIVING, li(lapsedFinding))).as("finding older than 12 months").isFalse();

    HouseholdApplication notPoor = household(DisabilityCategory.VISUAL, 1, null, null);
    refused(notPoor, false, TODAY.minusMonths(1));
    DisabilityEligibility.Finding f = eligibility.assess(SubsidyKind.LIVING, li(notPoor), TODAY);
    assertThat(f.eligible()).isFalse();
    assertThat(f.reasons()).contains("不是低保家庭或低收入家庭").contains("国发〔2015〕52号");
  }

  @Test
  void careSubsidyForGradesOneAndTwoAndIntellectualOrMentalThreeAndFourRegardlessOfIncome() {
    HouseholdApplication notPoor = household(DisabilityCategory.VISUAL, 1, DisabilityCategory.PHYSICAL, 2);
    refused(notPoor, false, TODAY.minusMonths(1));
    assertThat(eligible(SubsidyKind.CARE, li(notPoor))).isTrue();
    assertThat(eligible(SubsidyKind.CARE, xiao(notPoor))).isTrue();

    HouseholdApplication grade3 = household(DisabilityCategory.INTELLECTUAL, 3, DisabilityCategory.PHYSICAL, 3);
    refused(grade3, false, TODAY.minusMonths(1));
    assertThat(eligible(SubsidyKind.CARE, li(grade3))).isTrue();
    DisabilityEligibility.Finding physical3 = eligibility.assess(SubsidyKind.CARE, xiao(grade3), TODAY);
    assertThat(physical3.eligible()).isFalse();
    assertThat(physical3.failures()).extracting(r -> r.criterion()).containsExactly("NOT_SEVERE");

    HouseholdApplication grade4 = household(DisabilityCategory.MENTAL, 4, DisabilityCategory.SPEECH, 4);
    refused(grade4, false, TODAY.minusMonths(1));
    assertThat(eligible(SubsidyKind.CARE, li(grade4))).isTrue();
    assertThat(eligible(SubsidyKind.CARE, xiao(grade4))).isFalse();
  }

  @Test
  void tekunPersonsAndPeopleWithoutADisabilityRecordQualifyForNeither() {
    HouseholdApplication a = household(DisabilityCategory.PHYSICAL, 1, null, null);
    refused(a, true, TODAY.minusMonths(1));
    register.activate("TK-" + li(a), "TEKUN", "tekun-case", "220122", "220122100201",
        List.of(new Person(li(a), "李四")), "test");
    assertThat(eligibility.assess(SubsidyKind.LIVING, li(a), TODAY).failures()).extracting(r -> r.criterion())
        .containsExactly("TEKUN_EXCLUDED");
    assertThat(eligible(SubsidyKind.CARE, li(a))).isFalse();
    assertThat(eligible(SubsidyKind.CARE, TestApplications.id("22012219600101009"))).isFalse();
  }

  // discovery

  @Test
  void discoveryFindsExactlyThoseEligibleAndNotReceivingAndOpensOneCaseEach() {
    HouseholdApplication a = household(DisabilityCategory.PHYSICAL, 2, DisabilityCategory.HEARING, 4);
    dibao(a);
    HouseholdApplication b = household(DisabilityCategory.PHYSICAL, 4, null, null);
    refused(b, false, TODAY.minusMonths(1)); // not poor, grade 4 physical: nothing
    // 张小 of household a already receives the living subsidy
    String xiaoA = xiao(a);
    awards.grant(new org.doudi.payroll.AwardGrant(SubsidyKind.beneficiaryKey(xiaoA), Scheme.DISABLED_LIVING,
        "earlier-case", "220122", "220122100201", "RURAL", 1, new org.doudi.payment.Payee(
        SubsidyKind.beneficiaryKey(xiaoA), "张小", xiaoA, "农安农商银行", "6228480012345678901"),
        new BigDecimal("99.00"), TODAY.minusMonths(2), "earlier"), "test");

    DisabilitySubsidies.DiscoveryResult first = subsidies.discover("220122", "system");
    assertThat(first.casesOpened()).isGreaterThanOrEqualTo(2);
    assertThat(candidateKinds(li(a))).containsExactlyInAnyOrder("LIVING", "CARE");
    assertThat(candidateKinds(xiaoA)).as("receives LIVING; grade 4 hearing: no CARE").isEmpty();
    assertThat(candidateKinds(li(b))).isEmpty();
    assertThat(cases(li(a))).hasSize(2);
    String pid = cases(li(a)).get(0);
    assertThat(f.task(pid, "Task_AssistApplication").getName()).isEqualTo("协助申请两项补贴");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("township-caseworker-220122100")
        .count()).isEqualTo(1);

    // a repeat opens nothing twice
    subsidies.discover("220122", "system");
    assertThat(cases(li(a))).hasSize(2);

    // the list of the township, masked, and not of another county
    DisabilitySubsidies.CandidatePage page = subsidies.candidates("220122100", 0, 200);
    assertThat(page.items()).anyMatch(c -> c.fullName().equals("李四") && c.idNumberMasked().contains("*")
        && c.kind().equals("CARE") && c.standing().equals("低保家庭成员"));
    assertThat(subsidies.candidates("220102", 0, 200).items()).noneMatch(c -> c.regionCode().startsWith("220122"));

    // the person declines the living subsidy: the case ends, the candidate is resolved and not reopened
    String living = caseOf(li(a), "LIVING");
    f.complete(living, "Task_AssistApplication", "nongan-cw", vars("assistOutcome", "DECLINE",
        "assistNote", "监护人表示暂不申请生活补贴"));
    assertThat(status(living)).isEqualTo("DECLINED");
    subsidies.discover("220122", "system");
    assertThat(candidateKinds(li(a))).containsExactly("CARE");
    assertThat(cases(li(a))).hasSize(2);
  }

  @Test
  void theDailyDiscoveryProcessOpensTheCasesThroughItsJob() {
    HouseholdApplication a = household(DisabilityCategory.MENTAL, 1, null, null);
    dibao(a);
    org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery()
        .processDefinitionKey(DisabilityVariables.DISCOVERY_PROCESS_KEY).timers().singleResult();
    assertThat(timer).as("the daily timer of disability-discovery").isNotNull();
    management.executeJob(timer.getId());
    String pid = runtime.createProcessInstanceQuery().processDefinitionKey(DisabilityVariables.DISCOVERY_PROCESS_KEY)
        .singleResult().getId();
    f.runJobs(pid);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(candidateKinds(li(a))).containsExactlyInAnyOrder("LIVING", "CARE");
    assertThat(cases(li(a))).hasSize(2).allSatisfy(c ->
        assertThat(f.task(c, "Task_AssistApplication")).isNotNull());
  }

  List<String> candidateKinds(String idNumber) {
    return jdbc.queryForList("SELECT kind FROM disability_candidate WHERE id_number = ? AND status = 'OPEN'",
        String.class, idNumber);
  }

  List<String> cases(String idNumber) {
    return jdbc.queryForList("SELECT process_instance_id FROM disability_application WHERE id_number = ? ORDER BY id",
        String.class, idNumber);
  }

  String caseOf(String idNumber, String kind) {
    return jdbc.queryForObject("SELECT process_instance_id FROM disability_application WHERE id_number = ? AND kind = ?",
        String.class, idNumber, kind);
  }

  String status(String pid) {
    return jdbc.queryForObject("SELECT status FROM disability_application WHERE process_instance_id = ?",
        String.class, pid);
  }

  // application → award → payroll

  String applyAndReview(String idNumber, SubsidyKind kind) {
    DisabilitySubsidies.StartedCase c = subsidies.apply(new DisabilityApplication(kind.name(), idNumber, null, null,
        "本人申请"), "nongan-cw");
    f.runJobs(c.processInstanceId());
    f.complete(c.processInstanceId(), "Task_TownshipReview", "nongan-cw", vars("reviewDecision", "APPROVE",
        "reviewOpinion", "残疾人证与户籍档案一致，家庭在保"));
    return c.processInstanceId();
  }

  @Test
  void applicationIsReviewedDecidedByAnotherPersonGrantedAndPaidInTheNextRoster() {
    HouseholdApplication a = household(DisabilityCategory.PHYSICAL, 2, null, null);
    dibao(a);
    String id = li(a);
    String pid = applyAndReview(id, SubsidyKind.LIVING);
    assertThat(runtime.getVariable(pid, "monthlyAmount")).isEqualTo("99.00");
    assertThat((String) runtime.getVariable(pid, "amountBasis")).contains("示例");

    // four eyes: the township's reviewer cannot decide for the county
    assertThatThrownBy(() -> f.complete(pid, "Task_CountyDecision", "nongan-cw", vars("decision", "APPROVE")))
        .hasMessageContaining("四眼原则");
    assertThat(f.task(pid, "Task_CountyDecision")).isNotNull();
    tasks.setAssignee(f.task(pid, "Task_CountyDecision").getId(), null);

    f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(status(pid)).isEqualTo("GRANTED");
    AwardRow award = awards.latest(SubsidyKind.beneficiaryKey(id), Scheme.DISABLED_LIVING).orElseThrow();
    assertThat(award.monthlyAmount()).isEqualByComparingTo("99.00");
    assertThat(award.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(award.decidedBy()).isEqualTo("na-county-approver");
    assertThat(award.caseRef()).isEqualTo(pid);
    // held alongside 低保: the register still holds the person in the household's 低保
    assertThat(register.find(id).orElseThrow().scheme()).isEqualTo("DIBAO");

    YearMonth december = YearMonth.of(2026, 12);
    payroll.computeRoster("220122", december, "test");
    LedgerEntry row = payments.byKey(Payroll.rosterKey("DISABLED_LIVING", SubsidyKind.beneficiaryKey(id), december))
        .orElseThrow();
    assertThat(row.amount()).isEqualByComparingTo("99.00");
    assertThat(row.scheme()).isEqualTo(Scheme.DISABLED_LIVING);

    // a second application of the same subsidy is refused; the care subsidy may be applied for beside it
    assertThatThrownBy(() -> subsidies.apply(new DisabilityApplication("LIVING", id, null, null, null), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("正在享受困难残疾人生活补贴");
    String care = applyAndReview(id, SubsidyKind.CARE);
    f.complete(care, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE"));
    assertThat(awards.latest(SubsidyKind.beneficiaryKey(id), Scheme.SEVERE_DISABILITY_CARE).orElseThrow()
        .monthlyAmount()).isEqualByComparingTo("93.00");

    // one person in two subsidies, paid into the household's account: no roster anomaly (one person by design)
    long runId = payroll.computeRoster("220122", december, "test").runId();
    // (other tests' households may share the fixture's account: an anomaly listing the subsidy must stand without it)
    assertThat(payroll.anomalies(runId, 0, 1000).items())
        .noneMatch(x -> x.beneficiaryKeys().contains(SubsidyKind.beneficiaryKey(id))
            && x.beneficiaryKeys().stream().filter(k -> !k.startsWith("P-")).distinct().count() < 2);

    // above the DMN's highest amount of the county, an adjustment is refused
    assertThatThrownBy(() -> awards.adjust(SubsidyKind.beneficiaryKey(id), Scheme.DISABLED_LIVING,
        new BigDecimal("500.00"), 1, "adj", TODAY, "test", "na-county-approver"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("disability-subsidy-amount");
  }

  @Test
  void aRetriedGrantWritesNoSecondAwardOrRecord() throws Exception {
    HouseholdApplication a = household(DisabilityCategory.MENTAL, 3, null, null);
    dibao(a);
    String pid = applyAndReview(li(a), SubsidyKind.CARE);
    f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE"));
    long appId = jdbc.queryForObject("SELECT id FROM disability_application WHERE process_instance_id = ?",
        Long.class, pid);

    DelegateExecution again = Mockito.mock(DelegateExecution.class);
    Mockito.when(again.getProcessBusinessKey()).thenReturn(String.valueOf(appId));
    Mockito.when(again.getProcessInstanceId()).thenReturn(pid);
    Mockito.when(again.getVariable("decidedBy")).thenReturn("na-county-approver");
    Mockito.when(again.getVariable("decidedOn")).thenReturn(TODAY.toString());
    grant.execute(again);

    assertThat(awards.history(SubsidyKind.beneficiaryKey(li(a)), Scheme.SEVERE_DISABILITY_CARE)).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disability_record WHERE application_id = ? AND kind = 'GRANT'",
        Integer.class, appId)).isEqualTo(1);
  }

  @Test
  void countyRefusalAndIneligibleApplicationEndWithWrittenReasons() {
    HouseholdApplication a = household(DisabilityCategory.PHYSICAL, 4, null, null);
    dibao(a);
    String pid = applyAndReview(li(a), SubsidyKind.LIVING);
    assertThatThrownBy(() -> f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "REJECT")))
        .hasMessageContaining("不予批准须写明理由");
    tasks.setAssignee(f.task(pid, "Task_CountyDecision").getId(), null);
    f.complete(pid, "Task_CountyDecision", "na-county-approver", vars("decision", "REJECT",
        "decisionReasons", "残疾人证已过有效期，请换证后再申请"));
    assertThat(status(pid)).isEqualTo("REJECTED");
    assertThat(awards.latest(SubsidyKind.beneficiaryKey(li(a)), Scheme.DISABLED_LIVING)).isEmpty();
    // the daily discovery does not reopen a case the county refused (within the quiet period)
    subsidies.discover("220122", "system");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disability_application WHERE id_number = ? AND kind = 'LIVING'",
        Integer.class, li(a))).isEqualTo(1);

    // grade 4 physical applies for care: the process refuses with the rule's reason and citation
    DisabilitySubsidies.StartedCase c = subsidies.apply(new DisabilityApplication("CARE", li(a), null, null, null),
        "nongan-cw");
    f.runJobs(c.processInstanceId());
    assertThat(status(c.processInstanceId())).isEqualTo("INELIGIBLE");
    DisabilitySubsidies.CaseFile file = subsidies.caseFile(c.applicationId());
    assertThat(file.records()).extracting(DisabilitySubsidies.CaseRecord::kind)
        .containsExactly("ELIGIBILITY", "INELIGIBLE_NOTICE");
    assertThat(file.records().get(1).content()).contains("一级、二级残疾人和三级、四级智力、精神残疾人");
  }

  @Test
  void theLivingSubsidyStopsFromTheNextMonthWhenTheHouseholdLeavesDibao() {
    HouseholdApplication a = household(DisabilityCategory.PHYSICAL, 1, null, null);
    long household = dibao(a);
    String id = li(a);
    String living = applyAndReview(id, SubsidyKind.LIVING);
    f.complete(living, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE"));
    String care = applyAndReview(id, SubsidyKind.CARE);
    f.complete(care, "Task_CountyDecision", "na-county-approver", vars("decision", "APPROVE"));

    register.release("HH-" + household, "停发：收入超过标准", "test");
    clockAt("2027-01-05T09:00");
    assertThat(subsidies.reviewAwards("220122", LocalDate.of(2027, 1, 5), "system")).isGreaterThanOrEqualTo(1);
    AwardRow stopped = awards.latest(SubsidyKind.beneficiaryKey(id), Scheme.DISABLED_LIVING).orElseThrow();
    assertThat(stopped.active()).isFalse();
    assertThat(stopped.effectiveFrom()).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(status(living)).isEqualTo("STOPPED");
    // the care subsidy does not depend on income
    assertThat(awards.latest(SubsidyKind.beneficiaryKey(id), Scheme.SEVERE_DISABILITY_CARE).orElseThrow().active())
        .isTrue();
    // a repeat stops nothing twice
    subsidies.reviewAwards("220122", LocalDate.of(2027, 1, 5), "system");
    assertThat(awards.history(SubsidyKind.beneficiaryKey(id), Scheme.DISABLED_LIVING)).hasSize(2);

    // death: the care subsidy stops too
    assertThat(subsidies.personDied(id, LocalDate.of(2027, 1, 10), "system")).isEqualTo(1);
    assertThat(awards.latest(SubsidyKind.beneficiaryKey(id), Scheme.SEVERE_DISABILITY_CARE).orElseThrow().active())
        .isFalse();
  }

  @Test
  void badInputIsRefusedInChineseAndStoresNothing() {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM disability_application", Integer.class);
    assertThatThrownBy(() -> subsidies.apply(new DisabilityApplication("HOUSING", "123", null, "12", null), "x"))
        .isInstanceOf(InvalidApplicationException.class)
        .satisfies(e -> assertThat(((InvalidApplicationException) e).violations()).extracting(v -> v.field())
            .contains("kind", "idNumber", "bankName"))
        .hasMessageContaining("补贴类别");
    assertThatThrownBy(() -> subsidies.apply(new DisabilityApplication("CARE", TestApplications.id("22012219600101009"),
        null, null, null), "x")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("没有身份证号码为");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disability_application", Integer.class)).isEqualTo(before);
  }
}
