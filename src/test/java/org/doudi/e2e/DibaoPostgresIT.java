package org.doudi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.TestApplications;
import org.doudi.platform.Http;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole 低保 case on PostgreSQL through the REST API only, with the job executor running as in production:
 * an online application ({@code POST /api/applications}), every task claimed and completed through
 * {@code /engine-rest/task/{id}/complete} by the demo user whose role and region it belongs to, the 公示 period
 * ended by its own timer, the county's approval. Bad input is refused with 400 and stores nothing.
 */
class DibaoPostgresIT {

  static final Duration CASE_LIMIT = Duration.ofMinutes(3); // liveness bound, not a timing assertion

  final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  ConfigurableApplicationContext start(String url) {
    return Postgres.application(url, "--camunda.bpm.job-execution.enabled=true");
  }

  @Test
  void aFullCaseFromApplicationToDecisionOnPostgres() throws Exception {
    String url = Postgres.freshDatabase("doudi_dibao_it");
    try (ConfigurableApplicationContext app = start(url)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

      refusesBadInputAndStoresNothing(http, jdbc);
      oneOfTwoTownshipsFilingForTheSamePersonAtOnceWins(http, jdbc);

      Http.Response created = http.send("nongan-cw", "POST", "/api/applications",
          json.writeValueAsString(TestApplications.household()));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      JsonNode body = json.readTree(created.body());
      long applicationId = body.get("applicationId").asLong();
      String caseId = body.get("processInstanceId").asText();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM household_member WHERE application_id = ?", Integer.class,
          applicationId)).isEqualTo(3);

      List<String> done = work(http, caseId);

