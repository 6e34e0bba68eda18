package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.platform.ProcessFixture.advanceDays;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.local;
import static org.doudi.platform.ProcessFixture.vars;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.calendar.Deadlines;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.TestApplications;
import org.doudi.payment.Payee;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardBasis;
import org.doudi.payroll.AwardGrant;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.Payroll;
import org.doudi.document.CaseDocumentUploads;
import org.doudi.document.MaterialType;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.ProcessFixture;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;
import org.doudi.temporary.internal.HolidaySubsidies;
import org.doudi.temporary.internal.TemporaryCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * 特困人员认定 (tekun-recognition) through each of its paths: accepted → confirmed and paid from the next month;
 * incomplete materials (一次性告知, supplied, lapsed); ineligible → the notice within 3 working days; an objection in
 * the 公示 → re-investigation → a new 初审 within 15 working days; the county's spot check drawn reproducibly;
 * confirmation delegated to the township; 民主评议 on and off; overdue limits recorded; a 低保 member leaving the
 * household's award in the same transaction (paid once); a retried confirmation. Each test has people of its own.
 */
@DoudiTest
@RecordApplicationEvents
class TekunRecognitionTest {

  static final String VILLAGE = "220122100201";
  static final String COUNTY = "220122";
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Autowired TekunRecognitions recognitions;
  @Autowired TekunSettings settings;
  @Autowired Awards awards;
  @Autowired BenefitRegister register;
  @Autowired Payroll payroll;
  @Autowired Payments payments;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired Deadlines deadlines;
  @Autowired ApplicationEvents events;
  @Autowired TemporaryCases holidays;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  @Autowired org.doudi.document.Documents documents;
  @LocalServerPort int port;

  ProcessFixture f;

  @BeforeEach
  void setUp() {
    f = new ProcessFixture(tasks, management);
    clockAt("2026-11-02T09:00"); // a Monday
  }

  @AfterEach
  void tearDown() {
    documents.setChecklistRequiresDocuments(false);
    settings.setAppraisal(COUNTY, false);
    settings.setDelegated(COUNTY, false);
    ClockUtil.reset();
  }

  /** A unique ID number with the birth date given (yyyyMMdd); sequence 01x with x in 1..5 (the check passes). */
  static String person(String birth) {
    int n = NEXT.incrementAndGet();
    String address = "22" + String.format("%04d", 6000 + (n * 7 + (int) (System.nanoTime() % 997)) % 3000);
    return TestApplications.id(address + birth + "01" + (1 + n % 5));
  }

  static TekunApplication application(String id, String name) {
    return new TekunApplication(name, id, VILLAGE, "RURAL", "APPLICATION", "SELF", null, null, null,
        List.of(new TekunApplication.Income(IncomeType.PENSION_BASIC, new BigDecimal("150.00"))), List.of(),
        TekunFacts.Supporter.NONE, TekunFacts.Schooling.NONE, TekunFacts.ChildStatus.NONE, false,
        CareMode.DISPERSED, "农安农商银行", "6228480099887766", true, "本人申请");
  }

  String start(TekunApplication a) {
    TekunRecognitions.StartedCase c = recognitions.apply(a, "nongan-cw");
    f.runJobs(c.processInstanceId());
    return c.processInstanceId();
  }

  static Map<String, Object> allMaterials() {
    return vars("materialApplication", true, "materialIdentity", true, "materialIncomeAssets", true,
        "materialAuthorisation", true, "materialSupporter", true, "materialGuardian", false);
  }

  /** The six items: the first {@code impossible} cannot be done. */
  static Map<String, Object> investigation(int impossible) {
    Map<String, Object> v = vars("supporter", "NONE", "schooling", "NONE", "childStatus", "NONE",
        "choosesChildSubsidy", false, "investigators", "王调查、李调查",
        "investigationNote", "入户调查：本人独居，无子女，邻里访问属实");
    List<String> keys = List.of("cannotEat", "cannotDress", "cannotTransfer", "cannotToilet", "cannotWalk",
        "cannotBathe");
    for (int i = 0; i < keys.size(); i++) {
      v.put(keys.get(i), i < impossible);
    }
    return v;
  }

  /** Applied, accepted and investigated, up to the 初审 (or the 民主评议). */
  String toPreliminary(String id, int impossible) {
    String pid = start(application(id, "赵老汉"));
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    f.complete(pid, "Task_TownshipInvestigation", "nongan-cw", investigation(impossible));
    return pid;
  }

