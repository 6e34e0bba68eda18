package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.identity.ProcessStarters;
import org.doudi.identity.Role;
import org.doudi.platform.WebAppSession;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may start which process ({@link ProcessStarters}) holds on every way in: Tasklist's 启动流程 list, the
 * REST API's start and submit-form, message correlation, the web apps' own engine API and the /api endpoints.
 */
@DoudiTest
class StartPermissionsTest {

  static final Map<Role, String> USER_OF = Map.of(Role.VILLAGE_ASSISTANT, "baota", Role.TOWNSHIP_CASEWORKER,
      "nongan-cw", Role.TOWNSHIP_APPROVER, "nongan-approver", Role.COUNTY_CASEWORKER, "na-county-cw",
      Role.COUNTY_APPROVER, "na-county-approver", Role.SUPERVISOR, "supervisor", Role.ANALYST, "analyst",
      Role.AUDITOR, "auditor");
  static final String STARTABLE = "/process-definition?latestVersion=true&active=true&startableInTasklist=true"
      + "&startablePermissionCheck=true";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  Set<String> keys(String body) throws Exception {
    Set<String> keys = new TreeSet<>();
    for (JsonNode d : json.readTree(body)) {
      keys.add(d.get("key").asText());
    }
    return keys;
  }

  @Test
  void everyProcessOfTheModelsHasARowAndEveryRowAProcess() throws Exception {
    Pattern id = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    Set<String> models;
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      models = files.filter(p -> p.toString().endsWith(".bpmn")).map(p -> {
        try {
          var m = id.matcher(Files.readString(p));
          return m.find() ? m.group(1) : p.toString();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }).collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(ProcessStarters.RULES.stream().map(ProcessStarters.Rule::processKey).collect(Collectors.toSet()))
        .as("a new process needs its row in ProcessStarters.RULES").isEqualTo(models);
  }

  @Test
  void tasklistsStartListOfEveryRoleIsItsRowsOfTheTable() throws Exception {
    for (var e : USER_OF.entrySet()) {
      Http.Response r = http.get(e.getValue(), "/engine-rest" + STARTABLE);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(keys(r.body())).as(e.getKey() + " " + e.getValue())
          .isEqualTo(ProcessStarters.startableInEngine(e.getKey()));
    }
    assertThat(ProcessStarters.startableInEngine(Role.VILLAGE_ASSISTANT))
        .containsExactlyInAnyOrder("hardship-report", "unemployed-assistance", "dibao-application",
            "tekun-recognition");
    assertThat(keys(http.get("demo", "/engine-rest" + STARTABLE).body())).contains("monthly-payroll", "hardship-report");
  }

  @Test
  void aVillageAssistantStartsNoPayrollOnAnyWayIn() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("monthly-payroll").count();
    // no variables: with some, the variable guard answers 400 before the engine asks who starts
    String vars = "{}";
    assertThat(http.send("baota", "POST", "/engine-rest/process-definition/key/monthly-payroll/start", vars).status())
        .isEqualTo(403);
    assertThat(http.send("baota", "POST", "/engine-rest/process-definition/key/monthly-payroll/submit-form", vars)
        .status()).isEqualTo(403);
    assertThat(http.send("baota", "POST", "/engine-rest/message",
        "{\"messageName\":\"PayrollCountyRun\",\"processVariables\":{\"countyCode\":{\"value\":\"220122\"}}}").status())
        .isIn(400, 403);
    assertThat(http.send("baota", "POST", "/api/payroll/runs", "{\"countyCode\":\"220122\",\"month\":\"2030-01\"}")
        .status()).isEqualTo(403);

    WebAppSession tasklist = WebAppSession.login(port, "baota", "tasklist");
    assertThat(tasklist).isNotNull();
    Http.Response list = tasklist.send("GET", "/camunda/api/engine/engine/default" + STARTABLE, null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(keys(list.body())).containsExactlyInAnyOrder("hardship-report", "unemployed-assistance",
        "dibao-application", "tekun-recognition");
    assertThat(tasklist.send("POST", "/camunda/api/engine/engine/default/process-definition/key/monthly-payroll/"
        + "submit-form", vars).status()).isEqualTo(403);
    assertThat(tasklist.send("POST", "/camunda/api/engine/engine/default/process-definition/key/monthly-payroll/"
        + "start", vars).status()).isEqualTo(403);

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("monthly-payroll").count()).isEqualTo(before);
  }

  @Test
  void nobodyButTheApplicationStartsTheMoneyProcessesInTheEngine() {
    for (String key : new String[] {"monthly-payroll", "one-off-disbursement", "payment-return",
        "award-change-approval", "overpayment-recovery"}) {
      for (String user : USER_OF.values()) {
        Http.Response r = http.send(user, "POST", "/engine-rest/process-definition/key/" + key + "/start", "{}");
        assertThat(r.status()).as(user + " starts " + key + ": " + r.body()).isEqualTo(403);
      }
    }
  }

  @Test
  void theApiStartEndpointsFollowTheTable() {
    // a township approver is in no row of the /api start endpoints' processes
    assertThat(http.send("nongan-approver", "POST", "/api/temporary/emergencies", "{}").status()).isEqualTo(403);
    assertThat(http.send("nanling-sq", "POST", "/api/temporary/emergencies", "{}").status()).isEqualTo(403);
    assertThat(http.send("analyst", "POST", "/api/unemployed/applications", "{}").status()).isEqualTo(403);
    assertThat(http.send("nongan-cw", "POST", "/api/payroll/runs", "{}").status()).isEqualTo(403);
    assertThat(http.send("baota", "POST", "/api/funds/recoveries", "{}").status()).isEqualTo(403);
    assertThat(http.send("auditor", "POST", "/api/temporary/holiday-batches", "{}").status()).isEqualTo(403);
    // the rows' roles get past the role check to the validation (400), not 403
    assertThat(http.send("na-county-cw", "POST", "/api/payroll/runs", "{}").status()).isEqualTo(400);
    assertThat(http.send("supervisor", "POST", "/api/temporary/holiday-batches", "{}").status()).isEqualTo(400);
  }
}
