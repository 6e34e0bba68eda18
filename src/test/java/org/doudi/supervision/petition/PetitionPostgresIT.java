package org.doudi.supervision.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.doudi.household.InvalidApplicationException;
import org.doudi.platform.PostgresApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One petition end to end on PostgreSQL 15: registered, routed, accepted, extended once (four eyes), replied,
 * 复查, 复核 with a hearing, closed — every legal limit recorded as a calendar-day deadline — and six concurrent
 * 复核 requests of another petition (each its own transaction): exactly one is taken, the others refused in Chinese.
 */
class PetitionPostgresIT {

  static PostgresApp pg;
  static JdbcTemplate jdbc;
  static Petitions petitions;

  @BeforeAll
  static void start() {
    pg = PostgresApp.start("doudi_petition_it", "--camunda.bpm.job-execution.enabled=false");
    jdbc = pg.jdbc();
    petitions = pg.bean(Petitions.class);
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  static Petitions.Registered reexamined() {
    Petitions.Registered r = petitions.register(PetitionProcessTest.registration("PETITION", List.of(), null),
        "nongan-cw");
    String pid = r.processInstanceId();
    pg.runJobs(pid);
    pg.complete(pid, "Task_RoutePetition", "na-county-cw", Map.of("routeTo", "TOWNSHIP_CASEWORKER"));
    pg.complete(pid, "Task_DecideAcceptance", "nongan-cw", Map.of("acceptance", "ACCEPT"));
    pg.complete(pid, "Task_HandlePetition", "nongan-cw", Map.of("handlingOutcome", "EXTEND", "extensionDays", 30L,
        "extensionReason", "需要会同医保部门核实医疗支出"));
    pg.complete(pid, "Task_ApproveExtension", "na-county-approver", Map.of("extensionDecision", "APPROVE"));
    pg.complete(pid, "Task_HandlePetition", "nongan-cw", Map.of("handlingOutcome", "CONCLUDE",
        "conclusion", "经核实，医疗支出可纳入支出型临时救助，已告知申请途径。"));
    petitions.requestReexamination(r.petitionId(), new PetitionRequest("对答复不满意"), "nongan-cw");
    pg.runJobs(pid);
    pg.complete(pid, "Task_Reexamine", "na-county-approver", Map.of("reexaminationOpinion",
        "经复查，原处理意见正确，予以维持。"));
    return r;
  }

  @Test
  void aPetitionRunsToTheEndWithItsLimitsOnPostgres() {
    Petitions.Registered r = reexamined();
    String pid = r.processInstanceId();
    petitions.requestFinalReview(r.petitionId(), new PetitionRequest("对复查意见不服"), "nongan-cw");
    pg.runJobs(pid);
    pg.complete(pid, "Task_FinalReview", "supervisor", Map.of("finalReviewOutcome", "HEARING"));
    pg.complete(pid, "Task_Hearing", "supervisor", Map.of("hearingRecord", "听证会听取了双方意见"));
    pg.complete(pid, "Task_FinalReview", "supervisor", Map.of("finalReviewOutcome", "REPLY",
        "finalReviewOpinion", "经复核，维持复查意见，同一事项不再受理。"));

    Petitions.PetitionFile file = petitions.file(r.petitionId());
    assertThat(file.status()).isEqualTo("CLOSED");
    assertThat(file.extensionDays()).isEqualTo(30);
    assertThat(file.concludeBy()).isEqualTo(file.acceptedOn().plusDays(90));
    assertThat(file.events()).extracting(Petitions.Event::kind).containsExactly("REGISTERED", "ROUTED", "ACCEPTED",
        "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "EXTENSION_NOTICE", "REPLY", "REEXAMINATION_REQUESTED",
        "REEXAMINATION_REPLY", "FINAL_REVIEW_REQUESTED", "HEARING_STARTED", "HEARING", "FINAL_REVIEW_REPLY");
    assertThat(pg.bean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(pid)
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_ClosedAfterFinalReview");
    List<Map<String, Object>> limits = jdbc.queryForList("SELECT activity_id, working_days FROM cal_deadline "
        + "WHERE process_instance_id = ? AND day_basis = 'CALENDAR' ORDER BY id", pid);
    assertThat(limits).extracting(m -> m.get("activity_id") + ":" + m.get("working_days")).contains(
        "Task_RoutePetition:15", "Task_DecideAcceptance:15", "Task_HandlePetition:60", "Task_HandlePetition:90",
        "Task_Reexamine:30", "Task_FinalReview:30", "BoundaryEvent_ReexaminationWindowPassed:30");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cal_deadline WHERE process_instance_id = ? "
        + "AND day_basis = 'WORKING' AND activity_id = 'BoundaryEvent_ObjectionWindowClosed'", Integer.class, pid))
        .as("the 5 working days of a jurisdiction objection").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cal_deadline WHERE process_instance_id = ? "
        + "AND status = 'OPEN'", Integer.class, pid)).as("nothing left open once closed").isZero();
  }

  @Test
  void concurrentFinalReviewRequestsTakeOne() throws Exception {
    Petitions.Registered r = reexamined();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        Callable<String> request = () -> {
          try {
            petitions.requestFinalReview(r.petitionId(), new PetitionRequest("对复查意见不服"), "nongan-cw");
            return "OK";
          } catch (InvalidApplicationException e) {
            return e.getMessage();
          }
        };
        results.add(pool.submit(request));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
      assertThat(outcomes).filteredOn(o -> !o.equals("OK")).allSatisfy(o -> assertThat(o).contains("不再受理复核申请"));
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM petition_event WHERE petition_id = ? "
        + "AND kind = 'FINAL_REVIEW_REQUESTED'", Integer.class, r.petitionId())).isEqualTo(1);
    pg.runJobs(r.processInstanceId()); // after 登记复核申请 (async)
    assertThat(pg.bean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
        .processInstanceId(r.processInstanceId()).taskDefinitionKey("Task_FinalReview").count()).isEqualTo(1);
  }
}