  void preliminary(String pid) {
    f.complete(pid, "Task_PreliminaryReview", "nongan-approver", vars("preliminaryDecision", "APPROVE",
        "preliminaryOpinion", "调查属实，符合条件，同意公示"));
  }

  /** The 公示 runs out without objection (7 days). */
  void noticeEnds(String pid) {
    advanceDays(8);
    f.runJobs(pid);
  }

  void spotCheckIfDrawn(String pid) {
    if (Boolean.TRUE.equals(runtime.getVariable(pid, "spotChecked"))) {
      f.complete(pid, "Task_CountySpotCheck", "na-county-cw", vars("spotCheckResult", "CONSISTENT",
          "spotCheckFindings", "入户核实，与乡镇调查一致"));
    }
  }

  void confirm(String pid) {
    f.complete(pid, "Task_ConfirmRecognition", "na-county-approver", vars("decision", "APPROVE"));
  }

  Map<String, Object> caseRow(String pid) {
    return jdbc.queryForMap("SELECT * FROM tekun_case WHERE process_instance_id = ?", pid);
  }

  List<String> records(String pid) {
    return jdbc.queryForList("SELECT r.kind FROM tekun_case_record r JOIN tekun_case c ON c.id = r.case_id "
        + "WHERE c.process_instance_id = ? ORDER BY r.id", String.class, pid);
  }

  boolean ended(String pid) {
    return runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 0;
  }

