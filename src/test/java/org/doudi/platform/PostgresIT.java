package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.engine.sandbox.HostileModels;
import org.doudi.engine.RuleApprovalScenario;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application on PostgreSQL: migrations and engine schema, demo data, region-scoped work through the
 * REST API, the four eyes on a money rule (RuleApprovalScenario), and a restart on the same database that creates no new model versions and no duplicate staff.
 */
class PostgresIT {

  final ObjectMapper json = new ObjectMapper();

  ConfigurableApplicationContext start(String url) {
    return Postgres.application(url);
  }

  @Test
  void runsAndRestartsOnPostgres() throws Exception {
    String url = Postgres.freshDatabase("doudi_it");
    long deployments;
    long users;
    String caseId;
    try (ConfigurableApplicationContext app = start(url)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM region", Integer.class)).isGreaterThanOrEqualTo(14);
      System.out.println("PostgresIT: running against " + url + " — "
          + jdbc.queryForObject("SELECT version()", String.class));

      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
      assertThat(http.get(null, "/engine-rest/task").status()).isEqualTo(401);
      Http.Response started = http.send("nanling-cw", "POST", "/engine-rest/process-definition/key/hardship-report/start",
          "{\"variables\":{\"householdHead\":{\"value\":\"张三\"},\"situation\":{\"value\":\"失业\"}}}");
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      caseId = json.readTree(started.body()).get("id").asText();
      assertThat(http.get("nanling-cw", "/engine-rest/task?processInstanceId=" + caseId).body()).contains("核实困难情况");
      assertThat(http.get("ziqiang-cw", "/engine-rest/task?processInstanceId=" + caseId).body()).isEqualTo("[]");
      assertThat(http.send("nanling-cw", "POST", "/engine-rest/task",
          "{\"orQueries\":[{\"assigneeExpression\":\"${1+1}\"}]}").status()).isEqualTo(400);

      analystCannotEscalateThroughAModel(app, http);
      // deployment audit and the second person on a money rule (issue 14): the REST scenario, then the shipped rule
      assertThat(jdbc.queryForObject("SELECT deployed_by FROM model_deployment WHERE by_application", String.class))
          .isEqualTo("application");
      RuleApprovalScenario rules = new RuleApprovalScenario(app, ((WebServerApplicationContext) app).getWebServer()
          .getPort());
      rules.restore(rules.run());

      deployments = app.getBean(RepositoryService.class).createDeploymentQuery().count();
      users = app.getBean(IdentityService.class).createUserQuery().count();
    }

    try (ConfigurableApplicationContext again = start(url)) {
      assertThat(again.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
      assertThat(again.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(users);
      Http http = new Http(((WebServerApplicationContext) again).getWebServer().getPort());
      assertThat(http.get("ng-county-cw", "/engine-rest/task?processInstanceId=" + caseId).body()).contains("核实困难情况");
      assertThat(again.getBean(ManagementService.class).getTableCount()).isNotEmpty();
    }
    Postgres.dropIfTemporary(url);
  }

  /** Issue 14's finding on PostgreSQL: refused as analyst (400), and inert when stored past the sandbox (docs/security.md). */
  private void analystCannotEscalateThroughAModel(ConfigurableApplicationContext app, Http http) {
    HostileModels.Entry issue = HostileModels.entry("escalate-timer-identity.bpmn");
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    Http.Response refused = HostileModels.deployThroughRest(port, "analyst", issue.resourceName(), issue.content());
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("Task_Escalate");

    RepositoryService repository = app.getBean(RepositoryService.class);
    ManagementService management = app.getBean(ManagementService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    Deployment stored = HostileModels.pastTheSandbox(app.getBean(ProcessEngineConfigurationImpl.class),
        () -> repository.createDeployment().addInputStream(issue.resourceName(),
            new ByteArrayInputStream(issue.content())).deploy());
    try {
      String definition = repository.createProcessDefinitionQuery().deploymentId(stored.getId()).singleResult().getId();
      Job timer = management.createJobQuery().processDefinitionId(definition).singleResult();
      assertThatThrownBy(() -> management.executeJob(timer.getId())).hasStackTraceContaining("模型沙箱");
      assertThat(identity.createUserQuery().userId("analyst").memberOfGroup("camunda-admin").count()).isZero();
    } finally {
      repository.deleteDeployment(stored.getId(), true, true, true);
    }
  }
}
