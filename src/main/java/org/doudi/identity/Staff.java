package org.doudi.identity;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.identity.internal.RoleAuthorizations;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts on top of Camunda's identity service. A role held at a region is a membership of the
 * group {@code <role>-<region>}; staff who may see cases are also members of {@code region-<region>},
 * which is what per-case authorizations are granted to.
 *
 * <p>With the department's directory (LDAP, {@code doudi.identity.ldap.enabled}) the engine's identity service is
 * read-only: accounts, groups and memberships live in the directory, whose groups are named like ours; this class then
 * creates nothing and only gives the directory's role groups their authorizations, which stay in the database.
 */
@Service
public class Staff {

  private final IdentityService identity;
  private final Regions regions;
  private final RoleAuthorizations roleAuthorizations;
  /** Directory groups whose authorizations are in place (this node, since start-up). */
  private final Map<String, Boolean> adoptedGroups = new ConcurrentHashMap<>();

  public Staff(IdentityService identity, Regions regions, RoleAuthorizations roleAuthorizations) {
    this.identity = identity;
    this.regions = regions;
    this.roleAuthorizations = roleAuthorizations;
  }

  /** Creates the user if missing and gives it the role at the region. Idempotent. */
  @Transactional
  public void ensureUser(String userId, String firstName, String lastName, String password, Role role, String regionCode) {
    if (directory()) {
      throw new IllegalStateException(DIRECTORY_REFUSAL);
    }
    Region region = regions.get(regionCode);
    levelProblem(role, region).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      identity.saveUser(user);
    }
    addMembership(userId, ensureRoleGroup(role, region));
    if (role.readsCasesOfItsRegion()) {
      // analysts and administrators operate the system; they do not read citizens' case files
      addMembership(userId, ensureGroup(Role.regionGroupId(regionCode), "辖区 " + region.name(), Role.REGION_GROUP_TYPE));
    }
    if (role == Role.ADMIN) {
      addMembership(userId, Role.CAMUNDA_ADMIN_GROUP);
    }
  }

  /** Why a role cannot be held at a region (a role bound to one level elsewhere), or empty when it can. */
  public static Optional<String> levelProblem(Role role, Region region) {
    return role.level().filter(level -> level != region.level())
        .map(level -> role.label() + " 只能设在" + level.label() + "一级，" + region.name() + " 是" + region.level().label());
  }

  /** Said when something would create an account or group while the directory keeps them. */
  public static final String DIRECTORY_REFUSAL =
      "本系统使用部门目录（LDAP）登录：账号、角色和区域由目录的用户和组维护，不能在本系统创建或修改";

  /** True when accounts and groups live in the department's directory (the engine's identity service is read-only). */
  public boolean directory() {
    return identity.isReadOnly();
  }

  /**
   * Directory mode: gives each of these directory groups that names a role at a region (and the directory's
   * camunda-admin) the authorizations a role group created here would have; once per group and node.
   */
  public void adoptDirectoryGroups(Collection<String> groupIds) {
    if (!directory()) {
      return;
    }
    for (String id : groupIds) {
      if (adoptedGroups.containsKey(id)) {
        continue;
      }
      Role.ofGroupId(id).filter(a -> regions.find(a.regionCode()).isPresent())
          .ifPresent(a -> roleAuthorizations.grantDirectoryGroup(a.role(), id));
      adoptedGroups.put(id, Boolean.TRUE);
    }
  }

  /** Directory mode: {@link #adoptDirectoryGroups} for the groups of one user (at their web-app login). */
  public void adoptDirectoryGroupsOf(String userId) {
    if (directory() && userId != null) {
      adoptDirectoryGroups(memberships(userId).stream().map(Group::getId).toList());
    }
  }

  /** The role group of a region, created with its standing authorizations if missing. */
  public String ensureRoleGroup(Role role, Region region) {
    String groupId = role.groupId(region.code());
    if (!directory() && identity.createGroupQuery().groupId(groupId).count() == 0) {
      ensureGroup(groupId, region.name() + " " + role.label(), role.groupType());
    }
    roleAuthorizations.grant(role, groupId);
    return groupId;
  }

  /**
   * The user's groups, whoever is signed in to the engine: the directory's group query shows only groups the
   * signed-in user may READ, and a role group of a region imported after start-up gets that grant only once its
   * first member's groups were read here (adoptDirectoryGroups) — filtered, that member would never get their role.
   */
  private List<Group> memberships(String userId) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null) {
      return identity.createGroupQuery().groupMember(userId).list();
    }
    identity.clearAuthentication();
    try {
      return identity.createGroupQuery().groupMember(userId).list();
    } finally {
      identity.setAuthentication(current);
    }
  }

  public Optional<StaffMember> find(String userId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      return Optional.empty();
    }
    List<Group> groups = memberships(userId);
    Set<RoleAssignment> assignments = new HashSet<>();
    Set<String> groupIds = new HashSet<>();
    boolean admin = false;
    for (Group g : groups) {
      groupIds.add(g.getId());
      admin |= Role.CAMUNDA_ADMIN_GROUP.equals(g.getId());
      Role.ofGroupType(g.getType()).ifPresent(role -> {
        String prefix = role.slug() + "-";
        if (g.getId().startsWith(prefix)) {
          assignments.add(new RoleAssignment(role, g.getId().substring(prefix.length())));
        }
      });
      if (g.getType() == null || g.getType().isBlank()) {
        // a group without a type (a directory that keeps none) is read by its id
        Role.ofGroupId(g.getId()).ifPresent(assignments::add);
      }
    }
    return Optional.of(new StaffMember(userId, Set.copyOf(assignments), admin, Set.copyOf(groupIds)));
  }

  /**
   * Whether the member is an administrator or holds a role accepted by {@code roles} at {@code regionCode} or at a
   * region above it — the jurisdiction check of every case-facing endpoint and start form. An unknown region code
   * is within no one's region.
   */
  public boolean worksWithin(StaffMember member, String regionCode, Predicate<Role> roles) {
    if (member.administrator()) {
      return true;
    }
    return regionCode != null && regions.find(regionCode).isPresent() && member.assignments().stream()
        .anyMatch(a -> roles.test(a.role()) && regions.isWithin(regionCode, a.regionCode()));
  }

  /** True when some user is a direct member of camunda-admin. */
  public boolean hasAdministrator() {
    if (identity.createUserQuery().memberOfGroup(Role.CAMUNDA_ADMIN_GROUP).count() > 0) {
      return true;
    }
    // a directory may name its administrators only by admin-<region> groups (camunda-admin is derived from them)
    return directory() && identity.createGroupQuery().list().stream()
        .filter(g -> Role.ofGroupId(g.getId()).filter(a -> a.role() == Role.ADMIN).isPresent())
        .anyMatch(g -> identity.createUserQuery().memberOfGroup(g.getId()).count() > 0);
  }

  private String ensureGroup(String groupId, String name, String type) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
    return groupId;
  }

  private void addMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
