package org.doudi.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.doudi.audit.AuditEntry;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.audit.AuditTrail;
import org.doudi.audit.ChainReport;
import org.doudi.audit.FindingException;
import org.doudi.audit.Findings;
import org.doudi.audit.Findings.Finding;
import org.doudi.audit.Findings.NewDecision;
import org.doudi.audit.Findings.NewFinding;
import org.doudi.audit.Findings.Outcome;
import org.doudi.audit.internal.AuditStore;
import org.doudi.audit.internal.AuditStore.Query;
import org.doudi.audit.internal.AuditStore.Scope;
import org.doudi.audit.internal.IdNumbers;
import org.doudi.audit.internal.Verifier;
import org.doudi.engine.EngineContext;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
@Tag(name = "审计", description = "审计留痕 (audit trail: search, chain verification) and 尽职免责 findings")
public class AuditController {

  /** Oversight roles that read the audit trail; the region of their role bounds what they see. */
  static final Set<Role> READERS = EnumSet.of(Role.AUDITOR, Role.SUPERVISOR);
  static final int MAX_SIZE = 200;

  private final AuditStore store;
  private final AuditTrail trail;
  private final Verifier verifier;
  private final Findings findings;
  private final Staff staff;
  private final Regions regions;

  public AuditController(AuditStore store, AuditTrail trail, Verifier verifier, Findings findings, Staff staff,
      Regions regions) {
    this.store = store;
    this.trail = trail;
    this.verifier = verifier;
    this.findings = findings;
    this.staff = staff;
    this.regions = regions;
  }

  public record EntryPage(long total, int page, int size, List<AuditEntry> entries) {}

  @GetMapping(value = "/api/audit/entries", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('AUDITOR', 'SUPERVISOR', 'ADMIN')")
  @Operation(summary = "Search the audit trail (审计留痕查询)",
      description = "Entries newest first, filtered by case (process instance id or business key), person (ID "
          + "number: the person's own entries and every entry of the cases concerning the person; matched through a "
          + "keyed hash, the number itself is never stored), user, date range (yyyy-MM-dd, China dates, both "
          + "inclusive) and kind. Auditors and supervisors see the entries of their region and below; entries "
          + "without a region (logins, exports, deployments) only at province level; administrators everything. "
          + "The search itself is recorded (kind AUDIT_READ).",
      responses = {@ApiResponse(responseCode = "200", description = "one page of entries"),
          @ApiResponse(responseCode = "400", description = "bad ID number, date, kind or page"),
          @ApiResponse(responseCode = "403", description = "not an auditor, supervisor or administrator")})
  public EntryPage entries(
      @Parameter(description = "process instance id or business key") @RequestParam(required = false) String caseRef,
      @Parameter(description = "18-character resident ID number") @RequestParam(required = false) String idNumber,
      @Parameter(description = "user id of the actor") @RequestParam(required = false) String user,
      @Parameter(description = "first day, yyyy-MM-dd") @RequestParam(required = false) String from,
      @Parameter(description = "last day, yyyy-MM-dd") @RequestParam(required = false) String to,
      @Parameter(description = "entry kind, e.g. TASK, VARIABLE, LOGIN_FAILED") @RequestParam(required = false)
      String kind,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal principal) {
    Scope scope = scope(member(principal));
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw new FindingException(400, "分页参数无效：page ≥ 0，size 在 1 到 " + MAX_SIZE + " 之间");
    }
    String id = blank(idNumber);
    if (id != null && !IdNumbers.valid(id)) {
      throw new FindingException(400, "身份证号码格式或校验位错误");
    }
    Instant f = day(from, "from", 0);
    Instant t = day(to, "to", 1);
    if (f != null && t != null && !f.isBefore(t)) {
      throw new FindingException(400, "起始日期不能晚于结束日期");
    }
    AuditKind k = null;
    if (blank(kind) != null) {
      try {
        k = AuditKind.valueOf(kind.strip());
      } catch (IllegalArgumentException e) {
        throw new FindingException(400, "未知的记录类型 " + kind + "，可选：" + List.of(AuditKind.values()));
      }
    }
    Query q = new Query(blank(caseRef), id, blank(user), f, t, k);
    List<AuditEntry> entries = store.search(q, scope, page, size);
    long total = store.count(q, scope);
    trail.record(AuditRecord.of(AuditKind.AUDIT_READ, "search", "/api/audit/entries").by(principal.getName())
        .change(null, describe(q, page, size) + " → " + entries.size() + "/" + total).person(id));
    return new EntryPage(total, page, size, entries);
  }

