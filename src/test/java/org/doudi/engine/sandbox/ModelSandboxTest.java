package org.doudi.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.CaseDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.engine.ModelSandbox;
import org.doudi.engine.sandbox.HostileModels.Entry;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.TestProcessBeans.NotAProcessBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The model sandbox (docs/security.md, "模型沙箱"): every hostile model of the corpus is refused when the demo analyst
 * deploys it through the REST API (400, file and element named in Chinese), and stays inert when it is already in the
 * database — deployed past the sandbox and run as the job executor or a start would run it.
 */
@DoudiTest
class ModelSandboxTest {

  static final String ADMINS = "camunda-admin";
  static final Map<String, Object> VARIABLES = Map.of("regionCode", "220122", "amount", "1", "name", "张三");

  @LocalServerPort int port;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired DecisionService decisions;
  @Autowired CaseService cases;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired FormService forms;
  @Autowired ModelSandbox sandbox;
  @Autowired NotAProcessBean notAProcessBean;
  final ObjectMapper json = new ObjectMapper();
  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestDeployed() {
    deployments.forEach(id -> repository.deleteDeployment(id, true, true, true));
    identity.clearAuthentication();
    if (analystIsAdministrator()) {
      identity.deleteMembership("analyst", ADMINS); // never leave an escalation behind for other tests
    }
  }

  @Test
  void everyHostileModelIsRefusedThroughTheRestApiWithFileAndElementInChinese() throws Exception {
    List<Entry> corpus = HostileModels.corpus();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
    long before = repository.createDeploymentQuery().count();
    for (Entry e : corpus) {
      Http.Response r = HostileModels.deployThroughRest(port, "analyst", e.resourceName(), e.content());
      assertThat(r.status()).as(e + ": " + r.body()).isEqualTo(400);
      JsonNode body = json.readTree(r.body());
      assertThat(body.path("message").asText()).as(e.file())
          .contains("模型未部署").contains("模型文件 " + e.resourceName()).contains("元素 " + e.element());
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(analystIsAdministrator()).isFalse();
    System.out.println("ModelSandboxTest: " + corpus.size() + " hostile models refused through /engine-rest as analyst");
  }

  @Test
  void theIssuesEscalationIsRefusedAndInertWhenStored() {
    Entry issue = HostileModels.entry("escalate-timer-identity.bpmn");
    Http.Response refused = HostileModels.deployThroughRest(port, "analyst", issue.resourceName(), issue.content());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Task_Escalate").contains("execution.processEngineServices", "引擎对象");

    Deployment stored = storePastTheSandbox(issue);
    List<Job> jobs = jobsOf(stored);
    assertThat(jobs).as("the timer start job of the stored model").hasSize(1);
    Job timer = jobs.get(0);
    Throwable failure = executeJob(timer.getId());
    assertThat(failure).isNotNull();
    assertThat(rootMessage(failure)).contains("模型沙箱");
    assertThat(analystIsAdministrator()).isFalse();
  }

  @Test
  void everyHostileModelIsInertWhenAlreadyInTheDatabase() throws Exception {
    Files.deleteIfExists(Path.of(HostileModels.MARKER));
    EscalatingDelegate.INSTANCES.set(0);
    int ran = 0;
    for (Entry e : HostileModels.corpus()) {
      Deployment stored;
      boolean failed = false;
      try {
        stored = storePastTheSandbox(e);
      } catch (RuntimeException engineRefused) {
        stored = null; // the engine's own parser refused it (entities, size): nothing stored, nothing run
        failed = true;
      }
      if (stored != null) {
        failed |= run(e, stored);
        ran++;
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().deploymentId(stored.getId()).list()) {
          assertThat(String.valueOf(p.getDescription())).as(e.file()).doesNotContain("root:");
        }
      }
      if (e.fails()) {
        assertThat(failed).as(e + " must fail").isTrue();
      }
      assertNothingEscaped(e);
    }
    System.out.println("ModelSandboxTest: " + ran + " hostile models stored past the sandbox and run, none escaped");
  }

