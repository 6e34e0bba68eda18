package org.doudi.supervision.escalation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Who holds a late step and who supervises it. The holder's office is the region of the step's candidate groups
 * (the lowest one when several), else of its assignee's roles, else the case's region; a village's step belongs to its
 * township. The next level up supervises: a township's step → the county (its supervisors and its approvers, the
 * county bureau's leadership in the demo), a county's → the city's supervisors, a city's → the province's; the
 * province's own steps go to the province's supervisors (there is no level above).
 */
@Component
public class SupervisingOffice {

  public record Resolved(String officeCode, RegionLevel officeLevel, String supervisingRegionCode,
      List<String> supervisingGroups) {}

  private final Regions regions;
  private final Staff staff;

  public SupervisingOffice(Regions regions, Staff staff) {
    this.regions = regions;
    this.staff = staff;
  }

  public Resolved resolve(List<String> candidateGroups, String assignee, String caseRegion) {
    Region holder = fromGroups(candidateGroups)
        .or(() -> fromAssignee(assignee, caseRegion))
        .or(() -> Optional.ofNullable(caseRegion).flatMap(regions::find))
        .orElseGet(this::province);
    Region office = holder.level() == RegionLevel.VILLAGE
        ? regions.ancestorAt(holder.code(), RegionLevel.TOWNSHIP).orElse(holder) : holder;
    Region supervising = switch (office.level()) {
      case VILLAGE, TOWNSHIP -> up(office, RegionLevel.COUNTY);
      case COUNTY -> up(office, RegionLevel.CITY);
      case CITY, PROVINCE -> up(office, RegionLevel.PROVINCE);
    };
    List<String> groups = new ArrayList<>();
    groups.add(Role.SUPERVISOR.groupId(supervising.code()));
    if (supervising.level() == RegionLevel.COUNTY) {
      groups.add(Role.COUNTY_APPROVER.groupId(supervising.code()));
    }
    return new Resolved(office.code(), office.level(), supervising.code(), List.copyOf(groups));
  }

  /**
   * The level above a supervising office, for a 督办 raised when the 督办期限 it gave passed: a county's → the city's
   * supervisors, a city's → the province's; the province's stays the province's (there is no level above).
   */
  public Resolved above(String supervisingRegionCode) {
    return resolve(List.of(), null, supervisingRegionCode);
  }

  public String regionName(String code) {
    return regions.find(code).map(r -> regions.fullName(code)).orElse(code);
  }

  /** A group as a caseworker reads it: 农安镇 乡镇（街道）经办人. */
  public String groupName(String groupId) {
    for (Role role : Role.values()) {
      String prefix = role.slug() + "-";
      if (groupId.startsWith(prefix) && regions.find(groupId.substring(prefix.length())).isPresent()) {
        return regions.get(groupId.substring(prefix.length())).name() + " " + role.label();
      }
    }
    return groupId;
  }

  private Optional<Region> fromGroups(List<String> groups) {
    List<Region> found = new ArrayList<>();
    for (String g : groups) {
      for (Role role : Role.values()) {
        String prefix = role.slug() + "-";
        if (g.startsWith(prefix)) {
          regions.find(g.substring(prefix.length())).ifPresent(found::add);
        }
      }
    }
    return found.stream().max(Comparator.comparing(Region::level));
  }

  private Optional<Region> fromAssignee(String assignee, String caseRegion) {
    if (assignee == null) {
      return Optional.empty();
    }
    List<RoleAssignment> roles = staff.find(assignee).map(m -> m.assignments().stream()
        .filter(a -> a.role().isCaseworking() || a.role() == Role.SUPERVISOR).toList()).orElse(List.of());
    return roles.stream()
        .filter(a -> caseRegion == null || regions.find(caseRegion).isEmpty() || regions.isWithin(caseRegion,
            a.regionCode()))
        .map(a -> regions.find(a.regionCode())).flatMap(Optional::stream)
        .max(Comparator.comparing(Region::level))
        .or(() -> roles.stream().map(a -> regions.find(a.regionCode())).flatMap(Optional::stream).findFirst());
  }

  private Region up(Region office, RegionLevel level) {
    return regions.ancestorAt(office.code(), level).orElseGet(this::province);
  }

  private Region province() {
    return regions.list().stream().filter(r -> r.level() == RegionLevel.PROVINCE).findFirst()
        .orElseThrow(() -> new IllegalStateException("no province in the region table"));
  }
}
