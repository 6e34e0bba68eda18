package org.doudi.supervision.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.platform.Http;
import org.doudi.platform.PostgresApp;
import org.doudi.platform.ProcessFixture;
import org.doudi.supervision.escalation.internal.EscalationSweep;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation on PostgreSQL: two sweeps at once (two nodes, or a retry beside the hourly run) over the same missed
 * limits start exactly one 督办 per limit; the lateness report's SQL.
 */
class EscalationPostgresIT {

  static final int CASES = 12;

  @Test
  void twoSweepsAtOnceStartOne督办PerMissedLimit() throws Exception {
    try (PostgresApp pg = PostgresApp.start("doudi_escalation_it",
        "--doudi.supervision.escalation.page-size=5")) {
      pg.bean(RepositoryService.class).createDeployment().name("escalation-tests")
          .addClasspathResource("supervision/escalation-test-case.bpmn").deploy();
      RuntimeService runtime = pg.bean(RuntimeService.class);
      JdbcTemplate jdbc = pg.jdbc();
      TransactionTemplate tx = new TransactionTemplate(pg.bean(PlatformTransactionManager.class));
      EscalationSweep sweep = pg.bean(EscalationSweep.class);
      try {
        ProcessFixture.clockAt("2026-03-02T09:00");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
          cases.add(runtime.startProcessInstanceByKey("escalation-test-case", "PG-" + i,
              Map.of("regionCode", "220122100201")).getId());
        }
        ProcessFixture.clockAt("2026-03-06T09:00");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
          runs.add(pool.submit(() -> {
            go.await();
            int started = 0;
            long after = 0;
            EscalationSweep.Pass pass;
            do {
              long from = after;
              pass = tx.execute(s -> sweep.escalateAfter(from));
              started += pass.started();
              after = pass.lastId();
            } while (pass.more());
            return started;
          }));
        }
        go.countDown();
        int started = 0;
        for (Future<Integer> run : runs) {
          started += run.get();
        }
        pool.shutdown();

        assertThat(started).as("督办 started by both sweeps together").isEqualTo(CASES);
        for (String pid : cases) {
          assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_escalation WHERE late_process_instance_id = ?",
              Integer.class, pid)).as(pid).isEqualTo(1);
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(EscalationVariables.ESCALATION_PROCESS)
            .count()).isEqualTo(CASES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_escalation WHERE escalation_process_id IS NULL",
            Integer.class)).isZero();
        // a third sweep finds nothing new
        assertThat(tx.execute(s -> sweep.escalateAfter(0)).started()).isZero();

        Http http = new Http(((WebServerApplicationContext) pg.context()).getWebServer().getPort());
        Http.Response r = http.get("na-supervisor", "/api/supervision/lateness?from=2026-03-01&to=2026-03-31");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode office = new ObjectMapper().readTree(r.body()).get("offices").get(0);
        assertThat(office.get("officeCode").asText()).isEqualTo("220122100");
        assertThat(office.get("missedLimits").asLong()).isEqualTo(CASES);
        assertThat(office.get("escalationsOpen").asLong()).isEqualTo(CASES);
        assertThat(office.get("repeatedLateness").asBoolean()).isTrue();
        Http.Response list = http.get("supervisor", "/api/supervision/escalations?status=OPEN&size=100");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(list.body()).get("items")).hasSize(CASES);
      } finally {
        ClockUtil.reset();
      }
    }
  }
}
