package org.doudi.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.care.CareFixture.NANGUAN;
import static org.doudi.care.CareFixture.NANGUAN_VILLAGE;
import static org.doudi.care.CareFixture.NONGAN;
import static org.doudi.care.CareFixture.NONGAN_VILLAGE;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.local;
import static org.doudi.platform.ProcessFixture.vars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.care.CareFixture.Person;
import org.doudi.care.CareRecords.Agreement;
import org.doudi.care.CareRecords.Institution;
import org.doudi.care.CareRecords.Placement;
import org.doudi.care.CareRecords.Request;
import org.doudi.care.CareRecords.RequestView;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.ProcessFixture;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.CareMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Care arrangements driven through tekun's events: placed in the county; county full → the city's institution; all
 * full → the waiting list, 完全丧失 first; a freed or new bed → the head of the list; a change of level → another bed
 * type (transfer, the old bed to the list); a dispersed agreement → visits at the DMN frequency → follow-up →
 * renewal; a change of level re-plans the visits; support ended ends the placement or agreement and its process.
 */
@DoudiTest
class CareProcessTest {

  @Autowired CareArrangements care;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;

  ProcessFixture f;
  CareFixture c;

  @BeforeEach
  void setUp() {
    clockAt("2026-12-01T09:00"); // a Tuesday
    f = new ProcessFixture(tasks, management);
    c = new CareFixture(jdbc, events, care);
    c.clean();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  Request placedRun(Person p) {
    Request r = c.request(p);
    f.runJobs(r.processInstanceId());
    return care.request(r.id()).orElseThrow();
  }

  boolean running(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1;
  }

  // 集中供养

  @Test
  void aFullPersonIsPlacedInANursingBedOfTheCountyAndAdmitted() {
    Institution home = c.institution("农安县中心敬老院", NONGAN, InstitutionKind.ELDERLY, 1, 1);
    c.institution("南关区福利中心", NANGUAN, InstitutionKind.ELDERLY, 1, 0);
    Person p = c.elder("王大", NONGAN, NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);

    Request r = placedRun(p);
    assertThat(r.status()).isEqualTo("PLACED");
    Placement bed = care.currentPlacement(r.id()).orElseThrow();
    assertThat(bed.institutionId()).as("the county's own institution first").isEqualTo(home.id());
    assertThat(bed.bedType()).isEqualTo(BedType.NURSING);
    assertThat(runtime.getVariable(r.processInstanceId(), CareVariables.BED_TEXT)).isEqualTo("N1号 护理型床位");

    String task = f.task(r.processInstanceId(), "Task_ConfirmAdmission").getId();
    tasks.claim(task, "na-county-cw");
    assertThatThrownBy(() -> tasks.complete(task, vars("admittedOn", "2026-12-09")))
        .hasMessageContaining("入住日期不能晚于今天");
    assertThatThrownBy(() -> tasks.complete(task, vars("admittedOn", "2026-11-30")))
        .hasMessageContaining("入住日期不能早于床位安排日期");
    assertThatThrownBy(() -> tasks.complete(task, vars("admittedOn", "1.12.2026"))).hasMessageContaining("格式不正确");
    tasks.complete(task, vars("admittedOn", "2026-12-01", "admissionNote", "本人及村委会陪同入住"));
    f.runJobs(r.processInstanceId());
    assertThat(care.currentPlacement(r.id()).orElseThrow().admittedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(care.currentPlacement(r.id()).orElseThrow().admittedBy()).isEqualTo("na-county-cw");
    assertThat(running(r.processInstanceId())).as("in care, waiting for a transfer or the end").isTrue();

    c.elder("王大", NONGAN, NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);
    // the same event again changes nothing
    events.publishEvent(new org.doudi.tekun.TekunRecognised(p.id(), p.idNumber(), p.name(), p.birth(), NONGAN,
        NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED, java.time.YearMonth.of(2026, 12)));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM care_placement_request WHERE tekun_person_id = ?",
        Integer.class, p.id())).isEqualTo(1);
  }

