package org.doudi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.calendar.internal.CalendarService;
import org.doudi.calendar.internal.CalendarTime;
import org.doudi.calendar.persistence.DeadlineRecord;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.doudi.platform.DoudiTest;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Models using {@code deadlines} and {@code caseClock}, with the engine clock moved. */
@DoudiTest
class DeadlineProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DeadlineRepository deadlines;
  @Autowired CaseClock caseClock;
  @Autowired CalendarService calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.doudi.calendar.internal.DeadlineRecomputer recomputer;
  @Autowired WebApplicationContext web;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = CalendarMvc.of(web);
  }

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(engine);
    engine.getRepositoryService().createDeployment().name("calendar-tests").enableDuplicateFiltering(true)
        .addClasspathResource("calendar/calendar-test-timer.bpmn")
        .addClasspathResource("calendar/calendar-test-task.bpmn")
        .addClasspathResource("calendar/calendar-test-clock.bpmn")
        .addClasspathResource("calendar/calendar-test-calendar-days.bpmn")
        .addClasspathResource("calendar/calendar-test-gateway.bpmn")
        .deploy();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String shanghaiLocal) {
    return Date.from(LocalDateTime.parse(shanghaiLocal).atZone(CalendarTime.ZONE).toInstant());
  }

  private Job timer(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private DeadlineRecord record(ProcessInstance pi, DeadlineKind kind) {
    return deadlines.allFor(pi.getId()).stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void timerThreeWorkingDaysAfterTheThursdayBeforeSpringFestival() throws Exception {
    // Thu 2026-02-12: Fri 13 (1), Sat 14 make-up day (2), 15–23 Spring Festival, Tue 24 (3)
    ClockUtil.setCurrentTime(at("2026-02-12T10:30"));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("calendar-test-timer");
    assertThat(pi).isWaitingAt("Timer_ThreeWorkingDays");
    assertThat(timer(pi).getDuedate()).isEqualTo(at("2026-02-24T17:00"));

    ClockUtil.setCurrentTime(at("2026-02-24T16:59"));
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();

    ClockUtil.setCurrentTime(at("2026-02-24T17:00"));
    execute(managementService.createJobQuery().processInstanceId(pi.getId()).executable().singleResult());
    assertThat(pi).isEnded().hasPassed("EndEvent_Done");

    assertThat(deadlines.allFor(pi.getId())).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DeadlineKind.TIMER);
      assertThat(d.activityId()).isEqualTo("Timer_ThreeWorkingDays");
      assertThat(d.startDate()).isEqualTo(LocalDate.of(2026, 2, 12));
      assertThat(d.workingDays()).isEqualTo(3);
      assertThat(d.provisional()).isFalse();
      assertThat(d.status()).isEqualTo(DeadlineRecord.CLOSED);
    });
  }

  @Test
  void calendarDayLimitsCountHolidaysAndAreRecordedButNeverMoved() throws Exception {
    // Thu 2026-02-12 + 15 days = Fri 2026-02-27, Spring Festival included; a recomputation leaves it alone
    ClockUtil.setCurrentTime(at("2026-02-12T10:30"));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("calendar-test-calendar-days");
    assertThat(timer(pi).getDuedate()).isEqualTo(at("2026-02-27T17:00"));
    DeadlineRecord d = record(pi, DeadlineKind.TIMER);
    assertThat(d.calendarDays()).isTrue();
    assertThat(d.workingDays()).isEqualTo(15);
    assertThat(d.status()).isEqualTo(DeadlineRecord.OPEN);

    jdbc.update("INSERT INTO cal_clock_stop (process_instance_id, running_pid, reason, suspended_on, suspended_at, "
        + "suspended_by, resumed_on, resumed_at, resumed_by) VALUES (?, NULL, 'test', DATE '2026-02-13', "
        + "CURRENT_TIMESTAMP, 'test', DATE '2026-02-25', CURRENT_TIMESTAMP, 'test')", pi.getId());
    recomputer.recomputeAll("test");
    recomputer.recomputeCase(pi.getId(), "test");
    assertThat(timer(pi).getDuedate()).isEqualTo(at("2026-02-27T17:00"));
    assertThat(deadlines.changesFor(pi.getId())).isEmpty();
  }

  @Test
  void aTimerBehindAnEventBasedGatewayIsClosedWhenTheOtherEventWins() {
    ClockUtil.setCurrentTime(at("2026-03-02T10:00"));
    ProcessInstance answered = runtimeService.startProcessInstanceByKey("calendar-test-gateway");
    assertThat(record(answered, DeadlineKind.TIMER).status()).isEqualTo(DeadlineRecord.OPEN);
    runtimeService.createMessageCorrelation("calendar-test-answer").processInstanceId(answered.getId()).correlate();
    assertThat(answered).isEnded().hasPassed("EndEvent_Answered");
    assertThat(record(answered, DeadlineKind.TIMER).status()).isEqualTo(DeadlineRecord.CLOSED);

    ProcessInstance expired = runtimeService.startProcessInstanceByKey("calendar-test-gateway");
    ClockUtil.setCurrentTime(at("2026-03-17T17:00"));
    execute(timer(expired));
    assertThat(expired).isEnded().hasPassed("EndEvent_Expired");
    assertThat(record(expired, DeadlineKind.TIMER).status()).isEqualTo(DeadlineRecord.CLOSED);
  }

  @Test
  void loadingAYearRecomputesProvisionalTimersAndTaskDates() throws Exception {
    ClockUtil.setCurrentTime(at("2026-12-10T09:00"));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("calendar-test-task",
        Map.of("acceptedAt", "2026-12-10"));
    // 15 working days left in December 2026, then Monday–Friday 2027 (no notice yet): Thu 2027-01-21
    Task task = task(pi);
    assertThat(task.getDueDate()).isEqualTo(at("2027-01-21T17:00"));
    assertThat(task.getFollowUpDate()).isEqualTo(at("2026-12-15T17:00"));
    assertThat(timer(pi).getDuedate()).isEqualTo(at("2027-01-21T17:00"));
    assertThat(record(pi, DeadlineKind.DUE).provisional()).isTrue();
    assertThat(record(pi, DeadlineKind.TIMER).provisional()).isTrue();
    assertThat(record(pi, DeadlineKind.FOLLOW_UP).provisional()).isFalse();
    mvc.perform(get("/api/calendar/provisional-deadlines").with(user("sup").roles("SUPERVISOR")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.processInstanceId == '" + pi.getId() + "')].kind")
            .value(org.hamcrest.Matchers.containsInAnyOrder("DUE", "TIMER")));

    try {
      // a made-up 2027 notice (test fixture, not the real one): Jan 1 and Mon Jan 18 off
      String fixture = """
          {"2027": {"off": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-18"], "makeup_workdays": [],
                    "papers": ["https://example.org/test-fixture-not-a-real-notice"]}}""";
      mvc.perform(post("/api/calendar/years").with(user("root").roles("ADMIN"))
              .contentType(MediaType.APPLICATION_JSON).content(fixture))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.years[0]").value(2027));

      assertThat(task(pi).getDueDate()).isEqualTo(at("2027-01-25T17:00"));
      assertThat(task(pi).getFollowUpDate()).isEqualTo(at("2026-12-15T17:00"));
      assertThat(timer(pi).getDuedate()).isEqualTo(at("2027-01-25T17:00"));
      assertThat(deadlines.openFor(pi.getId())).hasSize(3).noneMatch(DeadlineRecord::provisional);
      assertThat(deadlines.changesFor(pi.getId())).hasSize(2).allSatisfy(c -> {
        assertThat(c.oldDueAt()).isEqualTo(at("2027-01-21T17:00").toInstant());
        assertThat(c.newDueAt()).isEqualTo(at("2027-01-25T17:00").toInstant());
        assertThat(c.oldProvisional()).isTrue();
        assertThat(c.newProvisional()).isFalse();
        assertThat(c.reason()).contains("2027").contains("root");
      });

      // the moved timer fires on the new date, not the old one
      ClockUtil.setCurrentTime(at("2027-01-21T17:00"));
      assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
      ClockUtil.setCurrentTime(at("2027-01-25T17:00"));
      execute(managementService.createJobQuery().processInstanceId(pi.getId()).executable().singleResult());
      assertThat(pi).isEnded().hasPassed("EndEvent_Overdue");
      assertThat(deadlines.openFor(pi.getId())).isEmpty();
    } finally {
      jdbc.update("DELETE FROM cal_notice_day WHERE notice_year = 2027");
      jdbc.update("DELETE FROM cal_notice WHERE notice_year = 2027");
      calendar.reload();
    }
  }

  @Test
  void clockStopMovesTheCaseDeadlinesByTheSuspendedWorkingDays() throws Exception {
    ClockUtil.setCurrentTime(at("2026-03-02T09:00")); // Monday
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("calendar-test-task",
        Map.of("acceptedAt", at("2026-03-02T08:30")));
    // 30 working days after Mon 2 March, across Qingming (4–6 April): Tue 14 April
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-04-14T17:00"));
    assertThat(task(pi).getFollowUpDate()).isEqualTo(at("2026-03-05T17:00"));
    String base = "/api/cases/" + pi.getId() + "/clock/";

    ClockUtil.setCurrentTime(at("2026-03-03T10:00"));
    mvc.perform(post(base + "suspend").with(user("vill").roles("VILLAGE_ASSISTANT"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(post(base + "suspend").with(user("clerk").roles("TOWNSHIP_CASEWORKER"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"一次性告知：缺收入证明\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.suspendedOn").value("2026-03-03"))
        .andExpect(jsonPath("$.suspendedBy").value("clerk"));
    assertThat(timer(pi).isSuspended()).isTrue();
    mvc.perform(post(base + "suspend").with(user("clerk").roles("TOWNSHIP_CASEWORKER"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已自2026-03-03起中止计时")));

    // resumed a week later: (3 March, 10 March] holds 5 working days
    ClockUtil.setCurrentTime(at("2026-03-10T11:00"));
    mvc.perform(post(base + "resume").with(user("clerk").roles("TOWNSHIP_CASEWORKER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.suspendedWorkingDays").value(5))
        .andExpect(jsonPath("$.deadlinesMoved").value(3));
    assertThat(timer(pi).isSuspended()).isFalse();
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-04-21T17:00"));
    assertThat(timer(pi).getDuedate()).isEqualTo(at("2026-04-21T17:00"));
    assertThat(task(pi).getFollowUpDate()).isEqualTo(at("2026-03-12T17:00"));
    mvc.perform(post(base + "resume").with(user("clerk").roles("TOWNSHIP_CASEWORKER")))
        .andExpect(status().isConflict());

    mvc.perform(get("/api/cases/" + pi.getId() + "/deadlines").with(user("sup").roles("SUPERVISOR")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clockStopped").value(false))
        .andExpect(jsonPath("$.deadlines.length()").value(3))
        .andExpect(jsonPath("$.deadlines[*].extensionDays").value(org.hamcrest.Matchers.everyItem(
            org.hamcrest.Matchers.is(5))))
        .andExpect(jsonPath("$.changes.length()").value(3))
        .andExpect(jsonPath("$.clockStops[0].reason").value("一次性告知：缺收入证明"));
    mvc.perform(post("/api/cases/no-such-case/clock/suspend").with(user("clerk").roles("TOWNSHIP_CASEWORKER"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void clockStopFromTheModel() {
    ClockUtil.setCurrentTime(at("2026-03-02T09:00"));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("calendar-test-clock",
        Map.of("acceptedAt", "2026-03-02T09:00:00+08:00"));
    assertThat(pi).isWaitingAt("Task_SupplyMaterials");
    assertThat(caseClock.isStopped(pi.getId())).isTrue();

    ClockUtil.setCurrentTime(at("2026-03-05T15:00")); // Thursday: 3 working days stood still
    taskService.complete(task(pi).getId());
    assertThat(pi).isWaitingAt("Task_Investigate");
    assertThat(caseClock.isStopped(pi.getId())).isFalse();
    // 3 working days after acceptance, plus the 3 of the stop: Tue 10 March
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00"));
    assertThat(record(pi, DeadlineKind.DUE).extensionDays()).isEqualTo(3);
  }

  @Test
  void regionClosureMovesDeadlinesOfThatRegionUnlessChangedByHand() throws Exception {
    ClockUtil.setCurrentTime(at("2026-03-02T09:00"));
    ProcessInstance inRegion = runtimeService.startProcessInstanceByKey("calendar-test-task",
        Map.of("acceptedAt", "2026-03-02", "regionCode", "220102"));
    ProcessInstance elsewhere = runtimeService.startProcessInstanceByKey("calendar-test-task",
        Map.of("acceptedAt", "2026-03-02", "regionCode", "220122"));
    ProcessInstance byHand = runtimeService.startProcessInstanceByKey("calendar-test-task",
        Map.of("acceptedAt", "2026-03-02", "regionCode", "220102"));
    Task manual = task(byHand);
    manual.setFollowUpDate(at("2026-03-20T09:00"));
    taskService.saveTask(manual);

    try {
      mvc.perform(post("/api/calendar/closures").with(user("clerk").roles("TOWNSHIP_CASEWORKER"))
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"regionCode\":\"220102\",\"date\":\"2026-03-04\",\"reason\":\"x\"}"))
          .andExpect(status().isForbidden());
      mvc.perform(post("/api/calendar/closures").with(user("root").roles("ADMIN"))
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"regionCode\":\"220102\",\"date\":\"2026-03-04\",\"reason\":\"县城停电停工（测试）\"}"))
          .andExpect(status().isCreated());
      assertThat(task(inRegion).getFollowUpDate()).isEqualTo(at("2026-03-06T17:00"));
      assertThat(task(elsewhere).getFollowUpDate()).isEqualTo(at("2026-03-05T17:00"));
      assertThat(task(byHand).getFollowUpDate()).isEqualTo(at("2026-03-20T09:00"));
      assertThat(record(byHand, DeadlineKind.FOLLOW_UP).status()).isEqualTo(DeadlineRecord.OVERRIDDEN);
      mvc.perform(get("/api/calendar/days/2026-03-04?region=220102001").with(user("u").roles("SUPERVISOR")))
          .andExpect(jsonPath("$.kind").value("HOLIDAY"));
    } finally {
      mvc.perform(delete("/api/calendar/closures/220102/2026-03-04").with(user("root").roles("ADMIN")))
          .andExpect(status().isOk());
    }
    assertThat(task(inRegion).getFollowUpDate()).isEqualTo(at("2026-03-05T17:00"));
  }
}
