package org.doudi.child.web;

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
import org.doudi.child.ChildApplication;
import org.doudi.child.ChildStandard;
import org.doudi.child.ChildSubsidies;
import org.doudi.child.ChildSubsidies.CaseFile;
import org.doudi.child.ChildSubsidies.StartedCase;
import org.doudi.child.NewChildStandard;
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
@Tag(name = "儿童基本生活费", description = "孤儿 and 事实无人抚养儿童 (吉民发〔2020〕40号 三（三）; docs/child.md): the guardian's "
    + "application, the case file, the county standards for 集中养育 and 社会散居")
public class ChildController {

  private static final String STAFF = "hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', "
      + "'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";
  private static final String STANDARD_WRITERS = "hasAnyRole('COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'ADMIN')";

  private final ChildSubsidies subsidies;
  private final Staff staff;
  private final Regions regions;

  public ChildController(ChildSubsidies subsidies, Staff staff, Regions regions) {
    this.subsidies = subsidies;
    this.staff = staff;
    this.regions = regions;
  }

  @PostMapping("/api/child/applications")
  @PreAuthorize("@processStarters.allows(authentication, 'child-subsidy')")
  @Operation(summary = "The guardian's application for 儿童基本生活费: stored and the case started",
      description = "The child, the place (township or village code), each parent's situation, the care mode "
          + "(INSTITUTION 集中养育 or HOME 社会散居), the guardian and the account. Refused with 400 (Chinese, nothing "
          + "stored) for bad input, a child of 18 or more, a child with an open application or in the subsidy, or "
          + "held in 特困 or a 低保 household's award (the one-person register). The caller must work in a region "
          + "containing the child's place (403). Starts process child-subsidy: conditions, township investigation, "
          + "county decision by another person, monthly award from the county's stored standard.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(ChildApplication.EXAMPLE_JSON))),
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"applicationId\":7,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid application: every violation with its field and "
              + "a Chinese message"),
          @ApiResponse(responseCode = "403", description = "role not allowed or the child's region outside the "
              + "caller's")})
  public ResponseEntity<StartedCase> apply(@Valid @RequestBody(required = false) ChildApplication application,
      Principal principal) {
    if (application == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请JSON");
    }
    StaffMember me = me(principal);
    String region = application.regionCode().strip();
    // an unknown region is reported by the validation (400), not as a jurisdiction problem
    if (regions.find(region).isPresent() && !staff.worksWithin(me, region, Role::isCaseworking)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + region);
    }
    StartedCase started = subsidies.apply(application, principal.getName());
    return ResponseEntity.created(URI.create("/api/child/applications/" + started.applicationId())).body(started);
  }

  @GetMapping("/api/child/applications/{applicationId}")
  @PreAuthorize(STAFF)
  @Operation(summary = "The case file of an application: status, category, amount, support and every record",
      description = "Status (REGISTERED, IN_REVIEW, INELIGIBLE, REJECTED, GRANTED), the support (ACTIVE or ENDED, next "
          + "review, 18th birthday) and the records in order: ELIGIBILITY, INVESTIGATION, COUNTY_DECISION, GRANT, "
          + "INELIGIBLE_NOTICE, REJECTION_NOTICE, REVIEW_PROPOSAL, REVIEW, END. Staff of the application's region or "
          + "a region above it.",
      responses = {@ApiResponse(responseCode = "200", description = "the case file"),
          @ApiResponse(responseCode = "404", description = "no such application visible to the caller")})
  public CaseFile caseFile(@Parameter(description = "application id") @PathVariable long applicationId,
      Principal principal) {
    String region = subsidies.regionOfApplication(applicationId).orElse(null);
    if (region == null || !staff.worksWithin(me(principal), region, role -> role != Role.ANALYST)) {
      throw new NoSuchElementException("没有找到儿童基本生活费申请 " + applicationId);
    }
    return subsidies.caseFile(applicationId);
  }

  @GetMapping("/api/child/standards")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The county's monthly standards of 儿童基本生活费, with their history",
      description = "Every row for 集中养育 (INSTITUTION) and 社会散居 (HOME), oldest first; sample rows are marked.",
      responses = {@ApiResponse(responseCode = "200", description = "the standards"),
          @ApiResponse(responseCode = "400", description = "unknown county")})
  public List<ChildStandard> standards(
      @Parameter(description = "county code (6 digits)") @RequestParam String countyCode) {
    if (regions.find(countyCode).isEmpty()) {
      throw new InvalidApplicationException("countyCode", "县（市、区）行政区划代码" + countyCode + "不存在");
    }
    return subsidies.standards(countyCode);
  }

  @PostMapping("/api/child/standards")
  @PreAuthorize(STANDARD_WRITERS)
  @Operation(summary = "Add a monthly standard (a new row; the history is kept)",
      description = "County staff of that county (COUNTY_CASEWORKER, COUNTY_APPROVER) or an administrator. From the "
          + "first day of a month not before the current one; applications decided from then on use it. Existing "
          + "awards are not changed by it (docs/child.md).",
      responses = {@ApiResponse(responseCode = "201", description = "the standard stored"),
          @ApiResponse(responseCode = "400", description = "invalid standard (Chinese)"),
          @ApiResponse(responseCode = "403", description = "another county's standard")})
  public ResponseEntity<ChildStandard> addStandard(@Valid @RequestBody(required = false) NewChildStandard standard,
      Principal principal) {
    if (standard == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交标准JSON");
    }
    StaffMember me = me(principal);
    if (regions.find(standard.countyCode()).isPresent() && !staff.worksWithin(me, standard.countyCode(),
        role -> role == Role.COUNTY_CASEWORKER || role == Role.COUNTY_APPROVER)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责县级区划" + standard.countyCode());
    }
    ChildStandard stored = subsidies.addStandard(standard, principal.getName());
    return ResponseEntity.created(URI.create("/api/child/standards?countyCode=" + stored.countyCode())).body(stored);
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }
}
