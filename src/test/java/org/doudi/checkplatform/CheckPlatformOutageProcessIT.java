package org.doudi.checkplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.platform.ProcessFixture.clock;
import static org.doudi.platform.ProcessFixture.clockAt;
import static org.doudi.platform.ProcessFixture.local;
import static org.doudi.platform.ProcessFixture.vars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.dibao.DibaoCases;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.TestApplications;
import org.doudi.platform.PostgresApp;
import org.doudi.platform.ProcessFixture;
import org.doudi.tekun.CareMode;
import org.doudi.tekun.TekunApplication;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.TekunRecognitions;
import org.doudi.unemployed.UnemployedCases;
import org.doudi.unemployed.UnemployedFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schemes' check steps (低保, 特困, 未参保失业, 支出型临时救助, 低保复核) in {@code http} mode against an in-process HTTP server that speaks the wire format of
 * docs/eligibility.md: a 5xx, a slow answer past the read timeout and a malformed answer each fail the check job,
 * which retries on its configured cycle (R3/PT10M) and then becomes an incident; the case does not move on and no
 * check result is stored. Once the platform answers and the operator sets the job's retries, the case continues with
 * the platform's real result, stored exactly once.
 */
class CheckPlatformOutageProcessIT {

  enum Behaviour { ANSWER, ERROR_503, SLOW, MALFORMED }

  static final HttpServer PLATFORM;
  static final ObjectMapper JSON = new ObjectMapper();
  static volatile Behaviour behaviour = Behaviour.ANSWER;
  static final AtomicInteger REQUESTS = new AtomicInteger();
  static final AtomicInteger ANSWERS = new AtomicInteger();

