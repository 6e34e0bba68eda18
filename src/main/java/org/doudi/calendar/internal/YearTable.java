package org.doudi.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.doudi.calendar.DayKind;

/**
 * One calendar year, precomputed so that every query is O(1): the kind of each day, the number of
 * working days before each day ({@code before}) and the position of the k-th working day.
 */
final class YearTable {

  private static final DayKind[] KINDS = DayKind.values();

  final int year;
  final boolean provisional;
  private final LocalDate jan1;
  private final byte[] kinds;
  /** before[i] = working days among day indexes [0, i); length = days in year + 1. */
  private final int[] before;
  /** Day indexes of the working days, ascending. */
  private final int[] workdays;

  private YearTable(int year, boolean provisional, byte[] kinds) {
    this.year = year;
    this.provisional = provisional;
    this.jan1 = LocalDate.of(year, 1, 1);
    this.kinds = kinds;
    this.before = new int[kinds.length + 1];
    int n = 0;
    for (int i = 0; i < kinds.length; i++) {
      before[i] = n;
      if (KINDS[kinds[i]].isWorkingDay()) {
        n++;
      }
    }
    before[kinds.length] = n;
    this.workdays = new int[n];
    for (int i = 0, k = 0; i < kinds.length; i++) {
      if (KINDS[kinds[i]].isWorkingDay()) {
        workdays[k++] = i;
      }
    }
  }

  /**
   * @param listed holidays and make-up days of the notices that fall in this year
   * @param closures extra days off in the region asked for (only working days change)
   */
  static YearTable build(int year, boolean provisional, Map<LocalDate, DayKind> listed,
      Collection<LocalDate> closures) {
    LocalDate jan1 = LocalDate.of(year, 1, 1);
    byte[] kinds = new byte[jan1.lengthOfYear()];
    // weekday of Jan 1 walked forward: no LocalDate per day
    int dow = jan1.getDayOfWeek().getValue();
    for (int i = 0; i < kinds.length; i++) {
      boolean weekend = dow == DayOfWeek.SATURDAY.getValue() || dow == DayOfWeek.SUNDAY.getValue();
      kinds[i] = (byte) (weekend ? DayKind.WEEKEND : DayKind.WORKDAY).ordinal();
      dow = dow == 7 ? 1 : dow + 1;
    }
    listed.forEach((date, kind) -> {
      if (date.getYear() == year) {
        kinds[date.getDayOfYear() - 1] = (byte) kind.ordinal();
      }
    });
    for (LocalDate date : closures) {
      if (date.getYear() == year && KINDS[kinds[date.getDayOfYear() - 1]].isWorkingDay()) {
        kinds[date.getDayOfYear() - 1] = (byte) DayKind.HOLIDAY.ordinal();
      }
    }
    return new YearTable(year, provisional, kinds);
  }

  DayKind kind(LocalDate date) {
    return KINDS[kinds[date.getDayOfYear() - 1]];
  }

  int total() {
    return workdays.length;
  }

  /** Working days from Jan 1 up to and including {@code date}. */
  int upToAndIncluding(LocalDate date) {
    return before[date.getDayOfYear()];
  }

  /** The k-th working day of the year, counted from 1. */
  LocalDate workingDay(int k) {
    return jan1.plusDays(workdays[k - 1]);
  }
}
