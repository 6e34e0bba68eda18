package org.doudi.calendar.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.doudi.calendar.CalendarDataException;
import org.doudi.calendar.DayKind;
import org.doudi.calendar.WorkingDate;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.calendar.YearNotLoadedException;

/**
 * The calendar as loaded at one moment (immutable; replaced as a whole when data changes). Year tables
 * are built on first use per (year, region) and cached, so additions cost one step per year crossed
 * and counts one step per year spanned — never a walk over days.
 */
public final class CalendarSnapshot implements WorkingDayCalendar {

  private final Map<Integer, NoticeYear> notices;
  /** Listed days of all notices, by date (a notice may list days of the neighbouring year). */
  private final Map<LocalDate, DayKind> listed;
  private final List<RegionClosure> closures;
  private final Map<String, YearTable> tables = new ConcurrentHashMap<>();

  public CalendarSnapshot(Collection<NoticeYear> notices, Collection<RegionClosure> closures) {
    Map<Integer, NoticeYear> byYear = new HashMap<>();
    Map<LocalDate, DayKind> days = new HashMap<>();
    for (NoticeYear n : notices) {
      byYear.put(n.year(), n);
      days.putAll(n.days());
    }
    this.notices = Map.copyOf(byYear);
    this.listed = Map.copyOf(days);
    this.closures = closures.stream()
        .map(c -> new RegionClosure(RegionCodes.normalise(c.regionCode()), c.date(), c.reason()))
        .toList();
  }

  public Map<Integer, NoticeYear> notices() {
    return notices;
  }

  public List<RegionClosure> closures() {
    return closures;
  }

  @Override
  public SortedSet<Integer> loadedYears() {
    return new TreeSet<>(notices.keySet());
  }

  @Override
  public DayKind kindOf(LocalDate date, String regionCode) {
    return table(date.getYear(), RegionCodes.normalise(regionCode), true).kind(date);
  }

  @Override
  public LocalDate addWorkingDays(LocalDate from, int days, String regionCode) {
    return add(from, days, regionCode, true).date();
  }

  @Override
  public WorkingDate addWorkingDaysProvisionally(LocalDate from, int days, String regionCode) {
    return add(from, days, regionCode, false);
  }

  @Override
  public int countWorkingDays(LocalDate from, LocalDate to, String regionCode) {
    return count(from, to, regionCode, true);
  }

  @Override
  public int countWorkingDaysProvisionally(LocalDate from, LocalDate to, String regionCode) {
    return count(from, to, regionCode, false);
  }

  private WorkingDate add(LocalDate from, int days, String regionCode, boolean strict) {
    if (from == null) {
      throw new CalendarDataException("缺少起算日期");
    }
    if (days < 0 || days > MAX_WORKING_DAYS) {
      throw new CalendarDataException("工作日数应在0至" + MAX_WORKING_DAYS + "之间，收到" + days);
    }
    String region = RegionCodes.normalise(regionCode);
    YearTable t = table(from.getYear(), region, strict);
    if (days == 0) {
      return new WorkingDate(from, t.provisional);
    }
    boolean provisional = t.provisional;
    int done = t.upToAndIncluding(from);
    int remaining = days;
    while (done + remaining > t.total()) {
      remaining -= t.total() - done;
      t = table(t.year + 1, region, strict);
      provisional |= t.provisional;
      done = 0;
    }
    return new WorkingDate(t.workingDay(done + remaining), provisional);
  }

  private int count(LocalDate from, LocalDate to, String regionCode, boolean strict) {
    if (from == null || to == null) {
      throw new CalendarDataException("须填写起止两个日期");
    }
    if (to.isBefore(from)) {
      throw new CalendarDataException("结束日期 to（" + to + "）不能早于开始日期 from（" + from + "）");
    }
    String region = RegionCodes.normalise(regionCode);
    YearTable first = table(from.getYear(), region, strict);
    if (from.getYear() == to.getYear()) {
      return first.upToAndIncluding(to) - first.upToAndIncluding(from);
    }
    int n = first.total() - first.upToAndIncluding(from);
    for (int y = from.getYear() + 1; y < to.getYear(); y++) {
      n += table(y, region, strict).total();
    }
    return n + table(to.getYear(), region, strict).upToAndIncluding(to);
  }

  private YearTable table(int year, String region, boolean strict) {
    boolean loaded = notices.containsKey(year);
    if (!loaded && strict) {
      throw new YearNotLoadedException(year);
    }
    if (year < LocalDate.MIN.getYear() + 1 || year > LocalDate.MAX.getYear() - 1) {
      throw new CalendarDataException("年度" + year + "超出范围");
    }
    List<LocalDate> closed = region == null ? List.of() : closures.stream()
        .filter(c -> c.date().getYear() == year && RegionCodes.covers(c.regionCode(), region))
        .map(RegionClosure::date)
        .toList();
    // regions without closures that year share the national table
    String key = closed.isEmpty() ? year + "|" : year + "|" + region;
    return tables.computeIfAbsent(key, k -> YearTable.build(year, !loaded, listedIn(year), closed));
  }

  private Map<LocalDate, DayKind> listedIn(int year) {
    Map<LocalDate, DayKind> m = new HashMap<>();
    listed.forEach((d, k) -> {
      if (d.getYear() == year) {
        m.put(d, k);
      }
    });
    return m;
  }
}
