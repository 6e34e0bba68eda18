package org.doudi.funds.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.doudi.funds.bench.JilinCounties.County;
import org.doudi.payroll.BankFiles;
import org.doudi.payroll.Payroll;
import org.doudi.payroll.RosterSummary;
import org.doudi.platform.Postgres;
import org.doudi.region.Regions;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test): the monthly payroll of a whole province on PostgreSQL against the raw COPY of the same
 * rows. Prints the time of each step, the ratio to the raw COPY and memory.
 *
 * <pre>mvn -Pbench-payroll test-compile exec:exec [-Dbench.households=1000000] [-Dbench.month=2026-12]
 *     [-Dbench.threads=2] [-Dbench.rosterParallelism=2] [-Dbench.previousMonths=0] [-Dbench.keep=false]</pre>
 *
 * <ol>
 *   <li>a fresh database {@code doudi_bench_payroll} with the application's schema (demo + test + postgres
 *       profiles, job executor off), Jilin's 9 cities and 60 counties in {@code region};</li>
 *   <li>{@link AwardGenerator}: N active households (+3 % stopped, +6 % with a later change) COPYed into
 *       {@code benefit_award}, then ANALYZE;</li>
 *   <li>timed, through the payroll module's public API as the monthly-payroll process calls it: {@code
 *       computeRosterAll} (the dispatch: every county's roster, one batch per county, in one INSERT … SELECT per
 *       group of counties), then
 *       on {@code bench.threads} threads (default 2) per county {@code rosterOf} + {@code differences} (the review
 *       task's figures), {@code approve} (the batch → APPROVED) and {@code BankFiles.export(runId, out)} (the batch →
 *       SENT, the file stored and streamed; here to a byte counter);</li>
 *   <li>the same month's ledger rows are dumped with COPY TO (untimed) and COPYed (timed) into a table with the
 *       ledger's columns and no index ({@code CREATE TABLE … (LIKE payment_ledger)}; three times, the median
 *       counts), and into one with all its constraints and indexes ({@code INCLUDING ALL});</li>
 *   <li>the bank's result for every county's file ({@code BankFiles.importResult}; one payment in {@code
 *       bench.returnedEvery}, default 1000, returned), timed on its own: not part of the payroll's ratio.</li>
 * </ol>
 */
public final class PayrollBenchmark {

