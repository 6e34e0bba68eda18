package org.doudi.identity;

import java.util.Arrays;
import java.util.Optional;
import org.doudi.region.RegionLevel;

/**
 * The roles of the system. Each role is held at a region; its Camunda group is {@code <slug>-<regionCode>}
 * (e.g. {@code township-caseworker-220102001}) and its Spring authority {@code ROLE_<name>}.
 */
public enum Role {
  VILLAGE_ASSISTANT("village-assistant", "村（社区）协理员", RegionLevel.VILLAGE),
  TOWNSHIP_CASEWORKER("township-caseworker", "乡镇（街道）经办人", RegionLevel.TOWNSHIP),
  TOWNSHIP_APPROVER("township-approver", "乡镇（街道）审批人", RegionLevel.TOWNSHIP),
  COUNTY_CASEWORKER("county-caseworker", "县级经办人", RegionLevel.COUNTY),
  COUNTY_APPROVER("county-approver", "县级审批人", RegionLevel.COUNTY),
  SUPERVISOR("supervisor", "督查员", null),
  ANALYST("analyst", "业务分析员", null),
  AUDITOR("auditor", "审计员", null),
  ADMIN("admin", "系统管理员", null);

  private final String slug;
  private final String label;
  private final RegionLevel level;

  Role(String slug, String label, RegionLevel level) {
    this.slug = slug;
    this.label = label;
    this.level = level;
  }

  public String slug() {
    return slug;
  }

  public String label() {
    return label;
  }

  /** The level this role is bound to, or empty if it may be held at any level (supervisor, analyst…). */
  public Optional<RegionLevel> level() {
    return Optional.ofNullable(level);
  }

  /** Roles that handle cases at the front line, as opposed to oversight and operation roles. */
  public boolean isCaseworking() {
    return level != null;
  }

  /**
   * True when every holder of this role is also a member of the role's {@link #regionGroupId region group}, which the
   * per-case grants name: every role but the analyst and the administrator, who operate the system and read no case
   * files ({@code Staff.ensureUser}, the directory's derived groups, {@code identity.internal.CaseTaskAuthorizations}
   * and its migration {@code db/engine/<vendor>/V71_1}, which lists these roles' group prefixes).
   */
  public boolean readsCasesOfItsRegion() {
    return this != ANALYST && this != ADMIN;
  }

  public String groupId(String regionCode) {
    return slug + "-" + regionCode;
  }

  /** The Camunda group type, which tells the role of a group without parsing its id. */
  public String groupType() {
    return name();
  }

  public static Optional<Role> ofGroupType(String type) {
    return Arrays.stream(values()).filter(r -> r.name().equals(type)).findFirst();
  }

  /**
   * The role and region a group id names ({@code township-caseworker-220122100} → 乡镇（街道）经办人 at 220122100), for
   * groups that carry no type (a department's directory names its groups this way, docs/security.md).
   */
  public static Optional<StaffMember.RoleAssignment> ofGroupId(String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    for (Role role : values()) {
      String prefix = role.slug + "-";
      if (groupId.startsWith(prefix) && groupId.length() > prefix.length()
          && groupId.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
        return Optional.of(new StaffMember.RoleAssignment(role, groupId.substring(prefix.length())));
      }
    }
    return Optional.empty();
  }

  /** Group id of the region membership group: every user of a region is in it. */
  public static String regionGroupId(String regionCode) {
    return "region-" + regionCode;
  }

  public static final String REGION_GROUP_TYPE = "REGION";
  public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";
}