  @Test
  void acceptedInvestigatedConfirmedAndPaidFromTheNextMonth() {
    String id = person("19450101");
    String pid = toPreliminary(id, 2);
    assertThat(runtime.getVariable(pid, "careLevelLabel")).isEqualTo(CareLevel.PARTIAL.label());
    assertThat(runtime.getVariable(pid, "eligible")).isEqualTo(true);
    Map<String, Object> assessed = caseRow(pid);
    assertThat(assessed.get("outcome")).isEqualTo("TEKUN");
    assertThat(assessed.get("care_level")).isEqualTo("PARTIAL");
    BigDecimal monthly = (BigDecimal) assessed.get("monthly_amount");
    assertThat(monthly).isEqualByComparingTo(((BigDecimal) assessed.get("basic_amount"))
        .add((BigDecimal) assessed.get("care_amount")));
    // 初审 due 15 working days after 受理
    assertThat(f.task(pid, "Task_PreliminaryReview").getDueDate())
        .isEqualTo(deadlines.workingDaysFrom(LocalDate.of(2026, 11, 2), 15));

    // four eyes: the investigation's recorder cannot do the 初审
    assertThatThrownBy(() -> f.complete(pid, "Task_PreliminaryReview", "nongan-cw",
        vars("preliminaryDecision", "APPROVE", "preliminaryOpinion", "同意")))
        .hasMessageContaining("另一人");
    tasks.setAssignee(f.task(pid, "Task_PreliminaryReview").getId(), null);
    preliminary(pid);
    assertThat(f.task(pid, "Task_PublicNotice")).isNotNull();
    noticeEnds(pid);
    spotCheckIfDrawn(pid);
    // the confirmation is due 15 working days after the file reached the county
    assertThat(local(f.task(pid, "Task_ConfirmRecognition").getDueDate()).toLocalDate())
        .isEqualTo(local(deadlines.workingDaysFrom(LocalDate.of(2026, 11, 10), 15)).toLocalDate());
    // four eyes: the registrant cannot confirm
    assertThatThrownBy(() -> f.complete(pid, "Task_ConfirmRecognition", "nongan-cw", vars("decision", "APPROVE")))
        .hasMessageContaining("四眼原则");
    tasks.setAssignee(f.task(pid, "Task_ConfirmRecognition").getId(), null);
    confirm(pid);

    assertThat(ended(pid)).isTrue();
    Map<String, Object> confirmed = caseRow(pid);
    assertThat(confirmed.get("status")).isEqualTo("CONFIRMED");
    Map<String, Object> record = jdbc.queryForMap("SELECT * FROM tekun_person WHERE id_number = ?", id);
    assertThat(record.get("status")).isEqualTo("SUPPORTED");
    assertThat(record.get("support_from")).isEqualTo("2026-12");
    assertThat(record.get("care_level")).isEqualTo("PARTIAL");
    assertThat((BigDecimal) record.get("basic_amount")).isEqualByComparingTo((BigDecimal) assessed.get("basic_amount"));
    AwardRow award = awards.latest("P-" + id, Scheme.TEKUN).orElseThrow();
    assertThat(award.monthlyAmount()).isEqualByComparingTo(monthly);
    assertThat(award.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(award.decidedBy()).isEqualTo("na-county-approver");
    assertThat(award.memberCount()).isEqualTo(1);
    assertThat(register.find(id).orElseThrow().scheme()).isEqualTo("TEKUN");
    assertThat(register.find(id).orElseThrow().holderKey()).isEqualTo("P-" + id);
    assertThat(events.stream(TekunRecognised.class).filter(e -> e.idNumber().equals(id)).toList())
        .singleElement().satisfies(e -> {
          assertThat(e.supportFrom()).isEqualTo(YearMonth.of(2026, 12));
          assertThat(e.careMode()).isEqualTo(CareMode.DISPERSED);
        });
    assertThat(records(pid)).containsSubsequence("ACCEPTED", "INVESTIGATION", "INFORMATION_CHECK", "ASSESSMENT",
        "PRELIMINARY", "PUBLIC_NOTICE", "FILE_RECEIVED", "CONFIRMATION", "RECOGNISED");

    // retried or clicked twice: the same record, one award row
    long caseId = ((Number) confirmed.get("id")).longValue();
    TekunPerson again = recognitions.confirm(caseId, LocalDate.of(2026, 11, 10), "na-county-approver");
    assertThat(again.id()).isEqualTo(((Number) record.get("id")).longValue());
    assertThat(awards.history("P-" + id, Scheme.TEKUN)).hasSize(1);

    // the county's December roster pays the person once
    payroll.computeRoster(COUNTY, YearMonth.of(2026, 12), "test");
    assertThat(payments.byKey(Payroll.rosterKey("TEKUN", "P-" + id, YearMonth.of(2026, 12))).orElseThrow()
        .amount()).isEqualByComparingTo(monthly);

    // a second application of a supported person is refused
    assertThatThrownBy(() -> recognitions.apply(application(id, "赵老汉"), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("已是特困人员");
  }

  @Test
  void incompleteMaterialsAreToldOnceThenSuppliedOrTheApplicationLapses() {
    String pid = start(application(person("19440202"), "钱老汉"));
    Map<String, Object> some = allMaterials();
    some.put("materialAuthorisation", false);
    some.put("materialSupporter", false);
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", some);
    assertThat(f.task(pid, "Task_AwaitMaterials")).isNotNull();
    String notice = jdbc.queryForObject("SELECT r.content FROM tekun_case_record r JOIN tekun_case c ON c.id = "
        + "r.case_id WHERE c.process_instance_id = ? AND r.kind = 'MISSING_MATERIALS'", String.class, pid);
    assertThat(notice).contains("家庭经济状况核对授权书").contains("法定赡养、抚养、扶养义务人情况说明")
        .doesNotContain("监护关系证明");
    assertThat(caseRow(pid).get("status")).isEqualTo("AWAITING");
    f.complete(pid, "Task_AwaitMaterials", "nongan-cw", vars("materialsOutcome", "SUPPLIED"));
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    assertThat(f.task(pid, "Task_TownshipInvestigation")).isNotNull();
    assertThat(caseRow(pid).get("status")).isEqualTo("ACCEPTED");

    String lapsing = start(application(person("19440303"), "孙老汉"));
    f.complete(lapsing, "Task_AcceptApplication", "nongan-cw", vars("materialApplication", true));
    advanceDays(31);
    f.runJobs(lapsing);
    assertThat(ended(lapsing)).isTrue();
    assertThat(caseRow(lapsing).get("status")).isEqualTo("LAPSED");
    assertThat(caseRow(lapsing).get("open_slot")).isNull();
  }

  /** The body of a Tasklist form submit ({@code submit-form}) with these checkbox values. */
  static String submitForm(Map<String, Object> ticks) {
    java.util.StringJoiner j = new java.util.StringJoiner(",", "{\"variables\":{", "}}");
    ticks.forEach((k, v) -> j.add("\"" + k + "\":{\"value\":" + v + "}"));
    return j.toString();
  }

  /**
   * With {@code doudi.documents.checklist-requires-documents} on, a tick of the 受理 checklist needs a scanned file of
   * its kind on the case: a Tasklist submit (engine REST) without them answers 400 in Chinese naming each unbacked
   * item (本人收入和财产状况说明 needs both a 收入 and a 财产 file), the task stays open and nothing is recorded; with the
   * files uploaded the same submit is accepted.
   */
  @Test
  void aTickedMaterialNeedsAScanOfItsKindOnTheCase() throws Exception {
    String pid = start(application(person("19440404"), "周老汉"));
    String task = f.task(pid, "Task_AcceptApplication").getId();
    Http http = new Http(port);
    CaseDocumentUploads scans = new CaseDocumentUploads(port);
    assertThat(http.send("nongan-cw", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"nongan-cw\"}")
        .status()).isEqualTo(204);
    documents.setChecklistRequiresDocuments(true);
    assertThat(scans.upload("nongan-cw", pid, MaterialType.IDENTITY)).isEqualTo(201);
    assertThat(scans.upload("nongan-cw", pid, MaterialType.INCOME)).isEqualTo(201);
    Object statusBefore = caseRow(pid).get("status");
    List<String> recordsBefore = records(pid);

    Http.Response refused = http.send("nongan-cw", "POST", "/engine-rest/task/" + task + "/submit-form",
        submitForm(allMaterials()));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains("已勾选“申请书（本人或监护人签字）”，但本案还没有这类材料的扫描件：救助申请书")
        .contains("已勾选“本人收入和财产状况说明”，但本案还没有这类材料的扫描件：家庭财产情况证明；")
        .contains("已勾选“家庭经济状况核对授权书（已签字）”，但本案还没有这类材料的扫描件：家庭经济状况核对授权书")
        .contains("已勾选“法定赡养、抚养、扶养义务人情况说明”，但本案还没有这类材料的扫描件：法定赡养、抚养、扶养义务人情况说明")
        .contains("请先在“申请材料”标签页上传")
        .doesNotContain("“身份证、户口簿”").doesNotContain("监护关系证明");
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertThat(runtime.getVariable(pid, "materialsComplete")).isNull();
    assertThat(caseRow(pid).get("status")).isEqualTo(statusBefore);
    assertThat(records(pid)).isEqualTo(recordsBefore);

    // the missing kinds uploaded (the unticked guardian's proof needs none), the same submit is accepted
    for (MaterialType t : List.of(MaterialType.APPLICATION, MaterialType.ASSETS, MaterialType.AUTHORISATION,
        MaterialType.SUPPORTER_STATEMENT)) {
      assertThat(scans.upload("nongan-cw", pid, t)).isEqualTo(201);
    }
    Http.Response accepted = http.send("nongan-cw", "POST", "/engine-rest/task/" + task + "/submit-form",
        submitForm(allMaterials()));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
    f.runJobs(pid);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
    assertThat(f.task(pid, "Task_TownshipInvestigation")).isNotNull();
    assertThat(caseRow(pid).get("status")).isEqualTo("ACCEPTED");
  }

  @Test
  void anIneligiblePersonGetsTheRejectionNoticeWithinThreeWorkingDays() {
    String id = person("19850315"); // 41, no disability: able to work
    String pid = toPreliminary(id, 0);
    assertThat(runtime.getVariable(pid, "eligible")).isEqualTo(false);
    assertThat(caseRow(pid).get("outcome")).isEqualTo("INELIGIBLE");
    assertThat(f.task(pid, "Task_DeliverRejectionNotice").getDueDate())
        .isEqualTo(deadlines.workingDaysFrom(LocalDate.of(2026, 11, 2), 3));
    String notice = jdbc.queryForObject("SELECT r.content FROM tekun_case_record r JOIN tekun_case c ON c.id = "
        + "r.case_id WHERE c.process_instance_id = ? AND r.kind = 'REJECTION_NOTICE'", String.class, pid);
    assertThat(notice).contains("不符合特困人员认定条件");
    assertThat(org.doudi.notice.NoticeTexts.of(documents, pid, org.doudi.notice.NoticeKind.TEKUN_REFUSED))
        .singleElement().satisfies(n -> assertThat(n.text()).startsWith("不予认定特困人员通知书")
            .contains("决定：不予认定为特困人员", "60日内向农安县人民政府申请行政复议", "6个月内依法向人民法院提起行政诉讼")
            .doesNotContain("不予批准"));
    assertThatThrownBy(() -> f.complete(pid, "Task_DeliverRejectionNotice", "nongan-cw",
        vars("deliveredOn", "2026-11-30", "deliveryMethod", "IN_PERSON"))).hasMessageContaining("不能晚于今天");
    tasks.setAssignee(f.task(pid, "Task_DeliverRejectionNotice").getId(), null);
    f.complete(pid, "Task_DeliverRejectionNotice", "nongan-cw", vars("deliveredOn", "2026-11-02",
        "deliveryMethod", "IN_PERSON"));
    assertThat(ended(pid)).isTrue();
    assertThat(caseRow(pid).get("status")).isEqualTo("REJECTED");
    assertThat(awards.latest("P-" + id, Scheme.TEKUN)).isEmpty();
    assertThat(register.find(id)).isEmpty();
  }

  @Test
  void anObjectionInThePublicNoticeLeadsToReinvestigationAndANewPreliminaryWithinFifteenWorkingDays() {
    String pid = toPreliminary(person("19400505"), 4);
    preliminary(pid);
    advanceDays(2); // Wednesday 2026-11-04
    f.complete(pid, "Task_PublicNotice", "nongan-cw", vars("objectorName", "村民甲",
        "objectionContent", "申请人有子女在外地工作，有赡养能力"));
    assertThat(f.task(pid, "Task_Reinvestigate")).isNotNull();
    advanceDays(1); // Thursday 2026-11-05
    Map<String, Object> again = investigation(4);
    again.put("supporter", "UNABLE");
    again.put("investigationNote", "重新调查：子女重病住院，无履行赡养义务能力");
    f.complete(pid, "Task_Reinvestigate", "nongan-cw", again);
    // the new 初审 counts 15 working days from the re-investigation, not from 受理
    assertThat(f.task(pid, "Task_PreliminaryReview").getDueDate())
        .isEqualTo(deadlines.workingDaysFrom(LocalDate.of(2026, 11, 5), 15));
    assertThat(records(pid)).containsSubsequence("PUBLIC_NOTICE", "OBJECTION", "REINVESTIGATION",
        "INFORMATION_CHECK", "ASSESSMENT");
    assertThat(caseRow(pid).get("care_level")).isEqualTo("FULL");
  }

  @Test
  void theCountyDrawsAtLeastThirtyPercentReproduciblyAndASampledCaseIsCheckedBeforeConfirmation() {
    // a year of its own: the draws of 2029 start at 1 here
    clockAt("2029-03-05T09:00");
    List<Boolean> drawn = new ArrayList<>();
    List<String> pids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String pid = toPreliminary(person("19400" + (601 + i)), 1);
      preliminary(pid);
      noticeEnds(pid);
      clockAt("2029-03-05T09:00");
      drawn.add((Boolean) runtime.getVariable(pid, "spotChecked"));
      pids.add(pid);
    }
    // k = 1 and 4 at 30 %: ceil(k × 0.3) > ceil((k − 1) × 0.3)
    assertThat(drawn).containsExactly(true, false, false, true);
    List<Map<String, Object>> stored = jdbc.queryForList("SELECT seq, sampled, rate_percent FROM tekun_spot_check "
        + "WHERE county_code = ? AND draw_year = 2029 ORDER BY seq", COUNTY);
    assertThat(stored).extracting(m -> m.get("sampled")).containsExactly(true, false, false, true);
    assertThat(stored).extracting(m -> ((Number) m.get("rate_percent")).intValue()).containsOnly(30);
    // the sampled case has the county's 抽查 before the confirmation; the others go straight to it
    assertThat(f.task(pids.get(0), "Task_CountySpotCheck")).isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceId(pids.get(0)).taskDefinitionKey("Task_ConfirmRecognition")
        .count()).isZero();
    assertThat(f.task(pids.get(1), "Task_ConfirmRecognition")).isNotNull();
    f.complete(pids.get(0), "Task_CountySpotCheck", "na-county-cw", vars("spotCheckResult", "CONSISTENT",
        "spotCheckFindings", "入户核实，与乡镇调查一致"));
    assertThat(records(pids.get(0))).containsSubsequence("FILE_RECEIVED", "SPOT_CHECK");
    confirm(pids.get(0));
    assertThat(caseRow(pids.get(0)).get("status")).isEqualTo("CONFIRMED");
  }

  @Test
  void aDelegatedCountyLetsTheTownshipConfirmWithoutTheCountySpotCheck() {
    settings.setDelegated(COUNTY, true);
    String pid = toPreliminary(person("19410707"), 0);
    preliminary(pid);
    noticeEnds(pid);
    assertThat(runtime.getVariable(pid, "authority")).isEqualTo("TOWNSHIP");
    assertThat(runtime.getVariable(pid, "spotChecked")).isEqualTo(false);
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ConfirmRecognition")
        .taskCandidateGroup(org.doudi.identity.Role.TOWNSHIP_APPROVER.groupId("220122100")).count()).isEqualTo(1);
    // the 初审's approver cannot confirm too
    assertThatThrownBy(() -> f.complete(pid, "Task_ConfirmRecognition", "nongan-approver",
        vars("decision", "APPROVE"))).hasMessageContaining("四眼原则");
    tasks.setAssignee(f.task(pid, "Task_ConfirmRecognition").getId(), null);
    f.complete(pid, "Task_ConfirmRecognition", "nongan-approver-2", vars("decision", "APPROVE"));
    assertThat(caseRow(pid).get("authority")).isEqualTo("TOWNSHIP");
    assertThat(caseRow(pid).get("status")).isEqualTo("CONFIRMED");
  }

