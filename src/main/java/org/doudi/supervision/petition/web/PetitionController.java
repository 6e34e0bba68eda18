package org.doudi.supervision.petition.web;

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
import org.doudi.household.InvalidApplicationException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.region.Regions;
import org.doudi.supervision.petition.PetitionRegistration;
import org.doudi.supervision.petition.PetitionRequest;
import org.doudi.supervision.petition.Petitions;
import org.doudi.supervision.petition.Petitions.PetitionFile;
import org.doudi.supervision.petition.Petitions.PetitionSummary;
import org.doudi.supervision.petition.Petitions.Registered;
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
@Tag(name = "信访和监督举报", description = "信访 petitions and 监督举报 complaints (《信访工作条例》; docs/petitions.md): "
    + "registration, the petition file with its legal limits, the petitions of a case, 复查 and 复核 requests")
public class PetitionController {

  /** Staff who read petitions: every case-working and oversight role of the petition's region or above. */
  private static final String READERS = "hasAnyRole('TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', 'COUNTY_CASEWORKER', "
      + "'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";
  /** Staff who enter a petitioner's 复查 or 复核 request: the registering roles. */
  private static final String REQUEST_WRITERS = "hasAnyRole('TOWNSHIP_CASEWORKER', 'COUNTY_CASEWORKER', 'ADMIN')";

  private final Petitions petitions;
  private final Staff staff;
  private final Regions regions;

  public PetitionController(Petitions petitions, Staff staff, Regions regions) {
    this.petitions = petitions;
    this.staff = staff;
    this.regions = regions;
  }

