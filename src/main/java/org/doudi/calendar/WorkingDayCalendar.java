package org.doudi.calendar;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * China's official working-day calendar (State Council notices plus regional closures).
 *
 * <p>A day is a working day if it is a make-up working day, or Monday–Friday and not a holiday.
 * "N working days after D" is the N-th working day strictly after D. A {@code regionCode} (6-, 9- or
 * 12-digit administrative code, may be {@code null}) adds the closures of that region and of the
 * regions above it.
 *
 * <p>The plain methods are strict: they throw {@link YearNotLoadedException} when a year they need has
 * no loaded notice. The {@code ...Provisionally} methods assume Monday–Friday for such years and say so.
 */
public interface WorkingDayCalendar {

  /** Upper bound for a count of working days (about ten years); larger counts are input errors. */
  int MAX_WORKING_DAYS = 2500;

  DayKind kindOf(LocalDate date, String regionCode);

  /** The {@code days}-th working day strictly after {@code from}; {@code from} itself for 0. */
  LocalDate addWorkingDays(LocalDate from, int days, String regionCode);

  /** Working days in the interval ({@code from}, {@code to}]; {@code to} must not be before {@code from}. */
  int countWorkingDays(LocalDate from, LocalDate to, String regionCode);

  WorkingDate addWorkingDaysProvisionally(LocalDate from, int days, String regionCode);

  int countWorkingDaysProvisionally(LocalDate from, LocalDate to, String regionCode);

  /** Years whose notice is loaded. */
  SortedSet<Integer> loadedYears();

  default DayKind kindOf(LocalDate date) {
    return kindOf(date, null);
  }

  default LocalDate addWorkingDays(LocalDate from, int days) {
    return addWorkingDays(from, days, null);
  }

  default int countWorkingDays(LocalDate from, LocalDate to) {
    return countWorkingDays(from, to, null);
  }
}
