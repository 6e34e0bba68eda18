package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.doudi.engine.RuleVersion.Status;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.platform.Http;
import org.doudi.unemployed.internal.UnemployedRules;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The four eyes on a money rule through the REST API, as an analyst would use them from Modeler: {@code analyst}
 * deploys a new {@code unemployed-amount} (农安县 800 → 600 yuan) with POST /engine-rest/deployment/create; the
 * deployment is audited with its author and resources; the old version keeps deciding and a 规则变更审批 task waits;
 * the author's own approval is refused with 400 in Chinese and changes nothing; another analyst approves and the new
 * version decides. Run on H2 ({@link RuleApprovalTest}) and on PostgreSQL ({@code PostgresIT}).
 */
public final class RuleApprovalScenario {

  static final String KEY = "unemployed-amount";
  static final String RESOURCE = "processes/rules/unemployed-amount.dmn";
  static final String SECOND_ANALYST = "analyst-b";
  static final String NONGAN = "220122";

  private final ObjectMapper json = new ObjectMapper();
  private final Http http;
  private final int port;
  private final JdbcTemplate jdbc;
  private final RulesInForce rulesInForce;
  private final UnemployedRules rules;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;

  public RuleApprovalScenario(ApplicationContext app, int port) {
    this.port = port;
    this.http = new Http(port);
    this.jdbc = app.getBean(JdbcTemplate.class);
    this.rulesInForce = app.getBean(RulesInForce.class);
    this.rules = app.getBean(UnemployedRules.class);
    this.tasks = app.getBean(TaskService.class);
    this.runtime = app.getBean(RuntimeService.class);
    this.history = app.getBean(HistoryService.class);
    this.repository = app.getBean(RepositoryService.class);
    app.getBean(Staff.class).ensureUser(SECOND_ANALYST, "分析", "乙", "demo", Role.ANALYST, "220000");
  }

