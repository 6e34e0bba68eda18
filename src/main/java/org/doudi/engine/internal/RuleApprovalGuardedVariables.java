package org.doudi.engine.internal;

import static org.doudi.engine.internal.RuleApprovalVariables.*;

import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.springframework.stereotype.Component;

/** What the approval shows comes from the deployment hook; a completion may only echo it (docs/integrity.md). */
@Component
class RuleApprovalGuardedVariables extends GuardedVariables.ProtectedIn {

  RuleApprovalGuardedVariables() {
    super(Set.of(PROCESS_KEY), Set.of(DEFINITION_ID, REVIEWER_GROUPS, RULE_KEY, RULE_NAME, NEW_VERSION,
        IN_FORCE_VERSION, AUTHOR, DEPLOYED_AT, DEPLOYMENT_NAME, CHANGE_SUMMARY, DECIDED_BY));
  }
}
