package org.doudi.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs before the web server accepts requests: the admin group and its permissions, the shared Tasklist
 * filters, the demo staff (demo profile) or the configured administrator, every role group's start rights. Refuses to start without a
 * direct member of camunda-admin, so the web apps' first-run setup can never create a user.
 */
@Component
public class IdentityBootstrap implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final RoleAuthorizations roleAuthorizations;
  private final Staff staff;
  private final Regions regions;
  private final ObjectProvider<DemoStaff> demoStaff;
  private final String adminUser;
  private final String adminPassword;

  public IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, RoleAuthorizations roleAuthorizations, Staff staff, Regions regions,
      ObjectProvider<DemoStaff> demoStaff,
      @Value("${doudi.admin.username:}") String adminUser, @Value("${doudi.admin.password:}") String adminPassword) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.roleAuthorizations = roleAuthorizations;
    this.staff = staff;
    this.regions = regions;
    this.demoStaff = demoStaff;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ensureAdminGroup();
    ensureSharedFilters();
    if (staff.directory()) {
      // accounts and groups live in the department's directory: nothing to create, only authorizations to give
      demoStaff.ifAvailable(d -> LOG.warn("Directory (LDAP) mode: the demo staff are not created"));
      if (!adminUser.isBlank()) {
        LOG.warn("Directory (LDAP) mode: doudi.admin.username is ignored; administrators are the directory's "
            + "camunda-admin or admin-<region> members");
      }
      staff.adoptDirectoryGroups(identity.createGroupQuery().list().stream().map(Group::getId).toList());
    } else {
      demoStaff.ifAvailable(DemoStaff::create);
      if (!adminUser.isBlank()) {
        ensureConfiguredAdmin();
      }
    }
    roleAuthorizations.reconcileStartRights(identity.createGroupQuery().list());
    if (!staff.hasAdministrator()) {
      throw new IllegalStateException(staff.directory()
          ? "No administrator in the directory: put at least one user in the directory group camunda-admin "
              + "(or admin-<province code>)"
          : "No administrator: set DOUDI_ADMIN_USER and DOUDI_ADMIN_PASSWORD "
          + "(doudi.admin.username / doudi.admin.password) for the first start, or run with the demo profile.");
    }
  }

  private void ensureAdminGroup() {
    if (!staff.directory() && identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("系统管理员（Camunda）");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    roleAuthorizations.ensureAdminGroupPermissions();
  }

  private void ensureConfiguredAdmin() {
    boolean exists = identity.createUserQuery().userId(adminUser).count() > 0;
    if (!exists && adminPassword.isBlank()) {
      throw new IllegalStateException("doudi.admin.password (DOUDI_ADMIN_PASSWORD) is required to create " + adminUser);
    }
    if (!exists) {
      var policy = identity.checkPasswordAgainstPolicy(adminPassword);
      if (!policy.isValid()) {
        throw new IllegalStateException("DOUDI_ADMIN_PASSWORD does not satisfy the password policy: "
            + policy.getViolatedRules().stream().map(r -> r.getPlaceholder() + " " + r.getParameters()).toList());
      }
    }
    Region province = regions.list().stream().filter(r -> r.level() == RegionLevel.PROVINCE).findFirst()
        .orElseThrow(() -> new IllegalStateException("The region table has no province"));
    staff.ensureUser(adminUser, "系统", "管理员", adminPassword, Role.ADMIN, province.code());
    LOG.info("Administrator {} is ready", adminUser);
  }

  /** Shared Tasklist filters; their expressions are stored queries written here, never by users. */
  private void ensureSharedFilters() {
    Map<String, TaskQuery> wanted = new LinkedHashMap<>();
    wanted.put("我的待办", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    wanted.put("待认领（我的组）", tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .taskUnassigned());
    wanted.put("辖区内全部任务", tasks.createTaskQuery());
    // the due-date filters (docs/worklist.md): stored queries with Tasklist's own date functions, evaluated by the
    // engine at each listing (JVM zone Asia/Shanghai); a deadline "24:00" is the next midnight, which still belongs
    // to its day, hence the extra millisecond at the end and the exclusive start at midnight
    wanted.put("今日到期", tasks.createTaskQuery()
        .dueAfterExpression("${dateTime().withTimeAtStartOfDay()}")
        .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).plusMillis(1)}"));
    wanted.put("已逾期", tasks.createTaskQuery().dueBeforeExpression("${now()}"));
    wanted.put("本周到期", tasks.createTaskQuery()
        .dueAfterExpression("${now()}")
        .dueBeforeExpression("${dateTime().withDayOfWeek(1).withTimeAtStartOfDay().plusWeeks(1).plusMillis(1)}"));
    Map<String, String> descriptions = Map.of(
        "今日到期", "办理时限在今天的任务（含今天已过时的）",
        "已逾期", "已过办理时限、仍未办结的任务",
        "本周到期", "尚未逾期、本周日（含）之前到期的任务");
    Map<String, String> colours = Map.of("今日到期", "#f0ad4e", "已逾期", "#d9534f", "本周到期", "#5bc0de");
    int priority = 0;
    for (var e : wanted.entrySet()) {
      Filter filter = filters.createFilterQuery().filterName(e.getKey()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(e.getKey());
        filter.setQuery(e.getValue());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", descriptions.getOrDefault(e.getKey(), e.getKey()));
        properties.put("refresh", true);
        if (colours.containsKey(e.getKey())) {
          properties.put("color", colours.get(e.getKey()));
        }
        filter.setProperties(properties);
        filters.saveFilter(filter);
      }
      priority++;
      Grants.toEveryone(authorizations, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
