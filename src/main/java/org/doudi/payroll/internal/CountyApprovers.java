package org.doudi.payroll.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.springframework.stereotype.Component;

/**
 * The second person of a money change of a county (four eyes): who completes an approval task, and whether that
 * person may decide — a county approver of the county or an administrator, whatever the task's candidate groups say.
 * Shared by the approval listeners of award changes and re-issues, so the rule is written once.
 */
@Component
public class CountyApprovers {

  private final Staff staff;
  private final EngineAsSystem asSystem;

  public CountyApprovers(Staff staff, EngineAsSystem asSystem) {
    this.staff = staff;
    this.asSystem = asSystem;
  }

  /** The user completing the task: the authenticated user, else the assignee; null when neither is known. */
  public static String actingUser(DelegateTask task) {
    return EngineContext.currentUser() != null ? EngineContext.currentUser() : task.getAssignee();
  }

  /** A county approver of {@code countyCode} or an administrator. */
  public boolean mayDecide(String user, String countyCode) {
    StaffMember member = asSystem.call(() -> staff.find(user)).orElse(null);
    return member != null && (member.administrator() || member.assignments().stream()
        .anyMatch(a -> a.role() == Role.COUNTY_APPROVER && a.regionCode().equals(countyCode)));
  }
}
