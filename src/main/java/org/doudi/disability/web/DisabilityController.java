package org.doudi.disability.web;

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
import org.doudi.disability.DisabilityApplication;
import org.doudi.disability.DisabilitySubsidies;
import org.doudi.disability.DisabilitySubsidies.CandidatePage;
import org.doudi.disability.DisabilitySubsidies.CaseFile;
import org.doudi.disability.DisabilitySubsidies.StartedCase;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.region.Regions;
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
@Tag(name = "残疾人两项补贴", description = "困难残疾人生活补贴 and 重度残疾人护理补贴 (吉民发〔2020〕40号 三（四）): "
    + "applications, the proactive discovery's candidates, the case file")
public class DisabilityController {

  private static final String STAFF = "hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', "
      + "'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";

  private final DisabilitySubsidies subsidies;
  private final Staff staff;
  private final Regions regions;

  public DisabilityController(DisabilitySubsidies subsidies, Staff staff, Regions regions) {
    this.subsidies = subsidies;
    this.staff = staff;
    this.regions = regions;
  }

  @PostMapping("/api/disability/applications")
  @PreAuthorize("@processStarters.allows(authentication, 'disability-subsidy')")
  @Operation(summary = "Apply for one of the two disability subsidies for a person and start the case",
      description = "kind LIVING (困难残疾人生活补贴) or CARE (重度残疾人护理补贴) and the person's ID number; the name, "
          + "disability category and grade, household, place and the household's bank account come from the household "
          + "records (an own account may be given: bankName and accountNumber together). Refused with 400 (Chinese, "
          + "nothing stored) when the person has no disability on record, already receives the subsidy or has an open "
          + "application of it. The caller must work in a region containing the person's household (403). Starts "
          + "process disability-subsidy: eligibility and amount (DMN disability-subsidy-eligibility and "
          + "disability-subsidy-amount), township review, county decision by another person, monthly award.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(DisabilityApplication.EXAMPLE_JSON))),
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"applicationId\":7,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid application: every violation with its field and "
              + "a Chinese message (urn:doudi:problem:invalid-application)"),
          @ApiResponse(responseCode = "403", description = "role not allowed or the person's region outside the "
              + "caller's")})
  public ResponseEntity<StartedCase> apply(@Valid @RequestBody(required = false) DisabilityApplication application,
      Principal principal) {
    if (application == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请JSON");
    }
    StaffMember me = me(principal);
    // an unknown person is reported by the validation (400), not as a jurisdiction problem
    subsidies.regionOf(application.idNumber()).ifPresent(region -> {
      if (!staff.worksWithin(me, region, Role::isCaseworking)) {
        throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + region + "的残疾人");
      }
    });
    StartedCase started = subsidies.apply(application, principal.getName());
    return ResponseEntity.created(URI.create("/api/disability/applications/" + started.applicationId()))
        .body(started);
  }

  @GetMapping("/api/disability/candidates")
  @PreAuthorize(STAFF)
  @Operation(summary = "People found eligible for a subsidy they do not receive (主动发现), page by page",
      description = "The open candidates of the daily discovery (process disability-discovery) in regionCode and "
          + "below, in order of region and person: name, masked ID number, subsidy, disability, standing (低保/低收入 "
          + "household member) and the case opened for the township to help them apply. regionCode defaults to the "
          + "caller's first region; it must lie within the caller's regions (403).",
      responses = {@ApiResponse(responseCode = "200", description = "total, page, size, items"),
          @ApiResponse(responseCode = "400", description = "unknown region or bad paging"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public CandidatePage candidates(
      @Parameter(description = "region (province, city, county, township or village)") @RequestParam(required = false)
      String regionCode,
      @Parameter(description = "page, from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "page size, 1–200") @RequestParam(defaultValue = "50") int size,
      Principal principal) {
    StaffMember me = me(principal);
    String region = regionCode == null || regionCode.isBlank()
        ? me.assignments().stream().map(StaffMember.RoleAssignment::regionCode).findFirst().orElse("220000")
        : regionCode.strip();
    if (regions.find(region).isEmpty()) {
      throw new InvalidApplicationException("regionCode", "行政区划代码" + region + "不存在");
    }
    if (!staff.worksWithin(me, region, role -> role != Role.ANALYST)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + region);
    }
    return subsidies.candidates(region, page, size);
  }

  @GetMapping("/api/disability/applications/{applicationId}")
  @PreAuthorize(STAFF)
  @Operation(summary = "The case file of an application: status, amount and every written record",
      description = "Status (REGISTERED, ASSISTING, IN_REVIEW, DECLINED, INELIGIBLE, REJECTED, GRANTED, STOPPED) and the "
          + "records in order: ASSISTED, ELIGIBILITY, TOWNSHIP_REVIEW, COUNTY_DECISION, GRANT, INELIGIBLE_NOTICE, "
          + "REJECTION_NOTICE, DECLINED, STOP. Staff of the application's region or a region above it.",
      responses = {@ApiResponse(responseCode = "200", description = "the case file"),
          @ApiResponse(responseCode = "404", description = "no such application visible to the caller")})
  public CaseFile caseFile(@Parameter(description = "application id") @PathVariable long applicationId,
      Principal principal) {
    CaseFile file = subsidies.caseFile(applicationId);
    if (!staff.worksWithin(me(principal), file.regionCode(), role -> role != Role.ANALYST)) {
      throw new NoSuchElementException("没有找到残疾人两项补贴申请 " + applicationId);
    }
    return file;
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }
}
