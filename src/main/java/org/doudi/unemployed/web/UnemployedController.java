package org.doudi.unemployed.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.NoSuchElementException;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.region.Regions;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.unemployed.UnemployedCases;
import org.doudi.unemployed.UnemployedCases.CaseFile;
import org.doudi.unemployed.UnemployedCases.StartedCase;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "未参保失业人员临时救助", description = "One-off 临时救助 for uninsured unemployed people (吉民发〔2020〕40号 二（二）): "
    + "applications and the case file")
public class UnemployedController {

  private final UnemployedCases cases;
  private final Staff staff;
  private final Regions regions;

  public UnemployedController(UnemployedCases cases, Staff staff, Regions regions) {
    this.cases = cases;
    this.staff = staff;
    this.regions = regions;
  }

  @PostMapping("/api/unemployed/applications")
  @PreAuthorize("@processStarters.allows(authentication, 'unemployed-assistance')")
  @Operation(summary = "Submit an application of an uninsured unemployed person and start its case",
      description = "Received at the township (or the village/community it entrusts) of the place of work or usual "
          + "residence (regionCode = that village/community). Checks every material of 二（二）2 on the server — ID "
          + "number (GB 11643), employer with address and position, at least two witnesses with phone numbers, "
          + "bank account, signed pledge and authorisation — stores the application and starts process "
          + "unemployed-assistance (business key = application id) in one transaction: a 400 stores nothing. The "
          + "caller must work in a region containing regionCode (403 otherwise). Eligibility (DMN "
          + "unemployed-eligibility) runs next as a job; then 调查核实 (3 working days), 复核 (2 working days), "
          + "全省查重 and payment.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(UnemployedApplication.EXAMPLE_JSON))),
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"applicationId\":7,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid application: every violation with its field "
              + "and a Chinese message (urn:doudi:problem:invalid-application)"),
          @ApiResponse(responseCode = "403", description = "role not allowed or region outside the caller's")})
  public ResponseEntity<StartedCase> apply(@Valid @RequestBody(required = false) UnemployedApplication application,
      Principal principal) {
    if (application == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请JSON");
    }
    StaffMember me = me(principal);
    String region = application.regionCode() == null ? null : application.regionCode().strip();
    // an unknown region is reported by the validation (400), not as a jurisdiction problem
    if (region != null && regions.find(region).isPresent() && !staff.worksWithin(me, region, Role::isCaseworking)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + region + "的申请");
    }
    StartedCase started = cases.apply(application, principal.getName());
    return ResponseEntity.created(URI.create("/api/unemployed/applications/" + started.applicationId())).body(started);
  }

  @GetMapping("/api/unemployed/applications/{applicationId}")
  @PreAuthorize("hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', 'COUNTY_CASEWORKER', "
      + "'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')")
  @Operation(summary = "The case file of an application: status and every written record",
      description = "Status (REGISTERED, IN_PROCESS, INELIGIBLE, UNTRUE, REJECTED, DUPLICATE, PAID) and the records in "
          + "order: ELIGIBILITY findings, INELIGIBLE/UNTRUE/REJECTION/DUPLICATE_NOTICE (the written notice with its "
          + "reasons), OVERDUE, DUPLICATE (where and when the person was paid before), PAYMENT, ARCHIVED. Staff of the "
          + "application's region or a region above it.",
      responses = {@ApiResponse(responseCode = "200", description = "the case file"),
          @ApiResponse(responseCode = "404", description = "no such application visible to the caller")})
  public CaseFile caseFile(@Parameter(description = "application id") @PathVariable long applicationId,
      Principal principal) {
    CaseFile file = cases.caseFile(applicationId);
    StaffMember me = me(principal);
    if (!staff.worksWithin(me, file.regionCode(), role -> role != Role.ANALYST)) {
      throw new NoSuchElementException("没有找到未参保失业人员临时救助申请 " + applicationId);
    }
    return file;
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }
}
