package org.doudi.tekun.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.tekun.TekunChanges;
import org.doudi.tekun.TekunChanges.ChangeFile;
import org.doudi.tekun.TekunChanges.DeathRecorded;
import org.doudi.tekun.TekunChanges.DeathReport;
import org.doudi.tekun.TekunChanges.ReportedChange;
import org.doudi.tekun.TekunChanges.StartedChange;
import org.doudi.tekun.TekunChanges.TerminationRequest;
import org.doudi.tekun.persistence.TekunChangeRepository.Change;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "特困人员变更和终止", description = "《特困人员认定办法》 2021 第二十四条至第二十七条: re-assessment of self-care "
    + "ability, termination with 公示, death and the funeral arrangement, the cases of a person (docs/tekun.md)")
public class TekunChangesController {

  private static final String STAFF = "hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', "
      + "'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";

  private final TekunChanges changes;
  private final Staff staff;

  public TekunChangesController(TekunChanges changes, Staff staff) {
    this.changes = changes;
    this.staff = staff;
  }

  @PostMapping("/api/tekun/persons/{tekunPersonId}/reported-changes")
  @PreAuthorize("@processStarters.allows(authentication, 'tekun-reassessment')")
  @Operation(summary = "Report a change of a supported person's self-care ability and open the re-assessment",
      description = "{\"reportedOn\":\"2026-11-02\",\"note\":\"…\"}. Starts process tekun-reassessment: the township's "
          + "six-item assessment within 10 working days of reportedOn, the county's confirmation by another person, "
          + "the new care amount from the month after (payroll award change). 400 (Chinese) for bad input, a person "
          + "not supported or a re-assessment already open; 403 outside the caller's regions; 404 no such person.",
      responses = {@ApiResponse(responseCode = "201", description = "{\"changeId\":1,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid request"),
          @ApiResponse(responseCode = "403", description = "role or region"),
          @ApiResponse(responseCode = "404", description = "no such person")})
  public ResponseEntity<StartedChange> reportChange(@PathVariable long tekunPersonId,
      @Valid @RequestBody(required = false) ReportedChange report, Principal principal) {
    within(principal, tekunPersonId);
    return created(changes.reportChange(tekunPersonId, report, principal.getName()));
  }

  @PostMapping("/api/tekun/persons/{tekunPersonId}/terminations")
  @PreAuthorize("@processStarters.allows(authentication, 'tekun-termination')")
  @Operation(summary = "Propose ending a person's support on a ground of 特困人员认定办法 第二十四条",
      description = "{\"ground\":\"WORK_CAPACITY\",\"facts\":\"…\"}; grounds DECLARED_MISSING, WORK_CAPACITY, "
          + "IMPRISONED, INCOME_ASSETS, SUPPORTER_ABLE, VOLUNTARY, AGE_18, MOVED_AWAY (a death goes through "
          + "/death). Starts process tekun-termination: township investigation with the relapse-risk assessment, "
          + "county decision, 公示 7 days, objections decided within 15 working days and posted again, support "
          + "stopped from the next month, then the township checks 低保 and other assistance (《特困人员认定办法》第二十七条).",
      responses = {@ApiResponse(responseCode = "201", description = "{\"changeId\":1,\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid request"),
          @ApiResponse(responseCode = "403", description = "role or region"),
          @ApiResponse(responseCode = "404", description = "no such person")})
  public ResponseEntity<StartedChange> terminate(@PathVariable long tekunPersonId,
      @Valid @RequestBody(required = false) TerminationRequest request, Principal principal) {
    within(principal, tekunPersonId);
    return created(changes.proposeTermination(tekunPersonId, request, principal.getName()));
  }

  @PostMapping("/api/tekun/persons/{tekunPersonId}/death")
  @PreAuthorize("@processStarters.allows(authentication, 'tekun-funeral')")
  @Operation(summary = "Record a supported person's death: support ends from the next month, the funeral task opens",
      description = "{\"diedOn\":\"2026-10-30\",\"evidence\":\"死亡医学证明\"}. In one transaction: payroll's exit "
          + "decision (reason DEATH, no 公示, no relapse-risk assessment) stops the TEKUN award from the month after "
          + "today, the person leaves the register, TekunSupportEnded is published, and process tekun-funeral opens "
          + "the township's 丧葬事宜办理 task (《社会救助暂行办法》第十四条第（四）项).",
      responses = {@ApiResponse(responseCode = "201", description = "changeId, lastSupportedMonth, "
          + "funeralProcessInstanceId"),
          @ApiResponse(responseCode = "400", description = "invalid request or support already ended"),
          @ApiResponse(responseCode = "403", description = "role or region"),
          @ApiResponse(responseCode = "404", description = "no such person")})
  public ResponseEntity<DeathRecorded> death(@PathVariable long tekunPersonId,
      @Valid @RequestBody(required = false) DeathReport report, Principal principal) {
    within(principal, tekunPersonId);
    DeathRecorded d = changes.recordDeath(tekunPersonId, report, principal.getName());
    return ResponseEntity.created(URI.create("/api/tekun/changes/" + d.changeId())).body(d);
  }

  @GetMapping("/api/tekun/persons/{tekunPersonId}/changes")
  @PreAuthorize(STAFF)
  @Operation(summary = "The change, termination, age-review and death cases of a person, oldest first",
      responses = {@ApiResponse(responseCode = "200", description = "the cases"),
          @ApiResponse(responseCode = "404", description = "no such person visible to the caller")})
  public List<Change> changesOf(@PathVariable long tekunPersonId, Principal principal) {
    visible(principal, tekunPersonId);
    return changes.changesOf(tekunPersonId);
  }

  @GetMapping("/api/tekun/changes/{changeId}")
  @PreAuthorize(STAFF)
  @Operation(summary = "One case and its written records (公示, decisions, written notices)",
      responses = {@ApiResponse(responseCode = "200", description = "the case file"),
          @ApiResponse(responseCode = "404", description = "no such case visible to the caller")})
  public ChangeFile changeFile(@Parameter(description = "case id") @PathVariable long changeId,
      Principal principal) {
    ChangeFile f = changes.changeFile(changeId);
    visible(principal, f.change().tekunPersonId());
    return f;
  }

  private void within(Principal principal, long tekunPersonId) {
    StaffMember me = me(principal);
    String region = changes.regionOf(tekunPersonId)
        .orElseThrow(() -> new NoSuchElementException("没有找到特困人员记录 " + tekunPersonId));
    if (!staff.worksWithin(me, region, Role::isCaseworking)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + region + "的特困人员");
    }
  }

  private void visible(Principal principal, long tekunPersonId) {
    String region = changes.regionOf(tekunPersonId).orElse(null);
    if (region == null || !staff.worksWithin(me(principal), region, role -> role != Role.ANALYST)) {
      throw new NoSuchElementException("没有找到特困人员记录 " + tekunPersonId);
    }
  }

  private static ResponseEntity<StartedChange> created(StartedChange s) {
    return ResponseEntity.created(URI.create("/api/tekun/changes/" + s.changeId())).body(s);
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }
}
