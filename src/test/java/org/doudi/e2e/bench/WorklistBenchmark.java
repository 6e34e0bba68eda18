package org.doudi.e2e.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.doudi.funds.bench.JilinCounties;
import org.doudi.funds.bench.JilinCounties.County;
import org.doudi.identity.CaseVariables;
import org.doudi.platform.Postgres;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): a township caseworker's worklist — Tasklist's group filter, {@code taskCandidateGroupIn(the
 * user's groups)} ordered by due date, a page of 50 — among {@code bench.tasks} open tasks on PostgreSQL, with
 * authorization (the project's engine as a logged-in caseworker) and without (the bare engine's query on the same
 * data). Target: within 1.2 × the bare query.
 *
 * <pre>mvn -Pbench-worklist test-compile exec:exec [-Dbench.tasks=1000000] [-Dbench.repeats=7] [-Dbench.logSql=true]</pre>
 *
 * Seeding: one real case task is created through the engine (a one-task process in 宝塔村, 农安镇, as its caseworker);
 * its rows — candidate-group identity link, the engine's authorization for the candidate group, the project's region
 * grants (task and historic task, village to province) — are the template that COPY repeats for every seeded task,
 * with the region codes of the task's village. Tasks spread over Jilin's counties by weight, 8–19 townships a
 * county, 15 villages a township; due dates from 20 days ago to 60 days ahead.
 */
public final class WorklistBenchmark {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String KEY = "bench-worklist";
  static final String VILLAGE = "220122100201";
  static final String USER = "nongan-cw";

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.tasks", 1_000_000);
    int repeats = Integer.getInteger("bench.repeats", 7);
    String url = Postgres.freshDatabase("doudi_bench_worklist");
    // -Dbench.logSql=true: the task query's SQL text and parameters as MyBatis logs them (for EXPLAIN in psql)
    String sqlLog = "--logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria="
        + (Boolean.getBoolean("bench.logSql") ? "DEBUG" : "WARN");
    try (ConfigurableApplicationContext app = Postgres.application(url, "--logging.level.root=WARN",
        "--logging.structured.format.console=", sqlLog)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      IdentityService identity = engine.getIdentityService();
      TaskService tasks = engine.getTaskService();
      List<String> userGroups = identity.createGroupQuery().groupMember(USER).list().stream().map(Group::getId)
          .toList();
      engine.getRepositoryService().createDeployment().name("benchmark").addModelInstance(KEY + ".bpmn",
          Bpmn.createExecutableProcess(KEY).name("基准：待办").camundaHistoryTimeToLive(1).startEvent()
              .userTask("work").name("待办任务").camundaCandidateGroups("${groups.of('TOWNSHIP_CASEWORKER', regionCode)}")
              .endEvent().done()).deploy();
      // started by the system (no user: a benchmark model has no start permission); the task's rows are the same
      String pid = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(CaseVariables.REGION_CODE, VILLAGE))
          .getId();
      Task template = tasks.createTaskQuery().processInstanceId(pid).singleResult();
      List<Map<String, Object>> links = jdbc.queryForList("SELECT * FROM act_ru_identitylink WHERE task_id_ = ?",
          template.getId());
      List<Map<String, Object>> grants = jdbc.queryForList("SELECT * FROM act_ru_authorization WHERE resource_id_ = ?",
          template.getId());
      System.out.println("per task: " + links.size() + " identity links " + links.stream().map(l -> l.get("group_id_")
          + "").toList() + ", " + grants.size() + " authorizations " + grants.stream().map(g -> g.get("group_id_")
          + "/" + g.get("resource_type_") + "/" + g.get("perms_")).toList());
      System.out.println("caseworker's groups: " + userGroups);

      long t0 = System.nanoTime();
      Map<String, Integer> perTownship = seed(app.getBean(DataSource.class), n, template, links, grants);
      System.out.printf(Locale.ROOT, "seeded %,d tasks (COPY) in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      for (String t : List.of("act_ru_task", "act_ru_execution", "act_ru_identitylink", "act_ru_authorization")) {
        jdbc.execute("VACUUM ANALYZE " + t);
      }
      System.out.printf(Locale.ROOT, "vacuum analyze %.1f s%n", (System.nanoTime() - t0) / 1e9);

      // the heaviest township of 农安县 and a median one
      String heavy = perTownship.entrySet().stream().filter(e -> e.getKey().startsWith("220122"))
          .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      List<Map.Entry<String, Integer>> sorted = perTownship.entrySet().stream()
          .sorted(Map.Entry.comparingByValue()).toList();
      String median = sorted.get(sorted.size() / 2).getKey();
      Map<String, Double> ms = new LinkedHashMap<>();
      Map<String, Integer> rows = new LinkedHashMap<>();
      for (String township : List.of(heavy, median)) {
        List<String> groups = userGroups.stream().map(g -> retarget(g, township + "201")).toList();
        String label = "township " + township + " (" + perTownship.get(township) + " open tasks)";
        for (int page : new int[] {0, 20}) {
          Supplier<Integer> query = () -> tasks.createTaskQuery().taskCandidateGroupIn(groups).orderByDueDate().asc()
              .listPage(page * 50, 50).size();
          String p = ", page " + (page + 1);
          ms.put(label + p + ", bare (no authorization)", median(repeats, query, rows, label + p + ", bare (no authorization)"));
          String name = label + p + ", caseworker (authorization)";
          ms.put(name, median(repeats, () -> as(identity, USER, groups, query), rows, name));
        }
      }
      System.out.printf(Locale.ROOT, "%n%-90s %10s %6s%n", "worklist query among " + n + " open tasks", "median ms",
          "rows");
      String previous = null;
      for (Map.Entry<String, Double> e : ms.entrySet()) {
        String ratio = e.getKey().endsWith("(authorization)") && previous != null
            ? String.format(Locale.ROOT, "  × bare %.2f", e.getValue() / ms.get(previous)) : "";
        System.out.printf(Locale.ROOT, "%-90s %10.2f %6d%s%n", e.getKey(), e.getValue() * 1000, rows.get(e.getKey()),
            ratio);
        previous = e.getKey();
      }
      System.out.println("load average: " + new String(java.nio.file.Files.readAllBytes(
          java.nio.file.Path.of("/proc/loadavg"))).trim());
    } finally {
      if (!Boolean.getBoolean("bench.keep")) {
        Postgres.dropIfTemporary(url);
      }
    }
  }

  static <T> T as(IdentityService identity, String user, List<String> groups, Supplier<T> work) {
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  static double median(int repeats, Supplier<Integer> run, Map<String, Integer> rows, String name) {
    rows.put(name, run.get()); // warm-up
    double[] t = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      run.get();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    return t[repeats / 2];
  }

  /** A group id of the template's region chain moved to the same level of {@code village}'s chain. */
  static String retarget(String groupId, String village) {
    if (groupId == null) {
      return null;
    }
    Map<String, String> codes = Map.of(VILLAGE, village, VILLAGE.substring(0, 9), village.substring(0, 9),
        VILLAGE.substring(0, 6), village.substring(0, 6), VILLAGE.substring(0, 4) + "00",
        village.substring(0, 4) + "00");
    int dash = groupId.lastIndexOf('-');
    String code = groupId.substring(dash + 1);
    return codes.containsKey(code) ? groupId.substring(0, dash + 1) + codes.get(code) : groupId;
  }

  static Map<String, Integer> seed(DataSource ds, int n, Task template, List<Map<String, Object>> links,
      List<Map<String, Object>> grants) throws Exception {
    JilinCounties counties = JilinCounties.load();
    Random random = new Random(23);
    Instant today = LocalDateTime.parse("2026-12-07T17:00").atZone(ZONE).toInstant();
    String now = Instant.now().toString();
    Map<String, Integer> perTownship = new HashMap<>();
    try (Connection con = ds.getConnection()) {
      PGConnection pg = con.unwrap(PGConnection.class);
      int chunk = 50_000;
      for (int from = 0; from < n; from += chunk) {
        StringBuilder exec = new StringBuilder();
        StringBuilder task = new StringBuilder();
        StringBuilder link = new StringBuilder();
        StringBuilder auth = new StringBuilder();
        for (int i = from; i < Math.min(n, from + chunk); i++) {
          County county = counties.pick(random);
          String township = county.code() + String.format("%03d", 1 + Math.floorMod(county.code().hashCode() + random
              .nextInt(1000), 8 + Math.floorMod(county.code().hashCode(), 12)));
          String village = township + String.format("%03d", 1 + random.nextInt(15));
          perTownship.merge(township, 1, Integer::sum);
          Instant due = today.plusSeconds(86400L * (random.nextInt(81) - 20));
          String pid = "wl-" + i;
          String tid = "wl-task-" + i;
          exec.append(pid).append('\t').append(pid).append('\t').append(pid).append("\tcase-").append(i).append('\t')
              .append(template.getProcessDefinitionId()).append("\twork\t1\tt\tf\tt\tf\t1\t2\t1\n");
          task.append(tid).append('\t').append(pid).append('\t').append(pid).append('\t')
              .append(template.getProcessDefinitionId()).append('\t').append(template.getName()).append("\twork\t")
              .append(now).append('\t').append(due).append("\t1\t1\t50\n");
          for (Map<String, Object> l : links) {
            row(link, l, "wl-link-" + i + "-", tid, pid, village, "task_id_");
          }
          for (Map<String, Object> g : grants) {
            row(auth, g, "wl-auth-" + i + "-", tid, pid, village, "resource_id_");
          }
        }
        pg.getCopyAPI().copyIn("COPY act_ru_execution (id_, proc_inst_id_, root_proc_inst_id_, business_key_, "
            + "proc_def_id_, act_id_, rev_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, "
            + "cached_ent_state_, sequence_counter_) FROM STDIN", new StringReader(exec.toString()));
        pg.getCopyAPI().copyIn("COPY act_ru_task (id_, execution_id_, proc_inst_id_, proc_def_id_, name_, "
            + "task_def_key_, create_time_, due_date_, rev_, suspension_state_, priority_) FROM STDIN",
            new StringReader(task.toString()));
        if (!links.isEmpty()) {
          pg.getCopyAPI().copyIn("COPY act_ru_identitylink (" + String.join(", ", links.get(0).keySet())
              + ") FROM STDIN", new StringReader(link.toString()));
        }
        if (!grants.isEmpty()) {
          pg.getCopyAPI().copyIn("COPY act_ru_authorization (" + String.join(", ", grants.get(0).keySet())
              + ") FROM STDIN", new StringReader(auth.toString()));
        }
      }
    }
    return perTownship;
  }

  private static int serial;

  /** One template row for the seeded task: new id, the task's id, the village's groups, the case's root. */
  private static void row(StringBuilder b, Map<String, Object> template, String idPrefix, String tid, String pid,
      String village, String taskColumn) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, Object> e : template.entrySet()) {
      Object v = e.getValue();
      String text = switch (e.getKey()) {
        case "id_" -> idPrefix + (serial++);
        case "group_id_" -> retarget((String) v, village);
        case "root_proc_inst_id_" -> v == null ? null : pid;
        case "proc_inst_id_" -> v == null ? null : pid;
        default -> e.getKey().equals(taskColumn) ? tid : v == null ? null : v.toString();
      };
      values.add(text == null ? "\\N" : text);
    }
    b.append(values.stream().collect(Collectors.joining("\t"))).append('\n');
  }
}
