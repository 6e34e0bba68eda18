package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.engine.RuleApprovalScenario.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.doudi.engine.RuleVersion.Status;
import org.doudi.platform.DoudiTest;
import org.doudi.unemployed.internal.UnemployedRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deployment audit and the second person on money rules (issue 14, item 2; docs/security.md): the start-up deployment
 * is the application's and needs no approval; a user's new version of a money rule waits for another analyst or an
 * administrator (the REST scenario in {@link RuleApprovalScenario}); rejection keeps the old version; a newer version
 * supersedes a pending one; an identical version and any other decision take effect at once.
 */
@DoudiTest
class RuleApprovalTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired JdbcTemplate jdbc;
  @Autowired RulesInForce rulesInForce;
  @Autowired UnemployedRules rules;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;

  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void restore() {
    identity.clearAuthentication();
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    // approvals of deleted versions still open: end them, as an administrator would in Cockpit
    tasks.createTaskQuery().processDefinitionKey("rule-approval").list()
        .forEach(t -> app.getBean(org.camunda.bpm.engine.RuntimeService.class)
            .deleteProcessInstance(t.getProcessInstanceId(), "test clean-up"));
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");
  }

  /** Deploys through the Java API as {@code user} (the same hook as every other path). */
  DecisionDefinition deployAs(String user, String key, String resource, byte[] content) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      Deployment d = repository.createDeployment().name("rules-test").addString(resource,
          new String(content, StandardCharsets.UTF_8)).deploy();
      deployments.add(d.getId());
      return repository.createDecisionDefinitionQuery().deploymentId(d.getId()).decisionDefinitionKey(key)
          .singleResult();
    } finally {
      identity.clearAuthentication();
    }
  }

  Task approvalTask(String definitionId) {
    return tasks.createTaskQuery().processInstanceId(rulesInForce.version(definitionId).orElseThrow()
        .processInstanceId()).singleResult();
  }

  @Test
  void theStartUpDeploymentIsTheApplicationsAndItsRulesAreInForce() throws Exception {
    Map<String, Object> startup = jdbc.queryForMap("SELECT deployment_id, deployed_by, by_application FROM"
        + " model_deployment WHERE name = ? AND by_application ORDER BY deployed_at LIMIT 1",
        ModelDeployer.DEPLOYMENT_NAME);
    assertThat(startup.get("deployed_by")).isEqualTo("application");
    String id = (String) startup.get("deployment_id");
    Map<String, Object> amount = jdbc.queryForMap("SELECT sha256, definition_ids FROM model_deployment_resource"
        + " WHERE deployment_id = ? AND resource_name = ?", id, RESOURCE);
    assertThat(amount.get("sha256")).isEqualTo(sha256(shipped(RESOURCE)));
    String definitionId = (String) amount.get("definition_ids");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_deployment_resource WHERE deployment_id = ?",
        Integer.class, id)).isEqualTo(repository.getDeploymentResources(id).size());
    assertThat(jdbc.queryForObject("SELECT definition_ids FROM model_deployment_resource WHERE deployment_id = ?"
        + " AND resource_name = 'processes/engine/rule-approval.bpmn'", String.class, id)).startsWith("rule-approval:");

    RuleVersion shippedVersion = rulesInForce.version(definitionId).orElseThrow();
    assertThat(shippedVersion.status()).isEqualTo(Status.STARTUP);
    assertThat(shippedVersion.author()).isEqualTo("application");
    assertThat(shippedVersion.processInstanceId()).isNull();
    assertThat(rulesInForce.decisionDefinitionId(KEY)).isEqualTo(definitionId);
    // every money rule shipped is on the list, and came in force without approval
    for (String key : List.of("dibao-supplement", "dibao-single-person-ratio", "dibao-approval-authority",
        "temporary-approval-authority", "unemployed-amount", "price-subsidy-amount", "price-subsidy-trigger")) {
      assertThat(rulesInForce.isMoneyRule(key)).as(key).isTrue();
      assertThat(rulesInForce.version(rulesInForce.decisionDefinitionId(key)).orElseThrow().status()).as(key)
          .isEqualTo(Status.STARTUP);
    }
    assertThat(rulesInForce.isMoneyRule("unemployed-eligibility")).isFalse();
    assertThat(MoneyRules.matches("heating-subsidy")).isTrue();
    assertThat(MoneyRules.matches("tekun-care-amount")).isTrue();
  }

  @Test
  void anAnalystsNewAmountDecidesOnlyOnceAnotherAnalystApprovedIt() throws Exception {
    RuleApprovalScenario scenario = new RuleApprovalScenario(app, port);
    deployments.add(scenario.run());
  }

  @Test
  void aRejectedVersionNeverDecidesAndOnlyAdministratorsAndAnalystsDecide() {
    DecisionDefinition v = deployAs("analyst", KEY, RESOURCE, amountTable(500));
    String taskId = approvalTask(v.getId()).getId();
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");

    tasks.setAssignee(taskId, "nongan-approver"); // forced past the candidate groups: the listener still refuses
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "APPROVE")))
        .hasMessageContaining("只有系统管理员或业务分析员可以审批规则变更");
    tasks.setAssignee(taskId, "demo");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "REJECT")))
        .hasMessageContaining("驳回须写明理由");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "MAYBE")))
        .hasMessageContaining("请选择审批意见");
    tasks.complete(taskId, Map.of("decision", "REJECT", "decisionNote", "金额低于县政府文件"));

    RuleVersion rejected = rulesInForce.version(v.getId()).orElseThrow();
    assertThat(rejected.status()).isEqualTo(Status.REJECTED);
    assertThat(rejected.decidedBy()).isEqualTo("demo");
    assertThat(rejected.note()).isEqualTo("金额低于县政府文件");
    assertThat(rulesInForce.decisionDefinitionId(KEY)).isNotEqualTo(v.getId());
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(rejected.processInstanceId())
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_RuleRejected");

    // 审计留痕: the version recorded as pending by its deployer, then rejected by the administrator, before → after
    List<org.doudi.audit.AuditEntries.Entry> audit = org.doudi.audit.AuditEntries.ofSubject(jdbc,
        "rule_approval " + v.getId());
    assertThat(audit).extracting(org.doudi.audit.AuditEntries.Entry::action).containsExactly(
        "engine.RuleVersionChanged PENDING", "engine.RuleVersionChanged REJECTED");
    assertThat(audit.get(0).actor()).isEqualTo("analyst");
    assertThat(audit.get(0).before()).isNull();
    assertThat(audit.get(0).after()).contains("\"status\":\"PENDING\"");
    assertThat(audit.get(1).actor()).isEqualTo("demo");
    assertThat(audit.get(1).processInstanceId()).isEqualTo(rejected.processInstanceId());
    assertThat(audit.get(1).before()).contains("\"status\":\"PENDING\"");
    assertThat(audit.get(1).after()).contains("\"status\":\"REJECTED\"", "金额低于县政府文件");
  }

  /** The author's approval through Tasklist's own API (the web app's session login): refused in Chinese too. */
  @Test
  void theAuthorsApprovalInTasklistIsRefused() throws Exception {
    DecisionDefinition v = deployAs("analyst", KEY, RESOURCE, amountTable(550));
    String taskId = approvalTask(v.getId()).getId();
    tasks.setAssignee(taskId, "analyst");
    org.doudi.platform.WebAppSession session = org.doudi.platform.WebAppSession.login(port, "analyst", "tasklist");
    assertThat(session).as("analysts use Tasklist").isNotNull();
    org.doudi.platform.Http.Response submit = session.send("POST",
        "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
    assertThat(submit.status()).as(submit.body()).isBetween(400, 499);
    assertThat(submit.body()).contains("不能批准本人部署的规则版本");
    assertThat(rulesInForce.version(v.getId()).orElseThrow().status()).isEqualTo(Status.PENDING);
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");
  }

  @Test
  void aNewerVersionSupersedesAPendingOneAndAnAdministratorMayApproveTheirOwn() {
    DecisionDefinition first = deployAs("analyst", KEY, RESOURCE, amountTable(700));
    String firstProcess = rulesInForce.version(first.getId()).orElseThrow().processInstanceId();
    DecisionDefinition second = deployAs("demo", KEY, RESOURCE, amountTable(650));

    RuleVersion superseded = rulesInForce.version(first.getId()).orElseThrow();
    assertThat(superseded.status()).isEqualTo(Status.SUPERSEDED);
    assertThat(superseded.note()).contains("被第" + second.getVersion() + "版");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(firstProcess).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_Superseded");
    assertThat(tasks.createTaskQuery().processDefinitionKey("rule-approval").count()).isEqualTo(1);
    RuleVersion pending = rulesInForce.version(second.getId()).orElseThrow();
    assertThat(pending.status()).isEqualTo(Status.PENDING);
    // compared with the version in force, not with the superseded one
    assertThat(pending.inForceBefore()).isEqualTo(superseded.inForceBefore());
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("800");

    String taskId = approvalTask(second.getId()).getId();
    tasks.setAssignee(taskId, "demo");
    tasks.complete(taskId, Map.of("decision", "APPROVE"));
    assertThat(rulesInForce.version(second.getId()).orElseThrow().status()).isEqualTo(Status.APPROVED);
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("650");
    // a decided version cannot be decided again, and the superseded one never decides
    assertThat(rulesInForce.decisionDefinitionId(KEY)).isEqualTo(second.getId());

    // deleting the approved version would bring back 800 without a second person: refused to users, on every way in
    org.doudi.platform.Http http = new org.doudi.platform.Http(port);
    org.doudi.platform.Http.Response refused = http.send("analyst", "DELETE",
        "/engine-rest/deployment/" + second.getDeploymentId() + "?cascade=true", null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("不能删除");
    identity.setAuthentication("demo", List.of("camunda-admin"));
    try {
      assertThatThrownBy(() -> repository.deleteDeployment(second.getDeploymentId(), true))
          .hasMessageContaining("不能删除");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(rules.amount(NONGAN).amount()).isEqualByComparingTo("650");
    // the superseded version never decided: its deployment may go
    assertThat(http.send("analyst", "DELETE", "/engine-rest/deployment/" + first.getDeploymentId() + "?cascade=true",
        null).status()).isEqualTo(204);
    deployments.remove(first.getDeploymentId());
  }

  /** An analyst's own version of rule-approval (it could drop the listener) is never the one that runs. */
  @Test
  void theApprovalIsTheApplicationsProcessNotAUsersVersionOfIt() {
    String bpmn = "processes/engine/rule-approval.bpmn";
    identity.setAuthentication("analyst", List.of("analyst-220000"));
    try {
      Deployment own = repository.createDeployment().name("rules-test").addString(bpmn,
          new String(shipped(bpmn), StandardCharsets.UTF_8).replace("<camunda:taskListener delegateExpression="
              + "\"${ruleApprovalCheck}\" event=\"complete\" />", "")).deploy();
      deployments.add(own.getId());
    } finally {
      identity.clearAuthentication();
    }
    String latest = repository.createProcessDefinitionQuery().processDefinitionKey("rule-approval").latestVersion()
        .singleResult().getId();
    DecisionDefinition v = deployAs("analyst", KEY, RESOURCE, amountTable(450));
    String pid = rulesInForce.version(v.getId()).orElseThrow().processInstanceId();
    String used = app.getBean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
        .processInstanceId(pid).singleResult().getProcessDefinitionId();
    assertThat(used).isNotEqualTo(latest);
    assertThat(jdbc.queryForObject("SELECT m.by_application FROM model_deployment m WHERE m.deployment_id = ?",
        Boolean.class, repository.getProcessDefinition(used).getDeploymentId())).isTrue();
    // and the author's approval is refused there
    String taskId = approvalTask(v.getId()).getId();
    tasks.setAssignee(taskId, "analyst");
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("decision", "APPROVE")))
        .hasMessageContaining("不能批准本人部署的规则版本");
  }

  @Test
  void anIdenticalVersionAndAnyOtherDecisionTakeEffectAtOnce() {
    String inForce = rulesInForce.decisionDefinitionId(KEY);
    DecisionDefinition same = deployAs("analyst", KEY, RESOURCE, shipped(RESOURCE));
    RuleVersion unchanged = rulesInForce.version(same.getId()).orElseThrow();
    assertThat(unchanged.status()).isEqualTo(Status.UNCHANGED);
    assertThat(unchanged.inForceBefore()).isEqualTo(inForce);
    assertThat(unchanged.processInstanceId()).isNull();
    assertThat(rulesInForce.decisionDefinitionId(KEY)).isEqualTo(same.getId());

    String eligibility = "processes/rules/unemployed-eligibility.dmn";
    DecisionDefinition other = deployAs("analyst", UnemployedRules.ELIGIBILITY, eligibility, shipped(eligibility));
    assertThat(rulesInForce.version(other.getId())).isEmpty();
    assertThat(rulesInForce.decisionDefinitionId(UnemployedRules.ELIGIBILITY)).isEqualTo(other.getId());
    assertThat(tasks.createTaskQuery().processDefinitionKey("rule-approval").count()).isZero();
    assertThat(jdbc.queryForObject("SELECT deployed_by FROM model_deployment WHERE deployment_id = ?", String.class,
        other.getDeploymentId())).isEqualTo("analyst");
  }
}
