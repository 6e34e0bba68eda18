package org.doudi.calendar.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.doudi.calendar.DayKind;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.calendar.internal.CalendarAdministration;
import org.doudi.calendar.internal.CalendarService;
import org.doudi.calendar.internal.DeadlineRecomputer;
import org.doudi.calendar.internal.RegionClosure;
import org.doudi.calendar.persistence.CalendarRepository;
import org.doudi.calendar.persistence.DeadlineRecord;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Calendar 工作日历", description = "Working days from the State Council holiday notices")
public class CalendarController {

  private final CalendarService calendar;
  private final CalendarAdministration administration;
  private final CalendarRepository repository;
  private final DeadlineRepository deadlines;
  private final org.doudi.region.Regions regions;

  public CalendarController(CalendarService calendar, CalendarAdministration administration,
      CalendarRepository repository, DeadlineRepository deadlines, org.doudi.region.Regions regions) {
    this.regions = regions;
    this.calendar = calendar;
    this.administration = administration;
    this.repository = repository;
    this.deadlines = deadlines;
  }

  public record DayView(LocalDate date, boolean workingDay, DayKind kind) {}

  public record AddView(LocalDate from, int days, LocalDate date) {}

  public record CountView(LocalDate from, LocalDate to, int workingDays) {}

  public record ClosureRequest(
      @NotBlank(message = "请填写停止办公的行政区划代码（regionCode）") String regionCode,
      @NotBlank(message = "停止办公须填写日期") String date,
      @NotBlank(message = "停止办公须填写原因说明（1至500字）") @Size(max = 500, message = "停止办公须填写原因说明（1至500字）")
      String reason) {}

  public record ClosureView(String regionCode, LocalDate date, String reason) {}

  public record RecomputeView(int checked, int moved, int confirmed, int closed, int overridden) {
    static RecomputeView of(DeadlineRecomputer.Summary s) {
      return new RecomputeView(s.checked, s.moved, s.confirmed, s.closed, s.overridden);
    }
  }

  public record LoadView(List<Integer> years, List<String> replaced, RecomputeView deadlines) {}

  public record DeadlineView(long id, String processInstanceId, String activityId, String kind, LocalDate startDate,
      int workingDays, String regionCode, int extensionDays, boolean provisional, Instant dueAt, String status) {
    static DeadlineView of(DeadlineRecord d) {
      return new DeadlineView(d.id(), d.processInstanceId(), d.activityId(), d.kind().name(), d.startDate(),
          d.workingDays(), d.regionCode(), d.extensionDays(), d.provisional(), d.dueAt(), d.status());
    }
  }

  @GetMapping("/days/{date}")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "What a day is", description = "WORKDAY, WEEKEND, HOLIDAY or MAKEUP_WORKDAY; "
      + "422 if the year has no loaded notice")
  public DayView day(@PathVariable String date,
      @Parameter(description = "administrative code (6/9/12 digits) to include its closures")
      @RequestParam(required = false) String region) {
    LocalDate d = Params.date("date", date);
    DayKind kind = calendar.kindOf(d, Params.region(region));
    return new DayView(d, kind.isWorkingDay(), kind);
  }

  @GetMapping("/add-working-days")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The N-th working day strictly after a date")
  public AddView add(@RequestParam(required = false) String from, @RequestParam(required = false) String days,
      @RequestParam(required = false) String region) {
    LocalDate f = Params.date("from", from);
    int n = Params.count("days", days, WorkingDayCalendar.MAX_WORKING_DAYS);
    return new AddView(f, n, calendar.addWorkingDays(f, n, Params.region(region)));
  }

  @GetMapping("/count-working-days")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Working days in (from, to]")
  public CountView count(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String region) {
    LocalDate f = Params.date("from", from);
    LocalDate t = Params.date("to", to);
    return new CountView(f, t, calendar.countWorkingDays(f, t, Params.region(region)));
  }

  @GetMapping("/years")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Loaded notices with their sources and who loaded them")
  public List<CalendarRepository.NoticeInfo> years() {
    return repository.noticeInfo();
  }

  @PostMapping("/years")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Load or correct notices (admin)",
      description = "Body in the file format of src/main/resources/calendar/*.json; a year already loaded is "
          + "replaced. All open working-day deadlines are recomputed.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
          @ExampleObject("{\"2027\": {\"off\": [\"2027-01-01\"], \"makeup_workdays\": [], "
              + "\"papers\": [\"https://www.gov.cn/zhengce/...\"]}}"))),
      responses = @ApiResponse(responseCode = "200", description = "loaded; deadlines recomputed"))
  public LoadView load(@Valid @RequestBody JsonNode document, Principal principal) {
    CalendarAdministration.LoadResult r = administration.loadNotices(document, principal.getName());
    return new LoadView(r.years(), r.replaced(), RecomputeView.of(r.deadlines()));
  }

  @GetMapping("/closures")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Regional closures (extra days off of a region and the regions below it)")
  public List<ClosureView> closures() {
    return repository.closures().stream().map(CalendarController::view).toList();
  }

  @PostMapping("/closures")
  @PreAuthorize("hasRole('ADMIN')")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a regional closure (admin)")
  public RecomputeView addClosure(@Valid @RequestBody ClosureRequest request, Principal principal) {
    if (request == null) {
      throw new org.doudi.calendar.CalendarDataException("请求内容须包含行政区划代码（regionCode）、日期（date）和理由（reason）");
    }
    if (request.regionCode() != null && request.regionCode().strip().matches("\\d{6}|\\d{9}|\\d{12}")
        && regions.find(request.regionCode().strip()).isEmpty()) {
      throw new org.doudi.calendar.CalendarDataException("行政区划代码 regionCode " + request.regionCode()
          + " 不是已登记的行政区划");
    }
    return RecomputeView.of(administration.addClosure(request.regionCode(), Params.date("date", request.date()),
        request.reason(), principal.getName()));
  }

  @DeleteMapping("/closures/{regionCode}/{date}")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Remove a regional closure (admin)")
  public RecomputeView removeClosure(@PathVariable String regionCode, @PathVariable String date,
      Principal principal) {
    return RecomputeView.of(administration.removeClosure(regionCode, Params.date("date", date), principal.getName()));
  }

  @GetMapping("/changes")
  @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AUDITOR')")
  @Operation(summary = "Who changed the calendar data and when (newest first)")
  public List<CalendarRepository.ChangeLogEntry> changes() {
    return repository.changeLog(200);
  }

  @GetMapping("/provisional-deadlines")
  @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
  @Operation(summary = "Open deadlines computed Monday–Friday because their year has no notice yet")
  public List<DeadlineView> provisional() {
    return deadlines.openProvisional(500).stream().map(DeadlineView::of).toList();
  }

  private static ClosureView view(RegionClosure c) {
    return new ClosureView(c.regionCode(), c.date(), c.reason());
  }
}
