package org.doudi.calendar.internal;

import java.time.LocalDate;
import java.util.SortedSet;
import org.doudi.calendar.DayKind;
import org.doudi.calendar.WorkingDate;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.calendar.persistence.CalendarRepository;
import org.springframework.stereotype.Service;

/**
 * The calendar of the running application: an immutable snapshot of the tables, swapped after an
 * administrator changed them. (Other nodes of a cluster see the change after their restart or
 * {@link #reload()}; see docs/deadlines.md.)
 */
@Service
public class CalendarService implements WorkingDayCalendar {

  private final CalendarRepository repository;
  private volatile CalendarSnapshot snapshot;

  public CalendarService(CalendarRepository repository) {
    this.repository = repository;
  }

  public CalendarSnapshot snapshot() {
    CalendarSnapshot s = snapshot;
    if (s == null) {
      synchronized (this) {
        if (snapshot == null) {
          snapshot = new CalendarSnapshot(repository.notices(), repository.closures());
        }
        s = snapshot;
      }
    }
    return s;
  }

  public synchronized void reload() {
    snapshot = new CalendarSnapshot(repository.notices(), repository.closures());
  }

  @Override
  public DayKind kindOf(LocalDate date, String regionCode) {
    return snapshot().kindOf(date, regionCode);
  }

  @Override
  public LocalDate addWorkingDays(LocalDate from, int days, String regionCode) {
    return snapshot().addWorkingDays(from, days, regionCode);
  }

  @Override
  public int countWorkingDays(LocalDate from, LocalDate to, String regionCode) {
    return snapshot().countWorkingDays(from, to, regionCode);
  }

  @Override
  public WorkingDate addWorkingDaysProvisionally(LocalDate from, int days, String regionCode) {
    return snapshot().addWorkingDaysProvisionally(from, days, regionCode);
  }

  @Override
  public int countWorkingDaysProvisionally(LocalDate from, LocalDate to, String regionCode) {
    return snapshot().countWorkingDaysProvisionally(from, to, regionCode);
  }

  @Override
  public SortedSet<Integer> loadedYears() {
    return snapshot().loadedYears();
  }
}
