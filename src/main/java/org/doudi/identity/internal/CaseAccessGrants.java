package org.doudi.identity.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.doudi.identity.CaseVariables;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.doudi.region.RegionLevel;
import org.springframework.stereotype.Component;

/**
 * Makes every case and task readable by the staff of its region and of the regions above it, and by no
 * one else (caseworkers of the task's candidate groups get work permissions from the engine itself).
 * Runs inside the engine transaction, so a case never exists without its grants.
 */
@Component
public class CaseAccessGrants {

  private static final Logger LOG = LoggerFactory.getLogger(CaseAccessGrants.class);

  private final Regions regions;
  private final Staff staff;
  private final AuthorizationService authorizations;
  private final IdentityService identity;

  public CaseAccessGrants(Regions regions, @Lazy Staff staff, @Lazy AuthorizationService authorizations,
      @Lazy IdentityService identity) {
    this.regions = regions;
    this.staff = staff;
    this.authorizations = authorizations;
    this.identity = identity;
  }

  /** Process start: settle the case's region (default: the starting user's) and grant READ along its chain. */
  public void onProcessStart(DelegateExecution execution) {
    String regionCode = (String) execution.getVariable(CaseVariables.REGION_CODE);
    if (regionCode == null) {
      regionCode = startersRegion().or(() -> scheduledRegion(execution)).orElse(null);
      if (regionCode == null) {
        LOG.warn("Process instance {} started without {}; only its candidates will see its tasks",
            execution.getProcessInstanceId(), CaseVariables.REGION_CODE);
        return;
      }
      execution.setVariable(CaseVariables.REGION_CODE, regionCode);
    }
    if (!regionCode.matches("\\d{6}|\\d{9}|\\d{12}") || regions.find(regionCode).isEmpty()) {
      // a start form's value, not a fault: 400 naming the field (FormRefusalMapper), nothing started
      throw new FormFieldValidationException(CaseVariables.REGION_CODE,
          "表单字段“行政区划代码”（" + CaseVariables.REGION_CODE + "）" + regionCode + "不是已登记的行政区划代码");
    }
    String id = execution.getProcessInstanceId();
    grantAlongChain(regionCode, Resources.PROCESS_INSTANCE, id, Permissions.READ);
    grantAlongChain(regionCode, Resources.HISTORIC_PROCESS_INSTANCE, id, HistoricProcessInstancePermissions.READ);
  }

  public void onTaskCreate(DelegateTask task) {
    String regionCode = regionOfNewTask(task);
    if (regionCode == null) {
      return;
    }
    // the runtime task only: the historic task is read through the case's historic-instance grant (onProcessStart),
    // which Camunda's history queries accept for every historic task of the instance (READ on
    // HISTORIC_PROCESS_INSTANCE, with enable-historic-instance-permissions), so a per-task copy of the chain would
    // add five rows per task, kept for as long as the history, and grant nothing more
    grantAlongChain(regionCode, Resources.TASK, task.getId(), Permissions.READ);
  }

  /**
   * The case's region for a task being created, read from its execution: the new task has no variables of its own
   * yet, and asking the task would query them from the database.
   */
  static String regionOfNewTask(DelegateTask task) {
    Object code = task.getExecution() != null ? task.getExecution().getVariable(CaseVariables.REGION_CODE)
        : task.getVariable(CaseVariables.REGION_CODE);
    return code instanceof String s ? s : null;
  }

  private void grantAlongChain(String regionCode, Resource resource, String resourceId, Permission permission) {
    List<Region> chain = regions.chain(regionCode);
    CommandContext context = Context.getCommandContext();
    // Derived rows, not an administrator's act: without Camunda's user operation log, which would otherwise write six
    // "Create Authorization" entries per grant (and the audit one per entry) whenever a user's command creates the
    // task — 60 rows per task for a village case. The audit keeps what they follow from: the case's region variable
    // and the task's creation (docs/benchmarks/dibao.md, runs of 2026-12-05).
    boolean operationLog = context.isUserOperationLogEnabled();
    context.disableUserOperationLog();
    try {
      context.runWithoutAuthorization(() -> {
        for (Region r : chain) {
          var a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          a.setGroupId(Role.regionGroupId(r.code()));
          a.setResource(resource);
          a.setResourceId(resourceId);
          a.addPermission(permission);
          authorizations.saveAuthorization(a);
        }
        return null;
      });
    } finally {
      if (operationLog) {
        context.enableUserOperationLog();
      }
    }
  }

  /**
   * A process started by its own timer (the hourly 督办 sweep, the daily review and age-review schedules, …) is no
   * case of any region and has no starting user: it works for the whole province, so its region is the province
   * (its instances, and their incidents, are read by the province's staff).
   */
  private Optional<String> scheduledRegion(DelegateExecution execution) {
    if (!(execution instanceof ExecutionEntity e) || e.getActivity() == null
        || !ActivityTypes.START_EVENT_TIMER.equals(e.getActivity().getProperties().get(BpmnProperties.TYPE))) {
      return Optional.empty();
    }
    return regions.list().stream().filter(r -> r.level() == RegionLevel.PROVINCE).map(Region::code).sorted()
        .findFirst();
  }

  private Optional<String> startersRegion() {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      return Optional.empty();
    }
    return Context.getCommandContext().runWithoutAuthorization(() -> staff.find(current.getUserId())
        .flatMap(m -> m.assignments().stream().filter(a -> a.role().isCaseworking())
            .map(RoleAssignment::regionCode).sorted().findFirst()));
  }
}
