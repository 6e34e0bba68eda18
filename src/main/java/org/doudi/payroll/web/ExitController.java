package org.doudi.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.doudi.engine.EngineContext;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.operations.Masking;
import org.doudi.payment.Scheme;
import org.doudi.payroll.ExitDecision;
import org.doudi.payroll.ExitObjection;
import org.doudi.payroll.Exits;
import org.doudi.payroll.InvalidAwardException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 退出与渐退: exit decisions, their notices and phase-outs, and objections (docs/payroll.md "退出与渐退"). */
@RestController
@Tag(name = "退出与渐退", description = "Exit decisions of awards: relapse-risk assessment, written notice, 渐退 "
    + "phase-out, objections")
public class ExitController {

  private final Exits exits;
  private final Staff staff;
  private final org.doudi.payroll.Awards awards;

  public ExitController(Exits exits, Staff staff, org.doudi.payroll.Awards awards) {
    this.exits = exits;
    this.staff = staff;
    this.awards = awards;
  }

  /** An exit as staff see it: the decision (keys masked), the phase-out's state this month, the notice. */
  public record ExitView(long id, String beneficiaryKey, Scheme scheme, String countyCode, String regionCode,
      String exitReasonCode, String exitReason, String riskIncomeStability, String riskHealth, String riskDebts,
      Integer riskDependants, String riskNote, String riskLevel, String riskBasis, String reason, LocalDate decidedOn,
      String decidedBy, int phaseOutMonths, YearMonth lastPaidMonth, LocalDate stopEffectiveFrom,
      int phaseOutMonthsLeft, String status, String notice, LocalDate objectionDeadline, ExitObjection objection) {}

  ExitView view(ExitDecision d) {
    var a = d.assessment();
    return new ExitView(d.id(), Masking.key(d.beneficiaryKey()), d.scheme(), d.countyCode(), d.regionCode(),
        a.exitReasonCode(), a.reasonLabel(), a.riskIncomeStability(), a.riskHealth(), a.riskDebts(),
        a.riskDependants(), a.riskNote(), d.riskLevel(), d.riskBasis(), d.reason(), d.decidedOn(), d.decidedBy(),
        d.phaseOutMonths(), d.lastPaidMonth(), d.stopEffectiveFrom(),
        d.monthsLeftAfter(YearMonth.from(EngineContext.today())), d.status().name(), d.notice(),
        d.objectionDeadline(), exits.objectionOf(d.id()).orElse(null));
  }

  @GetMapping("/api/awards/{beneficiaryKey}/exits")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The exit decisions of a beneficiary (oldest first): assessment, risk level, notice, 渐退 state",
      description = "phaseOutMonthsLeft: months still paid after the current month (0 when no phase-out runs); "
          + "status STOPPED, PHASING_OUT, ENDED or REINSTATED.",
      responses = {@ApiResponse(responseCode = "200", description = "list"),
          @ApiResponse(responseCode = "403", description = "the award's county is outside the caller's regions")})
  public List<ExitView> list(@PathVariable String beneficiaryKey,
      @RequestParam(required = false, defaultValue = "DIBAO") String scheme, Principal principal) {
    Scheme s = scheme(scheme);
    // as the award's history and change requests: staff of a county the award has been paid in
    List<String> counties = awards.history(beneficiaryKey, s).stream().map(org.doudi.payroll.AwardRow::countyCode)
        .distinct().toList();
    StaffMember me = member(principal.getName());
    if (!counties.isEmpty() && counties.stream().noneMatch(c -> staff.worksWithin(me, c, r -> r != Role.ANALYST))) {
      throw new AccessDeniedException("用户" + principal.getName() + "无权查看" + counties.get(counties.size() - 1)
          + "的退出决定");
    }
    return exits.list(beneficiaryKey, s).stream().map(this::view).toList();
  }

  @GetMapping("/api/exits/{exitId}")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "One exit decision with its notice (停发/渐退告知书) and objection",
      responses = {@ApiResponse(responseCode = "200", description = "the exit"),
          @ApiResponse(responseCode = "403", description = "county outside the caller's regions"),
          @ApiResponse(responseCode = "404", description = "no such exit")})
  public ExitView one(@PathVariable long exitId, Principal principal) {
    ExitDecision d = exits.find(exitId).orElseThrow(() -> new NoSuchElementException("退出决定" + exitId + "不存在"));
    requireSees(principal.getName(), d.countyCode());
    return view(d);
  }

  public record ObjectionBody(LocalDate receivedOn,
      @NotBlank(message = "请填写异议内容 statement") @Size(max = 2000, message = "异议内容不能超过2000个字")
      String statement) {}

  @PostMapping("/api/exits/{exitId}/objection")
  @PreAuthorize("@processStarters.allows(authentication, 'exit-objection')")
  @Operation(summary = "Record the household's objection (异议) to an exit; a county approver decides it",
      description = "receivedOn (default today) must lie within the notice's period (objectionDeadline). Starts "
          + "process exit-objection: 处理退出异议 (county approver of the award's county other than the recorder, due "
          + "within 15 working days). Upheld: the award is paid again from the month it was stopped, missed months "
          + "caught up. One objection per exit.",
      responses = {@ApiResponse(responseCode = "202", description = "the objection and its process"),
          @ApiResponse(responseCode = "400", description = "refused (late, no statement); nothing stored"),
          @ApiResponse(responseCode = "403", description = "not a county role at the award's county"),
          @ApiResponse(responseCode = "404", description = "no such exit"),
          @ApiResponse(responseCode = "409", description = "an objection exists")})
  public ResponseEntity<ExitObjection> object(@PathVariable long exitId, @Valid @RequestBody ObjectionBody body,
      Principal principal) {
    ExitDecision d = exits.find(exitId).orElseThrow(() -> new NoSuchElementException("退出决定" + exitId + "不存在"));
    requireCountyRole(principal.getName(), d.countyCode());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(exits.object(exitId, body.receivedOn(), body.statement(), principal.getName()));
  }

  private StaffMember member(String userId) {
    return staff.find(userId).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }

  private void requireSees(String userId, String countyCode) {
    if (!staff.worksWithin(member(userId), countyCode, role -> role != Role.ANALYST)) {
      throw new AccessDeniedException("用户" + userId + "无权查看" + countyCode + "的退出决定");
    }
  }

  private void requireCountyRole(String userId, String countyCode) {
    StaffMember me = member(userId);
    boolean ok = me.administrator() || me.assignments().stream().anyMatch(a -> a.regionCode().equals(countyCode)
        && (a.role() == Role.COUNTY_CASEWORKER || a.role() == Role.COUNTY_APPROVER));
    if (!ok) {
      throw new AccessDeniedException("用户" + userId + "不负责" + countyCode + "的救助对象");
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
