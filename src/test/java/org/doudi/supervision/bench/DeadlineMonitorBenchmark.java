package org.doudi.supervision.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.doudi.calendar.DeadlineBand;
import org.doudi.calendar.ModelSchemes;
import org.doudi.funds.bench.JilinCounties;
import org.doudi.funds.bench.JilinCounties.County;
import org.doudi.identity.Role;
import org.doudi.identity.StaffMember;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.platform.Postgres;
import org.doudi.region.Regions;
import org.doudi.supervision.DeadlineMonitor;
import org.doudi.supervision.MonitorQuery;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): the deadline monitor at a province's scale on PostgreSQL, with the bare engine's task query
 * on the same data as the yardstick.
 *
 * <pre>mvn -Pbench-supervision test-compile exec:exec [-Dbench.cases=1000000] [-Dbench.repeats=5]</pre>
 *
 * <ol>
 *   <li>seeded by COPY: {@code bench.cases} open cases, each a process instance (ACT_RU_EXECUTION) of one of the
 *       deployed models, waiting at its first user task (ACT_RU_TASK, with the due date) whose legal clock is an open
 *       DUE row of cal_deadline; cases spread over Jilin's 60 counties by weight (JilinCounties), 8–19 townships per
 *       county, up to 15 villages per township; schemes dibao 50 %, temporary 15 %, tekun 10 %, the rest shared by the
 *       other models; 8 % overdue by 1–20 days, 12 % due in the next 0–4 days, the rest 5–60 days ahead. Noise a real
 *       table holds: 30 % of the cases also have an open FOLLOW_UP row, and half as many CLOSED rows as cases;</li>
 *   <li>timed (median of {@code bench.repeats} after one warm-up): {@link DeadlineMonitor#page} (SQL page + total +
 *       completion of the rows from the engine) and {@link DeadlineMonitor#counts} for a province supervisor, the
 *       长春市 supervisor, a county and a township, first and 101st page, band OVERDUE, a scheme;</li>
 *   <li>timed, the yardstick: {@code taskService.createTaskQuery().dueBefore(…).orderByDueDate().asc().listPage(…)}
 *       and its {@code count()} over the same million tasks (no region scope: the engine has none).</li>
 * </ol>
 */
public final class DeadlineMonitorBenchmark {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  record Model(String definitionId, String key, String scheme, String taskId, String taskName) {}

  public static void main(String[] args) throws Exception {
    int cases = Integer.getInteger("bench.cases", 1_000_000);
    int repeats = Integer.getInteger("bench.repeats", 5);
    String url = Postgres.freshDatabase("doudi_bench_supervision");
    // Monday 2026-12-07 10:00 in Shanghai
    Instant now = LocalDateTime.parse("2026-12-07T10:00").atZone(ZONE).toInstant();
    ClockUtil.setCurrentTime(Date.from(now));
    try (ConfigurableApplicationContext app = Postgres.application(url, "--logging.level.root=WARN",
        "--logging.structured.format.console=")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      DataSource ds = app.getBean(DataSource.class);
      List<Model> models = models(app.getBean(RepositoryService.class));
      JilinCounties counties = JilinCounties.load();

      long t0 = System.nanoTime();
      List<String> townships = seedRegions(jdbc, counties);
      app.getBean(Regions.class).reload();
      seed(ds, cases, models, counties, now);
      System.out.printf(Locale.ROOT, "seeded %,d cases (COPY) in %.1f s%n", cases, (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      jdbc.execute("VACUUM ANALYZE cal_deadline");
      jdbc.execute("VACUUM ANALYZE act_ru_task");
      jdbc.execute("VACUUM ANALYZE act_ru_execution");
      System.out.printf(Locale.ROOT, "vacuum analyze %.1f s%n", (System.nanoTime() - t0) / 1e9);
      System.out.println(jdbc.queryForList("SELECT deadline_kind || ' ' || status || ': ' || COUNT(*) FROM cal_deadline "
          + "GROUP BY deadline_kind, status ORDER BY 1", String.class));

      DeadlineMonitor monitor = app.getBean(DeadlineMonitor.class);
      TaskService tasks = app.getBean(TaskService.class);
      String county = "220122"; // 农安县, the heaviest county by weight
      String township = townships.stream().filter(t -> t.startsWith(county)).findFirst().orElseThrow();
      StaffMember province = member(Role.SUPERVISOR, "220000");
      StaffMember city = member(Role.SUPERVISOR, "220100");
      StaffMember countyStaff = member(Role.COUNTY_CASEWORKER, county);
      StaffMember townshipStaff = member(Role.TOWNSHIP_CASEWORKER, township);
      Map<String, Double> results = new LinkedHashMap<>();
      Map<String, Long> totals = new LinkedHashMap<>();

      record Case(String name, StaffMember who, MonitorQuery q) {}
      List<Case> pages = List.of(
          new Case("province, page 1", province, q(null, null, null, 0)),
          new Case("province, page 101", province, q(null, null, null, 100)),
          new Case("province, OVERDUE, page 1", province, q(null, null, DeadlineBand.OVERDUE, 0)),
          new Case("province, OVERDUE, page 101", province, q(null, null, DeadlineBand.OVERDUE, 100)),
          new Case("province, DUE_SOON, page 1", province, q(null, null, DeadlineBand.DUE_SOON, 0)),
          new Case("province, scheme tekun, page 1", province, q("tekun", null, null, 0)),
          new Case("city 长春市, page 1", city, q(null, null, null, 0)),
          new Case("city 长春市, OVERDUE, page 1", city, q(null, null, DeadlineBand.OVERDUE, 0)),
          new Case("city 长春市, county filter, OVERDUE", city, q(null, county, DeadlineBand.OVERDUE, 0)),
          new Case("county 农安县, page 1", countyStaff, q(null, null, null, 0)),
          new Case("county 农安县, OVERDUE, page 1", countyStaff, q(null, null, DeadlineBand.OVERDUE, 0)),
          new Case("county 农安县, page 21", countyStaff, q(null, null, null, 20)),
          new Case("township, page 1", townshipStaff, q(null, null, null, 0)),
          new Case("township, OVERDUE, page 1", townshipStaff, q(null, null, DeadlineBand.OVERDUE, 0)));
      for (Case c : pages) {
        results.put("monitor " + c.name(), median(repeats, () -> monitor.page(c.who(), c.q()).total(), totals, "monitor " + c.name()));
      }
      results.put("counts province", median(repeats, () -> (long) monitor.counts(province, q(null, null, null, 0))
          .townships().size(), totals, "counts province"));
      results.put("counts city 长春市", median(repeats, () -> (long) monitor.counts(city, q(null, null, null, 0))
          .townships().size(), totals, "counts city 长春市"));
      results.put("counts county 农安县", median(repeats, () -> (long) monitor.counts(countyStaff,
          q(null, null, null, 0)).townships().size(), totals, "counts county 农安县"));
      results.put("counts township", median(repeats, () -> (long) monitor.counts(townshipStaff,
          q(null, null, null, 0)).townships().size(), totals, "counts township"));

      Date soon = Date.from(now.plusSeconds(5 * 86400));
      Date nowDate = Date.from(now);
      results.put("engine dueBefore(now) listPage(0, 50)", median(repeats, () -> (long) tasks.createTaskQuery()
          .dueBefore(nowDate).orderByDueDate().asc().listPage(0, 50).size(), totals, "engine dueBefore(now) listPage(0, 50)"));
      results.put("engine dueBefore(now) listPage(5000, 50)", median(repeats, () -> (long) tasks.createTaskQuery()
          .dueBefore(nowDate).orderByDueDate().asc().listPage(5000, 50).size(), totals, "engine dueBefore(now) listPage(5000, 50)"));
      results.put("engine dueBefore(now) count()", median(repeats, () -> tasks.createTaskQuery()
          .dueBefore(nowDate).count(), totals, "engine dueBefore(now) count()"));
      results.put("engine dueBefore(now+5d) listPage(0, 50)", median(repeats, () -> (long) tasks.createTaskQuery()
          .dueBefore(soon).orderByDueDate().asc().listPage(0, 50).size(), totals, "engine dueBefore(now+5d) listPage(0, 50)"));
      results.put("engine all listPage(0, 50) by due date", median(repeats, () -> (long) tasks.createTaskQuery()
          .orderByDueDate().asc().listPage(0, 50).size(), totals, "engine all listPage(0, 50) by due date"));

      System.out.printf(Locale.ROOT, "%n%-50s %10s %10s%n", "query (" + cases + " cases)", "median ms", "rows");
      results.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-50s %10.1f %10d%n", k, v * 1000, totals.get(k)));
      System.out.println();
      explain(jdbc, "SELECT id FROM cal_deadline WHERE status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER') "
          + "AND city_code = '220100' AND due_at < now() ORDER BY due_at, id OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY");
      explain(jdbc, "SELECT county_code, township_code, COUNT(*) FROM cal_deadline WHERE status = 'OPEN' "
          + "AND deadline_kind IN ('DUE', 'TIMER') AND city_code >= '22' AND city_code < '22~' "
          + "GROUP BY county_code, township_code");
      System.out.println("load average: " + new String(java.nio.file.Files.readAllBytes(
          java.nio.file.Path.of("/proc/loadavg"))).trim());
    } finally {
      ClockUtil.reset();
      if (!Boolean.getBoolean("bench.keep")) {
        Postgres.dropIfTemporary(url);
      }
    }
  }

  static MonitorQuery q(String scheme, String county, DeadlineBand band, int page) {
    return new MonitorQuery(scheme, null, county, null, band, page, 50, false);
  }

  static StaffMember member(Role role, String region) {
    return new StaffMember("bench-" + role.slug(), Set.of(new RoleAssignment(role, region)), false, Set.of());
  }

  static double median(int repeats, Supplier<Long> run, Map<String, Long> rows, String name) {
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

  static void explain(JdbcTemplate jdbc, String sql) {
    System.out.println(sql);
    jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class).forEach(l -> System.out.println("  " + l));
  }

  /** The latest version of each deployed process with its first user task. */
  static List<Model> models(RepositoryService repository) {
    List<Model> out = new ArrayList<>();
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
      var tasks = repository.getBpmnModelInstance(d.getId()).getModelElementsByType(UserTask.class);
      if (!tasks.isEmpty()) {
        UserTask t = tasks.iterator().next();
        out.add(new Model(d.getId(), d.getKey(), ModelSchemes.of(d.getResourceName()), t.getId(), t.getName()));
      }
    }
    return out;
  }

  /** Jilin's cities and counties (from the CSV) and generated townships (8–19 a county); returns the townships. */
  static List<String> seedRegions(JdbcTemplate jdbc, JilinCounties counties) {
    List<String> townships = new ArrayList<>();
    for (County c : counties.all()) {
      String city = c.code().substring(0, 4) + "00";
      jdbc.update("INSERT INTO region (code, name, level, parent_code, urban_rural) SELECT ?, ?, 'CITY', '220000', NULL "
          + "WHERE NOT EXISTS (SELECT 1 FROM region WHERE code = ?)", city, c.city(), city);
      jdbc.update("INSERT INTO region (code, name, level, parent_code, urban_rural) SELECT ?, ?, 'COUNTY', ?, ? "
          + "WHERE NOT EXISTS (SELECT 1 FROM region WHERE code = ?)", c.code(), c.name(), city,
          c.district() ? "URBAN" : "RURAL", c.code());
      for (int i = 1; i <= townshipsOf(c); i++) {
        String t = c.code() + String.format("%03d", i);
        jdbc.update("INSERT INTO region (code, name, level, parent_code, urban_rural) SELECT ?, ?, 'TOWNSHIP', ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM region WHERE code = ?)", t, c.name() + "第" + i + "乡镇", c.code(),
            c.district() ? "URBAN" : "RURAL", t);
        townships.add(t);
      }
    }
    return townships;
  }

  static int townshipsOf(County c) {
    return 8 + Math.floorMod(c.code().hashCode(), 12);
  }

  static void seed(DataSource ds, int cases, List<Model> models, JilinCounties counties, Instant now)
      throws Exception {
    double[] weights = new double[models.size()];
    long others = models.stream().filter(m -> !List.of("dibao", "temporary", "tekun").contains(m.scheme())).count();
    Map<String, Long> perScheme = new LinkedHashMap<>();
    models.forEach(m -> perScheme.merge(m.scheme(), 1L, Long::sum));
    for (int i = 0; i < models.size(); i++) {
      String s = models.get(i).scheme();
      double share = switch (s == null ? "" : s) {
        case "dibao" -> 0.50;
        case "temporary" -> 0.15;
        case "tekun" -> 0.10;
        default -> 0.25 / Math.max(1, others);
      };
      weights[i] = "dibao".equals(s) || "temporary".equals(s) || "tekun".equals(s) ? share / perScheme.get(s) : share;
    }
    double sum = Arrays.stream(weights).sum();
    Random random = new Random(17);
    ZonedDateTime today = now.atZone(ZONE).toLocalDate().atStartOfDay(ZONE);
    String nowText = now.toString();
    try (Connection con = ds.getConnection()) {
      PGConnection pg = con.unwrap(PGConnection.class);
      int chunk = 100_000;
      for (int from = 0; from < cases; from += chunk) {
        StringBuilder exec = new StringBuilder();
        StringBuilder task = new StringBuilder();
        StringBuilder dl = new StringBuilder();
        for (int i = from; i < Math.min(cases, from + chunk); i++) {
          double u = random.nextDouble() * sum;
          int m = 0;
          while (m < weights.length - 1 && (u -= weights[m]) > 0) {
            m++;
          }
          Model model = models.get(m);
          County county = counties.pick(random);
          String township = county.code() + String.format("%03d", 1 + random.nextInt(townshipsOf(county)));
          String village = township + String.format("%03d", 1 + random.nextInt(15));
          double r = random.nextDouble();
          int days = r < 0.08 ? -(1 + random.nextInt(20)) : r < 0.20 ? random.nextInt(5) : 5 + random.nextInt(56);
          Instant due = today.plusDays(days).plusHours(17).toInstant();
          String pid = "bench-" + i;
          String tid = "bench-task-" + i;
          exec.append(pid).append('\t').append(pid).append('\t').append(pid).append('\t').append("case-").append(i)
              .append('\t').append(model.definitionId()).append('\t').append(model.taskId())
              .append("\t1\tt\tf\tt\tf\t1\t2\t1\n");
          task.append(tid).append('\t').append(pid).append('\t').append(pid).append('\t').append(model.definitionId())
              .append('\t').append(model.taskName()).append('\t').append(model.taskId()).append('\t')
              .append(nowText).append('\t').append(due).append("\t1\t1\t50\n");
          String city = county.code().substring(0, 4) + "00";
          row(dl, pid, model, "DUE", village, due, "OPEN", city, county.code(), township, nowText);
          if (random.nextDouble() < 0.30) {
            row(dl, pid, model, "FOLLOW_UP", village, due.minusSeconds(2 * 86400), "OPEN", city, county.code(),
                township, nowText);
          }
          if (random.nextDouble() < 0.50) {
            row(dl, pid, model, "DUE", village, due.minusSeconds(40 * 86400), "CLOSED", city, county.code(),
                township, nowText);
          }
        }
        pg.getCopyAPI().copyIn("COPY act_ru_execution (id_, proc_inst_id_, root_proc_inst_id_, business_key_, "
            + "proc_def_id_, act_id_, rev_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, "
            + "cached_ent_state_, sequence_counter_) FROM STDIN", new StringReader(exec.toString()));
        pg.getCopyAPI().copyIn("COPY act_ru_task (id_, execution_id_, proc_inst_id_, proc_def_id_, name_, "
            + "task_def_key_, create_time_, due_date_, rev_, suspension_state_, priority_) FROM STDIN", new StringReader(task.toString()));
        pg.getCopyAPI().copyIn("COPY cal_deadline (process_instance_id, execution_id, activity_id, deadline_kind, "
            + "start_date, working_days, region_code, extension_days, provisional, due_at, status, created_at, "
            + "updated_at, day_basis, process_definition_id, process_key, scheme, city_code, county_code, "
            + "township_code) FROM STDIN", new StringReader(dl.toString()));
      }
    }
  }

  static void row(StringBuilder b, String pid, Model m, String kind, String region, Instant due, String status,
      String city, String county, String township, String now) {
    b.append(pid).append('\t').append(pid).append('\t').append(m.taskId()).append('\t').append(kind).append('\t')
        .append("2026-11-01\t30\t").append(region).append("\t0\tf\t").append(due).append('\t').append(status)
        .append('\t').append(now).append('\t').append(now).append("\tWORKING\t").append(m.definitionId())
        .append('\t').append(m.key()).append('\t').append(m.scheme()).append('\t').append(city).append('\t')
        .append(county).append('\t').append(township).append('\n');
  }
}
