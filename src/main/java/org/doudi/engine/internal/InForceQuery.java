package org.doudi.engine.internal;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The rule of the version in force, written once for {@link org.doudi.engine.RulesInForce} and the deployment hook:
 * the latest version of the key that is not pending, rejected or superseded. Versions with no rule_approval row
 * (every version of a rule that is no money rule, and money-rule versions deployed before the approval existed)
 * decide as they always did.
 */
public final class InForceQuery {

  private InForceQuery() {}

  public static Optional<DecisionDefinition> of(RepositoryService repository, RuleApprovalRepository approvals,
      String key) {
    Set<String> excluded = approvals.notInForce(key);
    // among the newest (excluded + 1) versions at least one is not excluded, unless there are fewer versions
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId()
        .orderByDecisionDefinitionVersion().desc().listPage(0, excluded.size() + 1).stream()
        .filter(d -> !excluded.contains(d.getId())).findFirst();
  }
}