  @PostMapping("/api/petitions")
  @PreAuthorize("@processStarters.allows(authentication, 'petition')")
  @Operation(summary = "Register a 信访 petition or 监督举报 complaint: stored and the case started",
      description = "Kind (PETITION 信访, COMPLAINT 监督举报), channel (LETTER, VISIT, ONLINE, PHONE, TRANSFER), the "
          + "petitioner (name, ID number, contact), the claim, the region (county, township or village), the cases it "
          + "concerns (PROCESS_INSTANCE, AWARD as SCHEME/beneficiaryKey, TEKUN_PERSON; each must exist) and, if "
          + "raised before, the earlier petition on the same claim (refused when that claim went through 复核). "
          + "Roles TOWNSHIP_CASEWORKER, COUNTY_CASEWORKER of a region containing the petition's (403). Starts "
          + "process petition.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(PetitionRegistration.EXAMPLE_JSON))),
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"petitionId\":7,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid registration: every violation with its field "
              + "and a Chinese message; nothing stored"),
          @ApiResponse(responseCode = "403", description = "role not allowed or the region outside the caller's")})
  public ResponseEntity<Registered> register(@Valid @RequestBody(required = false) PetitionRegistration registration,
      Principal principal) {
    if (registration == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交信访登记JSON");
    }
    StaffMember me = me(principal);
    String region = registration.regionCode().strip();
    if (regions.find(region).isPresent() && !staff.worksWithin(me, region, Role::isCaseworking)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + region);
    }
    Registered r = petitions.register(registration, principal.getName());
    return ResponseEntity.created(URI.create("/api/petitions/" + r.petitionId())).body(r);
  }

  @GetMapping("/api/petitions/{petitionId}")
  @PreAuthorize(READERS)
  @Operation(summary = "The petition file: claim, status, legal limits (calendar days) and the whole history",
      description = "Status REGISTERED, ROUTED, NOT_ACCEPTED, ACCEPTED, REPLIED, REEXAMINATION, REEXAMINED, "
          + "FINAL_REVIEW, CLOSED; the limits routeBy, acceptanceBy, concludeBy (60 days plus the one extension), "
          + "reexaminationRequestBy, reexaminationReplyBy, finalReviewRequestBy, finalReviewReplyBy (plus hearing "
          + "days); the concerned cases and the events in order. Staff of the petition's region or above.",
      responses = {@ApiResponse(responseCode = "200", description = "the petition file"),
          @ApiResponse(responseCode = "404", description = "no such petition visible to the caller")})
  public PetitionFile file(@Parameter(description = "petition id") @PathVariable long petitionId,
      Principal principal) {
    visible(petitionId, principal);
    return petitions.file(petitionId);
  }

  @GetMapping("/api/petitions")
  @PreAuthorize(READERS)
  @Operation(summary = "The petitions concerning a case",
      description = "Exactly one of processInstanceId, awardKey (SCHEME/beneficiaryKey, e.g. DIBAO/H-12) or "
          + "tekunPersonId. Only petitions of the caller's regions are listed.",
      responses = {@ApiResponse(responseCode = "200", description = "the petitions, newest first"),
          @ApiResponse(responseCode = "400", description = "none or more than one case given")})
  public List<PetitionSummary> concerning(
      @Parameter(description = "process instance id of the case") @RequestParam(required = false)
      String processInstanceId,
      @Parameter(description = "award: SCHEME/beneficiaryKey") @RequestParam(required = false) String awardKey,
      @Parameter(description = "特困 person id") @RequestParam(required = false) Long tekunPersonId,
      Principal principal) {
    int given = (blank(processInstanceId) ? 0 : 1) + (blank(awardKey) ? 0 : 1) + (tekunPersonId == null ? 0 : 1);
    if (given != 1) {
      throw new InvalidApplicationException("", "请提供且只提供一个案件：processInstanceId、awardKey 或 tekunPersonId");
    }
    List<PetitionSummary> found = !blank(processInstanceId) ? petitions.concerning("PROCESS_INSTANCE", processInstanceId)
        : !blank(awardKey) ? petitions.concerning("AWARD", awardKey)
        : petitions.concerning("TEKUN_PERSON", String.valueOf(tekunPersonId));
    StaffMember me = me(principal);
    return found.stream().filter(p -> staff.worksWithin(me, p.regionCode(), role -> role != Role.ANALYST)).toList();
  }

  @PostMapping("/api/petitions/{petitionId}/reexamination-requests")
  @PreAuthorize(REQUEST_WRITERS)
  @Operation(summary = "The petitioner asks for 复查 of the written reply",
      description = "Within 30 days of the written reply, once. Refused with 400 (Chinese, nothing changed) before "
          + "the reply, for a petition not accepted, after the window or a second time.",
      responses = {@ApiResponse(responseCode = "202", description = "the 复查 task is created"),
          @ApiResponse(responseCode = "400", description = "refused, with the reason"),
          @ApiResponse(responseCode = "404", description = "no such petition visible to the caller")})
  public ResponseEntity<PetitionFile> reexamination(@PathVariable long petitionId,
      @Valid @RequestBody(required = false) PetitionRequest request, Principal principal) {
    visible(petitionId, principal);
    petitions.requestReexamination(petitionId, request, principal.getName());
    return ResponseEntity.accepted().body(petitions.file(petitionId));
  }

  @PostMapping("/api/petitions/{petitionId}/final-review-requests")
  @PreAuthorize(REQUEST_WRITERS)
  @Operation(summary = "The petitioner asks for 复核 of the 复查 opinion",
      description = "Within 30 days of the 复查 opinion, once per claim: a second 复核 on the same claim is refused. "
          + "Refused with 400 (Chinese, nothing changed) before the 复查 opinion or after the window.",
      responses = {@ApiResponse(responseCode = "202", description = "the 复核 task is created"),
          @ApiResponse(responseCode = "400", description = "refused, with the reason"),
          @ApiResponse(responseCode = "404", description = "no such petition visible to the caller")})
  public ResponseEntity<PetitionFile> finalReview(@PathVariable long petitionId,
      @Valid @RequestBody(required = false) PetitionRequest request, Principal principal) {
    visible(petitionId, principal);
    petitions.requestFinalReview(petitionId, request, principal.getName());
    return ResponseEntity.accepted().body(petitions.file(petitionId));
  }

  private void visible(long petitionId, Principal principal) {
    String region = petitions.regionOf(petitionId).orElse(null);
    if (region == null || !staff.worksWithin(me(principal), region, role -> role != Role.ANALYST)) {
      throw new NoSuchElementException("没有找到信访编号 " + petitionId);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }
}
