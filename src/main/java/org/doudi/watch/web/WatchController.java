package org.doudi.watch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.operations.Masking;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.doudi.watch.AlertRule;
import org.doudi.watch.CloseReason;
import org.doudi.watch.WatchCategory;
import org.doudi.watch.WatchList.InvalidWatchInputException;
import org.doudi.watch.WatchList.Raised;
import org.doudi.watch.WatchList.Subject;
import org.doudi.watch.WatchSignals;
import org.doudi.watch.persistence.WatchRepository;
import org.doudi.watch.persistence.WatchRepository.AlertRow;
import org.doudi.watch.persistence.WatchRepository.EntryRow;
import org.doudi.watch.persistence.WatchRepository.Page;
import org.doudi.watch.persistence.WatchRepository.RuleCount;
import org.doudi.watch.persistence.WatchRepository.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "低收入人口监测预警", description = "The watch list (吉民发〔2020〕40号 一（二）; docs/watch.md): the register of the "
    + "low-income population, its alerts (township tasks closed only with a reason code), per-rule monthly counts, and "
    + "signals reported from outside (large medical spending, deaths). Staff see their region and the regions below; "
    + "ID numbers are masked.")
public class WatchController {

  static final String READERS = "hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', "
      + "'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";
  static final String REPORTERS = "hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', "
      + "'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'ADMIN')";

  private final WatchRepository records;
  private final WatchSignals signals;
  private final Staff staff;
  private final Regions regions;

  public WatchController(WatchRepository records, WatchSignals signals, Staff staff, Regions regions) {
    this.records = records;
    this.signals = signals;
    this.staff = staff;
    this.regions = regions;
  }

  public record EntryView(long id, String subjectIdNumber, String subjectName, String householdKey, String countyCode,
      String regionCode, String regionName, String category, String categoryLabel, String sourceRef, String detail,
      LocalDate enteredOn, LocalDate watchUntil, LocalDate recheckDue, String status) {}

  public record AlertView(long id, String ruleCode, String ruleLabel, String subjectIdNumber, String subjectName,
      String countyCode, String regionCode, String regionName, Long entryId, String detail, Instant raisedAt,
      Instant dueAt, boolean overdue, String status, String reasonCode, String reasonLabel, String closingNote,
      String applicationRef, String closedBy, Instant closedAt, String processInstanceId) {}

  public record PageView<T>(List<T> items, long total, int page, int size) {}

  public record RuleStatistics(String ruleCode, String ruleLabel, long raised, long confirmed, long dismissed,
      long open) {}

  public record MonthStatistics(String month, List<RuleStatistics> rules) {}