  @Test
  void democraticAppraisalOnlyWhereTheCountyHoldsIt() {
    String without = toPreliminary(person("19420808"), 0);
    assertThat(f.task(without, "Task_PreliminaryReview")).isNotNull();

    settings.setAppraisal(COUNTY, true);
    String with = toPreliminary(person("19420909"), 0);
    assertThat(tasks.createTaskQuery().processInstanceId(with).taskDefinitionKey("Task_PreliminaryReview").count())
        .isZero();
    f.complete(with, "Task_DemocraticAppraisal", "nongan-cw", vars("appraisalResult", "AGREE",
        "appraisalNote", "村民代表15人参加，14人同意"));
    assertThat(f.task(with, "Task_PreliminaryReview")).isNotNull();
    assertThat(records(with)).contains("APPRAISAL");
  }

  @Test
  void overdueLimitsAreRecordedAndTheTasksStayOpen() {
    String pid = toPreliminary(person("19431010"), 0);
    advanceDays(30);
    f.runJobs(pid);
    assertThat(records(pid)).contains("OVERDUE_PRELIMINARY");
    assertThat(f.task(pid, "Task_PreliminaryReview")).isNotNull();
    preliminary(pid);
    noticeEnds(pid);
    spotCheckIfDrawn(pid);
    advanceDays(30);
    f.runJobs(pid);
    assertThat(records(pid)).contains("OVERDUE_CONFIRMATION");
    assertThat(f.task(pid, "Task_ConfirmRecognition")).isNotNull();
  }