  @GetMapping(value = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
  @Operation(summary = "Verify the hash chain of the audit trail (审计链校验)",
      description = "Recomputes every seal and entry hash from the stored rows and lists each mismatch with its seal "
          + "sequence number and entry id: ENTRY_CHANGED, ENTRY_DELETED, SEAL_CHANGED, CHAIN_BROKEN, SEAL_MISSING, "
          + "UNSEALED (an entry left out of the chain). A truncated tail is found by handing back a checkpoint "
          + "(headSeq and headHash of an earlier answer, also written to the log at every sealing run). Province-wide; "
          + "the verification is itself recorded.",
      responses = {@ApiResponse(responseCode = "200", description = "the report; intact=false lists the problems"),
          @ApiResponse(responseCode = "400", description = "bad checkpoint"),
          @ApiResponse(responseCode = "403", description = "not an auditor or administrator")})
  public ChainReport verify(
      @Parameter(description = "checkpoint sequence number") @RequestParam(required = false) Long checkpointSeq,
      @Parameter(description = "checkpoint hash (64 hex)") @RequestParam(required = false) String checkpointHash,
      Principal principal) {
    if (checkpointSeq != null && checkpointSeq < 1 || checkpointHash != null && !checkpointHash.matches("[0-9a-fA-F]{64}")
        || checkpointHash != null && checkpointSeq == null) {
      throw new FindingException(400, "检查点无效：须给出序号（≥1），哈希为64位十六进制");
    }
    ChainReport report = verifier.verify(checkpointSeq, checkpointHash);
    trail.record(AuditRecord.of(AuditKind.AUDIT_READ, "verify", "/api/audit/verify").by(principal.getName())
        .change(null, "intact=" + report.intact() + ", seals=" + report.seals() + ", problems="
            + report.problems().size() + ", head=" + report.headSeq() + ":" + report.headHash()));
    return report;
  }

  public record FindingRequest(
      @NotBlank(message = "须填写案件的流程实例编号") @Size(max = 64, message = "流程实例编号过长") String processInstanceId,
      @NotBlank(message = "须写明错误") @Size(max = 2000, message = "错误说明不超过2000字") String error,
      @NotBlank(message = "须写明原因") @Size(max = 2000, message = "原因说明不超过2000字") String cause,
      @NotNull(message = "须说明是否主观故意或重大过失") Boolean subjective,
      @NotEmpty(message = "须关联至少一条审计记录") @Size(max = 200, message = "关联记录不超过200条")
      List<@NotNull(message = "记录编号不能为空") @Positive(message = "记录编号须为正数") Long> entryIds) {}

  @PostMapping(value = "/api/audit/findings", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('AUDITOR', 'SUPERVISOR', 'ADMIN')")
  @Operation(summary = "Record a finding on a case (尽职免责：问题认定)",
      description = "The error, its cause, whether it was subjective (主观故意/重大过失) and the audit entries of the case "
          + "it rests on (each must exist and belong to the case). Auditors and supervisors within the case's region.",
      responses = {@ApiResponse(responseCode = "201", description = "the finding"),
          @ApiResponse(responseCode = "400", description = "missing fields, unknown entries or entries of another case"),
          @ApiResponse(responseCode = "404", description = "no case visible to the caller")})
  public ResponseEntity<Finding> record(@Valid @RequestBody FindingRequest body, Principal principal) {
    StaffMember me = member(principal);
    String region = findings.regionOfCase(body.processInstanceId())
        .orElseThrow(() -> new FindingException(404, "没有找到案件 " + body.processInstanceId() + " 的审计记录"));
    if (!staff.worksWithin(me, region, READERS::contains)) {
      throw new FindingException(404, "没有找到案件 " + body.processInstanceId() + " 的审计记录");
    }
    Finding f = findings.record(new NewFinding(body.processInstanceId().strip(), body.error().strip(),
        body.cause().strip(), body.subjective(), body.entryIds()), principal.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(f);
  }

  public record DecisionRequest(
      @NotNull(message = "须选择处理决定：EXEMPT（免责）或 ACCOUNTABLE（追责）") Outcome decision,
      @NotNull(message = "须认定是否主观故意或重大过失") Boolean subjective,
      @NotBlank(message = "须写明纠正措施") @Size(max = 2000, message = "纠正措施不超过2000字") String correction,
      @Size(max = 2000, message = "理由不超过2000字") String reason) {}

  @PostMapping(value = "/api/audit/findings/{id}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
  @Operation(summary = "The supervisor's decision on a finding (尽职免责：处理决定)",
      description = "EXEMPT (免责) exactly when the error was not subjective, ACCOUNTABLE (追责) when it was; the "
          + "correction is always recorded. Made once, by a supervisor of the case's region other than the recorder.",
      responses = {@ApiResponse(responseCode = "200", description = "the finding with its decision"),
          @ApiResponse(responseCode = "400", description = "same person as the recorder, decision against the rule"),
          @ApiResponse(responseCode = "404", description = "no such finding visible to the caller"),
          @ApiResponse(responseCode = "409", description = "already decided")})
  public Finding decide(@PathVariable long id, @Valid @RequestBody DecisionRequest body, Principal principal) {
    StaffMember me = member(principal);
    visible(me, id, EnumSet.of(Role.SUPERVISOR));
    return findings.decide(id, new NewDecision(body.decision(), body.subjective(), body.correction().strip(),
        blank(body.reason())), principal.getName());
  }

  @GetMapping(value = "/api/audit/findings/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('AUDITOR', 'SUPERVISOR', 'ADMIN')")
  @Operation(summary = "One finding with its entries and decision",
      responses = {@ApiResponse(responseCode = "200", description = "the finding"),
          @ApiResponse(responseCode = "404", description = "no such finding visible to the caller")})
  public Finding finding(@PathVariable long id, Principal principal) {
    return visible(member(principal), id, READERS);
  }

  @GetMapping(value = "/api/audit/findings", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('AUDITOR', 'SUPERVISOR', 'ADMIN')")
  @Operation(summary = "The latest findings of the caller's region (at most 500)",
      responses = {@ApiResponse(responseCode = "200", description = "findings, newest first")})
  public List<Finding> findings(Principal principal) {
    Scope scope = scope(member(principal));
    return findings.list(scope.all() ? null : scope.regionPrefixes(), 500);
  }

  private Finding visible(StaffMember me, long id, Set<Role> roles) {
    Finding f = findings.find(id).orElseThrow(() -> new FindingException(404, "没有找到认定记录 " + id));
    if (!staff.worksWithin(me, f.regionCode(), roles::contains)) {
      throw new FindingException(404, "没有找到认定记录 " + id);
    }
    return f;
  }

  private StaffMember member(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }

  /** Region-code prefixes of the caller's reading roles; entries without a region for province-level roles. */
  Scope scope(StaffMember member) {
    if (member.administrator()) {
      return new Scope(true, List.of(), true);
    }
    List<String> prefixes = new ArrayList<>();
    boolean province = false;
    for (RoleAssignment a : member.assignments()) {
      if (!READERS.contains(a.role())) {
        continue;
      }
      Region r = regions.find(a.regionCode()).orElse(null);
      if (r == null) {
        continue;
      }
      province |= r.level() == RegionLevel.PROVINCE;
      String p = switch (r.level()) {
        case PROVINCE -> r.code().substring(0, 2);
        case CITY -> r.code().substring(0, 4);
        case COUNTY -> r.code().substring(0, 6);
        default -> r.code();
      };
      if (!prefixes.contains(p)) {
        prefixes.add(p);
      }
    }
    if (prefixes.isEmpty()) {
      throw new AccessDeniedException("当前角色无权查看审计记录");
    }
    return new Scope(false, List.copyOf(prefixes), province);
  }

  private static Instant day(String s, String name, int plusDays) {
    if (blank(s) == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip()).plusDays(plusDays).atStartOfDay(EngineContext.CHINA).toInstant();
    } catch (DateTimeParseException e) {
      throw new FindingException(400, "参数 " + name + " 须为日期 yyyy-MM-dd：" + s);
    }
  }

  private static String describe(Query q, int page, int size) {
    List<String> parts = new ArrayList<>();
    if (q.caseRef() != null) parts.add("caseRef=" + q.caseRef());
    if (q.idNumber() != null) parts.add("idNumber=" + q.idNumber());
    if (q.user() != null) parts.add("user=" + q.user());
    if (q.from() != null) parts.add("from=" + q.from());
    if (q.to() != null) parts.add("to=" + q.to());
    if (q.kind() != null) parts.add("kind=" + q.kind());
    parts.add("page=" + page + ", size=" + size);
    return String.join(", ", parts);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
