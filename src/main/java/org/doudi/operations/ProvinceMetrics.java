package org.doudi.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.calendar.OpenDeadlineFilter;
import org.doudi.calendar.OpenDeadlines;
import org.doudi.engine.EngineAsSystem;
import org.doudi.payroll.Payroll;
import org.springframework.stereotype.Component;

/**
 * What the operator's alerts watch beyond the engine's own gauges ({@link EngineMetrics}; ops/prometheus-alerts.yml):
 * legal limits passed while their step is open, counted as the deadline monitor counts them (calendar's
 * {@link OpenDeadlines}), and open incidents of the payroll's processes (a county's monthly run, the daily one-off
 * bank file). Province-wide; the deadline count is a grouped query, so it is taken at most every 30 s whatever the
 * scrape interval.
 */
@Component
public class ProvinceMetrics implements MeterBinder {

  /** The payroll processes whose failure stops money: the monthly run per county and the daily one-off bank file. */
  static final String[] PAYROLL_PROCESSES = {Payroll.PROCESS_KEY, "one-off-disbursement"};

  private static final Duration CACHE = Duration.ofSeconds(30);

  private final OpenDeadlines deadlines;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private volatile Instant countedAt = Instant.EPOCH;
  private volatile long[] counted = {0, 0};

  public ProvinceMetrics(OpenDeadlines deadlines, RuntimeService runtime, EngineAsSystem asSystem) {
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge("doudi.deadlines.overdue", "Legal limits passed while their step is open (the deadline monitor's red)",
        () -> deadlineCounts()[0]).register(registry);
    gauge("doudi.deadlines.due.soon", "Legal limits due within " + OpenDeadlines.DUE_SOON_WORKING_DAYS
        + " working days", () -> deadlineCounts()[1]).register(registry);
    gauge("doudi.payroll.incidents", "Open incidents of the payroll processes (monthly run, one-off bank file)",
        () -> asSystem.call(() -> runtime.createIncidentQuery().processDefinitionKeyIn(PAYROLL_PROCESSES).count()))
        .register(registry);
  }

  private static Gauge.Builder<Supplier<Number>> gauge(String name, String description, Supplier<Long> value) {
    return Gauge.builder(name, () -> (Number) value.get()).description(description);
  }

  /** {overdue, due soon}, at most {@link #CACHE} old. */
  long[] deadlineCounts() {
    Instant now = Instant.now();
    if (now.isAfter(countedAt.plus(CACHE))) {
      long overdue = 0;
      long dueSoon = 0;
      for (OpenDeadlines.TownshipCount t : deadlines.counts(OpenDeadlineFilter.all()).townships()) {
        overdue += t.overdue();
        dueSoon += t.dueSoon();
      }
      counted = new long[] {overdue, dueSoon};
      countedAt = now;
    }
    return counted;
  }
}
