package org.doudi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.calendar.OpenDeadlineFilter;
import org.doudi.calendar.OpenDeadlines;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * ops/prometheus-alerts.yml names only metrics that /actuator/prometheus exposes, and the gauges behind the alerts of
 * docs/operations.md (incidents, failed jobs, overdue legal limits, a failed payroll) are there with their values.
 */
@DoudiTest
class PrometheusAlertsTest {

  /** Series Prometheus makes itself for every target, not exposed by the application. */
  static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

  static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and",
      "or", "unless", "bool", "offset");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired OpenDeadlines deadlines;
  @Autowired org.doudi.engine.EngineAsSystem asSystem;

  @Test
  void everyMetricTheAlertsNameIsExposed() throws Exception {
    String metrics = scrape();
    Set<String> exposed = exposed(metrics);
    List<Map<String, Object>> rules = rules();
    assertThat(rules).extracting(r -> r.get("alert")).contains("DoudiIncidentsOpen", "DoudiFailedJobs",
        "DoudiLegalLimitsOverdue", "DoudiPayrollFailed");
    for (Map<String, Object> rule : rules) {
      Set<String> named = metricNames((String) rule.get("expr"));
      assertThat(named).as("metrics in " + rule.get("alert")).isNotEmpty();
      for (String name : named) {
        if (!PROMETHEUS_OWN.contains(name)) {
          assertThat(exposed).as(rule.get("alert") + " uses " + name).contains(name);
        }
      }
    }
    assertThat(metrics).contains("doudi_engine_jobs{application=\"doudi\",state=\"failed\"}");
  }

  @Test
  void theSeriesTheGuideListsAreExposed() throws Exception {
    Set<String> exposed = exposed(scrape());
    String guide = Files.readString(Path.of("docs/operations.md"));
    int start = guide.indexOf("\n## Monitoring");
    String section = guide.substring(start, guide.indexOf("\n## ", start + 1));
    Set<String> listed = new LinkedHashSet<>();
    Matcher rows = Pattern.compile("(?m)^\\| (`[^|]*) \\|").matcher(section);
    while (rows.find()) {
      Matcher names = Pattern.compile("`([a-z_]+)[{`]").matcher(rows.group(1));
      while (names.find()) {
        listed.add(names.group(1));
      }
    }
    assertThat(listed).contains("doudi_engine_incidents", "doudi_deadlines_overdue", "doudi_payroll_incidents",
        "hikaricp_connections_pending");
    for (String name : listed) {
      // a timer or summary is exposed as name_count, name_sum, name_max
      assertThat(exposed.contains(name) || exposed.contains(name + "_count")).as(name + " exposed").isTrue();
    }
  }

  @Test
  void theAlertGaugesCarryTheirValues() throws Exception {
    String metrics = scrape();
    assertThat(value(metrics, "doudi_payroll_incidents")).isEqualTo(runtime.createIncidentQuery()
        .processDefinitionKeyIn(ProvinceMetrics.PAYROLL_PROCESSES).count());
    // a fresh binder (no cached count) against the deadline monitor's own count
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    new ProvinceMetrics(deadlines, runtime, asSystem).bindTo(registry);
    long overdue = deadlines.counts(OpenDeadlineFilter.all()).townships().stream()
        .mapToLong(OpenDeadlines.TownshipCount::overdue).sum();
    assertThat(registry.get("doudi.deadlines.overdue").gauge().value()).isEqualTo((double) overdue);
    assertThat(value(metrics, "doudi_deadlines_overdue")).isGreaterThanOrEqualTo(0);
    assertThat(value(metrics, "doudi_deadlines_due_soon")).isGreaterThanOrEqualTo(0);
  }

  static Set<String> exposed(String metrics) {
    Set<String> exposed = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(metrics);
    while (m.find()) {
      exposed.add(m.group(1));
    }
    return exposed;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rules() throws Exception {
    Map<String, Object> file = new Yaml().load(Files.readString(Path.of("ops/prometheus-alerts.yml")));
    return ((List<Map<String, Object>>) file.get("groups")).stream()
        .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
  }

  /** The metric names of a PromQL expression: what is left without labels, ranges, strings, functions and words. */
  static Set<String> metricNames(String expr) {
    String s = expr.replaceAll("\"[^\"]*\"", "").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?").matcher(s);
    while (m.find()) {
      if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private String scrape() throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
        .header("Accept", "text/plain")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("supervisor:demo".getBytes()))
        .build();
    var response = java.net.http.HttpClient.newHttpClient().send(request,
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static long value(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.E]+)$").matcher(metrics);
    assertThat(m.find()).as(name + " exposed").isTrue();
    return (long) Double.parseDouble(m.group(1));
  }
}
