package org.doudi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Prometheus endpoint carries the engine gauges, counted engine-wide whoever scrapes. */
@DoudiTest
class EngineMetricsTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void engineGaugesMatchTheEngine() throws Exception {
    // a case of 农安镇, which the city supervisor may see, and of 南岭街道 too: the gauges count both either way
    new Http(port).send("nanling-cw", "POST", "/engine-rest/process-definition/key/hardship-report/start",
        "{\"variables\":{\"householdHead\":{\"value\":\"甲\"}}}");

    String metrics = scrape("supervisor");

    assertThat(value(metrics, "doudi_engine_tasks_open\\{[^}]*}")).isEqualTo(tasks.createTaskQuery().count());
    assertThat(value(metrics, "doudi_engine_process_instances\\{[^}]*}"))
        .isEqualTo(runtime.createProcessInstanceQuery().active().count());
    assertThat(value(metrics, "doudi_engine_incidents\\{[^}]*}")).isEqualTo(runtime.createIncidentQuery().count());
    assertThat(value(metrics, "doudi_engine_jobs\\{[^}]*state=\"timers\"[^}]*}"))
        .isEqualTo(management.createJobQuery().timers().count());
    assertThat(metrics).contains("state=\"failed\"", "state=\"executable\"");
  }

  /** Prometheus text format (the test client asks for JSON, which the endpoint does not speak). */
  private String scrape(String user) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
        .header("Accept", "text/plain")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .build();
    var response = java.net.http.HttpClient.newHttpClient().send(request,
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static long value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.E]+)$").matcher(metrics);
    assertThat(m.find()).as(series + " in\n" + metrics.lines().filter(l -> l.startsWith("doudi")).toList()).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }
}
