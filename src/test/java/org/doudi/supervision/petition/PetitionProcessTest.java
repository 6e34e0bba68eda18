package org.doudi.supervision.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.platform.ProcessFixture.advanceDays;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.local;
import static org.doudi.platform.ProcessFixture.vars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.TestApplications;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.ProcessFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 信访 and 监督举报 through {@code petition}, one test per path: accepted and concluded in time, not accepted, a
 * jurisdiction objection inside and after its 5 working days, the one extension (four eyes) and the refused second,
 * 复查 → 复核 (with a hearing not counted) → closed, a second 复核 refused, requests after 30 days refused, overdue
 * limits as open calendar-day deadlines, the hardship referral, a complaint about a case, the Tasklist start form.
 */
@DoudiTest
class PetitionProcessTest {

  static final String VILLAGE = "220122100201"; // 农安县农安镇宝塔村

  @Autowired Petitions petitions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
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

  static PetitionRegistration registration(String kind, List<ConcernedCase> cases, Long previous) {
    return new PetitionRegistration(kind, "VISIT", "李四", TestApplications.ZHANG_SAN, "13800000000",
        "低保申请被拒，认为家庭收入核算有误，请求重新审核。", VILLAGE, cases, previous);
  }

  Petitions.Registered register() {
    Petitions.Registered r = petitions.register(registration("PETITION", List.of(), null), "nongan-cw");
    f.runJobs(r.processInstanceId());
    return r;
  }

  void route(String pid) {
    f.complete(pid, "Task_RoutePetition", "na-county-cw", vars("routeTo", "TOWNSHIP_CASEWORKER",
        "routingNote", "转农安镇办理"));
  }

  void accept(String pid) {
    f.complete(pid, "Task_DecideAcceptance", "nongan-cw", vars("acceptance", "ACCEPT"));
  }

  void conclude(String pid) {
    f.complete(pid, "Task_HandlePetition", "nongan-cw", vars("handlingOutcome", "CONCLUDE",
        "conclusion", "经重新核算，家庭人均收入高于当地低保标准，维持原决定。"));
  }

  /** Registered, routed, accepted and concluded: waiting for a 复查 request. */
  Petitions.Registered replied() {
    Petitions.Registered r = register();
    route(r.processInstanceId());
    accept(r.processInstanceId());
    conclude(r.processInstanceId());
    return r;
  }

  String status(long id) {
    return jdbc.queryForObject("SELECT status FROM petition WHERE id = ?", String.class, id);
  }

  List<String> events(long id) {
    return jdbc.queryForList("SELECT kind FROM petition_event WHERE petition_id = ? ORDER BY id", String.class, id);
  }

  boolean ended(String pid) {
    return runtime.createProcessInstanceQuery().processInstanceId(pid).count() == 0;
  }

  boolean passed(String pid, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId(activityId).count() > 0;
  }

  LocalDateTime due(String pid, String taskKey) {
    return local(f.task(pid, taskKey).getDueDate());
  }

  static PetitionRequest req(String reason) {
    return new PetitionRequest(reason);
  }