  static byte[] shipped(String resource) {
    try (InputStream in = RuleApprovalScenario.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped amount table with 农安县 paid {@code yuan} instead of 800. */
  static byte[] amountTable(int yuan) {
    String xml = new String(shipped(RESOURCE), StandardCharsets.UTF_8);
    String changed = xml.replace("<outputEntry id=\"LiteralExpression_Nongan_0\"><text>800</text></outputEntry>",
        "<outputEntry id=\"LiteralExpression_Nongan_0\"><text>" + yuan + "</text></outputEntry>");
    assertThat(changed).isNotEqualTo(xml);
    return changed.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** POST /engine-rest/deployment/create (multipart, as Camunda Modeler sends it). */
  Http.Response deploy(String user, String name, String resourceName, byte[] content) {
    String boundary = "----doudi" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\n"
        + "doudi-startup\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
        + resourceName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/deployment/create")).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Http.Response(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException("deployment failed", e);
    }
  }

  String variables(Map<String, Object> values) throws Exception {
    var v = json.createObjectNode();
    values.forEach((k, x) -> v.putObject(k).putPOJO("value", x));
    return json.writeValueAsString(Map.of("variables", v));
  }

  /** Runs the scenario; returns the deployment it made (the caller deletes it to restore the shipped table). */
  public String run() throws Exception {
    String inForceBefore = rulesInForce.decisionDefinitionId(KEY);
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");

    // the name and source claim to be the start-up deployment: they are request data and count for nothing
    Http.Response deployed = deploy("analyst", ModelDeployer.DEPLOYMENT_NAME, RESOURCE, amountTable(600));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    JsonNode d = json.readTree(deployed.body());
    String deploymentId = d.get("id").asText();
    String definitionId = d.get("deployedDecisionDefinitions").fieldNames().next();

    // audited: who, which resources with their hashes and definitions
    Map<String, Object> audit = jdbc.queryForMap("SELECT deployed_by, by_application, name FROM model_deployment"
        + " WHERE deployment_id = ?", deploymentId);
    assertThat(audit.get("deployed_by")).isEqualTo("analyst");
    assertThat(audit.get("by_application")).isEqualTo(false);
    List<Map<String, Object>> resources = jdbc.queryForList("SELECT resource_name, sha256, definition_ids FROM"
        + " model_deployment_resource WHERE deployment_id = ?", deploymentId);
    assertThat(resources).hasSize(1);
    assertThat(resources.get(0).get("resource_name")).isEqualTo(RESOURCE);
    assertThat(resources.get(0).get("sha256")).isEqualTo(sha256(amountTable(600)));
    assertThat(resources.get(0).get("definition_ids")).isEqualTo(definitionId);

    // the old version keeps deciding; the new one waits for a second person
    RuleVersion pending = rulesInForce.version(definitionId).orElseThrow();
    assertThat(pending.status()).isEqualTo(Status.PENDING);
    assertThat(pending.author()).isEqualTo("analyst");
    assertThat(pending.inForceBefore()).isEqualTo(inForceBefore);
    assertThat(rulesInForce.decisionDefinitionId(KEY)).isEqualTo(inForceBefore);
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");
    String pid = pending.processInstanceId();
    Task task = tasks.createTaskQuery().processInstanceId(pid).singleResult();
    assertThat(task.getName()).isEqualTo("规则变更审批");
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ApproveRule");
    assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId))
        .contains("camunda-admin", "analyst-220000");
    Map<String, Object> shown = runtime.getVariables(pid);
    assertThat(shown.get("ruleKey")).isEqualTo(KEY);
    assertThat(shown.get("newVersion")).isEqualTo("第" + pending.version() + "版");
    assertThat(shown.get("ruleAuthor")).isEqualTo("analyst");
    assertThat((String) shown.get("changeSummary")).contains("修改规则").contains("农安县")
        .contains("由“800”改为“600”");

    // the second analyst sees the task and its form in Tasklist; a caseworker does not
    assertThat(http.get(SECOND_ANALYST, "/engine-rest/task?processInstanceId=" + pid).body()).contains("规则变更审批");
    Http.Response form = http.get(SECOND_ANALYST, "/engine-rest/task/" + task.getId() + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("\"rule-approval\"").contains("批准").contains("驳回");
    assertThat(http.get("nongan-cw", "/engine-rest/task?processInstanceId=" + pid).body()).isEqualTo("[]");

    // the author claims and approves: 400 in Chinese, the task stays open, nothing changes
    assertThat(http.send("analyst", "POST", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"analyst\"}").status()).isEqualTo(204);
    Http.Response own = http.send("analyst", "POST", "/engine-rest/task/" + task.getId() + "/complete",
        variables(Map.of("decision", "APPROVE", "decisionNote", "同意")));
    assertThat(own.status()).as(own.body()).isEqualTo(400);
    assertThat(own.body()).contains("不能批准本人部署的规则版本");
    Http.Response ownForm = http.send("analyst", "POST", "/engine-rest/task/" + task.getId() + "/submit-form",
        variables(Map.of("decision", "APPROVE")));
    assertThat(ownForm.status()).as(ownForm.body()).isEqualTo(400);
    assertThat(ownForm.body()).contains("不能批准本人部署的规则版本");
    // nor may a completion change what the form shows
    Http.Response forged = http.send("analyst", "POST", "/engine-rest/task/" + task.getId() + "/complete",
        variables(Map.of("decision", "REJECT", "decisionNote", "撤回", "ruleAuthor", "demo")));
    assertThat(forged.status()).as(forged.body()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(rulesInForce.version(definitionId).orElseThrow().status()).isEqualTo(Status.PENDING);
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");

    // another analyst approves: the new version decides from now on
    assertThat(http.send("analyst", "POST", "/engine-rest/task/" + task.getId() + "/unclaim", null).status())
        .isEqualTo(204);
    assertThat(http.send(SECOND_ANALYST, "POST", "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + SECOND_ANALYST + "\"}").status()).isEqualTo(204);
    Http.Response approved = http.send(SECOND_ANALYST, "POST", "/engine-rest/task/" + task.getId() + "/complete",
        variables(Map.of("decision", "APPROVE", "decisionNote", "与县政府文件一致")));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    RuleVersion decided = rulesInForce.version(definitionId).orElseThrow();
    assertThat(decided.status()).isEqualTo(Status.APPROVED);
    assertThat(decided.decidedBy()).isEqualTo(SECOND_ANALYST);
    assertThat(decided.decidedAt()).isNotNull();
    assertThat(decided.note()).isEqualTo("与县政府文件一致");
    assertThat(rulesInForce.decisionDefinitionId(KEY)).isEqualTo(definitionId);
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("600");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_RuleInForce");
    return deploymentId;
  }

  /** Deletes the scenario's deployment: the shipped version is in force again. */
  public void restore(String deploymentId) {
    repository.deleteDeployment(deploymentId, true);
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");
  }
}
