package org.doudi.identity;

import java.util.Set;

/** An authenticated member of staff: the roles held and the regions they are held at. */
public record StaffMember(String userId, Set<RoleAssignment> assignments, boolean administrator, Set<String> groupIds) {

  public record RoleAssignment(Role role, String regionCode) {}

  public boolean has(Role role) {
    return assignments.stream().anyMatch(a -> a.role() == role);
  }
}
