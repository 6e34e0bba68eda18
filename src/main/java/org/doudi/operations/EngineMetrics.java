package org.doudi.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.engine.EngineAsSystem;
import org.springframework.stereotype.Component;

/**
 * Engine health for Prometheus: jobs due, failed jobs (no retries left), waiting timers, open incidents,
 * open user tasks, running process instances. Counted engine-wide (as the system, not as the scraping user,
 * whose authorizations would filter the counts).
 */
@Component
public class EngineMetrics implements MeterBinder {

  private final ProcessEngine engine;
  private final EngineAsSystem asSystem;

  public EngineMetrics(ProcessEngine engine, EngineAsSystem asSystem) {
    this.engine = engine;
    this.asSystem = asSystem;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    var management = engine.getManagementService();
    var runtime = engine.getRuntimeService();
    gauge(registry, "doudi.engine.jobs", "Jobs ready to run", () -> management.createJobQuery().executable().count())
        .tag("state", "executable").register(registry);
    gauge(registry, "doudi.engine.jobs", "Jobs with no retries left", () -> management.createJobQuery().noRetriesLeft().count())
        .tag("state", "failed").register(registry);
    gauge(registry, "doudi.engine.jobs", "Timer jobs waiting", () -> management.createJobQuery().timers().count())
        .tag("state", "timers").register(registry);
    gauge(registry, "doudi.engine.incidents", "Open incidents", () -> runtime.createIncidentQuery().count())
        .register(registry);
    gauge(registry, "doudi.engine.tasks.open", "Open user tasks", () -> engine.getTaskService().createTaskQuery().count())
        .register(registry);
    gauge(registry, "doudi.engine.process.instances", "Running process instances",
        () -> runtime.createProcessInstanceQuery().active().count()).register(registry);
  }

  private Gauge.Builder<Supplier<Number>> gauge(MeterRegistry registry, String name, String description,
      Supplier<Long> count) {
    return Gauge.builder(name, () -> (Number) asSystem.call(count)).description(description);
  }
}
