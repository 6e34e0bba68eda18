package org.doudi.review.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.platform.Postgres;
import org.doudi.review.ReviewVariables;
import org.doudi.review.Reviews;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): a month's due reviews of a province against the bare engine's throughput, in the same run
 * on PostgreSQL.
 *
 * <pre>mvn -Pbench-review test-compile exec:exec [-Dbench.households=1000000] [-Dbench.month=2026-12]
 *     [-Dbench.threads=2] [-Dbench.chunk=500] [-Dbench.sample=0]</pre>
 *
 * <ol>
 *   <li>{@code bench.households} review schedules COPYed into review_schedule: class YEARLY 60 %, HALF_YEARLY 30 %,
 *       QUARTERLY 7 %, MONTHLY 3 % (a mix under the 2021 measures with some local overrides), the next review date
 *       spread evenly over the class's period, so that one month holds 1/12, 1/6, 1/3 and all of them;</li>
 *   <li>timed, <b>create</b>: the daily run's work for the whole month, {@code Reviews.startDue} in chunks of
 *       {@code bench.chunk} (one transaction each, as the schedule process's loop does) on {@code bench.threads} threads,
 *       until nothing is due — a dibao-review instance, its review case and its async job per household;</li>
 *   <li>timed, <b>drain</b>: every review's first job (再次信息核对; the bench households have no 低保 record, so no
 *       platform call: a home visit follows) executed and the first user task (入户调查) completed through the
 *       TaskService with its form's values, on the same threads;</li>
 *   <li>timed, the <b>bare engine</b> on the same database and threads: as many instances of a trivial process (start
 *       → async service task with a literal expression → user task) started, their job executed and their task
 *       completed.</li>
 * </ol>
 * No timer per household exists at any point: the schedule is a table row until its month comes.
 */
public final class ReviewBenchmark {