      assertThat(done).startsWith(DibaoHappyPath.ACCEPTANCE + "@nongan-cw", "Task_StartInvestigation@nongan-cw",
          "Task_InvestigateHousehold@nongan-cw")
          .contains("Task_PreliminaryReview@nongan-approver")
          .endsWith("Task_ConfirmApplication@na-county-approver");
      JsonNode historic = json.readTree(http.get("supervisor", "/engine-rest/history/process-instance/" + caseId).body());
      assertThat(historic.get("state").asText()).isEqualTo("COMPLETED");
      assertThat(historic.get("businessKey").asText()).isEqualTo(String.valueOf(applicationId));
      JsonNode ends = json.readTree(http.get("supervisor",
          "/engine-rest/history/activity-instance?processInstanceId=" + caseId + "&activityId=EndEvent_Approved").body());
      assertThat(ends).hasSize(1);
      // the evidence outlives the engine's history: the decision and the case record on PostgreSQL
      Map<String, Object> decision = jdbc.queryForMap("SELECT decision, authority, decided_by, monthly_amount, payment_from"
          + " FROM dibao_decision WHERE process_instance_id = ?", caseId);
      assertThat(decision).containsEntry("decision", "APPROVE").containsEntry("authority", "COUNTY")
          .containsEntry("decided_by", "na-county-approver");
      assertThat((java.math.BigDecimal) decision.get("monthly_amount")).isPositive();
      assertThat(decision.get("payment_from")).isNotNull();
      assertThat(jdbc.queryForObject("SELECT status FROM household_application WHERE id = ?", String.class, applicationId))
          .isEqualTo("APPROVED");
    }
    Postgres.dropIfTemporary(url);
  }

  /**
   * Two townships (农安镇's 宝塔村 and 伏龙泉镇's 伏龙泉村) file, at the same moment, applications that both name the
   * same person: in every round exactly one is accepted, the other answers 409 naming the winner's case, and the
   * register holds the person once (the primary key decides on PostgreSQL, not a read).
   */
  private void oneOfTwoTownshipsFilingForTheSamePersonAtOnceWins(Http http, JdbcTemplate jdbc) throws Exception {
    for (int round = 0; round < 20; round++) {
      HouseholdApplication a = TestApplications.unique(TestApplications.household());
      HouseholdApplication other = TestApplications.unique(TestApplications.household());
      HouseholdApplication b = new HouseholdApplication("220122", "220122101201", other.urbanRural(),
          "农安县伏龙泉镇伏龙泉村2组", other.contactPhone(), List.of(other.members().get(0), a.members().get(1),
          other.members().get(2)), other.assets(), true, true, null, other.bankAccount(), false, null);
      int before = jdbc.queryForObject("SELECT count(*) FROM household_application", Integer.class);
      java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var first = two.submit(() -> {
          together.await();
          return http.send("nongan-cw", "POST", "/api/applications", json.writeValueAsString(a));
        });
        var second = two.submit(() -> {
          together.await();
          return http.send("fulongquan-cw", "POST", "/api/applications", json.writeValueAsString(b));
        });
        Http.Response ra = first.get();
        Http.Response rb = second.get();
        assertThat(List.of(ra.status(), rb.status())).as(ra.body() + " / " + rb.body()).containsExactlyInAnyOrder(
            201, 409);
        Http.Response won = ra.status() == 201 ? ra : rb;
        Http.Response lost = ra.status() == 201 ? rb : ra;
        long winner = json.readTree(won.body()).get("applicationId").asLong();
        assertThat(json.readTree(lost.body()).get("detail").asText()).contains("李四", "HH-" + winner);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM household_application", Integer.class))
            .isEqualTo(before + 1);
        assertThat(jdbc.queryForList("SELECT holder_key FROM benefit_person WHERE id_number = ?", String.class,
            a.members().get(1).idNumber())).containsExactly("HH-" + winner);
      } finally {
        two.shutdown();
      }
    }
  }

  /** An invalid ID number and a negative income: 400 with the members named, no rows, no process. */
  private void refusesBadInputAndStoresNothing(Http http, JdbcTemplate jdbc) throws Exception {
    int applications = jdbc.queryForObject("SELECT count(*) FROM household_application", Integer.class);
    int instances = jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst", Integer.class);
    ObjectNode bad = (ObjectNode) json.valueToTree(TestApplications.household());
    ((ObjectNode) bad.get("members").get(1)).put("idNumber", "220122195203050020"); // wrong check digit
    ((ObjectNode) bad.get("members").get(0).get("monthlyIncome")).put("WAGE", -5);
    Http.Response refused = http.send("nongan-cw", "POST", "/api/applications", json.writeValueAsString(bad));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("violations")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(refused.body()).contains("members[1].idNumber", "李四", "members[0].monthlyIncome");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM household_application", Integer.class)).isEqualTo(applications);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_procinst", Integer.class)).isEqualTo(instances);
  }

  /** Works the case's tasks through the REST API until it ends; returns "taskKey@user" in order. */
  private List<String> work(Http http, String caseId) throws Exception {
    Map<String, DibaoHappyPath.Step> steps = DibaoHappyPath.steps();
    List<String> done = new ArrayList<>();
    long deadline = System.nanoTime() + CASE_LIMIT.toNanos();
    boolean refusedOnce = false;
    while (System.nanoTime() < deadline) {
      JsonNode instance = json.readTree(http.get("supervisor", "/engine-rest/history/process-instance/" + caseId).body());
      if (!"ACTIVE".equals(instance.get("state").asText())) {
        return done;
      }
      assertThat(json.readTree(http.get("demo", "/engine-rest/incident?processInstanceId=" + caseId).body()))
          .as("incidents").isEmpty();
      fireNoticeTimer(http, caseId);
      JsonNode tasks = json.readTree(http.get("demo", "/engine-rest/task?processInstanceId=" + caseId).body());
      if (tasks.isEmpty()) {
        Thread.sleep(200); // the job executor is moving the case on
        continue;
      }
      for (JsonNode task : tasks) {
        String key = task.get("taskDefinitionKey").asText();
        if (key.equals(DibaoHappyPath.NOTICE)) {
          continue; // no objection: the next round fires the end of the 公示
        }
        DibaoHappyPath.Step step = steps.get(key);
        assertThat(step).as("a step for task " + key + " (" + task.get("name").asText() + ")").isNotNull();
        String id = task.get("id").asText();
        if (key.equals("Task_ConfirmApplication") && !refusedOnce) {
          // the township may not decide what the county decides
          assertThat(http.send("nongan-approver", "POST", "/engine-rest/task/" + id + "/claim",
              "{\"userId\":\"nongan-approver\"}").status()).isEqualTo(403);
          refusedOnce = true;
        }
        Http.Response claimed = http.send(step.user(), "POST", "/engine-rest/task/" + id + "/claim",
            "{\"userId\":\"" + step.user() + "\"}");
        assertThat(claimed.status()).as(key + " claim: " + claimed.body()).isEqualTo(204);
        Http.Response completed = http.send(step.user(), "POST", "/engine-rest/task/" + id + "/complete",
            json.writeValueAsString(Map.of("variables", variables(step.values()))));
        assertThat(completed.status()).as(key + " complete: " + completed.body()).isIn(200, 204);
        done.add(key + "@" + step.user());
      }
    }
    throw new AssertionError("The case did not end within " + CASE_LIMIT + "; done: " + done);
  }

  /** The 公示 lasts 7 calendar days: its timer is made due now (as an administrator would), the executor fires it. */
  private void fireNoticeTimer(Http http, String caseId) throws Exception {
    for (String activity : DibaoHappyPath.FIRABLE_TIMERS) {
      JsonNode jobs = json.readTree(http.get("demo", "/engine-rest/job?timers=true&processInstanceId=" + caseId
          + "&activityId=" + activity).body());
      for (JsonNode job : jobs) {
        Http.Response r = http.send("demo", "POST", "/engine-rest/job/" + job.get("id").asText() + "/execute", null);
        assertThat(r.status()).as("fire " + activity + ": " + r.body()).isIn(204, 404);
      }
    }
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    values.forEach((k, value) -> v.put(k, Map.of("value", value)));
    return v;
  }
}
