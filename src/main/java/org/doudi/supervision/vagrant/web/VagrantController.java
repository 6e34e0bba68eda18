package org.doudi.supervision.vagrant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.supervision.vagrant.VagrantCases;
import org.doudi.supervision.vagrant.VagrantCases.CaseFile;
import org.doudi.supervision.vagrant.VagrantCases.CaseSummary;
import org.doudi.supervision.vagrant.VagrantCases.StartedCase;
import org.doudi.supervision.vagrant.VagrantIntake;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "流浪乞讨人员救助管理", description = "救助管理站 intake, case file and station lists (docs/vagrants.md): the "
    + "station's staff are the caseworkers of the station's county")
public class VagrantController {

  private static final String STAFF = "hasAnyRole('COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', "
      + "'ADMIN')";
  private static final Set<String> STATUSES = Set.of("IN_STATION", "RETURNED", "LEFT", "SETTLED");

  private final VagrantCases cases;
  private final Staff staff;

  public VagrantController(VagrantCases cases, Staff staff) {
    this.cases = cases;
    this.staff = staff;
  }

  @PostMapping("/api/vagrants")
  @PreAuthorize("@processStarters.allows(authentication, 'vagrant-assistance')")
  @Operation(summary = "A person taken in by an assistance station: stored and the assistance started",
      description = "What is known (name and ID number optional; an ID number given must be valid), sex, approximate "
          + "age, where found, who brought the person, health state; the intake time is the server's. The caller must "
          + "be a caseworker of the station's county (403). Refused with 400 (Chinese, nothing stored) for bad input "
          + "or an unknown station. Starts process vagrant-assistance: food and lodging, medical care when needed, "
          + "identity search and family tracing, return home or voluntary leave; a stay beyond 10 calendar days is "
          + "filed with the higher civil-affairs department; after 3 months without identity, settlement and a "
          + "特困/低保 application when eligible.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(VagrantIntake.EXAMPLE_JSON))),
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"caseId\":7,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid intake: every violation with its field and a "
              + "Chinese message"),
          @ApiResponse(responseCode = "403", description = "role not allowed or another county's station")})
  public ResponseEntity<StartedCase> intake(@Valid @RequestBody(required = false) VagrantIntake intake,
      Principal principal) {
    if (intake == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交入站登记JSON");
    }
    StaffMember me = me(principal);
    // an unknown station is reported by the validation (400), not as a jurisdiction problem
    cases.stationCounty(intake.stationCode()).ifPresent(county -> {
      if (!staff.worksWithin(me, county, role -> role == Role.COUNTY_CASEWORKER)) {
        throw new AccessDeniedException("用户" + me.userId() + "不是该救助管理站所在县（市、区）的经办人");
      }
    });
    StartedCase started = cases.intake(intake, principal.getName());
    return ResponseEntity.created(URI.create("/api/vagrants/" + started.caseId())).body(started);
  }

  @GetMapping("/api/vagrants/{caseId}")
  @PreAuthorize(STAFF)
  @Operation(summary = "The case file of a person assisted: status, days in the station and every record",
      description = "Status (IN_STATION, RETURNED, LEFT, SETTLED), days in the station, the filing of a stay beyond "
          + "10 days, the settlement place and the application started (TEKUN, DIBAO or NONE), and the records in "
          + "order: INTAKE, NEEDS, MEDICAL, SEARCH (each attempt with its method), IDENTIFIED, RETURN, LEFT, "
          + "STAY_FILING, SETTLEMENT, FOLLOW_UP, CLOSE. Staff of the station's county or a region above it.",
      responses = {@ApiResponse(responseCode = "200", description = "the case file"),
          @ApiResponse(responseCode = "404", description = "no such case visible to the caller")})
  public CaseFile caseFile(@Parameter(description = "case id") @PathVariable long caseId, Principal principal) {
    String region = cases.regionOf(caseId).orElse(null);
    if (region == null || !staff.worksWithin(me(principal), region, role -> role != Role.ANALYST)) {
      throw new NoSuchElementException("没有找到救助案件 " + caseId);
    }
    return cases.caseFile(caseId);
  }

  @GetMapping("/api/vagrants")
  @PreAuthorize(STAFF)
  @Operation(summary = "A station's cases with their status, newest first (at most 500)",
      description = "Optionally one status (IN_STATION, RETURNED, LEFT, SETTLED). Staff of the station's county or a "
          + "region above it.",
      responses = {@ApiResponse(responseCode = "200", description = "the cases"),
          @ApiResponse(responseCode = "400", description = "unknown station or status"),
          @ApiResponse(responseCode = "403", description = "another county's station")})
  public List<CaseSummary> list(
      @Parameter(description = "station code, e.g. JZ220122") @RequestParam String stationCode,
      @Parameter(description = "status filter") @RequestParam(required = false) String status, Principal principal) {
    String county = cases.stationCounty(stationCode).orElseThrow(() -> new InvalidApplicationException("stationCode",
        "救助管理站" + stationCode + "不存在"));
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidApplicationException("status", "状态" + status + "无效，可选：IN_STATION、RETURNED、LEFT、SETTLED");
    }
    StaffMember me = me(principal);
    if (!staff.worksWithin(me, county, role -> role != Role.ANALYST)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责该救助管理站");
    }
    return cases.list(stationCode, status);
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }
}
