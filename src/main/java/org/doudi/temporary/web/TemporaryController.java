package org.doudi.temporary.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.doudi.temporary.internal.TemporaryCases;
import org.doudi.temporary.internal.TemporaryCases.EmergencyReport;
import org.doudi.temporary.internal.TemporaryCases.HolidayBatch;
import org.doudi.temporary.internal.TemporaryCases.StartedCase;
import org.doudi.temporary.internal.TemporaryCases.UnfinishedPaperwork;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "临时救助", description = "急难型先行救助, 支出型分次发放, 春节/取暖一次性补助 (docs/temporary.md)")
public class TemporaryController {

  static final String EMERGENCY_EXAMPLE = """
      {"regionCode":"220122100201","reportChannel":"PHONE","recipientName":"王五",
       "recipientIdNumber":"220122198001010018","recipientPhone":"13900000000","hukouPlace":"黑龙江省哈尔滨市",
       "causeKind":"FIRE","cause":"住房失火，衣物被褥全部烧毁","amount":800.00,"exceptional":false}""";

  private final TemporaryCases cases;

  public TemporaryController(TemporaryCases cases) {
    this.cases = cases;
  }

  @PostMapping("/api/temporary/emergencies")
  @PreAuthorize("@processStarters.allows(authentication, 'emergency-assistance')")
  @Operation(summary = "Report an emergency and pay 先行救助 at once from the township reserve fund (急难型)",
      description = "Starts emergency-assistance at the township where the emergency happened (regionCode: a "
          + "township or village code; no 户籍 condition — hukouPlace is recorded only). reportChannel COUNTER | PHONE "
          + "| API (default API; phone reports are entered by the township worker with PHONE). causeKind ACCIDENT | "
          + "ILLNESS | DISASTER | FIRE | OTHER. Up to 1000 yuan the township pays at once (ledger row RESERVE_FUND, "
          + "PAID, key temporary:EMERGENCY:<processInstanceId>:1); above, or 一事一议 (exceptional), the county "
          + "approves first (DMN temporary-approval-authority). easingExpectedOn (optional) is when the case moves to "
          + "补齐手续 if no EmergencyEased arrives before. A 400 starts and stores nothing.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject(EMERGENCY_EXAMPLE))),
      responses = {
          @ApiResponse(responseCode = "201", description = "{\"processInstanceId\":\"…\",\"paymentKey\":\"temporary:EMERGENCY:…:1\"}"),
          @ApiResponse(responseCode = "400", description = "invalid report; violations name the field, in Chinese"),
          @ApiResponse(responseCode = "403", description = "role not allowed or region outside the caller's")})
  public ResponseEntity<StartedCase> report(@Valid @RequestBody(required = false) EmergencyReport report,
      Principal principal) {
    StartedCase c = cases.reportEmergency(report, principal.getName());
    return ResponseEntity.created(URI.create("/api/temporary/emergencies/" + c.processInstanceId())).body(c);
  }

  public record EasedRequest(
      @NotBlank(message = "请填写缓解情况说明（1到1000个字）") @Size(max = 1000, message = "请填写缓解情况说明（1到1000个字）")
      String note) {}

  @PostMapping("/api/temporary/emergencies/{processInstanceId}/eased")
  @PreAuthorize("hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'COUNTY_CASEWORKER', 'ADMIN')")
  @Operation(summary = "The emergency has eased (message EmergencyEased): the case moves on to 补齐手续",
      responses = {@ApiResponse(responseCode = "204", description = "recorded; 补齐手续 task created"),
          @ApiResponse(responseCode = "400", description = "no note"),
          @ApiResponse(responseCode = "404", description = "no running emergency case visible to the caller"),
          @ApiResponse(responseCode = "409", description = "the case is not waiting for the emergency to ease")})
  public ResponseEntity<Void> eased(@Parameter(description = "process instance id") @PathVariable String processInstanceId,
      @Valid @RequestBody(required = false) EasedRequest body, Principal principal) {
    cases.emergencyEased(processInstanceId, body == null ? null : body.note(), principal.getName());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/temporary/paperwork/overdue")
  @PreAuthorize("hasAnyRole('SUPERVISOR', 'AUDITOR', 'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'TOWNSHIP_CASEWORKER', "
      + "'TOWNSHIP_APPROVER', 'ADMIN')")
  @Operation(summary = "Unfinished 补齐手续 of 先行救助 cases in the caller's regions",
      description = "Overdue ones (deadline passed) by default, oldest deadline first; all=true lists every unfinished "
          + "one. Each entry: case, place, recipient, amount paid, when paid/eased, deadline, overdue, reminded, "
          + "escalated. The same deadlines are the due dates of the 补齐手续 tasks in Tasklist and Cockpit.",
      responses = {@ApiResponse(responseCode = "200", description = "list (possibly empty)")})
  public List<UnfinishedPaperwork> overdue(@RequestParam(defaultValue = "false") boolean all, Principal principal) {
    return cases.unfinishedPaperwork(principal.getName(), all);
  }

  public record StopRequest(
      @NotBlank(message = "请填写停止发放的原因（2到1000个字）")
      @Size(min = 2, max = 1000, message = "请填写停止发放的原因（2到1000个字）") String reason) {}

  @PostMapping("/api/temporary/expenditure/{processInstanceId}/stop")
  @PreAuthorize("hasAnyRole('TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', 'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'ADMIN')")
  @Operation(summary = "Stop the remaining instalments of a 支出型 case (circumstances changed)",
      description = "Message ExpenditureStopped: every PLANNED instalment becomes STOPPED with the reason, the case "
          + "ends, no further payment is made. Instalments already paid stay in the ledger.",
      responses = {@ApiResponse(responseCode = "200", description = "{\"stoppedInstalments\":2}"),
          @ApiResponse(responseCode = "400", description = "no reason"),
          @ApiResponse(responseCode = "403", description = "case outside the caller's region"),
          @ApiResponse(responseCode = "404", description = "no running case visible to the caller"),
          @ApiResponse(responseCode = "409", description = "no instalment left to stop")})
  public Map<String, Object> stop(@PathVariable String processInstanceId,
      @Valid @RequestBody(required = false) StopRequest body, Principal principal) {
    int n = cases.stopExpenditure(processInstanceId, body == null ? null : body.reason(), principal.getName());
    return Map.of("processInstanceId", processInstanceId, "stoppedInstalments", n);
  }

  @PostMapping("/api/temporary/holiday-batches")
  @PreAuthorize("@processStarters.allows(authentication, 'holiday-subsidy')")
  @Operation(summary = "Start a Spring Festival or heating one-off subsidy batch for a region",
      description = "scheme FESTIVAL_SUBSIDY | HEATING_SUBSIDY, subsidyYear, regionCode (any level), amount (yuan), "
          + "amountBasis HOUSEHOLD | PERSON. The batch lists every active 低保/特困 recipient of the region, waits for "
          + "confirmation (task 确认发放名单), then creates one APPROVED bank ledger row each with the key "
          + "holiday:<scheme>:<year>:<beneficiaryKey>; recipients who already have it are skipped.",
      responses = {@ApiResponse(responseCode = "201", description = "{\"processInstanceId\":\"…\"}"),
          @ApiResponse(responseCode = "400", description = "invalid batch"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public ResponseEntity<Map<String, String>> holiday(@Valid @RequestBody(required = false) HolidayBatch body,
      Principal principal) {
    String pid = cases.startHolidayBatch(body, principal.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("processInstanceId", pid));
  }
}