  /** A 低保 household of three (basis: HOUSEHOLD, standard 600, net income 300), the second member to be 特困. */
  String dibaoHousehold(List<Person> members, BigDecimal net, BigDecimal amount) {
    String key = "HH-TK" + NEXT.incrementAndGet() + System.nanoTime() % 100000;
    List<AwardBasis.Member> basis = members.stream().map(p -> new AwardBasis.Member(p.idNumber(), p.name(),
        LocalDate.of(1950, 1, 1), false, null, null, "NONE", 0, null)).toList();
    awards.grant(new AwardGrant(key, Scheme.DIBAO, "case-" + key, COUNTY, VILLAGE, "RURAL", members.size(),
        new Payee(key, members.get(0).name(), members.get(0).idNumber(), "农安农商银行", "6228480011112222"), amount,
        LocalDate.of(2026, 9, 15), "低保（测试）", members, new AwardBasis(AwardBasis.Outcome.HOUSEHOLD,
        members.size(), net, net.divide(BigDecimal.valueOf(members.size()), 2, java.math.RoundingMode.HALF_UP),
        new BigDecimal("600.00"), amount, "test", basis)), "test");
    return key;
  }

  String recognise(String id, String name) {
    String pid = start(application(id, name));
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    f.complete(pid, "Task_TownshipInvestigation", "nongan-cw", investigation(5));
    preliminary(pid);
    noticeEnds(pid);
    spotCheckIfDrawn(pid);
    confirm(pid);
    assertThat(caseRow(pid).get("status")).isEqualTo("CONFIRMED");
    return pid;
  }

