package org.doudi.identity.internal;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.camunda.bpm.engine.task.Task;
import org.doudi.identity.Role;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.region.Regions;

/**
 * Camunda's default authorizations, except for a candidate group that the case's region grants already let read the
 * task: that group gets only the work permission on the task (claim, complete: {@code UPDATE}), not a second
 * {@code READ} row nor a second historic-task grant.
 *
 * <p>For each candidate group Camunda writes {@code READ + UPDATE} on the task and {@code READ} on the historic task.
 * {@link CaseAccessGrants} already grants {@code READ} on both to {@code region-<code>} for every region of the case's
 * chain (village to province), and every member of a role group {@code <role>-<code>} that reads cases is a member of
 * {@code region-<code>} ({@link Role#readsCasesOfItsRegion()}: {@code Staff.ensureUser}, the directory's derived
 * groups). So where the candidate group's region lies on the case's chain, its own {@code READ} rows grant nobody
 * anything new — but a township caseworker's worklist query matched two rows per task of her township (her region's
 * and her group's) in Camunda's {@code OR} authorization join. Who may read a task and who may work on it is unchanged
 * ({@code RegionAccessTest}, {@code SecurityMatrixIT}); every other group (administrators, analysts, a group whose
 * region is off the case's chain, a task without a case region) gets Camunda's rows as before. Existing tasks:
 * {@code db/engine/<vendor>/V71_1}.
 */
final class CaseTaskAuthorizations extends DefaultAuthorizationProvider {

  private final Regions regions;

  CaseTaskAuthorizations(Regions regions) {
    this.regions = regions;
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (!readByRegionGrants(task, groupId)) {
      return super.newTaskGroupIdentityLink(task, groupId, type);
    }
    EnsureUtil.ensureValidIndividualResourceId("Cannot grant default authorization for identity link to group "
        + groupId, groupId);
    Permission[] work = Arrays.stream(getRuntimePermissions(isEnforceSpecificVariablePermission()))
        .filter(p -> p != Permissions.READ).toArray(Permission[]::new);
    return new AuthorizationEntity[] {createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false, work)};
  }

  /**
   * True when {@link CaseAccessGrants#onTaskCreate} grants READ on this task to the region group that every member of
   * {@code groupId} belongs to: a process task whose case region's chain holds the group's region.
   */
  private boolean readByRegionGrants(Task task, String groupId) {
    Optional<RoleAssignment> role = Role.ofGroupId(groupId).filter(a -> a.role().readsCasesOfItsRegion());
    if (role.isEmpty() || !(task instanceof TaskEntity t) || t.getProcessInstanceId() == null
        || t.getExecution() == null) {
      return false;
    }
    try {
      String code = CaseAccessGrants.regionOfNewTask(t);
      return code != null && regions.chain(code).stream().anyMatch(r -> r.code().equals(role.get().regionCode()));
    } catch (RuntimeException unknownRegion) {
      return false; // Camunda's rows: the group reads the task through them as before
    }
  }
}
