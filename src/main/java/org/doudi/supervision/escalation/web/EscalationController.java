package org.doudi.supervision.escalation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.doudi.supervision.escalation.EscalationCategory;
import org.doudi.supervision.escalation.EscalationSettings;
import org.doudi.supervision.escalation.persistence.EscalationRepository;
import org.doudi.supervision.escalation.persistence.EscalationRepository.EscalationRow;
import org.doudi.supervision.escalation.persistence.EscalationRepository.OfficeCount;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "超时督办", description = "Escalation of missed legal limits (督办; docs/escalation.md): one 督办 per missed "
    + "limit for the next level up, the supervisors' instructions, and repeated lateness per office. Staff see the "
    + "offices of their region and below.")
public class EscalationController {

  static final String READERS = "hasAnyRole('TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', 'COUNTY_CASEWORKER', "
      + "'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";
  static final int MAX_PERIOD_DAYS = 366;

  /** A refused parameter: 400 with the Chinese message. */
  static class InvalidParameterException extends RuntimeException {
    final String field;

    InvalidParameterException(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  public record OfficeLateness(String officeCode, String officeName, String officeLevel, long missedLimits,
      long escalationsHandled, long escalationsOpen, int maxWorkingDaysOverdue, boolean repeatedLateness) {}

  public record LatenessReport(LocalDate from, LocalDate to, String region, int repeatedThreshold,
      List<OfficeLateness> offices) {}

  public record EscalationView(long id, String status, String lateProcessInstanceId, String lateProcessKey,
      String lateProcessName, String lateBusinessKey, String lateActivityId, String lateActivityName,
      String deadlineKind, Instant dueAt, String limitRule, int workingDaysOverdue, String holderAssignee,
      List<String> holderGroups, String caseRegionCode, String officeCode, String officeName,
      String supervisingRegionCode, List<String> supervisingGroups, LocalDate escalatedOn, Instant escalatedAt,
      String escalationProcessId, String category, String categoryLabel, String instruction,
      Integer holderWorkingDays, LocalDate holderDueOn, String handledBy, Instant handledAt,
      Instant lateStepDoneAt, boolean lateStepDoneBeforeHandling) {}

  public record EscalationPage(List<EscalationView> items, int page, int size) {}

  private final EscalationRepository records;
  private final EscalationSettings settings;
  private final Staff staff;
  private final Regions regions;

  public EscalationController(EscalationRepository records, EscalationSettings settings, Staff staff,
      Regions regions) {
    this.records = records;
    this.settings = settings;
    this.staff = staff;
    this.regions = regions;
  }

  @GetMapping("/api/supervision/lateness")
  @PreAuthorize(READERS)
  @Operation(summary = "Repeated lateness per office (屡次超时)",
      description = "For each township/county/city office in the region (default: the caller's regions), the legal "
          + "limits it missed that were escalated on a day in [from, to] (Asia/Shanghai), how many of their 督办 are "
          + "handled and open, the worst lateness in working days, and repeatedLateness when the office missed at least "
          + "doudi.supervision.escalation.repeated-threshold limits (default 2). Offices without a miss are not listed.",
      responses = {@ApiResponse(responseCode = "200", description = "the counts, most misses first"),
          @ApiResponse(responseCode = "400", description = "dates missing or not YYYY-MM-DD, from after to, a period "
              + "over 366 days, unknown region"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public LatenessReport lateness(
      @Parameter(description = "first day, YYYY-MM-DD", example = "2026-03-01") @RequestParam String from,
      @Parameter(description = "last day, YYYY-MM-DD", example = "2026-03-31") @RequestParam String to,
      @Parameter(description = "region code (6, 9 or 12 digits) within the caller's") @RequestParam(required = false)
      String region, Principal principal) {
    LocalDate f = date("from", from);
    LocalDate t = date("to", to);
    if (f.isAfter(t)) {
      throw new InvalidParameterException("from", "开始日期" + f + "晚于结束日期" + t);
    }
    if (ChronoUnit.DAYS.between(f, t) >= MAX_PERIOD_DAYS) {
      throw new InvalidParameterException("to", "统计期间最长" + MAX_PERIOD_DAYS + "天");
    }
    List<String> scope = scope(principal, region);
    List<OfficeLateness> offices = new ArrayList<>();
    for (OfficeCount c : records.officeCounts(scope, f, t)) {
      offices.add(new OfficeLateness(c.officeCode(), regions.fullName(c.officeCode()), c.officeLevel(), c.missed(),
          c.handled(), c.open(), c.maxWorkingDaysOverdue(), c.missed() >= settings.repeatedThreshold()));
    }
    return new LatenessReport(f, t, region == null ? null : region.strip(), settings.repeatedThreshold(), offices);
  }

  @GetMapping("/api/supervision/escalations")
  @PreAuthorize(READERS)
  @Operation(summary = "督办 records with the supervisors' instructions (paged, newest first)",
      description = "Escalations of offices in the caller's regions, optionally of one case (the late process "
          + "instance, or the 督办 process instance itself) and/or with one status (OPEN: waiting for the supervisor, "
          + "HANDLED: instruction recorded).",
      responses = {@ApiResponse(responseCode = "200", description = "one page"),
          @ApiResponse(responseCode = "400", description = "unknown status, bad process instance id or paging")})
  public EscalationPage escalations(
      @Parameter(description = "late case or 督办 process instance id") @RequestParam(required = false)
      String processInstanceId,
      @Parameter(description = "OPEN or HANDLED") @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String size,
      Principal principal) {
    int p = integer("page", page, 0, 100_000);
    int s = integer("size", size, 1, 500);
    String pid = processInstanceId == null || processInstanceId.isBlank() ? null : processInstanceId.strip();
    if (pid != null && (pid.length() > 64 || !pid.matches("[0-9A-Za-z-]+"))) {
      throw new InvalidParameterException("processInstanceId", "流程实例编号“" + pid + "”无效");
    }
    String st = status == null || status.isBlank() ? null : status.strip();
    if (st != null && !List.of("OPEN", "HANDLED").contains(st)) {
      throw new InvalidParameterException("status", "状态应为 OPEN 或 HANDLED，收到“" + st + "”");
    }
    List<EscalationView> items = records.list(scope(principal, null), pid, st, p, s).stream().map(this::view)
        .toList();
    return new EscalationPage(items, p, s);
  }

  /** Office code prefixes the caller may read, narrowed to {@code region} when given; empty list: everywhere. */
  List<String> scope(Principal principal, String region) {
    StaffMember me = staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
    Region asked = null;
    if (region != null && !region.isBlank()) {
      String code = region.strip();
      if (!code.matches("\\d{6}|\\d{9}|\\d{12}") || regions.find(code).isEmpty()) {
        throw new InvalidParameterException("region", "行政区划代码“" + code + "”不存在");
      }
      asked = regions.get(code);
      if (!me.administrator() && me.assignments().stream().filter(a -> a.role() != Role.ANALYST)
          .noneMatch(a -> regions.isWithin(code, a.regionCode()))) {
        throw new AccessDeniedException("用户" + me.userId() + "无权查看行政区划" + code + "的督办情况");
      }
    }
    if (asked != null) {
      return List.of(prefix(asked));
    }
    if (me.administrator()) {
      return List.of();
    }
    List<String> prefixes = new ArrayList<>();
    for (RoleAssignment a : me.assignments()) {
      if (a.role() != Role.ANALYST) {
        regions.find(a.regionCode()).map(EscalationController::prefix).filter(x -> !prefixes.contains(x))
            .ifPresent(prefixes::add);
      }
    }
    if (prefixes.isEmpty()) {
      throw new AccessDeniedException("当前角色无权查看督办情况");
    }
    return prefixes;
  }

  /** Office codes under a region: 22 吉林省, 2201 长春市, the code itself below (offices are township and up). */
  static String prefix(Region r) {
    return switch (r.level()) {
      case PROVINCE -> r.code().substring(0, 2);
      case CITY -> r.code().substring(0, 4);
      default -> r.code();
    };
  }

  private EscalationView view(EscalationRow r) {
    String label = r.category() == null ? null : EscalationCategory.valueOf(r.category()).label();
    boolean doneBefore = r.lateStepDoneAt() != null && (r.handledAt() == null
        || !r.lateStepDoneAt().isAfter(r.handledAt()));
    return new EscalationView(r.id(), r.status(), r.lateProcessInstanceId(), r.lateProcessKey(), r.lateProcessName(),
        r.lateBusinessKey(), r.lateActivityId(), r.lateActivityName(), r.deadlineKind(), r.dueAt(), r.limitRule(),
        r.workingDaysOverdue(), r.holderAssignee(), split(r.holderGroups()), r.caseRegionCode(), r.officeCode(),
        regions.fullName(r.officeCode()), r.supervisingRegionCode(), split(r.supervisingGroups()), r.escalatedOn(),
        r.escalatedAt(), r.escalationProcessId(), r.category(), label, r.instruction(), r.holderWorkingDays(),
        r.holderDueOn(), r.handledBy(), r.handledAt(), r.lateStepDoneAt(), doneBefore);
  }

  private static List<String> split(String csv) {
    return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name, "参数" + name + "应为 YYYY-MM-DD 格式的日期，收到“" + value + "”");
    }
  }

  private static int integer(String name, String value, int min, int max) {
    try {
      int v = Integer.parseInt(value.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidParameterException(name, "参数" + name + "应为" + min + "到" + max + "之间的整数，收到“" + value + "”");
  }
}