  static final String BARE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_BenchBare" targetNamespace="bench">
        <bpmn:process id="bench-bare" name="基准" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:serviceTask id="ServiceTask_1" name="空" camunda:asyncBefore="true" camunda:expression="${true}">
            <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>
          <bpmn:userTask id="Task_1" name="任务"><bpmn:incoming>Flow_2</bpmn:incoming>
            <bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:userTask>
          <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="ServiceTask_1" />
          <bpmn:sequenceFlow id="Flow_2" sourceRef="ServiceTask_1" targetRef="Task_1" />
          <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_1" targetRef="EndEvent_1" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  public static void main(String[] args) throws Exception {
    int households = Integer.getInteger("bench.households", 1_000_000);
    YearMonth month = YearMonth.parse(System.getProperty("bench.month", "2026-12"));
    int threads = Integer.getInteger("bench.threads", 2);
    int chunk = Integer.getInteger("bench.chunk", 500);
    // 0: the whole month; n: stop creating after about n reviews (the per-review cost measured with the province's
    // schedule in the table, the month extrapolated)
    int sample = Integer.getInteger("bench.sample", 0);
    String url = Postgres.freshDatabase("doudi_bench_review");
    Map<String, Double> t = new LinkedHashMap<>();
    try (ConfigurableApplicationContext app = Postgres.application(url, "--logging.level.root=WARN",
        "--logging.structured.format.console=", "--spring.datasource.hikari.maximum-pool-size=" + (threads + 2),
        "--doudi.review.lead-working-days=0")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      DataSource ds = app.getBean(DataSource.class);
      Reviews reviews = app.getBean(Reviews.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TaskService tasks = app.getBean(TaskService.class);
      ManagementService management = app.getBean(ManagementService.class);
      LocalDate last = month.atEndOfMonth();
      // the clock on the month's first day, the start window to its last day: the whole month's reviews are
      // started (as the daily runs of the month would, day by day) and none is overdue yet
      ClockUtil.setCurrentTime(java.util.Date.from(month.atDay(1).atTime(7, 0).atZone(
          java.time.ZoneId.of("Asia/Shanghai")).toInstant()));

      long t0 = System.nanoTime();
      long due = seed(ds, households, month);
      t.put("seed review_schedule (COPY)", (System.nanoTime() - t0) / 1e9);
      jdbc.execute("ANALYZE review_schedule");
      System.out.printf(Locale.ROOT, "%nschedules: %,d households, %,d due in %s%n", households, due, month);

      // create: the daily run's chunks, one transaction each
      t0 = System.nanoTime();
      AtomicLong started = new AtomicLong();
      parallel(threads, () -> {
        for (int n; (sample == 0 || started.get() < sample) && (n = reviews.startDue(last, chunk)) > 0; ) {
          started.addAndGet(n);
        }
      });
      double create = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "created %,d reviews in %.1f s%n", started.get(), create);
      t.put("create: start the month's reviews", create);

      // drain: the first job and the first task of each
      t0 = System.nanoTime();
      long[] drained = drain(management, tasks, ReviewVariables.PROCESS_KEY, "Task_VisitHousehold", threads, Map.of(
          "visitor1", "刘调查", "visitor2", "陈调查", "visitDate", month.atDay(1).toString(), "visitSigned", true,
          "visitFindings", "入户核实，家庭情况与登记一致。"));
      double drain = (System.nanoTime() - t0) / 1e9;
      t.put("drain: first job + first task", drain);

      // the bare engine, same shape, same count
      app.getBean(RepositoryService.class).createDeployment().name("bench-bare")
          .addInputStream("bench-bare.bpmn", new java.io.ByteArrayInputStream(BARE.getBytes(
              java.nio.charset.StandardCharsets.UTF_8))).deploy();
      long count = started.get();
      AtomicLong next = new AtomicLong();
      t0 = System.nanoTime();
      parallel(threads, () -> {
        for (long i; (i = next.incrementAndGet()) <= count; ) {
          runtime.startProcessInstanceByKey("bench-bare", "bare:" + i);
        }
      });
      double bareStart = (System.nanoTime() - t0) / 1e9;
      t.put("bare: start instances", bareStart);
      t0 = System.nanoTime();
      long[] bareDrained = drain(management, tasks, "bench-bare", "Task_1", threads, Map.of());
      double bareDrain = (System.nanoTime() - t0) / 1e9;
      t.put("bare: first job + first task", bareDrain);

      Long timers = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'timer'", Long.class);
      System.out.println();
      System.out.printf(Locale.ROOT, "reviews started %,d (due %,d), jobs executed %,d, tasks completed %,d; bare: jobs "
          + "%,d, tasks %,d; timer jobs in the engine after the run %,d%n", started.get(), due, drained[0], drained[1],
          bareDrained[0], bareDrained[1], timers);
      t.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-40s %10.2f s%n", k, v));
      System.out.printf(Locale.ROOT, "  review create                            %,10.0f reviews/s%n", count / create);
      System.out.printf(Locale.ROOT, "  review drain                             %,10.0f reviews/s%n", count / drain);
      System.out.printf(Locale.ROOT, "  review create + drain                    %,10.0f reviews/s%n",
          count / (create + drain));
      System.out.printf(Locale.ROOT, "  bare engine start + job + task           %,10.0f instances/s%n",
          count / (bareStart + bareDrain));
      System.out.printf(Locale.ROOT, "  review / bare (time)                     %10.2f×%n",
          (create + drain) / (bareStart + bareDrain));
      System.out.printf(Locale.ROOT, "  the month's %,d due reviews at this rate: create %.0f s, drain %.0f s; bare engine %.0f s%n",
          due, due * create / count, due * drain / count, due * (bareStart + bareDrain) / count);
      System.out.printf(Locale.ROOT, "  %d thread(s), chunk %d, processors %d%n", threads, chunk,
          Runtime.getRuntime().availableProcessors());
    } finally {
      if (!Boolean.getBoolean("bench.keep")) {
        Postgres.dropIfTemporary(url);
      }
    }
  }

  /** COPYs the schedules; returns how many are due within the month. */
  static long seed(DataSource ds, int households, YearMonth month) throws Exception {
    Random random = new Random(20261201L);
    LocalDate first = month.atDay(1);
    long due = 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      StringBuilder b = new StringBuilder();
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (int i = 1; i <= households; i++) {
        int r = random.nextInt(100);
        String cls = r < 60 ? "YEARLY" : r < 90 ? "HALF_YEARLY" : r < 97 ? "QUARTERLY" : "MONTHLY";
        int months = switch (cls) {
          case "YEARLY" -> 12;
          case "HALF_YEARLY" -> 6;
          case "QUARTERLY" -> 3;
          default -> 1;
        };
        // evenly over the class's period starting with the month
        LocalDate next = first.plusDays(random.nextInt(months * 30));
        if (next.isBefore(month.plusMonths(1).atDay(1))) {
          due++;
        }
        b.append("HH-B").append(i).append("\tDIBAO\t220122\t220122100201\t").append(cls).append("\tbench\t")
            .append(next).append("\tt\t2026-01-01 00:00:00+08\n");
        if (b.length() > 1 << 20 || i == households) {
          copy.copyIn("COPY review_schedule (beneficiary_key, scheme, county_code, region_code, review_class,"
              + " class_basis, next_review_on, active, updated_at) FROM STDIN", new StringReader(b.toString()));
          b.setLength(0);
        }
      }
      c.commit();
    }
    return due;
  }

  /**
   * Executes every active job of the process (the first async step of each instance), then completes every open task
   * of the definition key (paged); the asyncAfter jobs the completions leave are not part of the drain.
   */
  static long[] drain(ManagementService management, TaskService tasks, String processKey, String taskKey,
      int threads, Map<String, Object> values) throws Exception {
    AtomicLong jobs = new AtomicLong();
    AtomicLong done = new AtomicLong();
    while (true) {
      List<Job> page = management.createJobQuery().processDefinitionKey(processKey).executable().messages()
          .listPage(0, 5000);
      if (page.isEmpty()) {
        break;
      }
      java.util.concurrent.ConcurrentLinkedQueue<Job> q = new java.util.concurrent.ConcurrentLinkedQueue<>(page);
      parallel(threads, () -> {
        for (Job j; (j = q.poll()) != null; ) {
          management.executeJob(j.getId());
          jobs.incrementAndGet();
        }
      });
    }
    while (true) {
      List<Task> open = tasks.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey)
          .listPage(0, 5000);
      if (open.isEmpty()) {
        break;
      }
      java.util.concurrent.ConcurrentLinkedQueue<Task> tq = new java.util.concurrent.ConcurrentLinkedQueue<>(open);
      parallel(threads, () -> {
        for (Task tk; (tk = tq.poll()) != null; ) {
          tasks.setAssignee(tk.getId(), "nongan-cw");
          tasks.complete(tk.getId(), new HashMap<>(values));
          done.incrementAndGet();
        }
      });
    }
    return new long[] {jobs.get(), done.get()};
  }

  static void parallel(int threads, ThrowingRunnable work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> {
        work.run();
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
