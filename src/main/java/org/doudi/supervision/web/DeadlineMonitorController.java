package org.doudi.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.doudi.calendar.DeadlineBand;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.supervision.DeadlineMonitor;
import org.doudi.supervision.MonitorCounts;
import org.doudi.supervision.MonitorPage;
import org.doudi.supervision.MonitorQuery;
import org.doudi.supervision.MonitorRequestException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline monitor (办理时限监控) for the Cockpit plugin and scripts. Parameters are taken as text and checked
 * here so that every refusal is a Chinese 400, whatever is wrong with it.
 */
@RestController
@Tag(name = "督办", description = "Supervision: the deadline monitor (办理时限监控) of open legal clocks")
public class DeadlineMonitorController {

  static final String READERS = "hasAnyRole('SUPERVISOR', 'AUDITOR', 'COUNTY_APPROVER', 'COUNTY_CASEWORKER', "
      + "'TOWNSHIP_APPROVER', 'TOWNSHIP_CASEWORKER', 'ADMIN')";

  private final DeadlineMonitor monitor;
  private final Staff staff;

  public DeadlineMonitorController(DeadlineMonitor monitor, Staff staff) {
    this.monitor = monitor;
    this.staff = staff;
  }

  @GetMapping(value = "/api/supervision/deadlines", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(READERS)
  @Operation(summary = "Open legal clocks of the caller's region (办理时限监控)",
      description = "Every open legal clock (cal_deadline status OPEN, kind DUE = a user task's due date or TIMER = a "
          + "timer's date; FOLLOW_UP reminders are not limits) of the caller's region and below, in due order, with "
          + "workingDaysLeft (working days from today to the due day on the official calendar of the case's region: "
          + "0 due today, negative overdue) and band: OVERDUE (due instant passed), DUE_SOON (due within the next 3 "
          + "working days), ON_TIME. Supervisors, auditors, county and township staff see the region of their role; "
          + "administrators everything; analysts nothing (403). Also served to the Cockpit plugin through the Camunda "
          + "web-app session (GET only).",
      responses = {@ApiResponse(responseCode = "200", description = "one page"),
          @ApiResponse(responseCode = "400", description = "bad parameter (problem+json, Chinese detail)"),
          @ApiResponse(responseCode = "403", description = "role without case data, or a region outside the caller's")})
  public MonitorPage deadlines(
      @Parameter(description = "scheme = module folder of the model (dibao, tekun, temporary, care, child, …)")
      @RequestParam(required = false) String scheme,
      @Parameter(description = "process definition key, e.g. dibao-application") @RequestParam(required = false)
      String process,
      @Parameter(description = "county, 6-digit code, e.g. 220102") @RequestParam(required = false) String county,
      @Parameter(description = "township, 9-digit code, e.g. 220102001") @RequestParam(required = false)
      String township,
      @Parameter(description = "OVERDUE, DUE_SOON or ON_TIME") @RequestParam(required = false) String band,
      @Parameter(description = "0-based page, default 0") @RequestParam(required = false) String page,
      @Parameter(description = "page size 1–200, default 50") @RequestParam(required = false) String size,
      @Parameter(description = "dueAt (default, earliest first) or -dueAt") @RequestParam(required = false)
      String sort,
      Principal principal) {
    MonitorQuery q = Params.query(scheme, process, county, township, band, page, size, sort);
    return monitor.page(member(principal), q);
  }

  @GetMapping(value = "/api/supervision/deadlines/counts", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(READERS)
  @Operation(summary = "Open legal clocks by band, per county and township of the caller's region",
      description = "overdue / dueSoon / onTime in total, per county and per township (codes ascending), with the same "
          + "filters as GET /api/supervision/deadlines except band, page and sort.",
      responses = {@ApiResponse(responseCode = "200", description = "counts"),
          @ApiResponse(responseCode = "400", description = "bad parameter (problem+json, Chinese detail)"),
          @ApiResponse(responseCode = "403", description = "role without case data, or a region outside the caller's")})
  public MonitorCounts counts(@RequestParam(required = false) String scheme,
      @RequestParam(required = false) String process, @RequestParam(required = false) String county,
      @RequestParam(required = false) String township, Principal principal) {
    MonitorQuery q = Params.query(scheme, process, county, township, null, null, null, null);
    return monitor.counts(member(principal), q);
  }

  private StaffMember member(Principal principal) {
    return staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
  }

  /** Checks of the query parameters. */
  static final class Params {

    private Params() {}

    static MonitorQuery query(String scheme, String process, String county, String township, String band,
        String page, String size, String sort) {
      String s = blankToNull(scheme);
      if (s != null && !s.matches("[a-z][a-z0-9-]{0,29}")) {
        throw bad("业务类别 scheme 应为模块名（如 dibao、tekun），收到“" + scheme + "”");
      }
      String p = blankToNull(process);
      if (p != null && !p.matches("[A-Za-z_][A-Za-z0-9_.-]{0,254}")) {
        throw bad("流程 process 应为流程定义键（如 dibao-application），收到“" + process + "”");
      }
      String c = blankToNull(county);
      if (c != null && !c.matches("\\d{6}")) {
        throw bad("县级代码 county 应为6位数字，收到“" + county + "”");
      }
      String t = blankToNull(township);
      if (t != null && !t.matches("\\d{9}")) {
        throw bad("乡镇代码 township 应为9位数字，收到“" + township + "”");
      }
      DeadlineBand b = null;
      if (blankToNull(band) != null) {
        try {
          b = DeadlineBand.valueOf(band.trim());
        } catch (IllegalArgumentException e) {
          throw bad("时限状态 band 应为 OVERDUE（已超期）、DUE_SOON（即将到期）或 ON_TIME（正常），收到“" + band + "”");
        }
      }
      int pg = number(page, "页码 page", 0, 0, Integer.MAX_VALUE / 1000);
      int sz = number(size, "每页条数 size", 50, 1, 200);
      String so = blankToNull(sort);
      if (so != null && !so.equals("dueAt") && !so.equals("-dueAt")) {
        throw bad("排序 sort 只能是 dueAt（到期早的在前）或 -dueAt（到期晚的在前），收到“" + sort + "”");
      }
      return new MonitorQuery(s, p, c, t, b, pg, sz, "-dueAt".equals(so));
    }

    private static int number(String value, String what, int fallback, int min, int max) {
      String v = blankToNull(value);
      if (v == null) {
        return fallback;
      }
      if (!v.matches("\\d{1,9}")) {
        throw bad(what + " 应为整数，收到“" + value + "”");
      }
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw bad(what + " 应在 " + min + "…" + max + " 之间，收到 " + n);
      }
      return n;
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }

    private static MonitorRequestException bad(String message) {
      return new MonitorRequestException(400, message);
    }
  }
}
