package org.doudi.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.payroll.AgeSupplements;
import org.doudi.payroll.StandardRise;
import org.doudi.payroll.StandardRiseLine;
import org.doudi.payroll.StandardRises;
import org.doudi.payroll.persistence.AgeStepRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 标准调整 and 年龄段变化: read-only views of the rises (their review is a Tasklist task, 县级审核标准调整) and of the
 * monthly age step; an administrator may run the age step of a month now. docs/standard-rise.md.
 */
@RestController
@Tag(name = "标准调整", description = "Standard rises (recomputation of 低保 awards on a new local standard) and the "
    + "monthly age-band supplement changes")
public class StandardRiseController {

  private final StandardRises rises;
  private final AgeSupplements ages;
  private final Staff staff;

  public StandardRiseController(StandardRises rises, AgeSupplements ages, Staff staff) {
    this.rises = rises;
    this.ages = ages;
    this.staff = staff;
  }

  @GetMapping("/api/standard-rises")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Standard rises of the counties within the caller's regions, newest first (at most 200)",
      responses = {@ApiResponse(responseCode = "200", description = "list"),
          @ApiResponse(responseCode = "403", description = "county outside the caller's regions")})
  public List<StandardRise> list(@Parameter(description = "only this county (6 digits)")
      @RequestParam(required = false) String countyCode, Principal principal) {
    StaffMember me = member(principal.getName());
    if (countyCode != null) {
      requireSees(me, countyCode);
      return rises.list(List.of(countyCode), 200);
    }
    if (me.administrator()) {
      return rises.list(List.of(""), 200);
    }
    List<String> prefixes = me.assignments().stream().filter(a -> a.role() != Role.ANALYST)
        .map(a -> a.regionCode().length() > 6 ? a.regionCode().substring(0, 6) : a.regionCode()).distinct().toList();
    return rises.list(prefixes, 200).stream().filter(r -> seesAnyOf(me, r.countyCode())).toList();
  }

  @GetMapping("/api/standard-rises/{id}")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "One standard rise: status, counts, totals, review decision, applied rows",
      responses = {@ApiResponse(responseCode = "200", description = "the rise"),
          @ApiResponse(responseCode = "403", description = "county outside the caller's regions"),
          @ApiResponse(responseCode = "404", description = "no such rise")})
  public StandardRise get(@PathVariable long id, Principal principal) {
    StandardRise r = rises.find(id).orElseThrow(() -> new NoSuchElementException("没有标准调整" + id));
    if (!seesAnyOf(member(principal.getName()), r.countyCode())) {
      throw new AccessDeniedException("无权查看" + r.countyCode() + "的标准调整");
    }
    return r;
  }

  @GetMapping("/api/standard-rises/{id}/lines")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "A rise's lines page by page: each award's amount before and after, the kind and the formula",
      description = "County staff see every line; township and village staff the lines of their regions.",
      responses = {@ApiResponse(responseCode = "200", description = "one page"),
          @ApiResponse(responseCode = "400", description = "bad kind or paging"),
          @ApiResponse(responseCode = "403", description = "county outside the caller's regions"),
          @ApiResponse(responseCode = "404", description = "no such rise")})
  public List<StandardRiseLine> lines(@PathVariable long id,
      @Parameter(description = "INCREASE, DECREASE, UNCHANGED or MANUAL") @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "200") int limit,
      Principal principal) {
    if (kind != null && !List.of("INCREASE", "DECREASE", "UNCHANGED", "MANUAL").contains(kind)) {
      throw new IllegalArgumentException("kind 只能是 INCREASE、DECREASE、UNCHANGED 或 MANUAL");
    }
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("offset 不能为负数，limit 须在1到1000之间");
    }
    StandardRise r = get(id, principal);
    StaffMember me = member(principal.getName());
    List<String> regions = null;
    if (!sees(me, r.countyCode())) {
      regions = me.assignments().stream().filter(a -> a.role() != Role.ANALYST)
          .map(StaffMember.RoleAssignment::regionCode).filter(c -> c.startsWith(r.countyCode())).distinct().toList();
    }
    return rises.lines(id, kind, regions, offset, limit);
  }

  @GetMapping("/api/payroll/age-supplements")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The age-band supplement changes from a month (members who turned 18, 70 … the month before)",
      responses = {@ApiResponse(responseCode = "200", description = "at most 1000 changes"),
          @ApiResponse(responseCode = "400", description = "bad month"),
          @ApiResponse(responseCode = "403", description = "county outside the caller's regions")})
  public List<AgeStepRepository.Change> ageChanges(@Parameter(description = "yyyy-MM, the month the change takes "
      + "effect") @RequestParam String month, @RequestParam(required = false) String countyCode,
      Principal principal) {
    YearMonth m = month(month);
    StaffMember me = member(principal.getName());
    if (countyCode != null) {
      requireSees(me, countyCode);
      return ages.changes(m, List.of(countyCode));
    }
    if (me.administrator()) {
      return ages.changes(m, List.of(""));
    }
    List<String> counties = me.assignments().stream().filter(a -> a.role() != Role.ANALYST)
        .map(StaffMember.RoleAssignment::regionCode).filter(c -> c.length() <= 6).distinct().toList();
    return ages.changes(m, counties);
  }

  @PostMapping("/api/payroll/age-supplements")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Run the age step for a month now (the monthly payroll's dispatch does it every month)",
      description = "Idempotent: a change is written once per member and month.",
      responses = {@ApiResponse(responseCode = "200", description = "counts"),
          @ApiResponse(responseCode = "400", description = "bad month"),
          @ApiResponse(responseCode = "403", description = "not an administrator")})
  public AgeSupplements.Step runAgeStep(@RequestParam String month, Principal principal) {
    return ages.apply(month(month), "system");
  }

  private static YearMonth month(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("月份格式应为 yyyy-MM：" + month);
    }
  }

  private StaffMember member(String userId) {
    return staff.find(userId).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }

  private boolean sees(StaffMember me, String countyCode) {
    return staff.worksWithin(me, countyCode, role -> role != Role.ANALYST);
  }

  /** The county, or a region within it (township staff see their part of the lines). */
  private boolean seesAnyOf(StaffMember me, String countyCode) {
    return sees(me, countyCode) || me.assignments().stream()
        .anyMatch(a -> a.role() != Role.ANALYST && a.regionCode().startsWith(countyCode));
  }

  private void requireSees(StaffMember me, String countyCode) {
    if (!sees(me, countyCode)) {
      throw new AccessDeniedException("无权查看" + countyCode + "的标准调整");
    }
  }
}
