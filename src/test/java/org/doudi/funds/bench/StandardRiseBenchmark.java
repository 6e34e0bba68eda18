package org.doudi.funds.bench;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.eligibility.NewDibaoStandard;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.payroll.RiseData;
import org.doudi.payroll.StandardRise;
import org.doudi.payroll.StandardRiseVariables;
import org.doudi.payroll.StandardRises;
import org.doudi.platform.Postgres;
import org.doudi.region.Regions;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): 标准调整 of a whole province on PostgreSQL against the raw COPY of the same award rows.
 *
 * <pre>mvn -Pbench-rise test-compile exec:exec [-Dbench.households=1000000] [-Dbench.threads=2]</pre>
 *
 * <ol>
 *   <li>a fresh database {@code doudi_bench_rise} (plus DOUDI_PG_DB_SUFFIX) with the application's schema, Jilin's
 *       counties in {@code region}; N rural 低保 households with their bases ({@link RiseData}: 1–3 members, 2 M
 *       members for a million) spread over the 60 counties, ANALYZE (untimed);</li>
 *   <li>timed, as the application does it: a new rural standard for every county (POST /api/admin/dibao-standards'
 *       service: each opens its rise and starts process standard-rise), the computation jobs (on {@code bench.threads}
 *       threads), the county reviews (Tasklist's completion of 县级审核标准调整 by an administrator other than the one
 *       who entered the standards), the apply jobs, ANALYZE benefit_award: the awards are ready for the next
 *       roster;</li>
 *   <li>the award rows the rises wrote are dumped with COPY TO (untimed) and COPYed (timed) into (a) a table with
 *       benefit_award's columns and no index, (b) a table shaped and indexed like benefit_award, empty (both three
 *       times, median), (c) that table holding the awards' first rows, as benefit_award does (once); the total is
 *       printed against each.</li>
 * </ol>
 */
public final class StandardRiseBenchmark {

  static final BigDecimal OLD = new BigDecimal("500.00");
  static final BigDecimal NEW = new BigDecimal("560.00");
  static final String BARE = "COPY (a) into a bare table, no index (median)";
  static final String SHAPED = "COPY (b) benefit_award's shape+indexes, empty (median)";
  static final String FILLED = "COPY (c) same, holding the first rows (once)";

