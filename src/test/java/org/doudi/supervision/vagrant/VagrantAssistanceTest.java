package org.doudi.supervision.vagrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.platform.ProcessFixture.advanceDays;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.vars;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.TestApplications;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.ProcessFixture;
import org.doudi.supervision.vagrant.VagrantIntake.BroughtBy;
import org.doudi.supervision.vagrant.VagrantIntake.HealthState;
import org.doudi.supervision.vagrant.VagrantIntake.Sex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 流浪乞讨人员救助管理, one test per path: identified and returned home within 10 days; a stay beyond 10 days filed
 * with the higher level; medical care; voluntary leave; more than 3 months without identity → settlement → a 特困
 * recognition started, a 低保 application started, or settled only; the form checks refusing and changing nothing;
 * the Tasklist start. Every person has an ID number of its own.
 */
@DoudiTest
class VagrantAssistanceTest {

  static final AtomicInteger NEXT = new AtomicInteger(300);
  static final String STATION = "JZ220122";

  @Autowired VagrantCases cases;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  ProcessFixture f;

  @BeforeEach
  void setUp() {
    f = new ProcessFixture(tasks, management);
    clockAt("2026-11-02T09:00"); // a Monday
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  /** An ID number of its own in 农安县, born on the date. */
  static String person(LocalDate born) {
    return TestApplications.id("220122" + born.toString().replace("-", "")
        + String.format("%03d", NEXT.incrementAndGet() % 1000));
  }

  static VagrantIntake intake(HealthState health) {
    return new VagrantIntake(STATION, null, null, Sex.MALE, 60, "农安县火车站候车室", BroughtBy.POLICE, health,
        "自称姓李，说不清住址");
  }

  String start(HealthState health) {
    String pid = cases.intake(intake(health), "na-county-cw").processInstanceId();
    f.runJobs(pid);
    return pid;
  }

  void needs(String pid, String need, String note) {
    f.complete(pid, "Task_BasicNeeds", "na-county-cw", vars("lodgingProvided", true, "mealsProvided", true,
        "clothingProvided", true, "healthNeed", need, "needsNote", note));
  }

  void search(String pid, String method, String outcome, Object... more) {
    Map<String, Object> v = vars("searchMethod", method, "searchDetail", "比对结果：" + method + "，" + outcome,
        "searchOutcome", outcome);
    v.putAll(vars(more));
    f.complete(pid, "Task_IdentitySearch", "na-county-cw", v);
  }

  void returnHome(String pid) {
    f.complete(pid, "Task_ReturnHome", "na-county-cw", vars("returnMode", "FAMILY_PICKUP", "receivingParty", "李大山",
        "receivingRelation", "儿子", "destination", "德惠市某镇某村"));
  }

  long caseOf(String pid) {
    return Long.parseLong(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getBusinessKey());
  }

  Map<String, Object> row(long caseId) {
    return jdbc.queryForMap("SELECT * FROM vagrant_case WHERE id = ?", caseId);
  }

  List<String> records(long caseId) {
    return jdbc.queryForList("SELECT kind || ':' || COALESCE(method, '') || ':' || content FROM vagrant_record "
        + "WHERE case_id = ? ORDER BY id", String.class, caseId);
  }

  boolean ended(String pid) {
    return runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 0;
  }

  @Test
  void identifiedAfterTwoAttemptsAndReturnedHomeWithinTenDays() {
    String pid = start(HealthState.GOOD);
    long id = caseOf(pid);
    assertThat(runtime.getVariable(pid, "regionCode")).as("the station's county").isEqualTo("220122");
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("county-caseworker-220122").count())
        .isEqualTo(1);
    needs(pid, "WELL", null);
    search(pid, "PUBLIC_SECURITY", "NOT_YET");
    assertThat(runtime.getVariable(pid, "searchCount")).isEqualTo(1);
    assertThat(runtime.getVariable(pid, "searchDetail")).as("the next attempt starts empty").isNull();
    String found = person(LocalDate.of(1966, 3, 3));
    search(pid, "NOTICE", "IDENTIFIED", "identifiedName", "李树林", "identifiedIdNumber", found, "hometown",
        "德惠市某镇某村");
    assertThat((String) runtime.getVariable(pid, "identifiedText")).contains("李树林").doesNotContain(found);
    assertThat(runtime.getVariable(pid, "identifiedIdNumber")).isNull();
    advanceDays(3);
    returnHome(pid);

    assertThat(ended(pid)).isTrue();
    Map<String, Object> c = row(id);
    assertThat(c.get("status")).isEqualTo("RETURNED");
    assertThat(c.get("identified_name")).isEqualTo("李树林");
    assertThat(c.get("identified_id_number")).isEqualTo(found);
    assertThat(c.get("stay_filed_at")).isNull();
    assertThat(records(id)).extracting(r -> r.substring(0, r.indexOf(':'))).containsExactly("INTAKE", "NEEDS",
        "SEARCH", "SEARCH", "IDENTIFIED", "RETURN", "CLOSE");
    assertThat(records(id).get(2)).startsWith("SEARCH:PUBLIC_SECURITY:公安机关信息比对");
    assertThat(records(id).get(3)).startsWith("SEARCH:NOTICE:发布寻亲公告");
    assertThat(records(id).get(5)).contains("李大山").contains("儿子");
    VagrantCases.CaseFile file = cases.caseFile(id);
    assertThat(file.daysInStation()).isEqualTo(3);
    assertThat(file.idNumberMasked()).contains("*");
    assertThat(management.createJobQuery().processInstanceId(pid).count()).as("no timer left").isZero();
  }

