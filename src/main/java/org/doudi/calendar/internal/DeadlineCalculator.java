package org.doudi.calendar.internal;

import java.time.LocalDate;
import java.util.Date;
import org.doudi.calendar.WorkingDate;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.calendar.persistence.ClockStopRepository;
import org.doudi.calendar.persistence.ClockStopRepository.ClockStopRow;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.springframework.stereotype.Component;

/**
 * Due date = end of the (N + E)-th working day after the start, where E are the working days the case's
 * clock stood still after the start (finished clock stops only; a running stop counts when it ends).
 * The same rule serves the first computation and every recomputation.
 */
@Component
public class DeadlineCalculator {

  private final WorkingDayCalendar calendar;
  private final ClockStopRepository clockStops;
  private final CalendarTime time;
  private final DeadlineRepository deadlines;

  public DeadlineCalculator(WorkingDayCalendar calendar, ClockStopRepository clockStops, CalendarTime time,
      DeadlineRepository deadlines) {
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.clockStops = clockStops;
    this.time = time;
  }

  public record Computed(Date due, LocalDate day, boolean provisional, int extensionDays) {}

  public Computed compute(String processInstanceId, LocalDate start, int workingDays, String regionCode) {
    int extension = processInstanceId == null ? 0 : extension(processInstanceId, start, regionCode);
    WorkingDate day = calendar.addWorkingDaysProvisionally(start, workingDays + extension, regionCode);
    return new Computed(time.endOf(day.date()), day.date(), day.provisional(), extension);
  }

  /** Working days in (from, to] for the case's region (taken from its recorded deadlines). */
  public int suspendedWorkingDays(String processInstanceId, LocalDate from, LocalDate to) {
    String region = deadlines.allFor(processInstanceId).stream().map(d -> d.regionCode())
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    return calendar.countWorkingDaysProvisionally(from, to, region);
  }

  int extension(String processInstanceId, LocalDate start, String regionCode) {
    int days = 0;
    for (ClockStopRow stop : clockStops.all(processInstanceId)) {
      if (!stop.running() && stop.resumedOn().isAfter(start)) {
        LocalDate from = stop.suspendedOn().isAfter(start) ? stop.suspendedOn() : start;
        days += calendar.countWorkingDaysProvisionally(from, stop.resumedOn(), regionCode);
      }
    }
    return days;
  }
}
