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

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.Group;
import org.doudi.identity.ProcessStarters;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.doudi.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The standing permissions of each role. None of them lets a role read cases or tasks in general:
 * that comes per case from {@link CaseAccessGrants} (region chain) and from candidate groups. Start rights
 * (CREATE_INSTANCE per process definition) come from {@link ProcessStarters}, and only from there.
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
        Grants.toGroup(auth, groupId, PROCESS_DEFINITION, ANY, READ);
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
    if (role != Role.ADMIN) {
      startRights(role, groupId, existingStartRows(groupId));
    }
  }

  /**
   * Brings every role group's start rights in line with {@link ProcessStarters} (databases of earlier versions
   * granted CREATE_INSTANCE on every definition): a few queries for all groups, writes only where a row changes.
   */
  public void reconcileStartRights(List<Group> groups) {
    Map<String, List<Authorization>> rows = new HashMap<>();
    for (Resources r : List.of(PROCESS_DEFINITION, PROCESS_INSTANCE)) {
      auth.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(r).list().stream()
          .filter(a -> a.getGroupId() != null && (r == PROCESS_DEFINITION || ANY.equals(a.getResourceId())))
          .forEach(a -> rows.computeIfAbsent(a.getGroupId(), g -> new ArrayList<>()).add(a));
    }
    for (Group g : groups) {
      Role.ofGroupType(g.getType()).filter(role -> role != Role.ADMIN)
          .ifPresent(role -> startRights(role, g.getId(), rows.getOrDefault(g.getId(), List.of())));
    }
  }

  private List<Authorization> existingStartRows(String groupId) {
    List<Authorization> rows = new ArrayList<>(auth.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(PROCESS_DEFINITION).list());
    rows.addAll(auth.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(PROCESS_INSTANCE).resourceId(ANY).list());
    return rows;
  }

  /** CREATE_INSTANCE exactly on the role's processes of the table; CREATE on instances only if it starts any. */
  private void startRights(Role role, String groupId, List<Authorization> rows) {
    Set<String> allowed = ProcessStarters.startableInEngine(role);
    Set<String> present = new HashSet<>();
    boolean createsInstances = false;
    for (Authorization a : rows) {
      if (a.getResourceType() == PROCESS_INSTANCE.resourceType()) {
        if (a.isPermissionGranted(CREATE)) {
          createsInstances = true;
          if (allowed.isEmpty()) {
            revoke(a, CREATE);
          }
        }
      } else if (a.isPermissionGranted(CREATE_INSTANCE)) {
        if (allowed.contains(a.getResourceId())) {
          present.add(a.getResourceId());
        } else {
          revoke(a, CREATE_INSTANCE);
        }
      }
    }
    for (String key : allowed) {
      if (!present.contains(key)) {
        Grants.toGroup(auth, groupId, PROCESS_DEFINITION, key, READ, CREATE_INSTANCE);
      }
    }
    if (!allowed.isEmpty() && !createsInstances) {
      Grants.toGroup(auth, groupId, PROCESS_INSTANCE, ANY, CREATE);
    }
  }

  private void revoke(Authorization a, Permission p) {
    a.removePermission(p);
    if (a.getPermissions(Permissions.values()).length == 0) {
      auth.deleteAuthorization(a.getId());
    } else {
      auth.saveAuthorization(a);
    }
  }

  /**
   * A role group that lives in the department's directory (LDAP): its standing authorizations, and READ on the group
   * itself for its members — what Camunda's database provider grants when it creates a group, and what the LDAP
   * provider's group queries check.
   */
  public void grantDirectoryGroup(Role role, String groupId) {
    grant(role, groupId);
    Grants.toGroup(auth, groupId, Resources.GROUP, groupId, READ);
  }

  /** The camunda-admin group with every permission on every resource. */
  public void ensureAdminGroupPermissions() {
    for (Resources resource : Resources.values()) {
      Grants.toGroup(auth, Groups.CAMUNDA_ADMIN, resource, ANY, ALL);
    }
  }
}