  public static void main(String[] args) throws Exception {
    int households = Integer.getInteger("bench.households", 1_000_000);
    int threads = Integer.getInteger("bench.threads", 2);
    String url = Postgres.freshDatabase("doudi_bench_rise");
    Map<String, Double> t = new LinkedHashMap<>();
    try (ConfigurableApplicationContext app = Postgres.application(url, "--logging.level.root=WARN",
        "--logging.level.org.doudi.payroll.StandardRises=INFO", "--logging.structured.format.console=",
        "--spring.datasource.hikari.maximum-pool-size=4")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      DataSource ds = app.getBean(DataSource.class);
      JilinCounties counties = JilinCounties.load();
      PayrollBenchmark.loadRegions(jdbc, counties);
      app.getBean(Regions.class).reload();
      app.getBean(Staff.class).ensureUser("bench-reviewer", "审核", "员", "bench", Role.ADMIN, "220000");
      String[] codes = counties.all().stream().map(JilinCounties.County::code).toArray(String[]::new);

      long t0 = System.nanoTime();
      RiseData.insert(jdbc, "HH-", codes, "RURAL", households, OLD, LocalDate.parse("2026-01-01"), true);
      jdbc.execute("ANALYZE");
      t.put("generate awards + bases (untimed)", secs(t0));
      int members = jdbc.queryForObject("SELECT COUNT(*) FROM award_basis_member", Integer.class);
      System.out.printf(Locale.ROOT, "%n%,d households with bases, %,d members, %d counties%n", households, members,
          codes.length);

      ManagementService management = app.getBean(ManagementService.class);
      TaskService tasks = app.getBean(TaskService.class);
      StandardRises rises = app.getBean(StandardRises.class);
      DibaoStandards standards = app.getBean(DibaoStandards.class);

      long start = System.nanoTime();
      t0 = start;
      List<String> pids = new ArrayList<>();
      for (String county : codes) {
        standards.add(new NewDibaoStandard(county, "RURAL", NEW, 24, LocalDate.parse("2027-01-01"), true,
            "基准测试：提高农村低保标准"), "demo");
      }
      List<StandardRise> opened = rises.list(List.of("22"), 1000);
      opened.forEach(r -> pids.add(r.processInstanceId()));
      t.put("1 record standards, open rises (" + opened.size() + ")", secs(t0));
      t0 = System.nanoTime();
      runJobs(management, pids, threads);
      t.put("2 compute lines (jobs, " + threads + " threads)", secs(t0));
      t0 = System.nanoTime();
      for (String pid : pids) {
        Task task = tasks.createTaskQuery().processInstanceId(pid)
            .taskDefinitionKey(StandardRiseVariables.REVIEW_TASK).singleResult();
        tasks.claim(task.getId(), "bench-reviewer");
        tasks.complete(task.getId(), Map.of("decision", "APPROVE"));
      }
      t.put("3 county reviews (task completion)", secs(t0));
      t0 = System.nanoTime();
      runJobs(management, pids, threads);
      t.put("4 apply (jobs, " + threads + " threads)", secs(t0));
      t0 = System.nanoTime();
      jdbc.execute("ANALYZE benefit_award");
      t.put("5 ANALYZE benefit_award", secs(t0));
      double total = secs(start);
      t.put("standard rise total (wall clock)", total);

      List<StandardRise> done = rises.list(List.of("22"), 1000);
      long applied = done.stream().filter(r -> r.status() == StandardRise.Status.APPLIED)
          .mapToLong(StandardRise::appliedCount).sum();
      long lines = done.stream().mapToLong(r -> r.lineCount() == null ? 0 : r.lineCount()).sum();
      BigDecimal increase = done.stream().map(StandardRise::increaseTotal).filter(java.util.Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      int rows = jdbc.queryForObject("SELECT COUNT(*) FROM benefit_award WHERE seq = 2", Integer.class);
      System.out.printf(Locale.ROOT, "rises: %d applied of %d, %,d lines, %,d award rows written (%,d in the table),"
          + " +%s yuan a month%n", done.stream().filter(r -> r.status() == StandardRise.Status.APPLIED).count(),
          done.size(), lines, applied, rows, increase.toPlainString());
      if (applied != households || rows != households) {
        System.out.println("!! MISMATCH: expected " + households + " award rows");
      }

      Path dump = Files.createTempFile("bench-rise", ".copy");
      try {
        try (Connection c = ds.getConnection(); OutputStream out = new BufferedOutputStream(
            new FileOutputStream(dump.toFile()), 1 << 20)) {
          c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM benefit_award WHERE seq = 2) "
              + "TO STDOUT", out);
        }
        // three yardsticks for "a raw COPY of the same rows": (a) a bare table with benefit_award's columns, no
        // index (the reference of runs 1–13); (b) a table shaped and indexed like benefit_award (LIKE … INCLUDING ALL:
        // its primary key, unique key, five more indexes, checks), empty; (c) that table already holding the rows
        // the rises' rows follow (the awards' first rows, untimed), as benefit_award does when the rise writes
        double[] raws = new double[3];
        double[] shaped = new double[3];
        for (int i = 0; i < raws.length; i++) {
          jdbc.execute("DROP TABLE IF EXISTS bench_raw_copy");
          jdbc.execute("CREATE TABLE bench_raw_copy (LIKE benefit_award)");
          raws[i] = PayrollBenchmark.copyIn(ds, "bench_raw_copy", dump);
          jdbc.execute("DROP TABLE bench_raw_copy");
          jdbc.execute("DROP TABLE IF EXISTS bench_shaped_copy");
          jdbc.execute("CREATE TABLE bench_shaped_copy (LIKE benefit_award INCLUDING ALL)");
          shaped[i] = PayrollBenchmark.copyIn(ds, "bench_shaped_copy", dump);
          jdbc.execute("DROP TABLE bench_shaped_copy");
        }
        jdbc.execute("CREATE TABLE bench_shaped_copy (LIKE benefit_award INCLUDING ALL)");
        jdbc.execute("INSERT INTO bench_shaped_copy SELECT * FROM benefit_award WHERE seq = 1");
        jdbc.execute("VACUUM ANALYZE bench_shaped_copy");
        double filled = PayrollBenchmark.copyIn(ds, "bench_shaped_copy", dump);
        jdbc.execute("DROP TABLE bench_shaped_copy");
        System.out.printf(Locale.ROOT, "raw COPY, no index: %.2f / %.2f / %.2f s%n", raws[0], raws[1], raws[2]);
        System.out.printf(Locale.ROOT, "raw COPY, benefit_award's shape and indexes, empty: %.2f / %.2f / %.2f s%n",
            shaped[0], shaped[1], shaped[2]);
        Arrays.sort(raws);
        Arrays.sort(shaped);
        t.put(BARE, raws[1]);
        t.put(SHAPED, shaped[1]);
        t.put(FILLED, filled);
        t.put("dump file MB", Files.size(dump) / 1e6);
      } finally {
        Files.deleteIfExists(dump);
      }
      Map<String, Object> pg = new LinkedHashMap<>();
      for (String s : List.of("server_version", "shared_buffers", "work_mem", "max_wal_size", "synchronous_commit")) {
        pg.put(s, jdbc.queryForObject("SHOW " + s, String.class));
      }
      for (String table : List.of("benefit_award", "award_basis", "award_basis_member", "standard_rise_line")) {
        pg.put("size " + table, jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('" + table
            + "'))", String.class));
      }
      System.out.println();
      t.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-56s %10.2f%s%n", k, v, k.contains("MB") ? "" : " s"));
      System.out.println();
      for (String ref : List.of(BARE, SHAPED, FILLED)) {
        System.out.printf(Locale.ROOT, "  standard rise / %-56s %6.2f×  (target ≤ 4)%n", ref, total / t.get(ref));
      }
      System.out.printf(Locale.ROOT, "  throughput %,10.0f awards/s (target: %,d in < 60 s)%n", households / total,
          households);
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "  JVM max heap %,d MB, %d processors%n", rt.maxMemory() >> 20,
          rt.availableProcessors());
      pg.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-30s %s%n", k, v));
    } finally {
      if (!Boolean.getBoolean("bench.keep")) {
        Postgres.dropIfTemporary(url);
      }
    }
  }

  /** Executes the instances' due jobs on {@code threads} threads until none is left; fails on a failed job. */
  static void runJobs(ManagementService management, List<String> pids, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 10; round++) {
        ConcurrentLinkedQueue<String> jobs = new ConcurrentLinkedQueue<>();
        for (String pid : pids) {
          management.createJobQuery().processInstanceId(pid).active().list().stream().map(Job::getId)
              .forEach(jobs::add);
        }
        if (jobs.isEmpty()) {
          return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          running.add(pool.submit(() -> {
            for (String id = jobs.poll(); id != null; id = jobs.poll()) {
              management.executeJob(id);
            }
          }));
        }
        for (Future<?> f : running) {
          f.get();
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