  @Test
  void aStayBeyondTenCalendarDaysIsFiledWithTheHigherLevelAndTheAssistanceGoesOn() {
    String pid = start(HealthState.GOOD);
    long id = caseOf(pid);
    needs(pid, "WELL", null);
    search(pid, "DNA", "NOT_YET");
    // the legal clock counts calendar days from the intake day and is recorded for the deadline monitor
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cal_deadline WHERE process_instance_id = ? "
        + "AND day_basis = 'CALENDAR'", Integer.class, pid)).isGreaterThanOrEqualTo(2);
    advanceDays(10); // 2026-11-12 09:00: the 10th day after the intake has not ended yet
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_StayFiling").count()).isZero();
    advanceDays(1);
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_StayFiling")
        .taskCandidateGroup("county-approver-220122").count()).isEqualTo(1);
    assertThatThrownBy(() -> f.complete(pid, "Task_StayFiling", "na-county-approver", vars("stayReason",
        "IDENTITY_UNKNOWN", "stayExplanation", "短", "filingDepartment", "农安县民政局")))
        .hasMessageContaining("至少5个字");
    assertThat(row(id).get("stay_filed_at")).isNull();
    tasks.setAssignee(f.task(pid, "Task_StayFiling").getId(), null);
    f.complete(pid, "Task_StayFiling", "na-county-approver", vars("stayReason", "IDENTITY_UNKNOWN",
        "stayExplanation", "受助人员语言不清，公安机关比对和DNA比对尚无结果", "filingDepartment", "农安县民政局"));
    assertThat(row(id).get("stay_filed_at")).isNotNull();
    assertThat(records(id)).anySatisfy(r -> assertThat(r).startsWith("STAY_FILING:").contains("农安县民政局")
        .contains("身份不明"));
    // the search goes on after the filing
    search(pid, "FACE", "IDENTIFIED", "identifiedName", "王二", "hometown", "长春市南关区");
    returnHome(pid);
    assertThat(ended(pid)).isTrue();
    assertThat(row(id).get("status")).isEqualTo("RETURNED");
  }

  @Test
  void anIllPersonIsTreatedBeforeTheSearch() {
    String pid = start(HealthState.ILL);
    long id = caseOf(pid);
    assertThatThrownBy(() -> needs(pid, "MEDICAL", null)).hasMessageContaining("病情");
    tasks.setAssignee(f.task(pid, "Task_BasicNeeds").getId(), null);
    needs(pid, "MEDICAL", "高烧，咳嗽三天");
    f.complete(pid, "Task_MedicalCare", "na-county-cw", vars("hospital", "农安县人民医院", "treatment",
        "肺炎，住院治疗七天", "medicalOutcome", "RECOVERED"));
    assertThat(records(id)).anySatisfy(r -> assertThat(r).startsWith("MEDICAL:").contains("农安县人民医院"));
    assertThat(f.task(pid, "Task_IdentitySearch")).isNotNull();
    search(pid, "INTERVIEW", "IDENTIFIED", "identifiedName", "赵三", "hometown", "榆树市");
    returnHome(pid);
    assertThat(row(id).get("status")).isEqualTo("RETURNED");
  }

  @Test
  void aPersonMayLeaveVoluntarily() {
    String pid = start(HealthState.GOOD);
    long id = caseOf(pid);
    needs(pid, "WELL", null);
    search(pid, "INTERVIEW", "LEFT");
    assertThat(ended(pid)).isTrue();
    assertThat(row(id).get("status")).isEqualTo("LEFT");
    assertThat(records(id)).anySatisfy(r -> assertThat(r).startsWith("LEFT:"));
    assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).isZero();
  }

  /** Intake, needs, one attempt, then past 3 months: the settlement task. */
  String unidentifiedForThreeMonths() {
    String pid = start(HealthState.GOOD);
    needs(pid, "WELL", null);
    search(pid, "PUBLIC_SECURITY", "NOT_YET");
    advanceDays(11);
    f.runJobs(pid);
    f.complete(pid, "Task_StayFiling", "na-county-approver", vars("stayReason", "IDENTITY_UNKNOWN",
        "stayExplanation", "身份不明，仍在查找", "filingDepartment", "农安县民政局"));
    search(pid, "NOTICE", "NOT_YET");
    // intake 2026-11-02: the three months end with the (office) day of 2027-02-02; after it, "more than 3 months"
    clockAt("2027-02-02T08:00");
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_Settlement").count()).isZero();
    clockAt("2027-02-02T23:30");
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_IdentitySearch").count())
        .as("the search ends with the settlement").isZero();
    assertThat(f.task(pid, "Task_Settlement")).isNotNull();
    return pid;
  }

  /**
   * A person who moves station keeps the first intake's clock: taken in by 长春市救助管理站 on 2026-11-02, gone from
   * there (转送) on 2026-12-10 and taken in by 农安县救助管理站 the same day, linked to the first case, the person is
   * settled after 2027-02-02 (3 months after the first intake), not after 2027-03-10. Bad links store nothing.
   */
  @Test
  void aPersonTransferredFromAnotherStationIsSettledThreeMonthsAfterTheFirstIntake() {
    String first = cases.intake(new VagrantIntake("JZ220102", null, null, Sex.MALE, 60, "长春站广场", BroughtBy.POLICE,
        HealthState.GOOD, "说不清住址"), "ng-county-cw").processInstanceId();
    f.runJobs(first);
    long firstId = caseOf(first);
    f.complete(first, "Task_BasicNeeds", "ng-county-cw", vars("lodgingProvided", true, "mealsProvided", true,
        "clothingProvided", true, "healthNeed", "WELL", "needsNote", null));

    clockAt("2026-12-10T09:00");
    VagrantIntake stillThere = new VagrantIntake(STATION, null, null, Sex.MALE, 60, "农安县客运站", BroughtBy.OTHER,
        HealthState.GOOD, "长春市救助管理站转送", firstId);
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM vagrant_case", Integer.class);
    assertThatThrownBy(() -> cases.intake(stillThere, "na-county-cw")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("在站救助中").hasMessageContaining("请原救助管理站先结束救助");
    f.complete(first, "Task_IdentitySearch", "ng-county-cw", vars("searchMethod", "INTERVIEW", "searchDetail",
        "转送农安县救助管理站", "searchOutcome", "LEFT"));
    assertThat(row(firstId).get("status")).isEqualTo("LEFT");
    assertThatThrownBy(() -> cases.intake(new VagrantIntake("JZ220102", null, null, Sex.MALE, 60, "长春站",
        BroughtBy.SELF, HealthState.GOOD, null, firstId), "ng-county-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("本站的案件");
    assertThatThrownBy(() -> cases.intake(new VagrantIntake(STATION, null, null, Sex.MALE, 60, "农安县客运站",
        BroughtBy.OTHER, HealthState.GOOD, null, 99_999_999L), "na-county-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("99999999不存在");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vagrant_case", Integer.class)).isEqualTo(before);

    String pid = cases.intake(stillThere, "na-county-cw").processInstanceId();
    f.runJobs(pid);
    long id = caseOf(pid);
    assertThat((String) runtime.getVariable(pid, "intakeAt")).startsWith("2026-12-10");
    assertThat((String) runtime.getVariable(pid, "firstIntakeAt")).startsWith("2026-11-02");
    assertThat(row(id).get("previous_case_id")).isEqualTo(firstId);
    assertThat(records(id).get(0)).contains("由长春市救助管理站（演示）转来", "原案件编号" + firstId, "首次入站2026-11-02");
    VagrantCases.CaseFile file = cases.caseFile(id);
    assertThat(file.previousCaseId()).isEqualTo(firstId);
    assertThat(file.firstIntakeAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(cases.caseFile(firstId).continuedByCaseId()).isEqualTo(id);
    // the first case is continued once only
    assertThatThrownBy(() -> cases.intake(stillThere, "na-county-cw")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("已由案件" + id + "接续");

    needs(pid, "WELL", null);
    search(pid, "PUBLIC_SECURITY", "NOT_YET");
    // three months after the first intake (2027-02-02), two months after this one: settlement, the search ends
    clockAt("2027-02-02T08:00");
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_Settlement").count()).isZero();
    clockAt("2027-02-02T23:30");
    f.runJobs(pid);
    assertThat(f.task(pid, "Task_Settlement")).isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_IdentitySearch").count())
        .isZero();
  }

  Map<String, Object> settlement(String name, String idNumber, boolean ableToWork, Object income) {
    Map<String, Object> v = new HashMap<>(vars("settlementPlan", "农安县民政局提出安置方案，经县政府批准在农安镇落户",
        "registeredName", name, "registeredIdNumber", idNumber, "hukouRegisteredOn", "2027-02-01",
        "settlementRegionCode", "220122100201", "address", "农安县农安镇宝塔村", "urbanRural", "RURAL",
        "careMode", "CENTRALISED", "ableToWork", ableToWork, "contactPhone", "043100000001", "bankName",
        "农安农商银行", "accountNumber", "6228480011112222", "authorisationSigned", true));
    v.put("monthlyIncome", income);
    return v;
  }

  @Test
  void unidentifiedAfterThreeMonthsIsSettledAndAnOldPersonIsAppliedForTekun() {
    String pid = unidentifiedForThreeMonths();
    long id = caseOf(pid);
    String newId = person(LocalDate.of(1955, 1, 1));
    // a bad ID number is refused and nothing changes
    Map<String, Object> bad = settlement("农安安", newId.substring(0, 17) + (newId.endsWith("0") ? "1" : "0"), false,
        null);
    assertThatThrownBy(() -> f.complete(pid, "Task_Settlement", "na-county-cw", bad))
        .hasMessageContaining("公民身份号码");
    assertThat(row(id).get("status")).isEqualTo("IN_STATION");
    tasks.setAssignee(f.task(pid, "Task_Settlement").getId(), null);

    f.complete(pid, "Task_Settlement", "na-county-cw", settlement("农安安", newId, false, null));
    assertThat(ended(pid)).isTrue();
    Map<String, Object> c = row(id);
    assertThat(c.get("status")).isEqualTo("SETTLED");
    assertThat(c.get("settlement_region")).isEqualTo("220122100201");
    assertThat(c.get("follow_up")).isEqualTo("TEKUN");
    assertThat(c.get("stay_filed_at")).isNotNull();
    Long tekunCase = jdbc.queryForObject("SELECT id FROM tekun_case WHERE id_number = ?", Long.class, newId);
    assertThat(c.get("follow_up_ref")).isEqualTo("tekun-case-" + tekunCase);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("tekun-recognition")
        .processInstanceBusinessKey(String.valueOf(tekunCase)).count()).isEqualTo(1);
    assertThat(records(id)).anySatisfy(r -> assertThat(r).startsWith("SETTLEMENT:").contains("农安安"))
        .anySatisfy(r -> assertThat(r).startsWith("FOLLOW_UP:").contains("特困人员认定"));
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("EndEvent_TekunApplied").count())
        .isEqualTo(1);
  }

  @Test
  void aSettledPersonOfWorkingAgeWithoutIncomeIsAppliedForDibao() {
    String pid = unidentifiedForThreeMonths();
    long id = caseOf(pid);
    String newId = person(LocalDate.of(1985, 5, 5));
    f.complete(pid, "Task_Settlement", "na-county-cw", settlement("农安平", newId, true, null));
    Map<String, Object> c = row(id);
    assertThat(c.get("follow_up")).isEqualTo("DIBAO");
    assertThat(c.get("follow_up_ref").toString()).startsWith("dibao-application-");
    String applicationId = c.get("follow_up_ref").toString().substring("dibao-application-".length());
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dibao-application")
        .processInstanceBusinessKey(applicationId).count()).isEqualTo(1);
    assertThat(records(id)).anySatisfy(r -> assertThat(r).startsWith("FOLLOW_UP:").contains("不符合特困人员条件")
        .contains("低保申请"));
  }

  @Test
  void aSettledPersonWithEnoughIncomeIsSettledOnly() {
    String pid = unidentifiedForThreeMonths();
    long id = caseOf(pid);
    String newId = person(LocalDate.of(1980, 8, 8));
    f.complete(pid, "Task_Settlement", "na-county-cw", settlement("农安富", newId, true, 3000.0));
    Map<String, Object> c = row(id);
    assertThat(c.get("status")).isEqualTo("SETTLED");
    assertThat(c.get("follow_up")).isEqualTo("NONE");
    assertThat(c.get("follow_up_ref")).isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tekun_case WHERE id_number = ?", Integer.class, newId))
        .isZero();
    assertThat(records(id)).anySatisfy(r -> assertThat(r).startsWith("FOLLOW_UP:").contains("仅落户安置"));
    assertThat(ended(pid)).isTrue();
  }

  @Test
  void theNeedsFormRefusesWithoutLodgingAndChangesNothing() {
    String pid = start(HealthState.GOOD);
    long id = caseOf(pid);
    assertThatThrownBy(() -> f.complete(pid, "Task_BasicNeeds", "na-county-cw", vars("lodgingProvided", false,
        "mealsProvided", true, "healthNeed", "WELL"))).hasMessageContaining("住宿");
    assertThat(records(id)).hasSize(1);
    assertThat(f.task(pid, "Task_BasicNeeds")).isNotNull();
  }

  @Test
  void anIntakeWithABadIdNumberOrUnknownStationStoresNothing() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM vagrant_case", Integer.class);
    VagrantIntake badId = new VagrantIntake(STATION, "李四", "220122195001010019", Sex.MALE, 70, "广场",
        BroughtBy.CITY_MANAGEMENT, HealthState.GOOD, null);
    assertThatThrownBy(() -> cases.intake(badId, "na-county-cw")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("校验位");
    VagrantIntake noStation = new VagrantIntake("JZ999999", null, null, Sex.UNKNOWN, 30, "广场", BroughtBy.SELF,
        HealthState.GOOD, null);
    assertThatThrownBy(() -> cases.intake(noStation, "na-county-cw")).hasMessageContaining("不存在");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vagrant_case", Integer.class)).isEqualTo(before);
  }

  @Test
  void aStationCaseworkerStartsAnIntakeInTasklistOthersAreRefused() {
    Map<String, Object> form = vars("stationCode", STATION, "sex", "FEMALE", "approximateAge", 45L, "foundPlace",
        "农安镇集贸市场", "broughtBy", "SELF", "healthState", "GOOD");
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM vagrant_case", Integer.class);
    identity.setAuthentication("ng-county-cw", List.of("county-caseworker-220102"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("vagrant-assistance", form))
        .hasMessageContaining("不是该救助管理站所在县");
    identity.setAuthentication("na-county-cw", List.of("county-caseworker-220122"));
    Map<String, Object> bad = new HashMap<>(form);
    bad.put("idNumber", "123");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("vagrant-assistance", bad))
        .hasMessageContaining("18位");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vagrant_case", Integer.class)).isEqualTo(before);
    String pid = runtime.startProcessInstanceByKey("vagrant-assistance", form).getId();
    identity.clearAuthentication();
    long id = caseOf(pid);
    assertThat(row(id).get("registered_by")).isEqualTo("na-county-cw");
    assertThat(row(id).get("sex")).isEqualTo("FEMALE");
    assertThat(runtime.getVariable(pid, "foundPlace")).as("the start form's data leave the variables").isNull();
    assertThat(f.task(pid, "Task_BasicNeeds")).isNotNull();
  }
}
