package org.doudi.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two daily runs at once on PostgreSQL 15 (two nodes, or a run and its retry): 1,200 due schedules, four threads each
 * calling {@code Reviews.startDue} in chunks of 100 until nothing is due. Every schedule gets exactly one review case
 * and one process instance; no schedule is started twice and none is left out.
 */
class ReviewPostgresIT {

  static final int DUE = 1200;

  static String url;
  static ConfigurableApplicationContext app;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    url = Postgres.freshDatabase("doudi_review_it");
    app = Postgres.application(url, "--spring.datasource.hikari.maximum-pool-size=12",
        "--camunda.bpm.job-execution.enabled=false", "--doudi.review.lead-working-days=0");
    jdbc = app.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    if (app != null) {
      app.close();
    }
    Postgres.dropIfTemporary(url);
  }

  @Test
  void concurrentRunsStartEachDueReviewExactlyOnce() throws Exception {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-03-02T01:00:00Z")));
    LocalDate today = LocalDate.parse("2026-03-02");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < DUE + 300; i++) {
      // 300 not yet due (next month)
      rows.add(new Object[] {"HH-IT" + i, "DIBAO", "220122", "220122100201", "YEARLY", "it",
          Date.valueOf(i < DUE ? today.minusDays(i % 20) : today.plusMonths(1)),
          Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"))});
    }
    jdbc.batchUpdate("INSERT INTO review_schedule (beneficiary_key, scheme, county_code, region_code, review_class,"
        + " class_basis, next_review_on, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)", rows);
    Reviews reviews = app.getBean(Reviews.class);
    int threads = 4;
    CyclicBarrier together = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      runs.add(pool.submit(() -> {
        together.await();
        int started = 0;
        for (int n; (n = reviews.startDue(today, 100)) > 0; ) {
          started += n;
        }
        return started;
      }));
    }
    int total = 0;
    for (Future<Integer> f : runs) {
      total += f.get();
    }
    pool.shutdown();
    // a run that found nothing left may stop early; a last run finds what the others' locks hid from it
    total += reviews.startDue(today, 100_000);

    assertThat(total).isEqualTo(DUE);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_case", Integer.class)).isEqualTo(DUE);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT beneficiary_key) FROM review_case", Integer.class))
        .isEqualTo(DUE);
    assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processDefinitionKey(ReviewVariables.PROCESS_KEY).count()).isEqualTo(DUE);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_schedule WHERE open_case_id IS NOT NULL",
        Integer.class)).isEqualTo(DUE);
    assertThat(reviews.startDue(today, 100)).isZero();
  }
}
