package org.doudi.e2e.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.platform.Postgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): N full 低保 cases through the engine on PostgreSQL and, in the same run and JVM, N
 * cases of a bare one-service-task/one-user-task process. Prints cases/s, user-task completions/s and the
 * ratio of our cost per completed user task to the bare process's.
 *
 * <pre>mvn -Pbench-dibao test-compile exec:exec [-Dbench.cases=200] [-Dbench.warmup=30] [-Dbench.rounds=3]</pre>
 *
 * The application runs with the demo and test profiles on a fresh PostgreSQL database {@code doudi_bench}
 * (dropped at the end outside CI); the job executor is off and the harness executes jobs itself, one case at a
 * time on one thread, so the figures are single-thread latency-bound throughput.
 */
public final class DibaoBenchmark {

  public static void main(String[] args) {
    int cases = Integer.getInteger("bench.cases", 200);
    int warmup = Integer.getInteger("bench.warmup", 30);
    int rounds = Integer.getInteger("bench.rounds", 3);
    String url = Postgres.freshDatabase("doudi_bench");
    List<Result> results = new ArrayList<>();
    try (ConfigurableApplicationContext app = Postgres.application(url, "--logging.level.root=WARN",
        "--logging.structured.format.console=", "--camunda.bpm.metrics.enabled=true")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      CaseDriver driver = new CaseDriver(engine);
      BareScenario bare = new BareScenario(engine, driver);
      bare.deploy();
      List<Scenario> scenarios = new ArrayList<>(List.of(bare));
      scenarios.addAll(DibaoScenarios.all(app, engine, driver));

      for (Scenario s : scenarios) {
        run(s, warmup); // JIT, caches, connection pool
      }
      // rounds alternate the scenarios so that drift of the machine hits all of them alike
      for (int r = 0; r < rounds; r++) {
        for (Scenario s : scenarios) {
          results.add(run(s, cases).inRound(r + 1));
        }
      }
      print(results, cases, rounds,
          app.getBean(JdbcTemplate.class).queryForObject("SHOW server_version", String.class));
    } finally {
      Postgres.dropIfTemporary(url);
    }
  }

  record Result(String scenario, int round, int cases, int userTasks, long nanos) {
    Result inRound(int r) {
      return new Result(scenario, r, cases, userTasks, nanos);
    }

    double seconds() {
      return nanos / 1e9;
    }
  }

  static Result run(Scenario s, int cases) {
    int userTasks = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      userTasks += s.runOne(i);
    }
    return new Result(s.name(), 0, cases, userTasks, System.nanoTime() - t0);
  }

  static void print(List<Result> results, int cases, int rounds, String postgres) {
    System.out.println();
    System.out.printf(Locale.ROOT, "%-44s %5s %6s %10s %9s %12s %14s%n", "scenario", "round", "cases", "user tasks",
        "cases/s", "user tasks/s", "ms/user task");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "%-44s %5d %6d %10d %9.1f %12.1f %14.2f%n", r.scenario(), r.round(), r.cases(),
          r.userTasks(), r.cases() / r.seconds(), r.userTasks() / r.seconds(), 1000 * r.seconds() / r.userTasks());
    }
    System.out.println();
    double bareMsPerTask = msPerTask(results, results.get(0).scenario());
    System.out.printf(Locale.ROOT, "%-44s %12s %12s %14s %8s%n", "scenario (all rounds)", "cases/s", "user tasks/s",
        "ms/user task", "× bare");
    results.stream().map(Result::scenario).distinct().forEach(name -> {
      List<Result> rs = results.stream().filter(r -> r.scenario().equals(name)).toList();
      double secs = rs.stream().mapToDouble(Result::seconds).sum();
      int n = rs.stream().mapToInt(Result::cases).sum();
      int tasks = rs.stream().mapToInt(Result::userTasks).sum();
      double msPerTask = msPerTask(results, name);
      System.out.printf(Locale.ROOT, "%-44s %12.1f %12.1f %14.2f %8.2f%n", name, n / secs, tasks / secs, msPerTask,
          msPerTask / bareMsPerTask);
    });
    System.out.printf(Locale.ROOT, "%n%d cases × %d rounds per scenario; PostgreSQL %s; %s %s; %d processors%n", cases,
        rounds, postgres,
        System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
  }

  static double msPerTask(List<Result> results, String name) {
    List<Result> rs = results.stream().filter(r -> r.scenario().equals(name)).toList();
    return 1000 * rs.stream().mapToDouble(Result::seconds).sum() / rs.stream().mapToInt(Result::userTasks).sum();
  }
}