  public record MedicalExpenseReport(
      @NotBlank(message = "请填写当事人身份证号码") @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*",
          message = "当事人身份证号码应为18位") String idNumber,
      @NotBlank(message = "请填写当事人姓名") @Size(max = 50, message = "姓名最多50个字") String name,
      @NotBlank(message = "请填写当事人所在行政区划代码") @Pattern(regexp = "\\s*\\d{6,12}\\s*",
          message = "行政区划代码应为6到12位数字") String regionCode,
      @NotNull(message = "请填写近12个月个人自付医疗费用（元）") @DecimalMin(value = "0.01", message = "医疗费用须大于0")
      @Digits(integer = 10, fraction = 2, message = "医疗费用最多两位小数") BigDecimal amount,
      @DecimalMin(value = "0", message = "家庭年收入不能为负") @Digits(integer = 12, fraction = 2,
          message = "家庭年收入最多两位小数") BigDecimal annualIncome,
      @NotBlank(message = "请填写报告编号（票据号、医保结算单号等）") @Size(max = 100, message = "报告编号最多100个字符")
      String reference,
      @Size(max = 1000, message = "说明最多1000个字") String description) {}

  public record MedicalExpenseResult(boolean alertRaised, String basis, Long alertId, boolean alreadyRaised) {}

  public record DeathReport(
      @NotBlank(message = "请填写死亡人员身份证号码") @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*",
          message = "身份证号码应为18位") String idNumber,
      @NotBlank(message = "请填写死亡人员姓名") @Size(max = 50, message = "姓名最多50个字") String name,
      @NotBlank(message = "请填写死亡人员所在行政区划代码") @Pattern(regexp = "\\s*\\d{6,12}\\s*",
          message = "行政区划代码应为6到12位数字") String regionCode,
      @NotNull(message = "请填写死亡日期") LocalDate diedOn,
      @Size(max = 200, message = "信息来源最多200个字") String source) {}

  public record DeathResult(long alertId, boolean alreadyRaised) {}

  @GetMapping("/api/watch/entries")
  @PreAuthorize(READERS)
  @Operation(summary = "The register of the low-income population (paged)",
      description = "Entries of the caller's region and below, newest first: category LEFT_BENEFIT (left 低保/特困, "
          + "two years after the last paid month), REJECTED (re-checked against 漏保 every doudi.watch.recheck-months), "
          + "LOW_INCOME_EDGE (低保边缘: per-capita income below 1.5 × the standard), EXPENDITURE (支出型 临时救助), "
          + "HARDSHIP_REPORT (主动发现). ID numbers masked.",
      responses = {@ApiResponse(responseCode = "200", description = "one page"),
          @ApiResponse(responseCode = "400", description = "unknown category or status, bad paging")})
  public PageView<EntryView> entries(
      @Parameter(description = "LEFT_BENEFIT, REJECTED, LOW_INCOME_EDGE, EXPENDITURE or HARDSHIP_REPORT")
      @RequestParam(required = false) String category,
      @Parameter(description = "ACTIVE or ENDED") @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal principal) {
    paging(page, size);
    if (category != null && Arrays.stream(WatchCategory.values()).noneMatch(c -> c.name().equals(category))) {
      throw new InvalidWatchInputException("category", "类别“" + category + "”无效");
    }
    if (status != null && !List.of("ACTIVE", "ENDED").contains(status)) {
      throw new InvalidWatchInputException("status", "状态应为 ACTIVE 或 ENDED");
    }
    Page<EntryRow> p = records.entries(scope(principal), category, status, page, size);
    return new PageView<>(p.items().stream().map(this::view).toList(), p.total(), page, size);
  }

  @GetMapping("/api/watch/alerts")
  @PreAuthorize(READERS)
  @Operation(summary = "Alerts of the watch list (paged)",
      description = "Alerts of the caller's region and below, newest first, with their task's due date (10 working "
          + "days), status (OPEN, CONFIRMED, DISMISSED) and closing reason. ID numbers masked.",
      responses = {@ApiResponse(responseCode = "200", description = "one page"),
          @ApiResponse(responseCode = "400", description = "unknown rule or status, bad paging")})
  public PageView<AlertView> alerts(
      @Parameter(description = "rule code, e.g. SECOND_TEMPORARY") @RequestParam(required = false) String rule,
      @Parameter(description = "OPEN, CONFIRMED or DISMISSED") @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal principal) {
    paging(page, size);
    if (rule != null && Arrays.stream(AlertRule.values()).noneMatch(r -> r.name().equals(rule))) {
      throw new InvalidWatchInputException("rule", "预警规则“" + rule + "”无效");
    }
    if (status != null && !List.of("OPEN", "CONFIRMED", "DISMISSED").contains(status)) {
      throw new InvalidWatchInputException("status", "状态应为 OPEN、CONFIRMED 或 DISMISSED");
    }
    Page<AlertRow> p = records.alerts(scope(principal), rule, status, page, size);
    return new PageView<>(p.items().stream().map(this::view).toList(), p.total(), page, size);
  }

  @GetMapping("/api/watch/rule-statistics")
  @PreAuthorize(READERS)
  @Operation(summary = "Per-rule counts of one month, for tuning the triggers",
      description = "For each rule, the alerts raised in the month in the caller's region and below, and how many of "
          + "them are confirmed (HELP_STARTED, STILL_WATCHED), dismissed (other reasons) and still open. Every rule is "
          + "listed, with zeros when it raised nothing.",
      responses = {@ApiResponse(responseCode = "200", description = "the month's counts"),
          @ApiResponse(responseCode = "400", description = "month not YYYY-MM")})
  public MonthStatistics ruleStatistics(@Parameter(description = "YYYY-MM", example = "2026-12")
      @RequestParam String month, Principal principal) {
    YearMonth m;
    try {
      m = YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidWatchInputException("month", "月份应为 YYYY-MM 格式，收到“" + month + "”");
    }
    Map<String, RuleCount> counts = new LinkedHashMap<>();
    for (RuleCount c : records.ruleCounts(scope(principal), m.atDay(1), m.plusMonths(1).atDay(1))) {
      counts.put(c.ruleCode(), c);
    }
    List<RuleStatistics> rules = new ArrayList<>();
    for (AlertRule r : AlertRule.values()) {
      RuleCount c = counts.getOrDefault(r.name(), new RuleCount(r.name(), 0, 0, 0, 0));
      rules.add(new RuleStatistics(r.name(), r.label(), c.raised(), c.confirmed(), c.dismissed(), c.open()));
    }
    return new MonthStatistics(m.toString(), rules);
  }

  @PostMapping("/api/watch/medical-expenses")
  @PreAuthorize(REPORTERS)
  @Operation(summary = "Report large medical spending of a person",
      description = "Evaluates DMN watch-alert-rules (the version in force) on the amount and its share of the "
          + "household's yearly income; when it says so, raises a MEDICAL_EXPENSE alert (a township task due in 10 "
          + "working days). One alert per reference: the same report again changes nothing. The caller must work in "
          + "a region containing regionCode.",
      responses = {@ApiResponse(responseCode = "200", description = "what the rules said and the alert, if any"),
          @ApiResponse(responseCode = "400", description = "invalid report (Chinese message per field)"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public MedicalExpenseResult medicalExpense(@Valid @RequestBody MedicalExpenseReport r, Principal principal) {
    requireJurisdiction(principal, r.regionCode().strip());
    WatchSignals.Assessed a = signals.medicalExpense(new Subject(r.idNumber(), r.name(), r.regionCode().strip()),
        r.amount(), r.annualIncome(), r.reference(), r.description());
    return new MedicalExpenseResult(a.raise(), a.basis(), a.alert().map(Raised::alertId).orElse(null),
        a.alert().map(x -> !x.created()).orElse(false));
  }

  @PostMapping("/api/watch/deaths")
  @PreAuthorize(REPORTERS)
  @Operation(summary = "Report a death (civil registry, hospital, caseworker)",
      description = "Raises a DEATH alert for the township of the person's region: review the household within 3 "
          + "months. One alert per person: a second report changes nothing. The caller must work in a region "
          + "containing regionCode.",
      responses = {@ApiResponse(responseCode = "200", description = "the alert"),
          @ApiResponse(responseCode = "400", description = "invalid report"),
          @ApiResponse(responseCode = "403", description = "region outside the caller's")})
  public DeathResult death(@Valid @RequestBody DeathReport r, Principal principal) {
    requireJurisdiction(principal, r.regionCode().strip());
    Raised raised = signals.death(new Subject(r.idNumber(), r.name(), r.regionCode().strip()), r.diedOn(),
        r.source());
    return new DeathResult(raised.alertId(), !raised.created());
  }

  private void requireJurisdiction(Principal principal, String regionCode) {
    StaffMember me = me(principal);
    if (regions.find(regionCode).isEmpty()) {
      throw new InvalidWatchInputException("regionCode", "行政区划代码“" + regionCode + "”不存在");
    }
    if (!staff.worksWithin(me, regionCode, Role::isCaseworking)) {
      throw new AccessDeniedException("用户" + me.userId() + "不负责行政区划" + regionCode);
    }
  }

  /** The regions the caller may read: administrators all; otherwise each role's region (analysts none). */
  Scope scope(Principal principal) {
    StaffMember me = me(principal);
    if (me.administrator()) {
      return Scope.all();
    }
    List<String> prefixes = new ArrayList<>();
    for (RoleAssignment a : me.assignments()) {
      if (a.role() == Role.ANALYST) {
        continue;
      }
      regions.find(a.regionCode()).map(WatchController::prefix).filter(p -> !prefixes.contains(p))
          .ifPresent(prefixes::add);
    }
    if (prefixes.isEmpty()) {
      throw new AccessDeniedException("当前角色无权查看监测预警数据");
    }
    return new Scope(List.copyOf(prefixes));
  }

  /** The code prefix of a region and everything below it: 22 吉林省, 2201 长春市, the code itself below. */
  static String prefix(Region r) {
    return switch (r.level()) {
      case PROVINCE -> r.code().substring(0, 2);
      case CITY -> r.code().substring(0, 4);
      default -> r.code();
    };
  }

  private StaffMember me(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }

  private static void paging(int page, int size) {
    if (page < 0 || size < 1 || size > 500) {
      throw new InvalidWatchInputException("page", "page 不能小于0，size 应在1到500之间");
    }
  }

  private EntryView view(EntryRow e) {
    WatchCategory c = WatchCategory.valueOf(e.category());
    return new EntryView(e.id(), Masking.idNumber(e.subjectIdNumber()), e.subjectName(), Masking.key(e.householdKey()),
        e.countyCode(), e.regionCode(), regions.fullName(e.regionCode()), e.category(), c.label(),
        Masking.key(e.sourceRef()), Masking.mask(e.detail()), e.enteredOn(), e.watchUntil(), e.recheckDue(),
        e.status());
  }

  private AlertView view(AlertRow a) {
    CloseReason reason = a.reasonCode() == null ? null : CloseReason.valueOf(a.reasonCode());
    return new AlertView(a.id(), a.ruleCode(), AlertRule.valueOf(a.ruleCode()).label(),
        Masking.idNumber(a.subjectIdNumber()), a.subjectName(), a.countyCode(), a.regionCode(),
        regions.fullName(a.regionCode()), a.entryId(), Masking.mask(a.detail()), a.raisedAt(), a.dueAt(),
        "OPEN".equals(a.status()) && a.dueAt() != null && a.dueAt().isBefore(org.doudi.engine.EngineContext.now()), a.status(),
        a.reasonCode(), reason == null ? null : reason.label(), Masking.mask(a.closingNote()), a.applicationRef(),
        a.closedBy(), a.closedAt(), a.processInstanceId());
  }
}
