package org.doudi.funds.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.doudi.funds.FundsRequestException;
import org.doudi.funds.MonitoringRow;
import org.doudi.funds.PriceSubsidies;
import org.doudi.funds.PriceSubsidies.CpiFigure;
import org.doudi.funds.PriceSubsidies.Outcome;
import org.doudi.funds.Recoveries;
import org.doudi.funds.Recoveries.Recovery;
import org.doudi.funds.Recoveries.RecoveryRequest;
import org.doudi.funds.internal.FundMonitoring;
import org.doudi.funds.internal.FundMonitoring.Scope;
import org.doudi.funds.internal.MonitoringCsv;
import org.doudi.identity.ProcessStarters;
import org.doudi.identity.Role;
import org.doudi.identity.StaffMember;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
@Tag(name = "资金监管", description = "Fund monitoring (流向、流速、流量), CPI price subsidies and overpayment recovery")
public class FundsController {

  static final Set<Role> CPI_ROLES = EnumSet.of(Role.SUPERVISOR, Role.ANALYST);
  static final Set<Role> RECOVERY_ROLES = ProcessStarters.rule("overpayment-recovery").orElseThrow().roles();

  private final FundMonitoring monitoring;
  private final PriceSubsidies priceSubsidies;
  private final Recoveries recoveries;
  private final Callers callers;

  public FundsController(FundMonitoring monitoring, PriceSubsidies priceSubsidies, Recoveries recoveries,
      Callers callers) {
    this.monitoring = monitoring;
    this.priceSubsidies = priceSubsidies;
    this.recoveries = recoveries;
    this.callers = callers;
  }

  /** The chart page: {@code /funds} and {@code /funds/} lead to the static {@code /funds/index.html}. */
  @GetMapping({"/funds", "/funds/"})
  public String page() {
    return "redirect:/funds/index.html";
  }

  public record Totals(long approvedCount, BigDecimal approvedAmount, long paidCount, BigDecimal paidAmount,
      long returnedCount, BigDecimal returnedAmount) {}

  public record MonitoringReport(YearMonth from, YearMonth to, String county, List<String> scope,
      List<MonitoringRow> rows, Totals totals) {}