  public static void main(String[] args) throws Exception {
    int households = Integer.getInteger("bench.households", 1_000_000);
    YearMonth month = YearMonth.parse(System.getProperty("bench.month", "2026-12"));
    long seed = Long.getLong("bench.seed", 20261201L);
    int threads = Integer.getInteger("bench.threads", 2);
    String url = Postgres.freshDatabase("doudi_bench_payroll");
    Map<String, Double> t = new LinkedHashMap<>();
    try (ConfigurableApplicationContext app = Postgres.application(url, "--logging.level.root=WARN",
        "--logging.structured.format.console=", "--spring.datasource.hikari.maximum-pool-size=4")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      DataSource ds = app.getBean(DataSource.class);
      Payroll payroll = app.getBean(Payroll.class);
      BankFiles bankFiles = app.getBean(BankFiles.class);
      JilinCounties counties = JilinCounties.load();
      loadRegions(jdbc, counties);
      app.getBean(Regions.class).reload();
      AwardGenerator.Stats stats;
      try (Connection c = ds.getConnection()) {
        c.setAutoCommit(false);
        stats = new AwardGenerator(counties, seed).copyInto(c, households, month.atDay(1));
        c.commit();
      }
      t.put("generate+COPY benefit_award", stats.nanos() / 1e9);
      long t0 = System.nanoTime();
      jdbc.execute("ANALYZE benefit_award");
      t.put("ANALYZE benefit_award", (System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "%nawards: %,d households active in %s (+%,d stopped), %,d award rows, %,d persons,"
          + " %,.2f yuan per month; 特困 %,d; %d counties%n", stats.activeHouseholds(), month, stats.stoppedHouseholds(),
          stats.rows(), stats.persons(), stats.monthlyTotalFen() / 100.0,
          stats.householdsByScheme().getOrDefault(AwardGenerator.Scheme.TEKUN, 0), stats.householdsByCounty().size());

      int previous = Integer.getInteger("bench.previousMonths", 0);
      for (int k = previous; k >= 1; k--) {
        // earlier months first (untimed for the ratio): the timed month then has history in the ledger's indexes
        // and a full last month to compare with
        Map<String, Double> pt = new LinkedHashMap<>();
        Month m = payrollMonth(payroll, bankFiles, jdbc, month.minusMonths(k), threads, pt, new CountingStream());
        System.out.printf(Locale.ROOT, "previous month %s: %,d rows, %.2f s (roster %.2f s)%n", month.minusMonths(k),
            m.runs().stream().mapToLong(RosterSummary::count).sum(), m.seconds(),
            pt.get("payroll 1 roster, province (computeRosterAll)"));
      }
      resetPeaks();
      CountingStream sink = new CountingStream();
      Month timed = payrollMonth(payroll, bankFiles, jdbc, month, threads, t, sink);
      List<RosterSummary> runs = timed.runs();
      long lines = timed.lines();
      double payrollSeconds = timed.seconds();
      t.put("payroll total (wall clock)", payrollSeconds);
      long heapPeak = heapPeak();

      long rosterRows = runs.stream().mapToLong(RosterSummary::count).sum();
      BigDecimal rosterTotal = runs.stream().map(RosterSummary::total).reduce(BigDecimal.ZERO, BigDecimal::add);
      Long ledgerRows = jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE payroll_month = ?", Long.class,
          java.sql.Date.valueOf(month.atDay(1)));
      Long sent = jdbc.queryForObject("SELECT COUNT(*) FROM payment_entry WHERE payroll_month = ? AND status = 'SENT'",
          Long.class, java.sql.Date.valueOf(month.atDay(1)));
      Long history = jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change", Long.class);

      // the monitoring report over the province (the approvals are stamped with today's date, not the payroll month)
      t0 = System.nanoTime();
      List<org.doudi.funds.MonitoringRow> fig = province(app, month);
      t.put("monitoring query, province", (System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "monitoring: %d county rows, %,d approvals%n", fig.size(),
          fig.stream().mapToLong(org.doudi.funds.MonitoringRow::approvedCount).sum());

      // raw COPY of the same rows
      Path dump = Files.createTempFile("bench-ledger", ".copy");
      try {
        try (Connection c = ds.getConnection(); OutputStream out = new BufferedOutputStream(
            new FileOutputStream(dump.toFile()), 1 << 20)) {
          c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT * FROM payment_ledger WHERE payroll_month = '"
              + month.atDay(1) + "') TO STDOUT", out);
        }
        // three times into a fresh table, the median counts: on a shared 2-vCPU machine one COPY of the same bytes
        // took from 2.8 to 4.3 s between runs
        double[] raws = new double[3];
        for (int i = 0; i < raws.length; i++) {
          jdbc.execute("DROP TABLE IF EXISTS bench_raw_copy");
          jdbc.execute("CREATE TABLE bench_raw_copy (LIKE payment_ledger)");
          raws[i] = copyIn(ds, "bench_raw_copy", dump);
        }
        jdbc.execute("CREATE TABLE bench_raw_copy_indexed (LIKE payment_ledger INCLUDING ALL)");
        System.out.printf(Locale.ROOT, "raw COPY, no index: %.2f / %.2f / %.2f s%n", raws[0], raws[1], raws[2]);
        java.util.Arrays.sort(raws);
        t.put("raw COPY, no index", raws[1]);
        t.put("raw COPY, ledger's indexes", copyIn(ds, "bench_raw_copy_indexed", dump));
        t.put("dump file MB", Files.size(dump) / 1e6);
      } finally {
        Files.deleteIfExists(dump);
      }

      // the bank's result for every county's file (not part of the payroll's ratio: the bank answers days later), one
      // payment in bench.returnedEvery returned (each starts a payment-return case, a process instance)
      int returnedEvery = Integer.getInteger("bench.returnedEvery", 1000);
      Imported imported = importResults(bankFiles, runs, threads, returnedEvery);
      t.put("bank result import, wall clock (" + threads + " threads)", imported.seconds());
      System.out.printf(Locale.ROOT, "bank results: %,d PAID, %,d RETURNED (return cases started), %,d still SENT%n",
          imported.paid(), imported.returned(), imported.stillSent());
      t0 = System.nanoTime();
      fig = province(app, month);
      t.put("monitoring query, province, after the results", (System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "monitoring after the results: %,d paid, %,d returned%n",
          fig.stream().mapToLong(org.doudi.funds.MonitoringRow::paidCount).sum(),
          fig.stream().mapToLong(org.doudi.funds.MonitoringRow::returnedCount).sum());

      Map<String, Object> pg = new LinkedHashMap<>();
      for (String s : List.of("server_version", "shared_buffers", "work_mem", "maintenance_work_mem", "max_wal_size",
          "synchronous_commit", "wal_level", "jit")) {
        pg.put(s, jdbc.queryForObject("SHOW " + s, String.class));
      }
      for (String table : List.of("benefit_award", "payment_ledger", "payment_status_change", "payroll_bank_file",
          "bench_raw_copy", "bench_raw_copy_indexed")) {
        pg.put("size " + table, jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('" + table + "'))",
            String.class));
      }

      System.out.println();
      System.out.printf(Locale.ROOT, "payroll %s: %d county runs, %,d roster rows (%,d in ledger, %,d SENT), total %s yuan,"
          + " %,d bank-file lines, %,d bytes of bank files, %,d status-history rows%n", month, runs.size(), rosterRows,
          ledgerRows, sent, rosterTotal.toPlainString(), lines, sink.count, history);
      if (rosterRows != stats.activeHouseholds()
          || rosterTotal.compareTo(BigDecimal.valueOf(stats.monthlyTotalFen(), 2)) != 0 || lines != rosterRows) {
        System.out.println("!! MISMATCH: generator says " + stats.activeHouseholds() + " households, "
            + BigDecimal.valueOf(stats.monthlyTotalFen(), 2) + " yuan");
      }
      System.out.println();
      t.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-42s %10.2f%s%n", k, v, k.contains("MB") ? "" : " s"));
      double raw = t.get("raw COPY, no index");
      double rawIdx = t.get("raw COPY, ledger's indexes");
      System.out.printf(Locale.ROOT, "%n  %d thread(s) for the county steps%n", threads);
      System.out.printf(Locale.ROOT, "  payroll / raw COPY (no index, median)    %10.2f×  (target ≤ 4)%n",
          payrollSeconds / raw);
      System.out.printf(Locale.ROOT, "  payroll / raw COPY (ledger's indexes)    %10.2f×%n", payrollSeconds / rawIdx);
      System.out.printf(Locale.ROOT, "  payroll throughput                       %,10.0f households/s (target: %,d in < 60 s)%n",
          rosterRows / payrollSeconds, households);
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "  JVM heap peak during payroll %,d MB (max %,d MB); processors %d%n",
          heapPeak >> 20, rt.maxMemory() >> 20, rt.availableProcessors());
      pg.forEach((k, v) -> System.out.printf(Locale.ROOT, "  pg %-30s %s%n", k, v));
    } finally {
      if (!Boolean.getBoolean("bench.keep")) {
        Postgres.dropIfTemporary(url);
      }
    }
  }

  /** One month's payroll as the process runs it; step times go into {@code t}. */
  record Month(List<RosterSummary> runs, long lines, double seconds) {}

  static Month payrollMonth(Payroll payroll, BankFiles bankFiles, JdbcTemplate jdbc, YearMonth month, int threads,
      Map<String, Double> t, CountingStream sink) throws Exception {
    long start = System.nanoTime();
    long lines;
    long t0;
    // what the monthly dispatch does: every county's roster in one pass over the awards
    t0 = start;
    List<RosterSummary> runs = payroll.computeRosterAll(month, "bench");
    t.put("payroll 1 roster, province (computeRosterAll)", (System.nanoTime() - t0) / 1e9);
    // then what each county's monthly-payroll process does, on `threads` job-executor threads: its roster summary
    // and the differences to last month (the review task's figures), the approval, the bank file (streamed here to
    // a byte counter); step times are summed over the threads
    java.util.concurrent.ConcurrentLinkedQueue<RosterSummary> todo =
        new java.util.concurrent.ConcurrentLinkedQueue<>(runs);
    java.util.concurrent.atomic.AtomicLong[] step = {new java.util.concurrent.atomic.AtomicLong(),
        new java.util.concurrent.atomic.AtomicLong(), new java.util.concurrent.atomic.AtomicLong(),
        new java.util.concurrent.atomic.AtomicLong()};
    java.util.concurrent.atomic.AtomicLong anomalies = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong lineCount = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    t0 = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> {
        CountingStream own = new CountingStream();
        for (RosterSummary r; (r = todo.poll()) != null; ) {
          long a = System.nanoTime();
          payroll.rosterOf(r.countyCode(), month, "bench");
          payroll.differences(r.runId());
          long a2 = System.nanoTime();
          // the review task's anomalies (counted, the form's first 20 listed), timed on their own
          anomalies.addAndGet(payroll.anomalies(r.runId(), 0, 20).total());
          long b = System.nanoTime();
          payroll.approve(r.runId(), "bench");
          long c = System.nanoTime();
          lineCount.addAndGet(bankFiles.export(r.runId(), own, "bench"));
          long d = System.nanoTime();
          step[0].addAndGet(a2 - a);
          step[3].addAndGet(b - a2);
          step[1].addAndGet(c - b);
          step[2].addAndGet(d - c);
        }
        synchronized (sink) {
          sink.count += own.count;
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    lines = lineCount.get();
    t.put("payroll 2-4 per county, wall clock (" + threads + " threads)", (System.nanoTime() - t0) / 1e9);
    t.put("  2 roster summary + differences (summed)", step[0].get() / 1e9);
    t.put("  2b anomalies: " + anomalies.get() + " found (summed)", step[3].get() / 1e9);
    // the province's duplicate ID numbers and shared accounts, computed once by the roster's dispatch beside the
    // roster groups (in step 1)
    java.util.Map<String, Object> sets = jdbc.queryForMap("SELECT m.millis, (SELECT COUNT(*) FROM payroll_anomaly_set s "
        + "WHERE s.payroll_month = m.payroll_month) AS n FROM payroll_anomaly_month m WHERE m.payroll_month = ?",
        java.sql.Date.valueOf(month.atDay(1)));
    t.put("  province's sets, once, inside step 1 (" + sets.get("n") + " values)",
        ((Number) sets.get("millis")).longValue() / 1e3);
    t.put("  3 approve (summed)", step[1].get() / 1e9);
    t.put("  4 bank file export + stream (summed)", step[2].get() / 1e9);
    return new Month(runs, lines, (System.nanoTime() - start) / 1e9);
  }

  /** The province's monitoring report from last month (the approvals carry today's date) to the payroll month. */
  static List<org.doudi.funds.MonitoringRow> province(ConfigurableApplicationContext app, YearMonth month) {
    return app.getBean(org.doudi.funds.internal.FundMonitoring.class).figures(
        YearMonth.now(org.doudi.funds.internal.FundMonitoring.ZONE).minusMonths(1), month, null,
        org.doudi.funds.internal.FundMonitoring.Scope.all());
  }

  record Imported(long paid, long returned, long stillSent, double seconds) {}

  /** Each county's result file made from its disbursement file (DOUDI-CSV-1) and imported, on {@code threads}. */
  static Imported importResults(BankFiles bankFiles, List<RosterSummary> runs, int threads, int returnedEvery)
      throws Exception {
    java.util.concurrent.ConcurrentLinkedQueue<RosterSummary> todo =
        new java.util.concurrent.ConcurrentLinkedQueue<>(runs);
    java.util.concurrent.atomic.AtomicLong[] n = {new java.util.concurrent.atomic.AtomicLong(),
        new java.util.concurrent.atomic.AtomicLong(), new java.util.concurrent.atomic.AtomicLong()};
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> {
        for (RosterSummary r; (r = todo.poll()) != null; ) {
          org.doudi.payroll.BankFile f = bankFiles.export(r.runId(), "bench");
          java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
          bankFiles.write(f.id(), content);
          StringBuilder result = new StringBuilder("H,").append(f.batchNo()).append('\n');
          long k = 0;
          for (String line : content.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("D,")) {
              // D,<ledgerId>,<payeeName>,<payeeIdNumber>,<bankName>,<accountNumber>,<amount>,... (no quoted fields
              // in the generator's data)
              String[] d = line.split(",");
              boolean returned = ++k % returnedEvery == 0;
              result.append("D,").append(d[1]).append(',').append(d[5]).append(',').append(d[6]).append(',')
                  .append(returned ? "RETURNED,账户已销户" : "PAID").append('\n');
            }
          }
          org.doudi.payroll.ResultImport ri = bankFiles.importResult(f.id(),
              new java.io.ByteArrayInputStream(result.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              "bench");
          n[0].addAndGet(ri.paid());
          n[1].addAndGet(ri.returned());
          n[2].addAndGet(ri.stillSent());
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return new Imported(n[0].get(), n[1].get(), n[2].get(), (System.nanoTime() - t0) / 1e9);
  }

  static double copyIn(DataSource ds, String table, Path file) throws Exception {
    try (Connection c = ds.getConnection(); InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()),
        1 << 20)) {
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", in);
      c.commit();
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  /** Jilin's cities and counties (the demo migration already has the province, 长春市 and two counties). */
  static void loadRegions(JdbcTemplate jdbc, JilinCounties counties) {
    Map<String, String> cities = new LinkedHashMap<>();
    for (County c : counties.all()) {
      cities.putIfAbsent(c.code().substring(0, 4) + "00", c.city());
    }
    List<Object[]> rows = new ArrayList<>();
    cities.forEach((code, name) -> rows.add(new Object[] {code, name, "CITY", "220000", null}));
    for (County c : counties.all()) {
      rows.add(new Object[] {c.code(), c.name(), "COUNTY", c.code().substring(0, 4) + "00",
          c.district() ? "URBAN" : "RURAL"});
    }
    for (Object[] r : rows) {
      jdbc.update("INSERT INTO region (code, name, level, parent_code, urban_rural) SELECT ?, ?, ?, ?, ? "
          + "WHERE NOT EXISTS (SELECT 1 FROM region WHERE code = ?)", r[0], r[1], r[2], r[3], r[4], r[0]);
    }
  }

  static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
