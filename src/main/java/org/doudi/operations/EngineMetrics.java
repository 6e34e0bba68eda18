package org.doudi.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Engine health for Prometheus: jobs due, failed jobs (no retries left), waiting timers, open incidents,
 * open user tasks, running process instances. Counted engine-wide, whoever scrapes.
 */
@Component
public class EngineMetrics implements MeterBinder {

  private final ProcessEngine engine;

  public EngineMetrics(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    var management = engine.getManagementService();
    var runtime = engine.getRuntimeService();
    gauge(registry, "doudi.engine.jobs", "executable", "Jobs ready to run",
        () -> management.createJobQuery().executable().count());
    gauge(registry, "doudi.engine.jobs", "failed", "Jobs with no retries left",
        () -> management.createJobQuery().noRetriesLeft().count());
    gauge(registry, "doudi.engine.jobs", "timers", "Timer jobs waiting",
        () -> management.createJobQuery().timers().count());
    Gauge.builder("doudi.engine.incidents", () -> systemCount(() -> runtime.createIncidentQuery().count()))
        .description("Open incidents").register(registry);
    Gauge.builder("doudi.engine.tasks.open", () -> systemCount(() -> engine.getTaskService().createTaskQuery().count()))
        .description("Open user tasks").register(registry);
    Gauge.builder("doudi.engine.process.instances", () -> systemCount(() -> runtime.createProcessInstanceQuery().active().count()))
        .description("Running process instances").register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String state, String description, Supplier<Long> count) {
    Gauge.builder(name, () -> systemCount(count)).tag("state", state).description(description).register(registry);
  }

  /** The scraping request binds its user to the engine; count without that user's authorization filter. */
  private double systemCount(Supplier<Long> count) {
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return count.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
