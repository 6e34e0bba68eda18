package org.doudi.identity.internal;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.doudi.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The standing permissions of each role. None of them lets a role read cases or tasks in general:
 * that comes per case from {@link CaseAccessGrants} (region chain) and from candidate groups.
 */
@Component
public class RoleAuthorizations {

  private final AuthorizationService auth;

  public RoleAuthorizations(AuthorizationService auth) {
    this.auth = auth;
  }

  public void grant(Role role, String groupId) {
    switch (role) {
      case VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, TOWNSHIP_APPROVER, COUNTY_CASEWORKER, COUNTY_APPROVER -> {
        Grants.toGroup(auth, groupId, APPLICATION, "tasklist", ACCESS);
        Grants.toGroup(auth, groupId, PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE);
        Grants.toGroup(auth, groupId, PROCESS_INSTANCE, ANY, CREATE);
      }
      case SUPERVISOR -> {
        Grants.toGroup(auth, groupId, APPLICATION, "tasklist", ACCESS);
        Grants.toGroup(auth, groupId, APPLICATION, "cockpit", ACCESS);
        Grants.toGroup(auth, groupId, PROCESS_DEFINITION, ANY, READ);
        Grants.toGroup(auth, groupId, DECISION_DEFINITION, ANY, READ);
        Grants.toGroup(auth, groupId, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
      }
      case AUDITOR -> {
        Grants.toGroup(auth, groupId, APPLICATION, "cockpit", ACCESS);
        Grants.toGroup(auth, groupId, PROCESS_DEFINITION, ANY, READ);
        Grants.toGroup(auth, groupId, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
        Grants.toGroup(auth, groupId, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
        Grants.toGroup(auth, groupId, DEPLOYMENT, ANY, READ);
        Grants.toGroup(auth, groupId, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
      }
      case ANALYST -> {
        // models and rules, no case data; Tasklist for the second look at another analyst's money rule (rule-approval)
        Grants.toGroup(auth, groupId, APPLICATION, "cockpit", ACCESS);
        Grants.toGroup(auth, groupId, APPLICATION, "tasklist", ACCESS);
        Grants.toGroup(auth, groupId, DEPLOYMENT, ANY, READ, CREATE, DELETE);
        Grants.toGroup(auth, groupId, PROCESS_DEFINITION, ANY, READ);
        Grants.toGroup(auth, groupId, DECISION_DEFINITION, ANY, READ);
        Grants.toGroup(auth, groupId, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
      }
      case ADMIN -> { /* camunda-admin membership carries the permissions */ }
    }
  }

  /** The camunda-admin group with every permission on every resource. */
  public void ensureAdminGroupPermissions() {
    for (Resources resource : Resources.values()) {
      Grants.toGroup(auth, Groups.CAMUNDA_ADMIN, resource, ANY, ALL);
    }
  }
}
