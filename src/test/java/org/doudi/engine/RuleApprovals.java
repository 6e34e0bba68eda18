package org.doudi.engine;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.RepositoryService;

/** For tests that change a money rule: the second person's approval of the deployment's new version. */
public final class RuleApprovals {

  private RuleApprovals() {}

  /** Approves, as the administrator {@code demo}, the pending version of {@code key} the deployment brought. */
  public static void approve(RepositoryService repository, RulesInForce rules, TaskService tasks, Deployment d,
      String key) {
    String id = repository.createDecisionDefinitionQuery().deploymentId(d.getId()).decisionDefinitionKey(key)
        .singleResult().getId();
    String pid = rules.version(id).orElseThrow().processInstanceId();
    String taskId = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
    tasks.setAssignee(taskId, "demo");
    tasks.complete(taskId, Map.of("decision", "APPROVE", "decisionNote", "测试"));
  }
}