  @Test
  void aDibaoMemberRecognisedLeavesTheHouseholdsAwardInTheSameTransactionAndIsPaidOnce() {
    Person head = new Person(person("19700101"), "周大");
    Person elder = new Person(person("19380101"), "周老太");
    Person child = new Person(person("20100101"), "周小");
    String household = dibaoHousehold(List.of(head, elder, child), new BigDecimal("300.00"), new BigDecimal("1500.00"));
    assertThat(register.find(elder.idNumber()).orElseThrow().holderKey()).isEqualTo(household);

    // the application is allowed (a 低保 member); the person is still held by the household until confirmation
    String pid = recognise(elder.idNumber(), elder.name());

    // the household's award from December: two persons, 2 × 600 − 300 (the elder's basic pension is not income)
    AwardRow hh = awards.latest(household, Scheme.DIBAO).orElseThrow();
    assertThat(hh.changeKind()).isEqualTo(AwardRow.ChangeKind.DECREASE);
    assertThat(hh.monthlyAmount()).isEqualByComparingTo("900.00");
    assertThat(hh.memberCount()).isEqualTo(2);
    assertThat(hh.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(hh.caseRef()).isEqualTo("TK-" + caseRow(pid).get("id"));
    assertThat(awards.basis(household, Scheme.DIBAO).orElseThrow().members())
        .extracting(AwardBasis.Member::idNumber).containsExactlyInAnyOrder(head.idNumber(), child.idNumber());
    assertThat(register.find(elder.idNumber()).orElseThrow().scheme()).isEqualTo("TEKUN");
    assertThat(register.find(head.idNumber()).orElseThrow().holderKey()).isEqualTo(household);
    assertThat(records(pid)).contains("DIBAO_HOUSEHOLD");

    // the December roster: the household for two, the elder by their own award; every per-person subsidy counts
    // three persons, not four
    YearMonth december = YearMonth.of(2026, 12);
    payroll.computeRoster(COUNTY, december, "test");
    assertThat(payments.byKey(Payroll.rosterKey("DIBAO", household, december)).orElseThrow().amount())
        .isEqualByComparingTo("900.00");
    BigDecimal tekun = (BigDecimal) caseRow(pid).get("monthly_amount");
    assertThat(payments.byKey(Payroll.rosterKey("TEKUN", "P-" + elder.idNumber(), december)).orElseThrow().amount())
        .isEqualByComparingTo(tekun);
    int[] persons = {0};
    awards.forEachActive(december, java.util.Set.of(Scheme.DIBAO, Scheme.TEKUN),
        Awards.Places.regions(List.of(VILLAGE)), 500, rows -> rows.stream()
            .filter(r -> r.beneficiaryKey().equals(household) || r.beneficiaryKey().equals("P-" + elder.idNumber()))
            .forEach(r -> persons[0] += r.memberCount()));
    assertThat(persons[0]).isEqualTo(3);

    // a per-person heating subsidy batch for the village in December: the household for two, the elder once, as 特困
    clockAt("2026-12-10T09:00");
    String batch = holidays.startHolidayBatch(new TemporaryCases.HolidayBatch("HEATING_SUBSIDY", 2031, VILLAGE,
        new BigDecimal("100"), "PERSON"), "na-county-approver");
    f.runJobs(batch);
    f.complete(batch, "Task_ConfirmBatch", "supervisor", vars("batchDecision", "CONFIRM"));
    assertThat(payments.byKey(HolidaySubsidies.paymentKey("HEATING_SUBSIDY", 2031, household)).orElseThrow()
        .amount()).isEqualByComparingTo("200.00");
    assertThat(payments.byKey(HolidaySubsidies.paymentKey("HEATING_SUBSIDY", 2031, "P-" + elder.idNumber()))
        .orElseThrow().amount()).isEqualByComparingTo("100.00");
  }

  @Test
  void theOnlyMemberOfADibaoHouseholdEndsItsAwardWithoutARiskAssessment() {
    Person alone = new Person(person("19360101"), "吴老汉");
    String household = dibaoHousehold(List.of(alone), new BigDecimal("0.00"), new BigDecimal("600.00"));
    recognise(alone.idNumber(), alone.name());
    AwardRow hh = awards.latest(household, Scheme.DIBAO).orElseThrow();
    assertThat(hh.changeKind()).isEqualTo(AwardRow.ChangeKind.STOP);
    assertThat(hh.effectiveFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(awards.current(household, Scheme.DIBAO, YearMonth.of(2026, 12)).orElseThrow().active()).isFalse();
    assertThat(awards.latest("P-" + alone.idNumber(), Scheme.TEKUN).orElseThrow().active()).isTrue();
    assertThat(register.find(alone.idNumber()).orElseThrow().scheme()).isEqualTo("TEKUN");
  }

  @Test
  void badApplicationsAreRefusedInChineseAndStoreNothing() {
    String id = person("19450101");
    TekunApplication a = application(id, "郑老汉");
    TekunApplication guardianWithoutName = new TekunApplication(a.fullName(), a.idNumber(), a.regionCode(),
        a.urbanRural(), "APPLICATION", "GUARDIAN", null, null, null, a.incomes(), a.assets(), a.supporter(),
        a.schooling(), a.childStatus(), false, a.careMode(), a.bankName(), a.accountNumber(), true, null);
    assertThatThrownBy(() -> recognitions.apply(guardianWithoutName, "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("监护人姓名");
    TekunApplication county = new TekunApplication(a.fullName(), a.idNumber(), "220122000", a.urbanRural(),
        null, "SELF", null, null, null, a.incomes(), a.assets(), a.supporter(), a.schooling(), a.childStatus(),
        false, a.careMode(), a.bankName(), a.accountNumber(), true, null);
    assertThatThrownBy(() -> recognitions.apply(county, "nongan-cw")).isInstanceOf(InvalidApplicationException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tekun_case WHERE id_number = ?", Integer.class, id))
        .isZero();
    // one open case per person
    start(a);
    assertThatThrownBy(() -> recognitions.apply(a, "nongan-cw")).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("办理中");
  }

  @Test
  void discoveryStartsWithTheTownshipHelpingThePersonApply() {
    TekunApplication a = application(person("19390101"), "冯老汉");
    TekunApplication found = new TekunApplication(a.fullName(), a.idNumber(), a.regionCode(), a.urbanRural(),
        "DISCOVERY", "TOWNSHIP", null, null, null, a.incomes(), a.assets(), a.supporter(), a.schooling(),
        a.childStatus(), false, a.careMode(), a.bankName(), a.accountNumber(), true, "困难群众主动发现报告");
    String pid = start(found);
    assertThat(f.task(pid, "Task_AssistApplication").getName()).isEqualTo("协助申请（主动发现）");
    f.complete(pid, "Task_AssistApplication", "nongan-cw", vars("assistOutcome", "DECLINE",
        "assistNote", "本人表示由侄子照顾，暂不申请"));
    assertThat(ended(pid)).isTrue();
    assertThat(caseRow(pid).get("status")).isEqualTo("DECLINED");
  }

  @Test
  void aCaseworkerStartsADiscoveryInTasklistWithTheStartFormAndABadOneStoresNothing() {
    String id = person("19380808");
    Map<String, Object> form = vars("fullName", "褚老汉", "idNumber", id, "township", "220122100", "regionCode", VILLAGE,
        "urbanRural", "RURAL",
        "supporter", "NONE", "careMode", "CENTRALISED", "bankName", "农安农商银行", "accountNumber", "6228480099887700",
        "authorisationSigned", true, "discoveryNote", "困难群众主动发现报告核实：独居老人，无子女");
    // another township of the county: may start the process, not for this person
    identity.setAuthentication("fulongquan-cw", List.of("township-caseworker-220122101"));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("tekun-recognition", form))
          .hasMessageContaining("不负责行政区划");
      Map<String, Object> bad = new java.util.HashMap<>(form);
      bad.put("accountNumber", "12");
      identity.setAuthentication("nongan-cw", List.of("township-caseworker-220122100"));
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("tekun-recognition", bad))
          .hasMessageContaining("银行账号");
      Map<String, Object> elsewhere = new java.util.HashMap<>(form);
      elsewhere.put("township", "220122101");
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("tekun-recognition", elsewhere))
          .hasMessageContaining("所选村（社区）不属于所选乡镇（街道）");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tekun_case WHERE id_number = ?", Integer.class, id))
          .isZero();
      String pid = runtime.startProcessInstanceByKey("tekun-recognition", form).getId();
      identity.clearAuthentication(); // what follows reads as the test, not as the caseworker
      f.runJobs(pid);
      assertThat(f.task(pid, "Task_AssistApplication")).isNotNull();
      Map<String, Object> stored = caseRow(pid);
      assertThat(stored.get("source")).isEqualTo("DISCOVERY");
      assertThat(stored.get("registered_by")).isEqualTo("nongan-cw");
      assertThat(stored.get("care_mode")).isEqualTo("CENTRALISED");
      assertThat(runtime.getVariable(pid, "registeredBy")).isEqualTo("nongan-cw");
      assertThat(runtime.getVariable(pid, "idNumber")).as("the raw ID number leaves the variables").isNull();
      assertThat(runtime.getVariable(pid, "township")).isNull();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
          .isEqualTo(String.valueOf(stored.get("id")));
    } finally {
      identity.clearAuthentication();
    }
  }
}
