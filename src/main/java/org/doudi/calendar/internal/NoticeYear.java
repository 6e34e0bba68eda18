package org.doudi.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.doudi.calendar.DayKind;

/**
 * One State Council notice: the holidays and make-up working days it lists (a notice may list days of
 * the neighbouring year, e.g. 2022-12-31 in the 2023 notice) and its source links.
 */
public record NoticeYear(int year, SortedMap<LocalDate, DayKind> days, List<String> papers) {

  public NoticeYear {
    days = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(days));
    papers = List.copyOf(papers);
  }

  public long count(DayKind kind) {
    return days.values().stream().filter(k -> k == kind).count();
  }

  public Map<LocalDate, DayKind> daysIn(int calendarYear) {
    return days.subMap(LocalDate.of(calendarYear, 1, 1), LocalDate.of(calendarYear + 1, 1, 1));
  }
}
