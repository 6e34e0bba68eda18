package org.doudi.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.payment.Scheme;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.doudi.payroll.AwardChange;
import org.doudi.payroll.AwardChangeRequest;
import org.doudi.payroll.AwardChanges;
import org.doudi.payroll.AwardRow;
import org.doudi.operations.Masking;
import org.doudi.payroll.Awards;
import org.doudi.payroll.BankFile;
import org.doudi.payroll.BankFiles;
import org.doudi.payroll.InvalidAwardException;
import org.doudi.payroll.Payroll;
import org.doudi.payroll.PayrollRun;
import org.doudi.payroll.ResultImport;
import org.doudi.payroll.RosterAnomalies;
import org.doudi.payroll.RosterDifferences;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payroll runs, bank files and award changes for county staff. Everyone sees only the counties within the regions
 * where they hold a role; changes need a county role (or administrator). Details: docs/payroll.md.
 */
@RestController
@Tag(name = "月度发放", description = "Monthly payroll runs, bank disbursement files, bank result import, award changes")
public class PayrollController {

  private final Payroll payroll;
  private final BankFiles bankFiles;
  private final Awards awards;
  private final AwardChanges awardChanges;
  private final Staff staff;

  public PayrollController(Payroll payroll, BankFiles bankFiles, Awards awards, AwardChanges awardChanges,
      Staff staff) {
    this.payroll = payroll;
    this.bankFiles = bankFiles;
    this.awards = awards;
    this.awardChanges = awardChanges;
    this.staff = staff;
  }

