package org.doudi.identity.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Idempotent authorization grants: adds permissions to an existing row instead of duplicating it. */
final class Grants {

  private Grants() {}

  static void toGroup(AuthorizationService auth, String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = auth.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (a == null) {
      a = auth.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setGroupId(groupId);
      a.setResource(resource);
      a.setResourceId(resourceId);
    }
    save(auth, a, permissions);
  }

  static void toEveryone(AuthorizationService auth, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = auth.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId).singleResult();
    if (a == null) {
      a = auth.createNewAuthorization(AUTH_TYPE_GLOBAL);
      a.setUserId(Authorization.ANY);
      a.setResource(resource);
      a.setResourceId(resourceId);
    }
    save(auth, a, permissions);
  }

  private static void save(AuthorizationService auth, Authorization a, Permission... permissions) {
    boolean changed = a.getId() == null;
    for (Permission p : permissions) {
      if (!a.isPermissionGranted(p)) {
        a.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      auth.saveAuthorization(a);
    }
  }
}
