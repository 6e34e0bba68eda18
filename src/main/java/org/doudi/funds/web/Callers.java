package org.doudi.funds.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.doudi.funds.internal.FundMonitoring.Scope;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who is calling and which counties they may see or act for. */
@Component
class Callers {

  /** Roles that may read the fund figures: county staff for their county, oversight roles for their region. */
  static final Set<Role> MONITORING_ROLES = EnumSet.of(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER,
      Role.SUPERVISOR, Role.AUDITOR, Role.ANALYST);

  private final Staff staff;
  private final Regions regions;

  Callers(Staff staff, Regions regions) {
    this.staff = staff;
    this.regions = regions;
  }

  StaffMember member(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }

  /**
   * The counties a caller may see: administrators all; otherwise the regions of the monitoring roles held, as
   * county-code prefixes (province → 2 digits, city → 4, county → 6). Roles held below a county see nothing:
   * the figures are county totals.
   */
  Scope monitoringScope(StaffMember member) {
    if (member.administrator()) {
      return Scope.all();
    }
    List<String> prefixes = new ArrayList<>();
    for (RoleAssignment a : member.assignments()) {
      if (!MONITORING_ROLES.contains(a.role())) {
        continue;
      }
      prefix(a.regionCode()).filter(p -> !prefixes.contains(p)).ifPresent(prefixes::add);
    }
    if (prefixes.isEmpty()) {
      throw new AccessDeniedException("当前角色无权查看资金监测数据");
    }
    return new Scope(List.copyOf(prefixes));
  }

  /** County-level prefix of a region: 22 for 吉林省, 2201 for 长春市, the county code for a county. */
  Optional<String> prefix(String regionCode) {
    Optional<Region> region = regions.find(regionCode);
    if (region.isEmpty()) {
      return Optional.empty();
    }
    RegionLevel level = region.get().level();
    return switch (level) {
      case PROVINCE -> Optional.of(regionCode.substring(0, 2));
      case CITY -> Optional.of(regionCode.substring(0, 4));
      case COUNTY -> Optional.of(regionCode);
      default -> Optional.empty();
    };
  }

  /** Regions at province or city level where the member holds one of the roles (administrators: the province). */
  List<String> provinceOrCityRegions(StaffMember member, Set<Role> roles) {
    List<String> result = new ArrayList<>();
    for (RoleAssignment a : member.assignments()) {
      if (roles.contains(a.role()) && regions.find(a.regionCode())
          .filter(r -> r.level() == RegionLevel.PROVINCE || r.level() == RegionLevel.CITY).isPresent()) {
        result.add(a.regionCode());
      }
    }
    return result;
  }

  /** True when a county-level role (or an oversight role above it) of the member covers the county. */
  boolean actsForCounty(StaffMember member, String countyCode, Set<Role> roles) {
    if (member.administrator()) {
      return true;
    }
    return member.assignments().stream().anyMatch(a -> roles.contains(a.role())
        && prefix(a.regionCode()).map(countyCode::startsWith).orElse(false));
  }
}