  @Test
  void whenTheCountyIsFullTheCityPlacesThePersonInAnotherCounty() {
    c.institution("农安县中心敬老院", NONGAN, InstitutionKind.ELDERLY, 1, 0);
    Institution city = c.institution("南关区福利中心", NANGUAN, InstitutionKind.ELDERLY, 1, 0);
    placedRun(c.elder("甲", NONGAN, NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED));

    Request second = placedRun(c.elder("乙", NONGAN, NONGAN_VILLAGE, CareLevel.PARTIAL, CareMode.CENTRALISED));
    assertThat(second.status()).isEqualTo("PLACED");
    assertThat(care.currentPlacement(second.id()).orElseThrow().institutionId())
        .as("三（二）: 县域内无法满足的由市级统筹调配").isEqualTo(city.id());
    assertThat(runtime.getVariable(second.processInstanceId(), CareVariables.INSTITUTION_NAME).toString())
        .contains("南关区福利中心");
  }

  @Test
  void whenAllAreFullTheyWaitFullFirstAndAFreedBedGoesToTheHeadOfTheList() {
    c.institution("农安县中心敬老院", NONGAN, InstitutionKind.ELDERLY, 1, 0);
    Person a = c.elder("甲", NONGAN, NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);
    Request ra = placedRun(a);
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 12, 1, 1, 10)));
    Request partial = placedRun(c.elder("乙", NANGUAN, NANGUAN_VILLAGE, CareLevel.PARTIAL, CareMode.CENTRALISED));
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 12, 1, 1, 20)));
    Request full = placedRun(c.elder("丙", NONGAN, NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED));
    clockAt("2026-12-02T09:00");
    assertThat(partial.status()).isEqualTo("WAITING");
    assertThat(full.status()).isEqualTo("WAITING");
    f.task(ra.processInstanceId(), "Task_ConfirmAdmission");
    assertThat(tasks.createTaskQuery().processInstanceId(full.processInstanceId()).count()).isZero();

    List<RequestView> list = care.requests("220100", "WAITING", 0, 50);
    assertThat(list).extracting(RequestView::fullName).as("完全丧失 first, then by date").containsExactly("丙", "乙");
    assertThat(list).extracting(RequestView::position).containsExactly(1, 2);

    c.supportEnded(a, "DEATH");
    assertThat(running(ra.processInstanceId())).as("the placement's process ends").isFalse();
    assertThat(care.request(ra.id()).orElseThrow().status()).isEqualTo("ENDED");
    assertThat(care.placements(ra.id())).singleElement().satisfies(p -> assertThat(p.endReason())
        .isEqualTo("SUPPORT_ENDED:DEATH"));
    assertThat(care.request(full.id()).orElseThrow().status()).as("the freed bed goes to the head").isEqualTo("PLACED");
    assertThat(care.request(partial.id()).orElseThrow().status()).isEqualTo("WAITING");
    f.task(full.processInstanceId(), "Task_ConfirmAdmission");

    Institution i = care.institutions(NANGUAN).isEmpty()
        ? c.institution("南关区福利中心", NANGUAN, InstitutionKind.ELDERLY, 0, 0) : care.institutions(NANGUAN).get(0);
    care.addBeds(i.id(), List.of("N9"), BedType.NURSING, "test");
    assertThat(care.request(partial.id()).orElseThrow().status()).as("a new bed too").isEqualTo("PLACED");
    f.task(partial.processInstanceId(), "Task_ConfirmAdmission");
  }

  @Test
  void aSelfCarePersonTakesAGeneralBedAndMovesToANursingBedWhenTheLevelRises() {
    Institution home = c.institution("农安县中心敬老院", NONGAN, InstitutionKind.ELDERLY, 0, 1);
    Person p = c.elder("丁", NONGAN, NONGAN_VILLAGE, CareLevel.SELF_CARE, CareMode.CENTRALISED);
    Request r = placedRun(p);
    assertThat(care.currentPlacement(r.id()).orElseThrow().bedType()).isEqualTo(BedType.GENERAL);
    f.complete(r.processInstanceId(), "Task_ConfirmAdmission", "na-county-cw", vars("admittedOn", "2026-12-01"));
    Request waiting = placedRun(c.elder("戊", NONGAN, NONGAN_VILLAGE, CareLevel.SELF_CARE, CareMode.CENTRALISED));
    assertThat(waiting.status()).isEqualTo("WAITING");

    // no nursing bed yet: 丁 keeps the general bed and waits for one
    c.levelChanged(p, CareLevel.SELF_CARE, CareLevel.FULL, CareMode.CENTRALISED);
    Request moved = care.request(r.id()).orElseThrow();
    assertThat(moved.transferNeeded()).isTrue();
    assertThat(care.currentPlacement(r.id()).orElseThrow().bedType()).isEqualTo(BedType.GENERAL);

    care.addBeds(home.id(), List.of("N1"), BedType.NURSING, "test");
    Placement now = care.currentPlacement(r.id()).orElseThrow();
    assertThat(now.bedType()).isEqualTo(BedType.NURSING);
    assertThat(now.kind()).isEqualTo("TRANSFER");
    assertThat(care.request(r.id()).orElseThrow().transferNeeded()).isFalse();
    assertThat(runtime.getVariable(r.processInstanceId(), CareVariables.PLACEMENT_KIND_TEXT).toString())
        .contains("调整床位");
    f.task(r.processInstanceId(), "Task_ConfirmAdmission");
    assertThat(care.request(waiting.id()).orElseThrow().status()).as("the general bed left goes to the list")
        .isEqualTo("PLACED");
  }

  @Test
  void aMinorIsPlacedOnlyInAChildWelfareInstitution() {
    c.institution("农安县中心敬老院", NONGAN, InstitutionKind.ELDERLY, 2, 2);
    Person child = c.recognised("小明", LocalDate.of(2012, 5, 1), NONGAN, NONGAN_VILLAGE, CareLevel.PARTIAL,
        CareMode.CENTRALISED);
    assertThat(placedRun(child).status()).as("二（三）: 安置到儿童福利机构").isEqualTo("WAITING");
    Institution cw = c.institution("长春市儿童福利院", NANGUAN, InstitutionKind.CHILD_WELFARE, 1, 0);
    assertThat(care.currentPlacement(c.request(child).id()).orElseThrow().institutionId()).isEqualTo(cw.id());
  }

  // 分散供养

  Map<String, Object> agreementForm(String starts, String ends) {
    return vars("caregiverKind", "PERSON", "caregiverName", "李照料", "caregiverId",
        org.doudi.household.TestApplications.id("22012219700101551"), "caregiverPhone", "13900001111",
        "duties", "照料服务人负责日常起居照料、协助就医；乡镇负责监督和定期探访", "signedOn", "2026-12-01", "startsOn", starts,
        "endsOn", ends);
  }

  LocalDateTime timer(String processInstanceId, String activityId) {
    Job j = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    assertThat(j).as("timer " + activityId).isNotNull();
    return local(j.getDuedate());
  }

  @Test
  void aDispersedAgreementIsVisitedAtTheFrequencyOfItsLevelFollowedUpAndRenewed() {
    Person p = c.elder("己", NONGAN, NONGAN_VILLAGE, CareLevel.FULL, CareMode.DISPERSED);
    Agreement a = c.agreement(p);
    String pid = a.processInstanceId();
    assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).as("asynchronous after the event").isZero();
    f.runJobs(pid);
    String enter = f.task(pid, "Task_EnterAgreement").getId();
    assertThat(tasks.createTaskQuery().taskId(enter).taskCandidateGroup("township-caseworker-220122100").count())
        .isEqualTo(1);
    tasks.claim(enter, "nongan-cw");
    Map<String, Object> bad = agreementForm("2026-12-01", "2026-11-30");
    assertThatThrownBy(() -> tasks.complete(enter, bad)).hasMessageContaining("协议结束日期须晚于开始日期");
    Map<String, Object> self = agreementForm("2026-12-01", "2027-12-31");
    self.put("caregiverId", p.idNumber());
    assertThatThrownBy(() -> tasks.complete(enter, self)).hasMessageContaining("不能是供养对象本人");
    Map<String, Object> tooLong = agreementForm("2026-12-01", "2030-12-31");
    assertThatThrownBy(() -> tasks.complete(enter, tooLong)).hasMessageContaining("最长3年");
    tasks.complete(enter, agreementForm("2026-12-01", "2027-12-31"));
    f.runJobs(pid);

    assertThat(care.agreement(a.id()).orElseThrow().status()).isEqualTo("ACTIVE");
    assertThat(timer(pid, "Event_VisitDue")).as("FULL: monthly").isEqualTo("2027-01-01T08:00");
    assertThat(timer(pid, "Event_RenewalDue")).as("30 days before the end").isEqualTo("2027-12-01T08:00");
    assertThat(runtime.getVariable(pid, CareVariables.VISIT_FREQUENCY_TEXT).toString()).contains("每1个月");

    clockAt("2027-01-01T09:00");
    f.runJobs(pid);
    String visit = f.task(pid, "Task_RecordVisit").getId();
    tasks.claim(visit, "nongan-cw");
    assertThatThrownBy(() -> tasks.complete(visit, vars("visitedOn", "2027-01-01", "visitor", "张经办",
        "findings", "生活起居正常，照料到位", "hasProblems", "YES")))
        .hasMessageContaining("请写明问题");
    tasks.complete(visit, vars("visitedOn", "2027-01-01", "visitor", "张经办", "findings", "生活起居正常，照料基本到位",
        "hasProblems", "YES", "problems", "冬季取暖不足，屋内温度偏低"));
    f.runJobs(pid);
    assertThat(runtime.getVariable(pid, CareVariables.OPEN_PROBLEMS).toString()).contains("冬季取暖不足");
    f.complete(pid, "Task_FollowUpProblems", "nongan-cw", vars("followUp", "已联系照料服务人加装取暖设备，复查温度正常"));
    assertThat(care.agreementFile(a.id()).visits()).singleElement().satisfies(v -> {
      assertThat(v.visitor()).isEqualTo("张经办");
      assertThat(v.problems()).contains("取暖");
      assertThat(v.followUp()).contains("取暖设备");
      assertThat(v.followUpBy()).isEqualTo("nongan-cw");
    });
    assertThat(timer(pid, "Event_VisitDue")).as("a month after the last visit").isEqualTo("2027-02-01T08:00");

    clockAt("2027-12-01T09:00");
    f.runJobs(pid); // the visits fell due meanwhile, and the renewal
    String renew = f.task(pid, "Task_RenewAgreement").getId();
    tasks.claim(renew, "nongan-cw");
    assertThatThrownBy(() -> tasks.complete(renew, vars("newEndsOn", "2027-06-30")))
        .hasMessageContaining("须晚于原结束日期");
    tasks.complete(renew, vars("newEndsOn", "2029-12-31", "newCaregiverPhone", "13900002222"));
    f.runJobs(pid);
    Agreement renewed = care.agreement(a.id()).orElseThrow();
    assertThat(renewed.endsOn()).isEqualTo(LocalDate.of(2029, 12, 31));
    assertThat(renewed.renewals()).isEqualTo(1);
    assertThat(renewed.caregiverPhone()).isEqualTo("13900002222");
    assertThat(timer(pid, "Event_RenewalDue")).isEqualTo("2029-12-01T08:00");
  }

  @Test
  void visitFrequencyFollowsTheLevelAndAChangeOfLevelRePlans() {
    Person p = c.elder("庚", NONGAN, NONGAN_VILLAGE, CareLevel.SELF_CARE, CareMode.DISPERSED);
    String pid = c.agreement(p).processInstanceId();
    f.runJobs(pid);
    f.complete(pid, "Task_EnterAgreement", "nongan-cw", agreementForm("2026-12-01", "2028-11-30"));
    assertThat(timer(pid, "Event_VisitDue")).as("SELF_CARE: quarterly").isEqualTo("2027-03-01T08:00");

    c.levelChanged(p, CareLevel.SELF_CARE, CareLevel.PARTIAL, CareMode.DISPERSED);
    f.runJobs(pid);
    assertThat(timer(pid, "Event_VisitDue")).as("PARTIAL: every two months").isEqualTo("2027-02-01T08:00");
    assertThat(runtime.getVariable(pid, CareVariables.CARE_LEVEL_TEXT)).isEqualTo(CareLevel.PARTIAL.label());

    c.levelChanged(p, CareLevel.PARTIAL, CareLevel.FULL, CareMode.DISPERSED);
    f.runJobs(pid);
    assertThat(timer(pid, "Event_VisitDue")).as("FULL: monthly").isEqualTo("2027-01-01T08:00");
    assertThat(management.createJobQuery().processInstanceId(pid).timers().count())
        .as("one visit timer and one renewal timer per agreement").isEqualTo(2);
  }

  @Test
  void supportEndedEndsTheAgreementAndStopsTheVisits() {
    Person p = c.elder("辛", NONGAN, NONGAN_VILLAGE, CareLevel.PARTIAL, CareMode.DISPERSED);
    Agreement a = c.agreement(p);
    f.runJobs(a.processInstanceId());
    f.complete(a.processInstanceId(), "Task_EnterAgreement", "nongan-cw", agreementForm("2026-12-01", "2027-11-30"));
    assertThat(management.createJobQuery().processInstanceId(a.processInstanceId()).count()).isEqualTo(2);

    c.supportEnded(p, "DEATH");
    assertThat(running(a.processInstanceId())).isFalse();
    Agreement ended = care.agreement(a.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo("ENDED");
    assertThat(ended.endReason()).isEqualTo("SUPPORT_ENDED:DEATH");
    assertThat(ended.nextVisitOn()).isNull();
    c.supportEnded(p, "DEATH"); // again: nothing to do
  }

  @Test
  void supportEndedBeforeTheAgreementIsEnteredEndsItToo() {
    Person p = c.elder("壬", NONGAN, NONGAN_VILLAGE, CareLevel.FULL, CareMode.DISPERSED);
    Agreement a = c.agreement(p);
    c.supportEnded(p, "MOVED_AWAY");
    assertThat(running(a.processInstanceId())).isFalse();
    assertThat(care.agreement(a.id()).orElseThrow().status()).isEqualTo("ENDED");
  }

  @Test
  void aChangeOfModeEndsOneArrangementAndOpensTheOther() {
    c.institution("农安县中心敬老院", NONGAN, InstitutionKind.ELDERLY, 1, 0);
    Person p = c.elder("癸", NONGAN, NONGAN_VILLAGE, CareLevel.PARTIAL, CareMode.DISPERSED);
    Agreement a = c.agreement(p);
    c.levelChanged(p, CareLevel.PARTIAL, CareLevel.FULL, CareMode.CENTRALISED);
    assertThat(care.agreement(a.id()).orElseThrow().status()).isEqualTo("ENDED");
    assertThat(running(a.processInstanceId())).isFalse();
    Request r = placedRun(p);
    assertThat(r.status()).isEqualTo("PLACED");
    assertThat(r.careLevel()).isEqualTo(CareLevel.FULL);

    c.levelChanged(p, CareLevel.FULL, CareLevel.FULL, CareMode.DISPERSED);
    assertThat(care.request(r.id()).orElseThrow().status()).isEqualTo("ENDED");
    assertThat(care.institutions(NONGAN).get(0).freeNursing()).as("the bed is freed").isEqualTo(1);
    assertThat(c.agreement(p).status()).isEqualTo("PENDING");
  }

  @Test
  void aSupportedPersonWithoutAnArrangementGetsOneOnAChangeOfLevel() {
    Person p = c.person("子", LocalDate.of(1940, 1, 1), NONGAN, NONGAN_VILLAGE, CareLevel.PARTIAL,
        CareMode.DISPERSED);
    c.levelChanged(p, CareLevel.PARTIAL, CareLevel.FULL, CareMode.DISPERSED);
    Agreement a = c.agreement(p);
    assertThat(a.status()).isEqualTo("PENDING");
    assertThat(a.careLevel()).isEqualTo(CareLevel.FULL);
    f.runJobs(a.processInstanceId());
    f.task(a.processInstanceId(), "Task_EnterAgreement");
  }
}