  @GetMapping(value = "/api/funds/monitoring", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @PreAuthorize("hasAnyRole('COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ANALYST', 'ADMIN')")
  @Operation(summary = "Fund flow per county and month (流向、流速、流量)",
      description = "Per county and month (Asia/Shanghai): ledger rows approved (approved_at in the month), paid and "
          + "returned (their PAID / RETURNED status change in the month) with counts and amounts, distinct "
          + "beneficiaries paid, and the days from approval to payment (average and maximum) of the rows paid in the "
          + "month. County staff see their county, supervisors, auditors and analysts their region (province or city), "
          + "administrators everything. Also served to the chart page /funds/ through the Tasklist login session.",
      responses = {@ApiResponse(responseCode = "200", description = "rows and totals"),
          @ApiResponse(responseCode = "400", description = "bad month or county, from after to, more than 36 months"),
          @ApiResponse(responseCode = "403", description = "role without monitoring rights")})
  public MonitoringReport monitoring(
      @Parameter(description = "first month, yyyy-MM", example = "2026-01") @RequestParam String from,
      @Parameter(description = "last month, yyyy-MM", example = "2026-12") @RequestParam String to,
      @Parameter(description = "one county (6-digit code), optional") @RequestParam(required = false) String county,
      Principal principal) {
    Scope scope = callers.monitoringScope(callers.member(principal));
    YearMonth f = month(from, "from");
    YearMonth t = month(to, "to");
    List<MonitoringRow> rows = monitoring.figures(f, t, blankToNull(county), scope);
    return new MonitoringReport(f, t, blankToNull(county), scope.countyPrefixes(), rows, totals(rows));
  }

  @GetMapping(value = "/api/funds/monitoring.csv", produces = "text/csv")
  @PreAuthorize("hasAnyRole('COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ANALYST', 'ADMIN')")
  @Operation(summary = "The same figures as CSV for the third-party performance evaluation",
      description = "UTF-8 with byte-order mark (Excel shows the Chinese headers), comma separated, CRLF, one row per "
          + "county and month; header: " + MonitoringCsv.HEADER,
      responses = {@ApiResponse(responseCode = "200", description = "text/csv attachment"),
          @ApiResponse(responseCode = "400", description = "bad parameters")})
  public ResponseEntity<byte[]> monitoringCsv(@RequestParam String from, @RequestParam String to,
      @RequestParam(required = false) String county, Principal principal) {
    MonitoringReport report = monitoring(from, to, county, principal);
    String name = "funds-monitoring-" + report.from() + "_" + report.to()
        + (report.county() == null ? "" : "-" + report.county()) + ".csv";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(MonitoringCsv.write(report.rows()));
  }

  public record CpiRequest(String month, String regionCode, BigDecimal cpiYoy, BigDecimal foodCpiYoy,
      String source) {}

  @PostMapping(value = "/api/funds/cpi", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @PreAuthorize("hasAnyRole('SUPERVISOR', 'ANALYST', 'ADMIN')")
  @Operation(summary = "Enter the monthly CPI figure; when it meets the trigger, add the price subsidy to that "
      + "month's payroll",
      description = "Stored append-only with who and when. processes/rules/price-subsidy-trigger.dmn decides whether "
          + "it triggers (sample thresholds: CPI ≥ 3.5 % or food CPI ≥ 6 %); then every recipient active in the month "
          + "under a scheme of price-subsidy-amount.dmn gets a CREATED PRICE_SUBSIDY ledger row in that month's "
          + "payroll (key price:<yyyy-MM>:<beneficiaryKey>). A second figure for the same month and region never adds "
          + "rows again (subsidy.alreadyComputed). Only supervisors and analysts holding their role at province or "
          + "city level (or administrators) may enter figures, for that province/city or a city below it.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
          "{\"month\":\"2026-10\",\"regionCode\":\"220000\",\"cpiYoy\":3.6,\"foodCpiYoy\":5.1,"
              + "\"source\":\"吉林省统计局 2026年10月居民消费价格变动情况\"}"))),
      responses = {@ApiResponse(responseCode = "201", description = "figure recorded; triggered, reason, subsidy"),
          @ApiResponse(responseCode = "400", description = "bad month, region or percentage"),
          @ApiResponse(responseCode = "403", description = "not a province/city supervisor or analyst for the region"),
          @ApiResponse(responseCode = "409", description = "a concurrent entry for the same month is being computed")})
  public ResponseEntity<Outcome> enterCpi(@Valid @RequestBody(required = false) CpiRequest body, Principal principal) {
    if (body == null) {
      throw new FundsRequestException("请求内容为空");
    }
    StaffMember member = callers.member(principal);
    List<String> own = callers.provinceOrCityRegions(member, CPI_ROLES);
    String region = blankToNull(body.regionCode());
    if (region == null) {
      if (own.size() != 1) {
        throw new FundsRequestException("请填写CPI数据所属的省或市（州）区划代码（regionCode）");
      }
      region = own.get(0);
    }
    String target = region;
    if (!member.administrator() && own.stream().noneMatch(r -> target.startsWith(prefixOf(r)))) {
      throw new AccessDeniedException("只有省、市（州）级督查员或业务分析员可以录入本辖区的CPI数据");
    }
    Outcome outcome = priceSubsidies.enter(new CpiFigure(month(body.month(), "month"), region, body.cpiYoy(),
        body.foodCpiYoy(), blankToNull(body.source())), principal.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(outcome);
  }

  public record RecoveryBody(String beneficiaryKey, String scheme, List<String> months, BigDecimal amount,
      String reason, Boolean stopAward, Boolean fraudEstablished,
      @jakarta.validation.constraints.Size(max = 500, message = "骗取认定依据最多500字") String fraudFinding) {}

  @PostMapping(value = "/api/funds/recoveries", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @PreAuthorize("@processStarters.allows(authentication, 'overpayment-recovery')")
  @Operation(summary = "Record an overpayment to recover (《社会救助暂行办法》第六十八条) and start its recovery task",
      description = "Records the amount (given, or the sum of the PAID ledger rows of the scheme whose period starts "
          + "in the months), the months and the reason, and starts process overpayment-recovery: the county "
          + "caseworkers record repayments and write-offs until nothing is outstanding. stopAward=true also files a "
          + "STOP change request (payroll AwardChanges: another county approver approves it in 审批待遇变更, effective from "
          + "the month after the approval; stopRequestId and stopRequestStatus in the answer, awardStopped once it is "
          + "applied; 422 when there is no active award to stop, 409 when the beneficiary has an open change request, "
          + "and then nothing is stored). County staff of the beneficiary's county.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
          "{\"beneficiaryKey\":\"HH-42\",\"scheme\":\"DIBAO\",\"months\":[\"2026-03\",\"2026-04\"],"
              + "\"reason\":\"隐瞒经营收入骗取低保\",\"stopAward\":false}"))),
      responses = {@ApiResponse(responseCode = "201", description = "the recovery with its process instance"),
          @ApiResponse(responseCode = "400", description = "missing fields, bad months or amount"),
          @ApiResponse(responseCode = "403", description = "beneficiary outside the caller's county"),
          @ApiResponse(responseCode = "404", description = "no award or ledger row for the beneficiary"),
          @ApiResponse(responseCode = "409", description = "the same months are already being recovered"),
          @ApiResponse(responseCode = "422", description = "nothing paid in those months and no amount given")})
  public ResponseEntity<Recovery> openRecovery(@Valid @RequestBody(required = false) RecoveryBody body,
      Principal principal) {
    if (body == null) {
      throw new FundsRequestException("请求内容为空");
    }
    StaffMember member = callers.member(principal);
    if (body.beneficiaryKey() != null && body.scheme() != null) {
      recoveries.payee(body.beneficiaryKey(), body.scheme()).ifPresent(p -> {
        if (!callers.actsForCounty(member, p.countyCode(), RECOVERY_ROLES)) {
          throw new AccessDeniedException("用户" + principal.getName() + "不负责" + p.countyCode() + "的救助对象");
        }
      });
    }
    List<YearMonth> months = new ArrayList<>();
    if (body.months() != null) {
      for (String m : body.months()) {
        months.add(month(m, "months"));
      }
    }
    Recovery r = recoveries.open(new RecoveryRequest(body.beneficiaryKey(), body.scheme(), months, body.amount(),
        body.reason(), Boolean.TRUE.equals(body.stopAward()), Boolean.TRUE.equals(body.fraudEstablished()),
        body.fraudFinding()), principal.getName());
    return ResponseEntity.created(URI.create("/api/funds/recoveries/" + r.id())).body(r);
  }

  @GetMapping(value = "/api/funds/recoveries/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @PreAuthorize("hasAnyRole('COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')")
  @Operation(summary = "A recovery with its repayments, write-offs and what is outstanding",
      responses = {@ApiResponse(responseCode = "200", description = "the recovery"),
          @ApiResponse(responseCode = "404", description = "unknown or outside the caller's region")})
  public Recovery recovery(@PathVariable long id, Principal principal) {
    Recovery r = recoveries.get(id);
    StaffMember member = callers.member(principal);
    if (!callers.actsForCounty(member, r.countyCode(), EnumSet.of(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER,
        Role.SUPERVISOR, Role.AUDITOR))) {
      throw new FundsRequestException(404, "追回记录 " + id + " 不存在");
    }
    return r;
  }

  private static Totals totals(List<MonitoringRow> rows) {
    return new Totals(rows.stream().mapToLong(MonitoringRow::approvedCount).sum(),
        rows.stream().map(MonitoringRow::approvedAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
        rows.stream().mapToLong(MonitoringRow::paidCount).sum(),
        rows.stream().map(MonitoringRow::paidAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
        rows.stream().mapToLong(MonitoringRow::returnedCount).sum(),
        rows.stream().map(MonitoringRow::returnedAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
  }

  private static String prefixOf(String regionCode) {
    return regionCode.endsWith("0000") ? regionCode.substring(0, 2)
        : regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
  }

  private static YearMonth month(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new FundsRequestException("请填写月份 " + field + "（yyyy-MM）");
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new FundsRequestException("月份格式应为 yyyy-MM：" + text);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