  @GetMapping("/api/payroll/runs")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Payroll runs of the counties within the caller's regions",
      description = "Optional filters: countyCode (must lie within the caller's regions), month (yyyy-MM).",
      responses = {@ApiResponse(responseCode = "200", description = "list of runs"),
          @ApiResponse(responseCode = "403", description = "county outside the caller's regions")})
  public List<PayrollRun> runs(@RequestParam(required = false) String countyCode,
      @RequestParam(required = false) String month, Principal principal) {
    YearMonth m = month == null ? null : month(month);
    if (countyCode != null) {
      requireSees(principal.getName(), countyCode);
      return payroll.runs(countyCode, m);
    }
    StaffMember me = member(principal.getName());
    if (me.administrator()) {
      return payroll.runs(null, m);
    }
    return me.assignments().stream().map(StaffMember.RoleAssignment::regionCode).distinct()
        .flatMap(r -> payroll.runs(r, m).stream()).filter(run -> sees(me, run.countyCode())).toList();
  }

  public record StartRequest(
      @NotBlank(message = "请提供县（市、区）代码 countyCode 和月份 month（yyyy-MM）")
      String countyCode,
      @Pattern(regexp = "\\d{4}-\\d{2}", message = "月份应为 yyyy-MM，例如 2026-03") String month) {}

  @PostMapping("/api/payroll/runs")
  @PreAuthorize("@processStarters.allows(authentication, 'monthly-payroll')")
  @Operation(summary = "Start the month's payroll of a county now (the timer does it on the run day)",
      description = "One run per county and month: asking again returns the existing run (200) and starts nothing.",
      responses = {@ApiResponse(responseCode = "200", description = "the run"),
          @ApiResponse(responseCode = "400", description = "bad county or month"),
          @ApiResponse(responseCode = "403", description = "not the caller's county")})
  public PayrollRun start(@Valid @RequestBody(required = false) StartRequest body, Principal principal) {
    if (body == null || body.countyCode() == null) {
      throw new IllegalArgumentException("请提供县（市、区）代码 countyCode 和月份 month（yyyy-MM）");
    }
    requireCountyRole(principal.getName(), body.countyCode());
    return payroll.start(body.countyCode(), month(body.month()), principal.getName());
  }

  @GetMapping("/api/payroll/runs/{runId}")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "A run with its differences to last month (new, stopped, changed amounts) and its anomalies",
      description = "anomalies: every kind counted (total, counts), the first " + RUN_ANOMALIES + " listed; all of "
          + "them page by page at GET /api/payroll/runs/{runId}/anomalies.")
  public Map<String, Object> run(@PathVariable long runId, Principal principal) {
    PayrollRun run = visibleRun(runId, principal);
    RosterDifferences d = payroll.differences(runId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run);
    out.put("differences", d);
    out.put("anomalies", payroll.anomalies(runId, 0, RUN_ANOMALIES));
    out.put("bankFile", bankFiles.ofRun(runId).orElse(null));
    return out;
  }

  static final int RUN_ANOMALIES = 100;

  @GetMapping("/api/payroll/runs/{runId}/anomalies")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The anomalies of a run's roster, page by page (same ID number in two active awards, one bank "
      + "account for different households, amount changed by more than doudi.payroll.anomaly-change-share)",
      description = "offset (default 0) and limit (1..1000, default 200) over all anomalies ordered by kind; total and "
          + "counts per kind always cover all of them.",
      responses = {@ApiResponse(responseCode = "200", description = "counts and one page"),
          @ApiResponse(responseCode = "400", description = "bad offset or limit"),
          @ApiResponse(responseCode = "403", description = "county outside the caller's regions"),
          @ApiResponse(responseCode = "404", description = "no such run")})
  public RosterAnomalies anomalies(@PathVariable long runId, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "200") int limit, Principal principal) {
    visibleRun(runId, principal);
    return payroll.anomalies(runId, offset, limit);
  }

  /** The run, if the caller sees its county (403 otherwise, 404 when there is none). */
  private PayrollRun visibleRun(long runId, Principal principal) {
    PayrollRun run = payroll.run(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    requireSees(principal.getName(), run.countyCode());
    return run;
  }

  public record ExclusionRequest(
      @NotNull(message = "请提供付款编号 paymentId 和剔除原因 reason") @Positive(message = "付款编号 paymentId 无效")
      Long paymentId,
      @Size(max = 500, message = "剔除原因 reason 最多500个字") String reason) {}

  @PostMapping("/api/payroll/runs/{runId}/exclusions")
  @PreAuthorize("hasAnyRole('COUNTY_APPROVER', 'ADMIN')")
  @Operation(summary = "剔除: take one payment out of the roster under review, with a reason",
      description = "The payment is cancelled, the run's totals and the review task's figures are recomputed (the "
          + "reviewer then confirms the new total). Repeating it changes nothing.",
      responses = {@ApiResponse(responseCode = "200", description = "the run and its differences"),
          @ApiResponse(responseCode = "400", description = "no reason, or the payment is not in this run"),
          @ApiResponse(responseCode = "403", description = "not a county approver of the run's county"),
          @ApiResponse(responseCode = "409", description = "the roster is not under review (not made, or approved)")})
  public Map<String, Object> exclude(@PathVariable long runId,
      @Valid @RequestBody(required = false) ExclusionRequest body, Principal principal) {
    if (body == null || body.paymentId() == null) {
      throw new IllegalArgumentException("请提供付款编号 paymentId 和剔除原因 reason");
    }
    PayrollRun run = payroll.run(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    if (!staff.worksWithin(member(principal.getName()), run.countyCode(), r -> r == Role.COUNTY_APPROVER)) {
      throw new AccessDeniedException("用户" + principal.getName() + "不是" + run.countyCode() + "的县级审批人员");
    }
    payroll.exclude(runId, body.paymentId(), body.reason(), principal.getName());
    return run(runId, principal);
  }

  @GetMapping("/api/payroll/bank-files")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Bank files (payroll and one-off) of a county within the caller's regions")
  public List<BankFile> files(@RequestParam String countyCode, Principal principal) {
    requireSees(principal.getName(), countyCode);
    return bankFiles.list(countyCode);
  }

  @GetMapping(value = "/api/payroll/bank-files/{fileId}/content", produces = {"text/csv", "text/plain"})
  @PreAuthorize("hasAnyRole('COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'ADMIN')")
  @Operation(summary = "Download a bank disbursement file (the stored bytes; header X-Checksum-SHA256)",
      responses = {@ApiResponse(responseCode = "200", description = "the file in its layout: DOUDI-CSV-1 as text/csv, "
          + "BANK-TXT-1 as text/plain (docs/payroll.md)"),
          @ApiResponse(responseCode = "403", description = "not the caller's county"),
          @ApiResponse(responseCode = "404", description = "no such file")})
  public ResponseEntity<byte[]> download(@PathVariable long fileId, Principal principal) {
    BankFile f = bankFiles.find(fileId).orElseThrow(() -> new NoSuchElementException("银行文件" + fileId + "不存在"));
    requireCountyRole(principal.getName(), f.countyCode());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bankFiles.write(fileId, out);
    boolean csv = !"BANK-TXT-1".equals(f.format());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.batchNo() + (csv ? ".csv\"" : ".txt\""))
        .header("X-Checksum-SHA256", f.sha256())
        .contentType(new MediaType("text", csv ? "csv" : "plain", java.nio.charset.Charset.forName(f.charset())))
        .body(out.toByteArray());
  }

  @PostMapping(value = "/api/payroll/bank-files/{fileId}/result", consumes = {"text/csv", "text/plain",
      "application/octet-stream"})
  @PreAuthorize("@processStarters.allows(authentication, 'payment-return')")
  @Operation(summary = "Upload the bank's result file for a disbursement file",
      description = "Layout in docs/payroll.md (H,batch then D,ledgerId,account,amount,PAID|RETURNED,reason). Any bad "
          + "line refuses the whole file (422, every error with its line number) and nothing changes. Returned "
          + "payments start a payment-return case each; repeating a file changes nothing.",
      responses = {@ApiResponse(responseCode = "200", description = "counts"),
          @ApiResponse(responseCode = "422", description = "refused, with line numbers")})
  public ResultImport upload(@PathVariable long fileId, @Valid @RequestBody(required = false) byte[] body,
      Principal principal) {
    BankFile f = bankFiles.find(fileId).orElseThrow(() -> new NoSuchElementException("银行文件" + fileId + "不存在"));
    requireCountyRole(principal.getName(), f.countyCode());
    return bankFiles.importResult(fileId, new ByteArrayInputStream(body == null ? new byte[0] : body),
        principal.getName());
  }

  @PostMapping("/api/payroll/bank-files/one-off")
  @PreAuthorize("hasAnyRole('COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'ADMIN')")
  @Operation(summary = "Put the county's pending one-off payments (temporary assistance, re-issues) into a bank file",
      responses = {@ApiResponse(responseCode = "201", description = "the new file"),
          @ApiResponse(responseCode = "204", description = "nothing pending")})
  public ResponseEntity<BankFile> oneOff(@RequestParam String countyCode, Principal principal) {
    requireCountyRole(principal.getName(), countyCode);
    return bankFiles.exportPending(countyCode, principal.getName())
        .map(f -> ResponseEntity.status(HttpStatus.CREATED).body(f))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  /** What a county asks to change; checked here for its shape, by {@link AwardChanges} against the award. */
  public record ChangeRequestBody(
      @NotBlank(message = "请提供变更类型 kind：ADJUST、STOP、ACCOUNT 或 TRANSFER")
      @Pattern(regexp = "ADJUST|STOP|ACCOUNT|TRANSFER", message = "变更类型应为 ADJUST、STOP、ACCOUNT 或 TRANSFER")
      String kind,
      @Pattern(regexp = "[A-Z_]{1,30}", message = "救助项目代码无效") String scheme,
      @Positive(message = "月补助金额必须大于0") @Digits(integer = 10, fraction = 2, message = "月补助金额最多两位小数")
      BigDecimal monthlyAmount,
      @Min(value = 1, message = "家庭人数至少为1") @Max(value = 99, message = "家庭人数不能超过99") Integer memberCount,
      @Size(max = 100, message = "开户银行不能超过100个字") String bankName,
      @Pattern(regexp = "\\s*\\d{8,30}\\s*", message = "银行账号应为8至30位数字") String accountNumber,
      @Pattern(regexp = "\\s*\\d{6}\\s*", message = "迁入县（市、区）代码 countyCode 应为6位数字") String countyCode,
      @Pattern(regexp = "\\s*(\\d{9}|\\d{12})\\s*",
          message = "迁入地代码 regionCode 应为乡镇（街道）9位或村（社区）12位数字") String regionCode,
      @Size(max = 64, message = "案件编号不能超过64个字") String caseRef,
      @NotBlank(message = "请填写变更原因 reason") @Size(max = 500, message = "变更原因不能超过500个字") String reason,
      // STOP only: the exit reason and the relapse-risk assessment (docs/payroll.md "退出与渐退"), checked by Exits
      @Pattern(regexp = "[A-Z_]{1,40}", message = "退出原因 exitReasonCode 无效") String exitReasonCode,
      @Pattern(regexp = "STABLE|UNSTABLE|NONE", message = "收入来源稳定性 riskIncomeStability 应为 STABLE、UNSTABLE 或 NONE")
      String riskIncomeStability,
      @Pattern(regexp = "GOOD|CHRONIC|SERIOUS", message = "健康状况 riskHealth 应为 GOOD、CHRONIC 或 SERIOUS")
      String riskHealth,
      @Pattern(regexp = "NONE|MODERATE|HEAVY", message = "债务负担 riskDebts 应为 NONE、MODERATE 或 HEAVY") String riskDebts,
      @Min(value = 0, message = "需赡养人数 riskDependants 不能为负数") @Max(value = 99, message = "需赡养人数 riskDependants 不能超过99")
      Integer riskDependants,
      @Size(max = 1000, message = "评估说明 riskNote 不能超过1000个字") String riskNote) {

    /** The exit assessment of a STOP (null when no exit reason is given: then a STOP is refused). */
    org.doudi.payroll.ExitAssessment exit() {
      return exitReasonCode == null ? null : new org.doudi.payroll.ExitAssessment(exitReasonCode,
          riskIncomeStability, riskHealth, riskDebts, riskDependants, riskNote);
    }
  }

  public record ChangeRequested(long requestId, String processInstanceId, String status) {}

  @GetMapping("/api/awards/{beneficiaryKey}")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The award history of a beneficiary (every change, oldest first); scheme defaults to DIBAO")
  public List<AwardRow> awardHistory(@PathVariable String beneficiaryKey,
      @RequestParam(required = false, defaultValue = "DIBAO") String scheme, Principal principal) {
    List<AwardRow> h = awards.history(beneficiaryKey, scheme(scheme));
    requireSeesAward(principal.getName(), h);
    return h.stream().map(PayrollController::masked).toList();
  }

  /** The same masking as /api/payments: ID number, account and the ID number inside keys. */
  static AwardRow masked(AwardRow r) {
    return new AwardRow(r.id(), Masking.key(r.beneficiaryKey()), r.scheme(), r.seq(), r.changeKind(),
        Masking.key(r.caseRef()), r.countyCode(), r.regionCode(), r.urbanRural(), r.memberCount(), r.payeeName(),
        Masking.idNumber(r.payeeIdNumber()), r.bankName(), Masking.account(r.accountNumber()), r.monthlyAmount(),
        r.effectiveFrom(), r.reason(), r.decidedBy(), r.createdAt());
  }

  static AwardChangeRequest masked(AwardChangeRequest r) {
    AwardChange c = r.change();
    AwardChange change = c == null ? null : new AwardChange(c.kind(), c.monthlyAmount(), c.memberCount(),
        c.bankName(), Masking.account(c.accountNumber()), c.countyCode(), c.regionCode());
    return new AwardChangeRequest(r.id(), Masking.key(r.beneficiaryKey()), r.scheme(), change, r.countyCode(),
        r.basedOnAwardId(), Masking.key(r.caseRef()), r.reason(), r.requestedBy(), r.requestedAt(), r.status(),
        r.decision(), r.decidedBy(), r.decidedAt(), r.decisionNote(), r.appliedAwardId(), r.processInstanceId());
  }

  @PostMapping("/api/awards/{beneficiaryKey}/changes")
  @PreAuthorize("@processStarters.allows(authentication, 'award-change-approval')")
  @Operation(summary = "Ask for 增发/减发 (kind ADJUST), 停发 (STOP), a new account (ACCOUNT) or 迁移 to another "
      + "county or township (TRANSFER: countyCode and regionCode); applied once approved",
      description = "Four eyes: the change is stored as a request and process award-change-approval starts; a county "
          + "approver of the award's county (or an administrator) other than the requester approves it in Tasklist "
          + "(审批待遇变更), and it takes effect from the month after the approval. One open request per beneficiary "
          + "and scheme. A transfer keeps the amount; above the receiving county's ceiling it is refused (ADJUST "
          + "first). From the transfer on, the receiving county's staff see the award and ask for its changes. A STOP "
          + "is an exit (退出): it must carry exitReasonCode (INCOME_ABOVE_STANDARD_EMPLOYMENT, "
          + "INCOME_ABOVE_STANDARD_OTHER, ASSETS_ABOVE_LIMIT, DEATH, FRAUD, MOVED_AWAY, REFUSED_COOPERATION, OTHER) "
          + "and, except for DEATH, FRAUD and MOVED_AWAY, the relapse-risk assessment riskIncomeStability "
          + "(STABLE|UNSTABLE|NONE), riskHealth (GOOD|CHRONIC|SERIOUS), riskDebts (NONE|MODERATE|HEAVY), "
          + "riskDependants (≥ 0) and optionally riskNote; without it 400. Approved, it is decided through Exits: "
          + "notice, risk level, and for INCOME_ABOVE_STANDARD_EMPLOYMENT a 渐退期 (GET /api/awards/{key}/exits).",
      responses = {@ApiResponse(responseCode = "202", description = "the request id and its process instance"),
          @ApiResponse(responseCode = "400", description = "refused, Chinese message; nothing stored"),
          @ApiResponse(responseCode = "403", description = "not a county role at the award's county"),
          @ApiResponse(responseCode = "409", description = "an open request exists")})
  public ResponseEntity<ChangeRequested> change(@PathVariable String beneficiaryKey,
      @Valid @RequestBody ChangeRequestBody c, Principal principal) {
    Scheme scheme = scheme(c.scheme() == null ? "DIBAO" : c.scheme());
    AwardRow current = awards.history(beneficiaryKey, scheme).stream().reduce((a, b) -> b)
        .orElseThrow(() -> new InvalidAwardException(beneficiaryKey + "没有待遇记录"));
    requireCountyRole(principal.getName(), current.countyCode());
    AwardChange change = new AwardChange(AwardChange.Kind.valueOf(c.kind()), c.monthlyAmount(), c.memberCount(),
        c.bankName(), c.accountNumber(), c.countyCode(), c.regionCode());
    AwardChangeRequest r = awardChanges.request(beneficiaryKey, scheme, change, c.exit(), c.caseRef(), c.reason(),
        principal.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new ChangeRequested(r.id(), r.processInstanceId(), r.status().name()));
  }

  @GetMapping("/api/awards/{beneficiaryKey}/change-requests")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The change requests of a beneficiary (oldest first) with their status and decision",
      responses = {@ApiResponse(responseCode = "200", description = "list of requests"),
          @ApiResponse(responseCode = "403", description = "no county the award has been paid in lies within the "
              + "caller's regions")})
  public List<AwardChangeRequest> changeRequests(@PathVariable String beneficiaryKey,
      @RequestParam(required = false, defaultValue = "DIBAO") String scheme, Principal principal) {
    Scheme s = scheme(scheme);
    requireSeesAward(principal.getName(), awards.history(beneficiaryKey, s));
    return awardChanges.list(beneficiaryKey, s).stream().map(PayrollController::masked).toList();
  }

  private StaffMember member(String userId) {
    return staff.find(userId).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }

  /** Analysts see models, not people: no role of theirs opens a county's payroll or awards. */
  private boolean sees(StaffMember me, String countyCode) {
    return staff.worksWithin(me, countyCode, role -> role != Role.ANALYST);
  }

  private void requireSees(String userId, String countyCode) {
    if (!sees(member(userId), countyCode)) {
      throw new AccessDeniedException("用户" + userId + "无权查看" + countyCode + "的发放");
    }
  }

  /**
   * An award is seen by the staff of every county it has been paid in: after a transfer the old county keeps its
   * record of what it paid and of the requests it made, and the new county sees the award from the transfer on.
   */
  private void requireSeesAward(String userId, List<AwardRow> history) {
    if (history.isEmpty()) {
      return;
    }
    StaffMember me = member(userId);
    if (history.stream().map(AwardRow::countyCode).distinct().noneMatch(county -> sees(me, county))) {
      throw new AccessDeniedException("用户" + userId + "无权查看" + history.get(history.size() - 1).countyCode()
          + "的发放");
    }
  }

  private void requireCountyRole(String userId, String countyCode) {
    StaffMember me = member(userId);
    boolean ok = me.administrator() || me.assignments().stream().anyMatch(a -> a.regionCode().equals(countyCode)
        && (a.role() == Role.COUNTY_CASEWORKER || a.role() == Role.COUNTY_APPROVER));
    if (!ok) {
      throw new AccessDeniedException("用户" + userId + "不负责" + countyCode + "的发放");
    }
  }

  private static YearMonth month(String s) {
    try {
      return YearMonth.parse(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("月份应为 yyyy-MM，例如 2026-03");
    }
  }

  private static Scheme scheme(String s) {
    try {
      return Scheme.valueOf(s);
    } catch (RuntimeException e) {
      throw new InvalidAwardException("未知的救助项目：" + s);
    }
  }
}
