package org.doudi.tekun.web;

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
import org.doudi.tekun.TekunApplication;
import org.doudi.tekun.TekunRecognitions;
import org.doudi.tekun.TekunRecognitions.CaseFile;
import org.doudi.tekun.TekunRecognitions.StartedCase;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "特困人员认定", description = "特困人员救助供养 recognition (特困人员认定办法 2021; 吉民发〔2020〕40号 二（三）, "
    + "五（二）): applications by the person or a guardian, 主动发现, the case file")
public class TekunController {

  private static final String STAFF = "hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', "
      + "'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";

  private final TekunRecognitions recognitions;
  private final Staff staff;
  private final Regions regions;

  public TekunController(TekunRecognitions recognitions, Staff staff, Regions regions) {
    this.recognitions = recognitions;
    this.staff = staff;
    this.regions = regions;
  }

  @PostMapping("/api/tekun/applications")
  @PreAuthorize("@processStarters.allows(authentication, 'tekun-recognition')")
  @Operation(summary = "Apply for 特困人员救助供养 (the person, a guardian, or the township after 主动发现) and start the "
      + "recognition",
      description = "Stores the application and starts process tekun-recognition in one transaction: acceptance "
          + "(一次性告知), township investigation with the six-item self-care assessment, information check, optional "
          + "民主评议, 初审 within 15 working days of acceptance, 公示 7 days, county confirmation (≥30 % spot check) "
          + "or the township's where delegated, support from the month after. Refused with 400 (Chinese, nothing "
          + "stored) for invalid fields, an unknown place, a person already supported, with an open case, or held "
          + "by another basic-living benefit than a 低保 household (a 低保 member may apply: the household's award "
          + "is adjusted on recognition). The caller must work in a region containing regionCode (403).",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(TekunApplication.EXAMPLE_JSON))),
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"caseId\":7,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid application: every violation with its field and "
              + "a Chinese message (urn:doudi:problem:invalid-application)"),
          @ApiResponse(responseCode = "403", description = "role not allowed or regionCode outside the caller's")})
  public ResponseEntity<StartedCase> apply(@Valid @RequestBody(required = false) TekunApplication application,
      Principal principal) {
    if (application == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请JSON");
    }
    StaffMember me = me(principal);
    String region = application.regionCode().strip();
    // an unknown place is reported by the validation (400), not as a jurisdiction problem
    if (regions.find(region).isPresent() && !staff.worksWithin(me, region, Role::isCaseworking)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + region);
    }
    StartedCase started = recognitions.apply(application, principal.getName());
    return ResponseEntity.created(URI.create("/api/tekun/applications/" + started.caseId())).body(started);
  }

  @GetMapping("/api/tekun/applications/{caseId}")
  @PreAuthorize(STAFF)
  @Operation(summary = "The case file of a recognition: status, assessment, amounts and every written record",
      description = "Status (REGISTERED, AWAITING, ACCEPTED, CONFIRMED, REJECTED, WITHDRAWN, LAPSED, DECLINED), the "
          + "stored outcome, care level and amounts, the confirming authority and spot-check draw, and the records in "
          + "order (MISSING_MATERIALS, ACCEPTED, INVESTIGATION, INFORMATION_CHECK, ASSESSMENT, APPRAISAL, PRELIMINARY, "
          + "PUBLIC_NOTICE, OBJECTION, REINVESTIGATION, FILE_RECEIVED, SPOT_CHECK, CONFIRMATION, DIBAO_HOUSEHOLD, "
          + "RECOGNISED, REJECTION_NOTICE, DELIVERED, OVERDUE_*). Staff of the case's region or a region above it.",
      responses = {@ApiResponse(responseCode = "200", description = "the case file"),
          @ApiResponse(responseCode = "404", description = "no such case visible to the caller")})
  public CaseFile caseFile(@Parameter(description = "case id") @PathVariable long caseId, Principal principal) {
    String region = recognitions.regionOf(caseId)
        .orElseThrow(() -> new NoSuchElementException("没有找到特困人员认定案件 " + caseId));
    if (!staff.worksWithin(me(principal), region, role -> role != Role.ANALYST)) {
      throw new NoSuchElementException("没有找到特困人员认定案件 " + caseId);
    }
    return recognitions.caseFile(caseId);
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }
}
