package org.doudi.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.dibao.ApplicationRejected;
import org.doudi.platform.Http;
import org.doudi.platform.Postgres;
import org.doudi.watch.internal.RecheckRejected;
import org.doudi.watch.persistence.WatchRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watch list's SQL on PostgreSQL: entries from an event, eight concurrent raises of the same alert (one row, one
 * task), the 漏保 re-check, closing, and the paged, region-scoped REST answers with the monthly counts.
 */
class WatchPostgresIT {

  @Test
  void registerAlertsAndStatisticsOnPostgres() throws Exception {
    String url = Postgres.freshDatabase("doudi_watch_it");
    try (ConfigurableApplicationContext app = Postgres.application(url)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
      TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      WatchList watch = app.getBean(WatchList.class);
      WatchRepository records = app.getBean(WatchRepository.class);
      TaskService tasks = app.getBean(TaskService.class);
      ObjectMapper json = new ObjectMapper();
      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

      String id = WatchListTest.newId();
      tx.executeWithoutResult(s -> app.publishEvent(new ApplicationRejected(
          77L, "pi-77", "220122", "220122100201", "冯十八", id, List.of(id), LocalDate.now(), "INELIGIBLE",
          new BigDecimal("650.00"), new BigDecimal("600.00"), true)));
      assertThat(jdbc.queryForList("SELECT category FROM watch_entry WHERE subject_id_number = ? ORDER BY id",
          String.class, id)).containsExactly("REJECTED", "LOW_INCOME_EDGE");

      // eight nodes raise the same alert at once: one row, one case
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<WatchList.Raised>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<WatchList.Raised> call = () -> {
          go.await();
          return tx.execute(s -> watch.raise(AlertRule.PAYMENT_RETURNED, new WatchList.Subject(id, "冯十八",
              "220122100201"), "ledger:4711", "退回"));
        };
        results.add(pool.submit(call));
      }
      go.countDown();
      List<WatchList.Raised> raised = new ArrayList<>();
      for (Future<WatchList.Raised> f : results) {
        try {
          raised.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          // the losers of the race may fail on the unique key inside their own transaction; none may win twice
          assertThat(e.getCause()).hasMessageContaining("watch_alert");
        }
      }
      pool.shutdown();
      assertThat(raised.stream().filter(WatchList.Raised::created).count()).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM watch_alert WHERE event_key = 'ledger:4711'",
          Integer.class)).isEqualTo(1);
      String pid = records.alert("PAYMENT_RETURNED", "ledger:4711").orElseThrow().processInstanceId();
      assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).isEqualTo(1);

      // the 漏保 re-check six months on
      app.getBean(RecheckRejected.class).recheck(LocalDate.now().plusMonths(6));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM watch_alert WHERE rule_code = 'MISSED_RECHECK' "
          + "AND subject_id_number = ?", Integer.class, id)).isEqualTo(1);

      Task t = tasks.createTaskQuery().processInstanceId(pid).singleResult();
      tasks.claim(t.getId(), "nongan-cw");
      tasks.complete(t.getId(), Map.of("closeReason", "MOVED", "closeNote", "已迁往长春市"));
      assertThat(records.alert("PAYMENT_RETURNED", "ledger:4711").orElseThrow().status()).isEqualTo("DISMISSED");

      Http.Response page = http.get("nongan-cw", "/api/watch/alerts?size=1&page=0");
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      JsonNode p = json.readTree(page.body());
      assertThat(p.get("total").asLong()).isEqualTo(2);
      assertThat(p.get("items")).hasSize(1);
      assertThat(json.readTree(http.get("nongan-cw", "/api/watch/entries?category=LOW_INCOME_EDGE").body())
          .get("total").asLong()).isEqualTo(1);
      assertThat(json.readTree(http.get("nanling-cw", "/api/watch/entries").body()).get("total").asLong()).isZero();
      JsonNode stats = json.readTree(http.get("nongan-cw", "/api/watch/rule-statistics?month="
          + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"))).body());
      for (JsonNode r : stats.get("rules")) {
        if (r.get("ruleCode").asText().equals("PAYMENT_RETURNED")) {
          assertThat(r.get("raised").asLong()).isEqualTo(1);
          assertThat(r.get("dismissed").asLong()).isEqualTo(1);
        }
      }
    }
    Postgres.dropIfTemporary(url);
  }
}
