package org.doudi.dibao.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.doudi.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.doudi.dibao.DibaoCases;
import org.doudi.dibao.DibaoCases.StartedCase;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.region.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "低保申请", description = "Online applications, objections during 公示 and withdrawal of 低保 cases")
public class DibaoController {

  private final DibaoCases cases;
  private final Staff staff;
  private final Regions regions;

  public DibaoController(DibaoCases cases, Staff staff, Regions regions) {
    this.cases = cases;
    this.staff = staff;
    this.regions = regions;
  }

  @PostMapping("/api/applications")
  @PreAuthorize("@processStarters.allows(authentication, 'dibao-application')")
  @Operation(summary = "Submit a 低保 application (online / mobile) and start its case",
      description = "Validates the household (the same rules and 400 shape as POST /api/eligibility/dibao), stores the "
          + "case record and starts process dibao-application with business key = application id, in one "
          + "transaction: a 400 stores nothing. The caller must work in a region that contains the household's "
          + "regionCode (403 otherwise). The first task is 受理 (Task_AcceptApplication) for the township caseworkers.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(HouseholdApplication.EXAMPLE_JSON))),
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"applicationId\":42,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid application; violations name member and field"),
          @ApiResponse(responseCode = "403", description = "role not allowed or household outside the caller's region"),
          @ApiResponse(responseCode = "409", description = "a member is already in a 低保/特困 household or an "
              + "application in progress in the province: where (county, township), which case, since when")})
  public ResponseEntity<StartedCase> apply(@Valid @RequestBody(required = false) HouseholdApplication application,
      Principal principal) {
    if (application == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请JSON");
    }
    requireJurisdiction(principal.getName(), application.regionCode());
    StartedCase started = cases.apply(application, principal.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + started.processInstanceId())).body(started);
  }

  public record ObjectionRequest(
      @NotBlank(message = "请填写异议人姓名") @Size(max = 50, message = "异议人姓名最多50个字") String objectorName,
      @Pattern(regexp = "\\s*|\\s*[0-9+\\- ]{7,20}\\s*", message = "异议人联系电话不是有效的电话号码") String objectorPhone,
      @NotBlank(message = "请填写异议内容") @Size(max = 2000, message = "异议内容最多2000个字") String content) {}

  @PostMapping("/api/cases/{processInstanceId}/objections")
  @PreAuthorize("hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'COUNTY_CASEWORKER', 'ADMIN')")
  @Operation(summary = "Register an objection against the running 公示 of a 低保 case",
      description = "Ends the 公示 of the case and starts the objection handling (重新调查 or 民主评议, then a new 初审 "
          + "and a new 公示); the case then needs a county home visit. 409 when the case is not in 公示.",
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"processInstanceId\":\"…\",\"noticeRound\":1}"),
          @ApiResponse(responseCode = "400", description = "missing or oversized fields"),
          @ApiResponse(responseCode = "404", description = "no running case visible to the caller"),
          @ApiResponse(responseCode = "409", description = "the case has no 公示 running")})
  public ResponseEntity<Map<String, Object>> object(
      @Parameter(description = "process instance id of the case") @PathVariable String processInstanceId,
      @Valid @RequestBody(required = false) ObjectionRequest body, Principal principal) {
    int round = cases.fileObjection(processInstanceId, body == null ? null
        : new DibaoCases.Objection(body.objectorName(), body.objectorPhone(), body.content()), principal.getName());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("processInstanceId", processInstanceId, "noticeRound", round));
  }

  public record WithdrawalRequest(
      @NotBlank(message = "请填写撤回理由（1到500个字）") @Size(max = 500, message = "请填写撤回理由（1到500个字）")
      String reason) {}

  @PostMapping("/api/cases/{processInstanceId}/withdrawal")
  @PreAuthorize("hasAnyRole('TOWNSHIP_CASEWORKER', 'COUNTY_CASEWORKER', 'ADMIN')")
  @Operation(summary = "The applicant withdraws the 低保 application (recorded with the reason; the case ends)",
      responses = {@ApiResponse(responseCode = "204", description = "withdrawn"),
          @ApiResponse(responseCode = "400", description = "no reason"),
          @ApiResponse(responseCode = "404", description = "no running case visible to the caller"),
          @ApiResponse(responseCode = "409", description = "the case can no longer be withdrawn")})
  public ResponseEntity<Void> withdraw(@PathVariable String processInstanceId,
      @Valid @RequestBody(required = false) WithdrawalRequest body, Principal principal) {
    cases.withdraw(processInstanceId, body == null ? null : body.reason(), principal.getName());
    return ResponseEntity.noContent().build();
  }

  private void requireJurisdiction(String userId, String regionCode) {
    StaffMember member = staff.find(userId).orElseThrow(() -> new AccessDeniedException("未知用户"));
    if (member.administrator() || regionCode == null || regions.find(regionCode).isEmpty()) {
      return; // unknown regions are reported by the validator (400)
    }
    if (!staff.worksWithin(member, regionCode, Role::isCaseworking)) {
      throw new AccessDeniedException("用户" + userId + "不负责行政区划" + regionCode + "的申请");
    }
  }
}