  static {
    try {
      PLATFORM = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PLATFORM.createContext("/platform/checks", exchange -> {
      REQUESTS.incrementAndGet();
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      int status = 200;
      String body;
      switch (behaviour) {
        case ERROR_503 -> {
          status = 503;
          body = "{\"error\":\"维护中\"}";
        }
        case SLOW -> {
          sleep(2500); // past the read timeout of 1 s set below
          body = answer(request);
        }
        case MALFORMED -> body = "{\"reference\":\"HD-X\",\"persons\":[{\"idNumber\":";
        default -> {
          body = answer(request);
          ANSWERS.incrementAndGet();
        }
      }
      byte[] out = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      try {
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
      } catch (IOException gone) {
        // the client gave up (timeout)
      }
      exchange.close();
    });
    PLATFORM.setExecutor(Executors.newCachedThreadPool());
    PLATFORM.start();
  }

  /** The platform found, for each person asked about, no income and no assets; its report number names the request. */
  static String answer(JsonNode request) {
    ObjectNode out = JSON.createObjectNode();
    out.put("reference", "HD-" + request.path("requestId").asText());
    ArrayNode persons = out.putArray("persons");
    request.path("persons").forEach(p -> persons.addObject().put("idNumber", p.path("idNumber").asText())
        .put("name", p.path("name").asText()).putObject("monthlyIncome"));
    out.putArray("assets");
    return out.toString();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Its own application in http mode, started and stopped here: a second cached test context beside the shared one
   * would leave a second engine with a job executor on the same database and take over the web apps' static engine.
   */
  static PostgresApp app;

  @BeforeAll
  static void httpMode() {
    app = PostgresApp.start("doudi_outage", "--doudi.check-platform.mode=http",
        "--doudi.check-platform.url=http://127.0.0.1:" + PLATFORM.getAddress().getPort() + "/platform",
        "--doudi.check-platform.read-timeout=1s");
  }

  @AfterAll
  static void stopPlatform() {
    if (app != null) {
      app.close();
    }
    PLATFORM.stop(0);
  }

  final RuntimeService runtime = app.bean(RuntimeService.class);
  final TaskService tasks = app.bean(TaskService.class);
  final ManagementService management = app.bean(ManagementService.class);
  final JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
  final DibaoCases dibao = app.bean(DibaoCases.class);
  final TekunRecognitions tekun = app.bean(TekunRecognitions.class);
  final UnemployedCases unemployed = app.bean(UnemployedCases.class);
  final org.doudi.household.Households households = app.bean(org.doudi.household.Households.class);
  final org.doudi.payroll.Awards awards = app.bean(org.doudi.payroll.Awards.class);
  final org.doudi.eligibility.DibaoEligibility eligibility = app.bean(org.doudi.eligibility.DibaoEligibility.class);
  final org.doudi.review.Reviews reviews = app.bean(org.doudi.review.Reviews.class);

  ProcessFixture f;

  @BeforeEach
  void setUp() {
    f = new ProcessFixture(tasks, management);
    clockAt("2026-11-02T09:00"); // a Monday
    behaviour = Behaviour.ANSWER;
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void dibaoCheckRetriesOnItsCycleBecomesAnIncidentAndContinuesOnceWithTheRealResult() {
    var c = dibao.apply(TestApplications.unique(TestApplications.household()), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", vars("materialIdentity", true, "materialIncome", true,
        "materialAssets", true, "materialAuthorisation", true, "materialPledge", true,
        "materialDisabilityProof", true));
    f.complete(pid, "Task_StartInvestigation", "nongan-cw", vars("investigator1", "刘调查", "investigator2", "陈调查",
        "plannedVisitDate", clock().toLocalDate().toString(), "investigationPlan", "入户并走访两户邻居"));
    completeWithoutRunningJobs(pid, "Task_InvestigateHousehold", "nongan-cw", vars("investigator1", "刘调查",
        "investigator2", "陈调查", "investigatorsSigned", true, "familySigned", true,
        "investigationDate", clock().toLocalDate().toString(), "livingConditions", "平房两间，家电简陋",
        "neighbourhoodNotes", "邻居反映家庭确实困难"));
    int before = REQUESTS.get();

    // three attempts, ten minutes apart (R3/PT10M), each failing differently
    behaviour = Behaviour.ERROR_503;
    assertThat(failedAttempt(pid, "ServiceTask_CheckInformation", 2)).contains("答复 HTTP 503");
    behaviour = Behaviour.SLOW;
    assertThat(failedAttempt(pid, "ServiceTask_CheckInformation", 1)).contains("超时");
    behaviour = Behaviour.MALFORMED;
    assertThat(failedAttempt(pid, "ServiceTask_CheckInformation", 0)).contains("不是约定的格式");
    assertThat(REQUESTS.get() - before).isEqualTo(3);

    Incident incident = incident(pid);
    assertThat(incident.getActivityId()).isEqualTo("ServiceTask_CheckInformation");
    assertThat(incident.getIncidentMessage()).contains("核对平台").contains("malformed check platform answer");
    // nothing decided on missing data: no stored check, no check variables, no assessment, no task after the check
    assertStopsAtTheCheck(pid, "dibao_check", "process_instance_id = ?", pid);
    assertThat(runtime.getVariable(pid, "checkPassed")).isNull();
    assertThat(runtime.getVariable(pid, "eligibilityOutcome")).isNull();
    assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).isZero();

    recover(pid, "ServiceTask_CheckInformation");
    assertThat(jdbc.queryForList("SELECT reference FROM dibao_check WHERE process_instance_id = ?", String.class, pid))
        .containsExactly("HD-" + c.applicationId());
    assertThat(runtime.getVariable(pid, "checkReference")).isEqualTo("HD-" + c.applicationId());
    assertThat(runtime.getVariable(pid, "checkPassed")).isEqualTo(true);
    assertThat(f.task(pid, "Task_PreliminaryReview")).isNotNull();
  }

  @Test
  void tekunCheckFailureStopsTheCaseBeforeItsAssessment() {
    String id = TestApplications.id("2261" + String.format("%02d", (int) (System.nanoTime() % 90) + 10)
        + "19400101" + "01" + (1 + (int) (System.nanoTime() % 5)));
    var c = tekun.apply(new TekunApplication("钱老汉", id, "220122100201", "RURAL", "APPLICATION", "SELF", null, null,
        null, List.of(new TekunApplication.Income(IncomeType.PENSION_BASIC, new BigDecimal("150.00"))), List.of(),
        TekunFacts.Supporter.NONE, TekunFacts.Schooling.NONE, TekunFacts.ChildStatus.NONE, false,
        CareMode.DISPERSED, "农安农商银行", "6228480099887766", true, "本人申请"), "nongan-cw");
    String pid = c.processInstanceId();
    f.runJobs(pid);
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", vars("materialApplication", true,
        "materialIdentity", true, "materialIncomeAssets", true, "materialAuthorisation", true,
        "materialSupporter", true, "materialGuardian", false));
    Map<String, Object> investigation = vars("supporter", "NONE", "schooling", "NONE", "childStatus", "NONE",
        "choosesChildSubsidy", false, "investigators", "王调查、李调查", "investigationNote", "入户调查：本人独居，无子女",
        "cannotEat", false, "cannotDress", false, "cannotTransfer", false, "cannotToilet", false,
        "cannotWalk", false, "cannotBathe", false);
    completeWithoutRunningJobs(pid, "Task_TownshipInvestigation", "nongan-cw", investigation);

    behaviour = Behaviour.ERROR_503; // its cycle is R5/PT10M
    for (int left = 4; left >= 0; left--) {
      assertThat(failedAttempt(pid, "ServiceTask_CheckInformation", left)).contains("答复 HTTP 503");
    }
    assertThat(incident(pid).getIncidentMessage()).contains("check platform answered HTTP 503");
    long caseId = jdbc.queryForObject("SELECT id FROM tekun_case WHERE process_instance_id = ?", Long.class, pid);
    assertStopsAtTheCheck(pid, "tekun_case_record", "case_id = ? AND kind IN ('INFORMATION_CHECK', 'ASSESSMENT')",
        caseId);

