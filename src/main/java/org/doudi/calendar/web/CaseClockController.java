package org.doudi.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.doudi.calendar.CaseClock;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{processInstanceId}")
@Tag(name = "Case deadlines 办理时限", description = "Working-day deadlines of a case and its clock stops")
public class CaseClockController {

  private final CaseClock clock;
  private final DeadlineRepository deadlines;

  private final HistoryService historyService;

  public CaseClockController(CaseClock clock, DeadlineRepository deadlines, HistoryService historyService) {
    this.historyService = historyService;
    this.clock = clock;
    this.deadlines = deadlines;
  }

  public record SuspendRequest(
      @NotBlank(message = "中止计时须填写理由（1至500字）") @Size(max = 500, message = "中止计时须填写理由（1至500字）")
      String reason) {}

  public record CaseDeadlines(String processInstanceId, boolean clockStopped,
      List<CalendarController.DeadlineView> deadlines, List<DeadlineRepository.DeadlineChange> changes,
      List<CaseClock.ClockStop> clockStops) {}

  @GetMapping("/deadlines")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "The case's working-day deadlines (with provisional flags), their changes and clock stops")
  public CaseDeadlines deadlines(@PathVariable String processInstanceId) {
    // with the caller's engine authentication: only cases the caller may read
    if (historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      throw new java.util.NoSuchElementException("没有案件" + processInstanceId);
    }
    return new CaseDeadlines(processInstanceId, clock.isStopped(processInstanceId),
        deadlines.allFor(processInstanceId).stream().map(CalendarController.DeadlineView::of).toList(),
        deadlines.changesFor(processInstanceId), clock.stops(processInstanceId));
  }

  @PostMapping("/clock/suspend")
  @PreAuthorize("hasAnyRole('TOWNSHIP_CASEWORKER','COUNTY_CASEWORKER','ADMIN')")
  @Operation(summary = "Stop the case's clock (中止计时), e.g. waiting for missing materials",
      description = "Working-day timers of the case are suspended until resume. 409 if already stopped.")
  public CaseClock.ClockStop suspend(@PathVariable String processInstanceId,
      @Valid @RequestBody(required = false) SuspendRequest request, Principal principal) {
    return clock.suspend(processInstanceId, request == null ? null : request.reason(), principal.getName());
  }

  @PostMapping("/clock/resume")
  @PreAuthorize("hasAnyRole('TOWNSHIP_CASEWORKER','COUNTY_CASEWORKER','ADMIN')")
  @Operation(summary = "Resume the case's clock (恢复计时)",
      description = "Open working-day deadlines move by the working days the clock stood. 409 if not stopped.")
  public CaseClock.ClockStop resume(@PathVariable String processInstanceId, Principal principal) {
    return clock.resume(processInstanceId, principal.getName());
  }
}
