package org.doudi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.household.TestApplications;
import org.doudi.platform.Chromium;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Three cases worked from the counter to the decision (and payment) in Tasklist only, in Chinese, as the demo
 * staff (README): a 低保 application, a 支出型 and a 急难型 临时救助. Every user task of the path is completed in
 * Tasklist by the user of the right role; the test only runs the jobs the job executor would and fires the timers
 * an administrator would (the 公示's end, the instalment's due date). Screenshots: {@code target/browser/<walk>/}.
 * Required in CI; elsewhere skipped without Chromium and chromedriver.
 */
@DoudiTest
class TasklistWalksBrowserTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @BeforeEach
  void browserInstalledAndWebAppWarm() {
    Chromium.requireInstalled();
    TasklistWalk.warmUp(port);
  }

  /** A valid ID number of a person born on {@code birth} (yyyyMMdd) whom no other test uses. */
  private static String freshId(String birth, String sequence) {
    return TestApplications.id("22" + (5000 + (int) Math.floorMod(System.nanoTime(), 4000L)) + birth + sequence);
  }

  private TasklistWalk walk(String name) {
    return new TasklistWalk(name, port, tasks, runtime, management, history);
  }

  @Test
  void aDibaoCaseFromTheCounterToTheCountysApproval() {
    String id = freshId("19500101", "001");
    Map<String, TasklistWalk.Step> steps = TasklistForms.dibaoSteps();
    try (TasklistWalk walk = walk("dibao")) {
      String pid = walk.start("nongan-cw", "dibao-application", "最低生活保障申请审核确认",
          p -> TasklistForms.dibaoStart(p, "张三", id));
      walk.workUntilEnd(pid, steps, Set.of("BoundaryEvent_NoticePeriodEnded"));
      assertThat(walk.done()).startsWith("start@nongan-cw", "Task_AcceptApplication@nongan-cw",
          "Task_StartInvestigation@nongan-cw", "Task_InvestigateHousehold@nongan-cw")
          .contains("Task_PreliminaryReview@nongan-approver", "timer:BoundaryEvent_NoticePeriodEnded")
          .endsWith("Task_ConfirmApplication@na-county-approver");
      assertThat(walk.passed(pid)).contains("ServiceTask_RegisterApplication", "ServiceTask_CheckInformation",
          "EndEvent_Approved");
    }
  }

  @Test
  void anExpenditureCaseFromTheCounterToItsPayment() {
    String id = freshId("19700101", "003");
    Map<String, TasklistWalk.Step> steps = new LinkedHashMap<>();
    steps.put("Task_AcceptApplication", new TasklistWalk.Step("nongan-cw", TasklistForms::expenditureAccept));
    steps.put("Task_InvestigateHousehold", new TasklistWalk.Step("nongan-cw", TasklistForms::expenditureInvestigate));
    steps.put("Task_ProposeAssistance", new TasklistWalk.Step("nongan-cw", TasklistForms::expenditureProposal));
    steps.put("Task_TownshipApproval", new TasklistWalk.Step("nongan-approver",
        TasklistForms::temporaryTownshipApproval));
    try (TasklistWalk walk = walk("expenditure")) {
      String pid = walk.start("nongan-cw", "expenditure-assistance", "支出型临时救助（一次审批、分次发放）",
          p -> TasklistForms.expenditureStart(p, "赵六", id));
      walk.workUntilEnd(pid, steps, Set.of("BoundaryEvent_NoticePeriodEnded", "IntermediateTimer_InstalmentDue"));
      assertThat(walk.done()).containsExactly("start@nongan-cw", "Task_AcceptApplication@nongan-cw",
          "Task_InvestigateHousehold@nongan-cw", "Task_ProposeAssistance@nongan-cw",
          "timer:BoundaryEvent_NoticePeriodEnded", "Task_TownshipApproval@nongan-approver",
          "timer:IntermediateTimer_InstalmentDue");
      assertThat(walk.passed(pid)).contains("ServiceTask_CheckInformation", "ServiceTask_RecordApproval",
          "EndEvent_AllPaid");
    }
  }

  @Test
  void anEmergencyCaseReportedAtTheCounterApprovedByTheCountyPaidThenItsPaperwork() {
    String id = freshId("19800101", "001");
    Map<String, TasklistWalk.Step> steps = new LinkedHashMap<>();
    steps.put("Task_CountyApproveEmergency", new TasklistWalk.Step("na-county-approver",
        TasklistForms::temporaryCountyApproval));
    steps.put("Task_AwaitEasing", new TasklistWalk.Step("nongan-cw", TasklistForms::emergencyEased));
    steps.put("Task_CompletePaperwork", new TasklistWalk.Step("nongan-cw",
        p -> TasklistForms.emergencyPaperwork(p, "1200")));
    try (TasklistWalk walk = walk("emergency")) {
      String pid = walk.start("nongan-cw", "emergency-assistance", "急难型临时救助（先行救助）",
          p -> TasklistForms.emergencyStart(p, "王五", id));
      walk.workUntilEnd(pid, steps, Set.of());
      assertThat(walk.done()).containsExactly("start@nongan-cw", "Task_CountyApproveEmergency@na-county-approver",
          "Task_AwaitEasing@nongan-cw", "Task_CompletePaperwork@nongan-cw");
      assertThat(walk.passed(pid)).contains("ServiceTask_PayReserveFund", "EndEvent_Closed");
    }
  }
}