  @Test
  void aStoredHostileDeploymentCannotBeRedeployed() throws Exception {
    Entry e = HostileModels.entry("script-task-groovy.bpmn");
    Deployment stored = storePastTheSandbox(e);
    Http.Response r = new Http(port).send("demo", "POST", "/engine-rest/deployment/" + stored.getId() + "/redeploy", "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(json.readTree(r.body()).path("message").asText()).contains(e.resourceName()).contains("Task_X")
        .contains("脚本任务");
  }

  @Test
  void cockpitsRedeployOfAStoredHostileDeploymentIsRefusedWith400() throws Exception {
    Entry e = HostileModels.entry("escalate-timer-identity.bpmn");
    long deploymentsBefore = repository.createDeploymentQuery().count();
    Deployment stored = storePastTheSandbox(e);
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port + "/camunda";
    client.send(HttpRequest.newBuilder(URI.create(base + "/app/cockpit/")).build(), HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create(base + "/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    csrf = login.headers().firstValue("X-XSRF-TOKEN").orElseThrow(); // the new session's token
    HttpResponse<String> redeploy = client.send(HttpRequest.newBuilder(
            URI.create(base + "/api/engine/engine/default/deployment/" + stored.getId() + "/redeploy"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(redeploy.statusCode()).as(redeploy.body()).isEqualTo(400);
    assertThat(json.readTree(redeploy.body()).path("message").asText()).contains(e.resourceName()).contains("Task_Escalate");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore + 1);
  }

  @Test
  void anAnalystStillDeploysAModelThatKeepsToTheRules() throws Exception {
    String ok = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ok" targetNamespace="http://doudi.org/test">
          <bpmn:process id="sandbox-ok" isExecutable="true" camunda:historyTimeToLive="30">
            <bpmn:startEvent id="StartEvent_1"/>
            <bpmn:serviceTask id="Task_Probe" camunda:expression="${expressionProbe.hit()}"/>
            <bpmn:userTask id="Task_Review" camunda:candidateGroups="${groups.of(amount &gt; 1000 ? 'COUNTY_APPROVER' \
        : 'TOWNSHIP_APPROVER', regionCode)}" camunda:dueDate="${deadlines.workingDays(3)}"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Probe"/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Probe" targetRef="Task_Review">
              <bpmn:conditionExpression>${not (regionCode == null) &amp;&amp; list[0] != 'x' || amount + 1 &gt;= 2}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>
        """;
    Http.Response r = HostileModels.deployThroughRest(port, "analyst", "sandbox-ok.bpmn", ok.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    deployments.add(json.readTree(r.body()).path("id").asText());
  }

  @Test
  void theRuleSeesExpressionsAsTheEngineDoes() {
    for (String allowed : List.of("${decision == 'APPROVE'}", "#{!materialsComplete}", "${deadlines.workingDays(3)}",
        "${dibaoRecords.close(execution, 'WITHDRAWN')}", "${temporary.publicNotice && proposalOpinion == 'APPROVE'}",
        "${groups.of(authority == 'TOWNSHIP' ? 'TOWNSHIP_APPROVER' : 'COUNTY_APPROVER', regionCode)}",
        "前缀 ${amount * 2 + 1} 后缀 ${empty name}", "${items[0]} ${limits['county']}", "P7D")) {
      assertThat(sandbox.checkExpression(allowed)).as(allowed).isNull();
    }
    for (String refused : List.of("${execution.processEngineServices}", "${execution.getVariable('x')}",
        "${task.execution}", "${groups.getClass()}", "${groups.class}", "${groups.toString()}", "${name.length()}",
        "${name.bytes}", "${''.getClass()}", "${now()}", "${dateTime().plusDays(2)}", "${identityService.createUser('x')}",
        "${groups.of(execution.processEngine, regionCode)}", "${x}${execution.id}", "${(execution).id}",
        "${groups['of']}", "${execution['id']}", "${items[execution.id]}", "${name['class']}", "${groups.noSuchMethod()}")) {
      assertThat(sandbox.checkExpression(refused)).as(refused).isNotNull();
    }
  }

  @Test
  void noScriptEngineNoClassAndNoClassValidatorExistInTheEngine() {
    for (String language : List.of("groovy", "javascript", "js", "graal.js", "python", "juel")) {
      assertThat(engine.getScriptEngineResolver().getScriptEngine(language, true)).as(language).isNull();
    }
    assertThatThrownBy(() -> engine.getArtifactFactory().getArtifact(EscalatingDelegate.class)).hasMessageContaining("模型沙箱");
    // a generated form's <camunda:constraint name="validator" config="a.Class"/> would otherwise instantiate the class
    assertThat(engine.getFormValidators().getValidators().get("validator").getSimpleName()).isEqualTo("RefusedFormValidator");
    assertThat(EscalatingDelegate.INSTANCES.get()).isZero();
  }

  @Test
  void storedTaskFiltersKeepTheirFunctions() {
    Filter f = filters.newTaskFilter("sandbox-functions").setOwner("demo")
        .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .dueBeforeExpression("${dateTime().plusDays(2).toDate()}").taskCandidateGroupInExpression("${currentUserGroups()}"));
    filters.saveFilter(f);
    try {
      identity.setAuthentication("demo", List.of(ADMINS));
      assertThat(filters.list(f.getId())).isNotNull();
      assertThat(filters.count(f.getId())).isNotNull();
    } finally {
      identity.clearAuthentication();
      filters.deleteFilter(f.getId());
    }
  }

  private Deployment storePastTheSandbox(Entry e) {
    Deployment d = HostileModels.pastTheSandbox(engine, () -> repository.createDeployment().name("stored-before-sandbox")
        .addInputStream(e.resourceName(), new ByteArrayInputStream(e.content())).deploy());
    deployments.add(d.getId());
    return d;
  }

  /** Runs the stored model as the engine would; true when running it failed. */
  private boolean run(Entry e, Deployment d) {
    boolean failed = false;
    switch (e.run()) {
      case "timer" -> {
        for (Job j : jobsOf(d)) {
          failed |= executeJob(j.getId()) != null;
        }
      }
      case "start" -> {
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().deploymentId(d.getId()).list()) {
          try {
            runtime.startProcessInstanceById(p.getId(), VARIABLES);
          } catch (RuntimeException refused) {
            failed = true;
          }
        }
        for (Job j : jobsOf(d)) {
          failed |= executeJob(j.getId()) != null;
        }
      }
      case "submit" -> {
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().deploymentId(d.getId()).list()) {
          String instance = runtime.startProcessInstanceById(p.getId(), VARIABLES).getId();
          for (var t : tasks.createTaskQuery().processInstanceId(instance).list()) {
            try {
              forms.submitTaskForm(t.getId(), Map.of("x", "1"));
            } catch (RuntimeException refused) {
              failed = true;
            }
          }
        }
      }
      case "decision" -> {
        for (DecisionDefinition dd : repository.createDecisionDefinitionQuery().deploymentId(d.getId()).list()) {
          try {
            decisions.evaluateDecisionById(dd.getId()).variables(VARIABLES).evaluate();
          } catch (RuntimeException refused) {
            failed = true;
          }
        }
      }
      case "case" -> {
        for (CaseDefinition c : repository.createCaseDefinitionQuery().deploymentId(d.getId()).list()) {
          try {
            cases.createCaseInstanceById(c.getId());
          } catch (RuntimeException refused) {
            failed = true;
          }
        }
      }
      default -> { }
    }
    return failed;
  }

  private List<Job> jobsOf(Deployment d) {
    List<Job> jobs = new ArrayList<>();
    for (ProcessDefinition p : repository.createProcessDefinitionQuery().deploymentId(d.getId()).list()) {
      jobs.addAll(management.createJobQuery().processDefinitionId(p.getId()).list());
    }
    return jobs;
  }

  private Throwable executeJob(String id) {
    try {
      management.executeJob(id);
      return null;
    } catch (RuntimeException failure) {
      return failure;
    }
  }

  private void assertNothingEscaped(Entry e) {
    assertThat(analystIsAdministrator()).as(e + ": analyst made administrator").isFalse();
    assertThat(Files.exists(Path.of(HostileModels.MARKER))).as(e + ": Runtime.exec ran").isFalse();
    assertThat(notAProcessBean.hits.get()).as(e + ": a bean that is not a @ProcessBean was called").isZero();
    assertThat(EscalatingDelegate.INSTANCES.get()).as(e + ": camunda:class was instantiated").isZero();
    assertThat(System.getProperty("doudi.sandbox.escaped")).as(e + ": FEEL called Java").isNull();
  }

  private boolean analystIsAdministrator() {
    return identity.createUserQuery().userId("analyst").memberOfGroup(ADMINS).count() > 0;
  }

  private static String rootMessage(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