  @Test
  void anAcceptedPetitionIsConcludedInTimeAndClosedWhenNoReexaminationIsAsked() {
    Petitions.Registered r = register();
    String pid = r.processInstanceId();
    // 15 calendar days from receipt, 60 from acceptance, each the end of its day (17:00)
    assertThat(due(pid, "Task_RoutePetition")).isEqualTo(LocalDateTime.parse("2026-11-17T17:00"));
    assertThat(f.task(pid, "Task_RoutePetition").getName()).isEqualTo("登记转送");
    advanceDays(2);
    route(pid);
    assertThat(due(pid, "Task_DecideAcceptance")).isEqualTo(LocalDateTime.parse("2026-11-19T17:00"));
    advanceDays(3);
    accept(pid);
    assertThat(due(pid, "Task_HandlePetition")).isEqualTo(LocalDateTime.parse("2027-01-06T17:00"));
    assertThat(status(r.petitionId())).isEqualTo("ACCEPTED");
    advanceDays(20);
    conclude(pid);

    Petitions.PetitionFile file = petitions.file(r.petitionId());
    assertThat(file.status()).isEqualTo("REPLIED");
    assertThat(file.repliedOn()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(file.reexaminationRequestBy()).isEqualTo(LocalDate.of(2026, 12, 27));
    assertThat(file.events()).extracting(Petitions.Event::kind)
        .containsExactly("REGISTERED", "ROUTED", "ACCEPTED", "REPLY");
    // every limit of the steps done is recorded as a calendar-day deadline, closed with its task
    assertThat(jdbc.queryForList("SELECT activity_id FROM cal_deadline WHERE process_instance_id = ? "
        + "AND day_basis = 'CALENDAR' AND status = 'CLOSED' ORDER BY id", String.class, pid))
        .containsExactly("Task_RoutePetition", "Task_DecideAcceptance", "Task_HandlePetition");

    advanceDays(31);
    f.runJobs(pid);
    assertThat(ended(pid)).isTrue();
    assertThat(passed(pid, "EndEvent_ClosedAfterReply")).isTrue();
    assertThat(status(r.petitionId())).isEqualTo("CLOSED");
  }

  @Test
  void aPetitionNotAcceptedIsToldTheReasonInWritingAndCannotAskForReexamination() {
    Petitions.Registered r = register();
    String pid = r.processInstanceId();
    route(pid);
    assertThatThrownBy(() -> f.complete(pid, "Task_DecideAcceptance", "nongan-cw", vars("acceptance", "NOT_ACCEPT")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不予受理须写明理由");
    f.complete(pid, "Task_DecideAcceptance", "nongan-cw", vars("acceptance", "NOT_ACCEPT",
        "acceptanceReason", "该事项已经人民法院判决，依法不属于信访受理范围"));
    assertThat(passed(pid, "EndEvent_NotAccepted")).isTrue();
    assertThat(status(r.petitionId())).isEqualTo("NOT_ACCEPTED");
    assertThat(events(r.petitionId())).contains("NOT_ACCEPTED", "NOT_ACCEPTED_NOTICE");
    assertThatThrownBy(() -> petitions.requestReexamination(r.petitionId(), req("不服"), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("不予受理");
  }

  @Test
  void aJurisdictionObjectionGoesBackToRoutingWithinFiveWorkingDaysAndIsRefusedAfter() {
    Petitions.Registered r = register();
    String pid = r.processInstanceId();
    route(pid);
    f.complete(pid, "Task_DecideAcceptance", "nongan-cw", vars("acceptance", "OBJECT_JURISDICTION",
        "acceptanceReason", "涉及县级认定的特困供养事项，不属于乡镇管辖"));
    assertThat(f.task(pid, "Task_RoutePetition")).isNotNull();
    route(pid); // routed again (Monday 2026-11-02): 5 working days end on Monday 2026-11-09
    advanceDays(8);
    f.runJobs(pid);
    assertThat(passed(pid, "EndEvent_ObjectionWindowClosed")).isTrue();
    assertThatThrownBy(() -> f.complete(pid, "Task_DecideAcceptance", "nongan-cw", vars("acceptance",
        "OBJECT_JURISDICTION", "acceptanceReason", "涉及县级认定的特困供养事项")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("5个工作日");
    accept(pid);
    assertThat(f.task(pid, "Task_HandlePetition")).isNotNull();
  }

  @Test
  void oneExtensionIsApprovedByAnotherPersonAndToldWithItsReasonASecondIsRefused() {
    Petitions.Registered r = register();
    String pid = r.processInstanceId();
    route(pid);
    accept(pid); // accepted 2026-11-02: 60 days end 2027-01-01
    f.complete(pid, "Task_HandlePetition", "nongan-cw", vars("handlingOutcome", "EXTEND", "extensionDays", 20L,
        "extensionReason", "需要调取银行流水和医保记录核实"));
    assertThatThrownBy(() -> f.complete(pid, "Task_ApproveExtension", "nongan-cw", vars("extensionDecision",
        "APPROVE"))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("四眼原则");
    tasks.setAssignee(f.task(pid, "Task_ApproveExtension").getId(), null);
    f.complete(pid, "Task_ApproveExtension", "na-county-approver", vars("extensionDecision", "APPROVE"));
    assertThat(due(pid, "Task_HandlePetition")).isEqualTo(LocalDateTime.parse("2027-01-21T17:00"));
    Petitions.PetitionFile file = petitions.file(r.petitionId());
    assertThat(file.extensionDays()).isEqualTo(20);
    assertThat(file.concludeBy()).isEqualTo(LocalDate.of(2027, 1, 21));
    assertThat(file.events()).extracting(Petitions.Event::content).anyMatch(c -> c.contains("延期理由")
        && c.contains("需要调取银行流水"));

    assertThatThrownBy(() -> f.complete(pid, "Task_HandlePetition", "nongan-cw", vars("handlingOutcome", "EXTEND",
        "extensionDays", 10L, "extensionReason", "还需要更多时间核实")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能再次延期");
    assertThat(f.task(pid, "Task_HandlePetition")).isNotNull();
  }

  @Test
  void anExtensionOverThirtyDaysIsRefusedAndARefusedExtensionKeepsTheLimit() {
    Petitions.Registered r = register();
    String pid = r.processInstanceId();
    route(pid);
    accept(pid);
    assertThatThrownBy(() -> f.complete(pid, "Task_HandlePetition", "nongan-cw", vars("handlingOutcome", "EXTEND",
        "extensionDays", 31L, "extensionReason", "需要调取银行流水核实")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能大于 30");
    f.complete(pid, "Task_HandlePetition", "nongan-cw", vars("handlingOutcome", "EXTEND", "extensionDays", 15L,
        "extensionReason", "需要调取银行流水核实"));
    f.complete(pid, "Task_ApproveExtension", "na-county-approver", vars("extensionDecision", "REFUSE",
        "extensionOpinion", "材料已经齐全，应按期办结"));
    assertThat(due(pid, "Task_HandlePetition")).isEqualTo(LocalDateTime.parse("2027-01-01T17:00"));
    assertThat(petitions.file(r.petitionId()).extensionDays()).isNull();
  }

  @Test
  void reexaminationThenFinalReviewWithAHearingNotCountedThenClosedAndASecondFinalReviewIsRefused() {
    Petitions.Registered r = replied();
    String pid = r.processInstanceId();
    long id = r.petitionId();
    assertThatThrownBy(() -> petitions.requestFinalReview(id, req("不服"), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("应先申请复查");
    advanceDays(10);
    petitions.requestReexamination(id, req("对收入核算仍有异议"), "nongan-cw");
    f.runJobs(pid); // after 登记复查申请 (async)
    assertThatThrownBy(() -> petitions.requestReexamination(id, req("再次申请"), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("不能重复申请");
    assertThat(due(pid, "Task_Reexamine")).isEqualTo(LocalDateTime.parse("2026-12-12T17:00"));
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("county-approver-220122").count())
        .isEqualTo(1);
    assertThatThrownBy(() -> f.complete(pid, "Task_Reexamine", "nongan-cw", vars("reexaminationOpinion",
        "经复查，原处理意见正确，予以维持。"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("原处理人以外");
    tasks.setAssignee(f.task(pid, "Task_Reexamine").getId(), null);
    f.complete(pid, "Task_Reexamine", "na-county-approver", vars("reexaminationOpinion",
        "经复查，原处理意见正确，予以维持。"));
    assertThat(status(id)).isEqualTo("REEXAMINED");

    advanceDays(5); // 2026-11-17
    petitions.requestFinalReview(id, req("对复查意见不服"), "nongan-cw");
    f.runJobs(pid); // after 登记复核申请 (async)
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("supervisor-220100").count())
        .isEqualTo(1);
    assertThat(due(pid, "Task_FinalReview")).isEqualTo(LocalDateTime.parse("2026-12-17T17:00"));
    f.complete(pid, "Task_FinalReview", "supervisor", vars("finalReviewOutcome", "HEARING"));
    advanceDays(7); // a 7-day hearing is not counted
    f.complete(pid, "Task_Hearing", "supervisor", vars("hearingRecord", "听证会听取了信访人和经办人的意见"));
    assertThat(due(pid, "Task_FinalReview")).isEqualTo(LocalDateTime.parse("2026-12-24T17:00"));
    assertThat(petitions.file(id).hearingDays()).isEqualTo(7);
    f.complete(pid, "Task_FinalReview", "supervisor", vars("finalReviewOutcome", "REPLY",
        "finalReviewOpinion", "经复核，维持复查意见。同一事项不再受理。"));

    assertThat(passed(pid, "EndEvent_ClosedAfterFinalReview")).isTrue();
    assertThat(status(id)).isEqualTo("CLOSED");
    assertThatThrownBy(() -> petitions.requestFinalReview(id, req("再次申请复核"), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("不再受理复核申请");
    // the same claim raised again as a new petition is refused too
    assertThatThrownBy(() -> petitions.register(registration("PETITION", List.of(), id), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("不再受理");
    assertThat(events(id)).containsSubsequence("REEXAMINATION_REQUESTED", "REEXAMINATION_REPLY",
        "FINAL_REVIEW_REQUESTED", "HEARING_STARTED", "HEARING", "FINAL_REVIEW_REPLY");
  }

  @Test
  void theRequestsAreRegisteredInTasklistWithTheSameChecks() {
    Petitions.Registered r = replied(); // replied 2026-11-02
    String pid = r.processInstanceId();
    long id = r.petitionId();
    // 登记复查申请 waits in the county's worklist while the 30 days run
    assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_AwaitReexaminationRequest")
        .taskCandidateGroup("county-caseworker-220122").count()).isEqualTo(1);
    int before = events(id).size();
    assertThatThrownBy(() -> f.complete(pid, "Task_AwaitReexaminationRequest", "na-county-cw",
        vars("requestReason", " "))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("requestReason")
        .hasMessageContaining("不能为空");
    assertThat(events(id)).hasSize(before);
    advanceDays(3);
    f.complete(pid, "Task_AwaitReexaminationRequest", "na-county-cw", vars("requestReason", "对收入核算仍有异议"));
    assertThat(due(pid, "Task_Reexamine")).isEqualTo(LocalDateTime.parse("2026-12-05T17:00"));
    assertThat(events(id)).contains("REEXAMINATION_REQUESTED");
    assertThatThrownBy(() -> petitions.requestReexamination(id, req("再次申请"), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("不能重复申请");
    f.complete(pid, "Task_Reexamine", "na-county-approver", vars("reexaminationOpinion",
        "经复查，原处理意见正确，予以维持。"));

    advanceDays(2);
    f.complete(pid, "Task_AwaitFinalReviewRequest", "na-county-cw", vars("requestReason", "对复查意见不服"));
    assertThat(due(pid, "Task_FinalReview")).isEqualTo(LocalDateTime.parse("2026-12-07T17:00"));
    assertThat(events(id)).containsSubsequence("REEXAMINATION_REQUESTED", "REEXAMINATION_REPLY",
        "FINAL_REVIEW_REQUESTED");
  }

  @Test
  void requestsAfterTheirThirtyDaysAreRefusedWithTheLastDay() {
    Petitions.Registered r = replied(); // replied 2026-11-02
    advanceDays(31);
    int before = events(r.petitionId()).size();
    assertThatThrownBy(() -> petitions.requestReexamination(r.petitionId(), req("不服"), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("复查申请期限已过")
        .hasMessageContaining("2026-12-02");
    assertThat(events(r.petitionId())).hasSize(before);
    assertThat(status(r.petitionId())).isEqualTo("REPLIED"); // until the window's timer closes it

    Petitions.Registered s = replied();
    advanceDays(3);
    petitions.requestReexamination(s.petitionId(), req("不服"), "nongan-cw");
    f.runJobs(s.processInstanceId()); // after 登记复查申请 (async)
    f.complete(s.processInstanceId(), "Task_Reexamine", "na-county-approver", vars("reexaminationOpinion",
        "经复查，原处理意见正确，予以维持。"));
    advanceDays(31);
    assertThatThrownBy(() -> petitions.requestFinalReview(s.petitionId(), req("不服"), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("复核申请期限已过");
    f.runJobs(s.processInstanceId());
    assertThat(passed(s.processInstanceId(), "EndEvent_ClosedAfterReexamination")).isTrue();
  }

  @Test
  void overdueLimitsStayOpenCalendarDayDeadlinesForTheMonitor() {
    Petitions.Registered r = register();
    String pid = r.processInstanceId();
    route(pid);
    accept(pid);
    advanceDays(61);
    f.runJobs(pid);
    List<Map<String, Object>> open = jdbc.queryForList("SELECT activity_id, deadline_kind, working_days, due_at "
        + "FROM cal_deadline WHERE process_instance_id = ? AND status = 'OPEN' AND day_basis = 'CALENDAR'", pid);
    assertThat(open).hasSize(1);
    assertThat(open.get(0)).containsEntry("ACTIVITY_ID", "Task_HandlePetition").containsEntry("WORKING_DAYS", 60);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cal_deadline WHERE process_instance_id = ? AND status = 'OPEN' "
        + "AND due_at < ?", Integer.class, pid, new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime())))
        .as("past its due time and still open: overdue").isEqualTo(1);
  }

  @Test
  void aPetitionerInHardshipIsReferredToAssistanceOnceAndTheHandlingGoesOn() {
    Petitions.Registered r = register();
    String pid = r.processInstanceId();
    route(pid);
    accept(pid);
    assertThatThrownBy(() -> f.complete(pid, "Task_HandlePetition", "nongan-cw", vars("handlingOutcome",
        "REFER_ASSISTANCE"))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("住址");
    f.complete(pid, "Task_HandlePetition", "nongan-cw", vars("handlingOutcome", "REFER_ASSISTANCE",
        "address", "宝塔村3组", "hardshipSituation", "独居，患慢性病，无固定收入"));
    String hardship = petitions.file(r.petitionId()).hardshipProcessId();
    assertThat(hardship).isNotNull();
    assertThat(runtime.getVariable(hardship, "regionCode")).isEqualTo(VILLAGE);
    assertThat(runtime.getVariable(hardship, "householdHead")).isEqualTo("李四");
    assertThat(runtime.getVariable(hardship, "petitionId")).isEqualTo(r.petitionId());
    assertThat(tasks.createTaskQuery().processInstanceId(hardship).taskDefinitionKey("Task_VerifyReport").count())
        .isEqualTo(1);
    assertThat(f.task(pid, "Task_HandlePetition")).isNotNull();
    assertThatThrownBy(() -> f.complete(pid, "Task_HandlePetition", "nongan-cw", vars("handlingOutcome",
        "REFER_ASSISTANCE", "address", "宝塔村3组", "hardshipSituation", "独居，患慢性病")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不能重复转介");
    conclude(pid);
    assertThat(status(r.petitionId())).isEqualTo("REPLIED");
  }

  @Test
  void aComplaintAboutACaseIsLinkedToItAndListedWithItAnUnknownCaseIsRefused() {
    String casePid = runtime.startProcessInstanceByKey("hardship-report", Map.of("householdHead", "孙八",
        "address", "宝塔村3组", "discoverySource", "VISIT", "situation", "独居老人", "regionCode", VILLAGE))
        .getId();
    Petitions.Registered r = petitions.register(registration("COMPLAINT",
        List.of(new ConcernedCase("PROCESS_INSTANCE", casePid)), null), "nongan-cw");
    assertThat(petitions.concerning("PROCESS_INSTANCE", casePid)).extracting(Petitions.PetitionSummary::petitionId)
        .containsExactly(r.petitionId());
    assertThat(petitions.file(r.petitionId()).kindLabel()).isEqualTo("监督举报");
    f.runJobs(r.processInstanceId());
    route(r.processInstanceId());
    accept(r.processInstanceId());
    conclude(r.processInstanceId());
    assertThat(status(r.petitionId())).isEqualTo("REPLIED");

    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM petition", Integer.class);
    assertThatThrownBy(() -> petitions.register(registration("COMPLAINT", List.of(new ConcernedCase("PROCESS_INSTANCE",
        "no-such-case"), new ConcernedCase("AWARD", "DIBAO/H-404"), new ConcernedCase("TEKUN_PERSON", "987654")),
        null), "nongan-cw"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("没有找到案件")
        .hasMessageContaining("没有找到待遇DIBAO/H-404").hasMessageContaining("没有找到特困人员编号987654");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM petition", Integer.class)).isEqualTo(count);
  }

  @Test
  void theTasklistStartFormIsCheckedAndStoredLikeTheApi() {
    identity.setAuthentication("nongan-cw", List.of("township-caseworker-220122100", "region-220122100"));
    Map<String, Object> form = vars("kind", "PETITION", "channel", "LETTER", "petitionerName", "王五",
        "idNumber", TestApplications.LI_SI, "contact", "宝塔村5组", "claim", "临时救助迟迟未发放，请求尽快处理。",
        "regionCode", VILLAGE, "concernedCases", "");
    String pid = runtime.startProcessInstanceByKey("petition", form).getId();
    identity.clearAuthentication();
    Long id = jdbc.queryForObject("SELECT id FROM petition WHERE process_instance_id = ?", Long.class, pid);
    assertThat(runtime.getVariable(pid, "petitionId")).isEqualTo(id);
    assertThat(runtime.getVariable(pid, "idNumber")).asString().contains("*");
    assertThat(petitions.file(id).events()).extracting(Petitions.Event::actor).containsExactly("nongan-cw");

    identity.setAuthentication("nongan-cw", List.of("township-caseworker-220122100", "region-220122100"));
    Map<String, Object> bad = new java.util.HashMap<>(form);
    bad.put("idNumber", "220122195001010019");
    bad.put("concernedCases", "PROCESS_INSTANCE:no-such-case");
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM petition", Integer.class);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("petition", bad))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("身份证号码")
        .hasMessageContaining("没有找到案件");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM petition", Integer.class)).isEqualTo(count);

    // the case is named the way the caseworker reads it (类别：编号, the 案件编号 of 案件概况), not by API type names
    Map<String, Object> unknownKind = new java.util.HashMap<>(form);
    unknownKind.put("concernedCases", "低保：" + pid);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("petition", unknownKind))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("类别为案件、待遇或特困人员");
    Map<String, Object> named = new java.util.HashMap<>(unknownKind);
    named.put("concernedCases", "案件：" + pid);
    String second = runtime.startProcessInstanceByKey("petition", named).getId();
    Long secondId = jdbc.queryForObject("SELECT id FROM petition WHERE process_instance_id = ?", Long.class, second);
    assertThat(petitions.file(secondId).concernedCases()).containsExactly(new ConcernedCase("PROCESS_INSTANCE", pid));
  }
}
