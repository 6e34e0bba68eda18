package org.doudi.calendar.bench;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.doudi.calendar.internal.CalendarSnapshot;
import org.doudi.calendar.internal.NoticeFiles;
import org.doudi.calendar.internal.NoticeYear;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * add-working-days and count-working-days on the shipped 2020–2026 calendar, for spans from a week to
 * five years (1250 working days). Run: {@code mvn -Pbench test-compile exec:exec} (see docs/benchmarks/calendar.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CalendarBenchmark {

  /** Working days added: a week, a month, 30 (the 低保 limit), a year, five years. */
  @Param({"5", "22", "30", "250", "1250"})
  public int days;

  private CalendarSnapshot calendar;
  private LocalDate[] starts;
  private LocalDate[] ends;
  private int i;

  @Setup
  public void setUp() throws Exception {
    List<NoticeYear> notices = new ArrayList<>();
    for (int y = 2020; y <= 2026; y++) {
      try (InputStream in = CalendarBenchmark.class.getResourceAsStream("/calendar/" + y + ".json")) {
        notices.addAll(NoticeFiles.read(in));
      }
    }
    calendar = new CalendarSnapshot(notices, List.of());
    // random starts in 2020 – mid 2021, so that five years later is still inside the data
    Random random = new Random(42);
    starts = new LocalDate[1024];
    ends = new LocalDate[1024];
    for (int k = 0; k < starts.length; k++) {
      starts[k] = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(540));
      ends[k] = calendar.addWorkingDays(starts[k], days);
    }
  }

  @Benchmark
  public LocalDate addWorkingDays() {
    i = (i + 1) & 1023;
    return calendar.addWorkingDays(starts[i], days);
  }

  @Benchmark
  public int countWorkingDays() {
    i = (i + 1) & 1023;
    return calendar.countWorkingDays(starts[i], ends[i]);
  }
}