    recover(pid, "ServiceTask_CheckInformation");
    assertThat(jdbc.queryForList("SELECT content FROM tekun_case_record WHERE case_id = ? AND kind = "
        + "'INFORMATION_CHECK'", String.class, caseId)).singleElement().asString().contains("核对报告HD-TK-" + caseId);
  }

  @Test
  void unemployedAssessmentWaitsForThePlatformAndDecidesNothingWithoutIt() {
    String id = UnemployedFixture.person("1988" + String.format("%02d", 1 + (int) (System.nanoTime() % 12)) + "15",
        10 + (int) (System.nanoTime() % 80));
    var c = unemployed.apply(UnemployedFixture.applicant(id), "baota");
    String pid = c.processInstanceId();

    behaviour = Behaviour.SLOW;
    for (int left = 2; left >= 0; left--) {
      assertThat(failedAttempt(pid, "ServiceTask_AssessEligibility", left)).contains("超时");
    }
    assertThat(incident(pid).getIncidentMessage()).contains("check platform timed out");
    assertStopsAtTheCheck(pid, "unemployed_record", "process_instance_id = ?", pid);
    assertThat(runtime.getVariable(pid, "eligible")).isNull();

    recover(pid, "ServiceTask_AssessEligibility");
    assertThat(jdbc.queryForList("SELECT content FROM unemployed_record WHERE process_instance_id = ? AND kind = "
        + "'ELIGIBILITY'", String.class, pid)).singleElement().asString()
        .contains("核对报告HD-UNEMPLOYED-" + c.applicationId());
  }

  @Test
  void temporaryExpenditureCheckFailureKeepsTheCaseFromItsProposal() {
    String id = org.doudi.eligibility.TestIds.id("220122", java.time.LocalDate.of(1966, 1, 1)
        .plusDays(System.nanoTime() % 3000).toString().replace("-", ""), "021");
    String pid = runtime.createProcessInstanceByKey("expenditure-assistance").setVariables(vars(
        "regionCode", "220122100201", "recipientName", "孙七", "recipientIdNumber", id, "recipientPhone", "13800000000",
        "causeKind", "MEDICAL", "cause", "突发重病住院，自付医疗费用高", "expenseAmount", 8000.0, "amount", 3000.0,
        "memberCount", 3L, "householdMonthlyIncome", 800.0, "bankName", "农安县农村信用社",
        "bankAccountNumber", "6217000000000000001", "authorisationSigned", true, "pledgeSigned", true,
        "reportedBy", "nongan-cw")).execute().getId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", vars("materialApplication", true,
        "materialIdentity", true, "materialExpenseProof", true, "materialAuthorisation", true,
        "materialPledge", true));
    completeWithoutRunningJobs(pid, "Task_InvestigateHousehold", "nongan-cw", vars("investigator1", "刘调查",
        "investigator2", "陈调查", "investigatorsSigned", true, "investigationDate", clock().toLocalDate().toString(),
        "investigationFindings", "住院费用票据属实，家庭无其他收入"));

    behaviour = Behaviour.MALFORMED; // its cycle is R3/PT10M
    for (int left = 2; left >= 0; left--) {
      assertThat(failedAttempt(pid, "ServiceTask_CheckInformation", left)).contains("不是约定的格式");
    }
    incident(pid);
    assertStopsAtTheCheck(pid, "temporary_case_event", "process_instance_id = ? AND kind = 'CHECKED'", pid);
    assertThat(runtime.getVariable(pid, "checkPassed")).isNull();

    recover(pid, "ServiceTask_CheckInformation");
    assertThat(jdbc.queryForList("SELECT note FROM temporary_case_event WHERE process_instance_id = ? AND kind = "
        + "'CHECKED'", String.class, pid)).singleElement().asString().contains("HD-T-" + pid);
    assertThat(f.task(pid, "Task_ProposeAssistance")).isNotNull();
  }

  @Test
  void reviewRecheckWaitsForThePlatformAndKeepsTheCaseFromTheVisit() {
    // an approved 低保 household with its award, as the approval leaves it (ReviewFixture.granted)
    var a = TestApplications.unique(TestApplications.household());
    long householdId = households.register(a, "nongan-cw");
    String key = "HH-" + householdId;
    java.time.LocalDate today = clock().toLocalDate();
    var covered = a.members().stream().map(m -> new org.doudi.register.Person(m.idNumber(), m.name())).toList();
    awards.grant(new org.doudi.payroll.AwardGrant(key, org.doudi.payment.Scheme.DIBAO, "case-" + key, a.countyCode(),
        a.regionCode(), a.urbanRural().name(), covered.size(), new org.doudi.payment.Payee(key, a.applicant().name(),
        a.applicant().idNumber(), "农安农商银行", "62284800" + String.format("%08d", householdId)),
        eligibility.assess(a, today).monthlyAmount(), today, "低保审核确认同意", covered), "na-county-approver");
    var opened = reviews.open(key, org.doudi.review.Trigger.OTHER, "群众反映家庭成员已就业", today.plusDays(20),
        "na-county-cw");
    String pid = opened.processInstanceId();
    completeWithoutRunningJobs(pid, null, null, null);

    behaviour = Behaviour.ERROR_503; // its cycle is R5/PT10M
    for (int left = 4; left >= 0; left--) {
      assertThat(failedAttempt(pid, "ServiceTask_CheckInformation", left)).contains("答复 HTTP 503");
    }
    incident(pid);
    assertStopsAtTheCheck(pid, "review_case", "id = ? AND (check_reference IS NOT NULL OR check_passed IS NOT NULL)",
        opened.id());
    assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).isZero();

    recover(pid, "ServiceTask_CheckInformation");
    assertThat(jdbc.queryForObject("SELECT check_reference FROM review_case WHERE id = ?", String.class, opened.id()))
        .isEqualTo("HD-review-" + opened.id());
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Completes the task (if any) and runs the jobs that follow, except the check itself. */
  void completeWithoutRunningJobs(String pid, String taskKey, String user, Map<String, Object> variables) {
    if (taskKey != null) {
      var t = f.task(pid, taskKey);
      tasks.claim(t.getId(), user);
      tasks.complete(t.getId(), variables);
    }
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pid).active().list().stream()
          .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime()))
          .filter(j -> !j.getId().equals(checkJobId(pid))).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  String checkJobId(String pid) {
    Job j = management.createJobQuery().processInstanceId(pid).activityId(checkActivity(pid)).singleResult();
    return j == null ? null : j.getId();
  }

  String checkActivity(String pid) {
    return runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getProcessDefinitionKey()
        .startsWith("unemployed") ? "ServiceTask_AssessEligibility" : "ServiceTask_CheckInformation";
  }

  /**
   * Runs the check job once, as the job executor would when it falls due, and expects it to fail with the given
   * retries left; a failure with retries left moves the job ten minutes on (the retry cycle), so the clock follows.
   */
  String failedAttempt(String pid, String activity, int retriesLeft) {
    Job job = management.createJobQuery().processInstanceId(pid).activityId(activity).singleResult();
    assertThat(job).as("the check is a job of its own").isNotNull();
    assertThat(job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime())).as("due").isTrue();
    String message = null;
    try {
      management.executeJob(job.getId());
    } catch (RuntimeException e) {
      message = e.getMessage();
    }
    assertThat(message).as("the check must fail").isNotNull();
    Job after = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retriesLeft);
    assertThat(after.getExceptionMessage()).isEqualTo(message);
    if (retriesLeft > 0) {
      assertThat(local(after.getDuedate())).isEqualTo(clock().plusMinutes(10));
      assertThat(runtime.createIncidentQuery().processInstanceId(pid).count()).isZero();
      ClockUtil.setCurrentTime(new Date(after.getDuedate().getTime() + 1000));
    }
    return message;
  }

  Incident incident(String pid) {
    Incident i = runtime.createIncidentQuery().processInstanceId(pid).singleResult();
    assertThat(i).as("an incident for the operator").isNotNull();
    assertThat(i.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    return i;
  }

  /** The case waits at its check: the instance is there, only the check activity is active, nothing is stored. */
  void assertStopsAtTheCheck(String pid, String table, String where, Object arg) {
    assertThat(runtime.getActiveActivityIds(pid)).containsExactly(checkActivity(pid));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Integer.class, arg))
        .as("no result stored in " + table).isZero();
  }

  /** The platform is back; the operator sets the job's retries (Cockpit: 重试); the job runs once and succeeds. */
  void recover(String pid, String activity) {
    behaviour = Behaviour.ANSWER;
    int answers = ANSWERS.get();
    Job job = management.createJobQuery().processInstanceId(pid).activityId(activity).singleResult();
    management.setJobRetries(job.getId(), 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(pid).count()).as("incident resolved").isZero();
    // the job keeps the due date of its last failure; the job executor takes it when that comes
    Date due = management.createJobQuery().jobId(job.getId()).singleResult().getDuedate();
    if (due != null && due.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
    }
    f.runJobs(pid);
    assertThat(ANSWERS.get() - answers).as("asked exactly once").isEqualTo(1);
    assertThat(management.createJobQuery().processInstanceId(pid).activityId(activity).count()).isZero();
    f.runJobs(pid);
    assertThat(ANSWERS.get() - answers).isEqualTo(1);
  }
}
