package org.doudi.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.region.Regions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "账户", description = "The signed-in member of staff")
public class MeController {

  private final Staff staff;
  private final Regions regions;

  public MeController(Staff staff, Regions regions) {
    this.staff = staff;
    this.regions = regions;
  }

  public record RoleView(String role, String roleName, String regionCode, String regionName) {}

  public record MeView(String userId, boolean administrator, List<RoleView> roles) {}

  @GetMapping("/api/me")
  @Operation(summary = "Who am I: roles and the regions they are held at")
  public MeView me(Principal principal) {
    StaffMember m = staff.find(principal.getName()).orElseThrow();
    List<RoleView> roles = m.assignments().stream()
        .map(a -> new RoleView(a.role().name(), a.role().label(), a.regionCode(),
            regions.find(a.regionCode()).map(r -> r.name()).orElse(a.regionCode())))
        .sorted(Comparator.comparing(RoleView::role).thenComparing(RoleView::regionCode))
        .toList();
    return new MeView(m.userId(), m.administrator(), roles);
  }
}
