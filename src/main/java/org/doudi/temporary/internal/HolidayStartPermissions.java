package org.doudi.temporary.internal;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.doudi.identity.Role;
import org.doudi.temporary.TemporaryVariables;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Supervisors and county approvers start holiday subsidy batches from Tasklist: their groups may create instances of
 * {@code holiday-subsidy} (and of no other process; the identity module gives them none). Granted at start-up for the
 * groups that exist then; a group created later gets it at the next start (or use POST /api/temporary/holiday-batches).
 */
@Component
class HolidayStartPermissions {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  HolidayStartPermissions(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void grant() {
    for (Role role : new Role[] {Role.SUPERVISOR, Role.COUNTY_APPROVER}) {
      for (Group g : identity.createGroupQuery().groupType(role.groupType()).list()) {
        ensure(g.getId(), Resources.PROCESS_DEFINITION, TemporaryVariables.HOLIDAY_PROCESS, Permissions.READ,
            Permissions.CREATE_INSTANCE);
        ensure(g.getId(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      }
    }
  }

  private void ensure(String groupId, Resource resource, String resourceId, Permission... permissions) {
    var existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).list();
    for (var a : existing) {
      boolean all = true;
      for (Permission p : permissions) {
        all &= a.isPermissionGranted(p);
      }
      if (all) {
        return;
      }
    }
    var a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }
}
