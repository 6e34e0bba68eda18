package org.doudi.e2e.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.doudi.DoudiApplication;
import org.doudi.e2e.DibaoHappyPath;
import org.doudi.platform.Postgres;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): the engine cost of a 低保 case in three columns, measured in one run and one JVM:
 * <ol type="a">
 *   <li>the project's full 低保 case ({@code DibaoCases.apply}, then every step of {@code DibaoHappyPath});</li>
 *   <li>the bare process — the same user tasks, same users and form values, nothing else ({@link BareTasks}) — on
 *       the project's engine (its configuration and plugins: region grants, guards, audit, history full,
 *       authorization on);</li>
 *   <li>the same bare process on a stock Camunda 7.24 engine ({@link StockEngine}: no plugins, authorization off,
 *       default history level) on its own database.</li>
 * </ol>
 * Each runs single-threaded (the harness executes the jobs, one case at a time) and then with the job executor on
 * two threads (two harness threads complete the user tasks, the job executor runs the continuations). Printed: ms
 * per completed user task, the ratios a/b and b/c, and the SQL statements per user task (counted by a proxy on
 * each engine's data source), with the most frequent statements of each column.
 *
 * <pre>mvn -Pbench-dibao test-compile exec:exec [-Dbench.cases=200] [-Dbench.warmup=30] [-Dbench.rounds=3]
 *     [-Dbench.columns=abc]</pre>
 * ({@code -Dbench.columns=b} runs only the columns named, e.g. under a profiler.)
 */
public final class DibaoBenchmark {

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("bench.cases", 200);
    int warmup = Integer.getInteger("bench.warmup", 30);
    int rounds = Integer.getInteger("bench.rounds", 3);
    String url = Postgres.freshDatabase("doudi_bench");
    String stockUrl = Postgres.freshDatabase("doudi_bench_stock");
    SqlCounter appSql = new SqlCounter();
    List<Result> results = new ArrayList<>();
    try (ConfigurableApplicationContext app = application(url, appSql);
        StockEngine stock = new StockEngine(stockUrl)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      CaseDriver driver = new CaseDriver(engine);
      CaseDriver stockDriver = new CaseDriver(stock.engine);
      Scenario dibao = DibaoScenarios.all(app, engine, driver).get(0);

      // one 低保 case, watched: its user tasks (as they resolved) make the bare process
      List<BareTasks.Shape> shapes = new ArrayList<>();
      Map<String, DibaoHappyPath.Step> steps = DibaoHappyPath.steps();
      driver.observe(t -> shapes.add(new BareTasks.Shape(t.getTaskDefinitionKey(), t.getName(),
          engine.getTaskService().getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId)
              .filter(g -> g != null).sorted().collect(Collectors.joining(",")),
          engine.getRepositoryService().getBpmnModelInstance(t.getProcessDefinitionId())
              .<UserTask>getModelElementById(t.getTaskDefinitionKey()).getCamundaFormRef(),
          steps.get(t.getTaskDefinitionKey()).user(), steps.get(t.getTaskDefinitionKey()).values())));
      dibao.runOne(-1);
      driver.observe(null);
      Column a = new Column("a", dibao, engine, appSql);
      Column b = new Column("b", BareTasks.deploy("(b) bare tasks, project engine", engine, driver, shapes), engine,
          appSql);
      Column c = new Column("c", BareTasks.deploy("(c) bare tasks, stock Camunda 7.24", stock.engine, stockDriver,
          shapes), stock.engine, stock.sql);
      // -Dbench.columns=b runs one column only; the ratios then print NaN
      String only = System.getProperty("bench.columns", "abc");
      List<Column> columns = List.of(a, b, c).stream().filter(col -> only.contains(col.id())).toList();
      // figures are printed as each column finishes, so that a run cut short still yields them
      header(shapes);

      for (String mode : List.of("single thread", "job executor ×2")) {
        boolean je = !mode.equals("single thread");
        for (Column col : columns) {
          jobExecutor(col.engine, je);
        }
        driver.executorRunsJobs(je);
        stockDriver.executorRunsJobs(je);
        for (Column col : columns) {
          run(col, warmup, je, mode, 0); // JIT, caches, connection pools
          System.out.printf(Locale.ROOT, "%-16s %-40s warm-up of %d cases done; load average %s%n", mode,
              col.scenario().name(), warmup, loadAverage());
        }
        // rounds alternate the columns so that drift of the machine hits all of them alike
        for (int r = 1; r <= rounds; r++) {
          for (Column col : columns) {
            Result result = run(col, cases, je, mode, r);
            results.add(result);
            row(result);
          }
        }
        summary(results, mode);
      }
      for (Column col : columns) {
        jobExecutor(col.engine, false);
      }
      System.out.printf(Locale.ROOT, "%n%d cases × %d rounds per column and mode; project engine: history %s; stock: %s;"
          + " PostgreSQL %s; %s %s; %d processors; load average at the end %s%n", cases, rounds,
          engine.getProcessEngineConfiguration().getHistory(), stock.describe(),
          app.getBean(JdbcTemplate.class).queryForObject("SHOW server_version", String.class),
          System.getProperty("java.vm.name"), System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), loadAverage());
    } finally {
      Postgres.dropIfTemporary(url);
      Postgres.dropIfTemporary(stockUrl);
    }
  }

  /** The application as {@link Postgres#application} starts it, its data source counted. */
  static ConfigurableApplicationContext application(String url, SqlCounter sql) {
    return new SpringApplicationBuilder(DoudiApplication.class).profiles("demo", "test", "postgres")
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof DataSource ds && name.equals("dataSource") ? sql.wrap(ds) : bean;
          }
        }))
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + Postgres.USER,
            "--spring.datasource.password=" + Postgres.PASSWORD, "--logging.level.root=WARN",
            "--logging.structured.format.console=", "--camunda.bpm.metrics.enabled=true");
  }

  /** Starts (two threads) or stops an engine's job executor. */
  static void jobExecutor(ProcessEngine engine, boolean on) {
    JobExecutor je = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (on && !je.isActive()) {
      if (je instanceof DefaultJobExecutor d) {
        d.setCorePoolSize(2);
        d.setMaxPoolSize(2);
      }
      je.start();
    } else if (!on && je.isActive()) {
      je.shutdown();
    }
  }

  record Column(String id, Scenario scenario, ProcessEngine engine, SqlCounter sql) {}

  record Result(String column, String scenario, String mode, int round, int cases, int userTasks, long nanos,
      SqlCounter.Snapshot sql) {
    double seconds() {
      return nanos / 1e9;
    }

    double msPerTask() {
      return 1000 * seconds() / userTasks;
    }
  }

  static Result run(Column col, int cases, boolean twoThreads, String mode, int round) throws Exception {
    SqlCounter.Snapshot before = col.sql().snapshot();
    long t0 = System.nanoTime();
    int userTasks;
    if (!twoThreads) {
      userTasks = 0;
      for (int i = 0; i < cases; i++) {
        userTasks += col.scenario().runOne(round * 100_000 + i);
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          done.add(pool.submit(() -> {
            int n = 0;
            for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
              n += col.scenario().runOne(round * 100_000 + i);
            }
            return n;
          }));
        }
        int n = 0;
        for (Future<Integer> f : done) {
          n += f.get();
        }
        userTasks = n;
      } finally {
        pool.shutdown();
      }
    }
    long nanos = System.nanoTime() - t0;
    return new Result(col.id(), col.scenario().name(), mode, round, cases, userTasks, nanos,
        col.sql().snapshot().minus(before));
  }

  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  static void header(List<BareTasks.Shape> shapes) {
    System.out.println();
    System.out.println("user tasks of the bare process: " + shapes.stream().map(s -> s.id() + " [" + s.candidateGroups()
        + "]").collect(Collectors.joining(", ")));
    System.out.println("load average at the start: " + loadAverage());
    System.out.printf(Locale.ROOT, "%n%-16s %-40s %5s %10s %12s %14s %12s %12s%n", "mode", "column", "round",
        "user tasks", "user tasks/s", "ms/user task", "SQL/u. task", "trips/u.task");
  }

  static void row(Result r) {
    System.out.printf(Locale.ROOT, "%-16s %-40s %5d %10d %12.1f %14.2f %12.1f %12.1f   load %s%n", r.mode(),
        r.scenario(), r.round(), r.userTasks(), r.userTasks() / r.seconds(), r.msPerTask(),
        (double) r.sql().total() / r.userTasks(), (double) r.sql().roundTrips() / r.userTasks(), loadAverage());
  }

  static void summary(List<Result> results, String mode) {
    double a = msPerTask(results, mode, "a");
    double b = msPerTask(results, mode, "b");
    double c = msPerTask(results, mode, "c");
    System.out.printf(Locale.ROOT, "%n%s, all rounds: ms per completed user task  (a) %.2f  (b) %.2f  (c) %.2f"
        + "   a/b %.2f (target ≤ 1.0)   b/c %.2f (target ≤ 1.2)%n", mode, a, b, c, a / b, b / c);
    for (String col : List.of("a", "b", "c")) {
      List<Result> rs = results.stream().filter(r -> r.mode().equals(mode) && r.column().equals(col)).toList();
      if (rs.isEmpty()) {
        continue;
      }
      SqlCounter.Snapshot sum = rs.stream().map(Result::sql).reduce(SqlCounter::add).orElseThrow();
      int tasks = rs.stream().mapToInt(Result::userTasks).sum();
      System.out.printf(Locale.ROOT, "  (%s) per user task: %.1f SQL statements, %.1f round trips; most frequent:%n",
          col, (double) sum.total() / tasks, (double) sum.roundTrips() / tasks);
      for (Map.Entry<String, Long> e : sum.top(Integer.getInteger("bench.top", 25))) {
        System.out.printf(Locale.ROOT, "      %6.2f  %s%n", (double) e.getValue() / tasks, e.getKey());
      }
    }
    System.out.println();
  }

  static double msPerTask(List<Result> results, String mode, String column) {
    List<Result> rs = results.stream().filter(r -> r.mode().equals(mode) && r.column().equals(column)).toList();
    return 1000 * rs.stream().mapToDouble(Result::seconds).sum() / rs.stream().mapToInt(Result::userTasks).sum();
  }
}
