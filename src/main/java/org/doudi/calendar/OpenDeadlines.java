package org.doudi.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.doudi.calendar.internal.CalendarService;
import org.doudi.calendar.internal.CalendarSnapshot;
import org.doudi.calendar.internal.CalendarTime;
import org.doudi.calendar.internal.RegionClosure;
import org.doudi.calendar.internal.RegionCodes;
import org.doudi.calendar.persistence.OpenDeadlineQuery;
import org.doudi.calendar.persistence.OpenDeadlineQuery.Band;
import org.doudi.calendar.persistence.OpenDeadlineQuery.Criteria;
import org.doudi.calendar.persistence.OpenDeadlineQuery.Cuts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open legal clocks for the deadline monitor (办理时限监控, module {@code supervision}): pages in due order and counts
 * per township by colour band, region-scoped and filtered, with the working days left on the official calendar of
 * each case's region. Read-only; the engine's tables are not read.
 */
@Service
public class OpenDeadlines {

  /** A clock is due soon when its due day is at most this many working days after today. */
  public static final int DUE_SOON_WORKING_DAYS = 3;

  private final OpenDeadlineQuery query;
  private final CalendarService calendar;
  private final CalendarTime time;

  public OpenDeadlines(OpenDeadlineQuery query, CalendarService calendar, CalendarTime time) {
    this.query = query;
    this.calendar = calendar;
    this.time = time;
  }

  public record Page(Instant asOf, LocalDate today, long total, List<OpenDeadline> items) {}

  /** Open clocks of one township (county and township codes padded; {@code null} when the row has none). */
  public record TownshipCount(String countyCode, String townshipCode, long overdue, long dueSoon, long onTime) {}

  public record Counts(Instant asOf, LocalDate today, List<TownshipCount> townships) {}

  /** One page, ordered by due instant (then id), ascending unless {@code descending}. */
  @Transactional(readOnly = true)
  public Page page(OpenDeadlineFilter filter, int offset, int limit, boolean descending) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new CalendarDataException("offset must be ≥ 0 and limit 1…1000");
    }
    Instant now = time.now();
    LocalDate today = time.today();
    Cuts cuts = cuts(now, today);
    Criteria c = criteria(filter);
    Band band = filter.band() == null ? null : Band.valueOf(filter.band().name());
    List<OpenDeadline> items = new ArrayList<>();
    for (OpenDeadlineQuery.Row r : query.page(c, band, cuts, descending, offset, limit)) {
      items.add(open(r, now, today));
    }
    long total = items.size() < limit && (offset == 0 || !items.isEmpty()) ? offset + items.size()
        : query.count(c, band, cuts);
    return new Page(now, today, total, items);
  }

  /** Counts per township by band (the band of the filter is ignored). */
  @Transactional(readOnly = true)
  public Counts counts(OpenDeadlineFilter filter) {
    Instant now = time.now();
    LocalDate today = time.today();
    List<TownshipCount> out = new ArrayList<>();
    for (OpenDeadlineQuery.TownshipCount t : query.countsByTownship(criteria(filter), cuts(now, today))) {
      out.add(new TownshipCount(t.countyCode(), t.townshipCode(), t.overdue(), t.dueSoon(),
          t.total() - t.overdue() - t.dueSoon()));
    }
    return new Counts(now, today, out);
  }

  /**
   * The open legal clocks of the given cases (process instance ids, at most 500), in due order, each with its working
   * days left and band as in the monitor. No region scope: the caller has checked the cases are theirs to see.
   */
  @Transactional(readOnly = true)
  public List<OpenDeadline> ofCases(Collection<String> processInstanceIds) {
    Instant now = time.now();
    LocalDate today = time.today();
    List<OpenDeadline> out = new ArrayList<>();
    for (OpenDeadlineQuery.Row r : query.ofProcessInstances(List.copyOf(new LinkedHashSet<>(processInstanceIds)))) {
      out.add(open(r, now, today));
    }
    return out;
  }

  /** Working days from today to the due day of {@code dueAt} in the region: 0 due today, negative when past. */
  public int workingDaysLeft(Instant dueAt, String regionCode) {
    return workingDaysLeft(dueDay(dueAt), time.today(), region(regionCode));
  }

  private OpenDeadline open(OpenDeadlineQuery.Row r, Instant now, LocalDate today) {
    String region = region(r.regionCode());
    LocalDate due = dueDay(r.dueAt());
    DeadlineBand band;
    if (r.dueAt().isBefore(now)) {
      band = DeadlineBand.OVERDUE;
    } else if (due.isBefore(soonLimit(today, region))) {
      band = DeadlineBand.DUE_SOON;
    } else {
      band = DeadlineBand.ON_TIME;
    }
    return new OpenDeadline(r.id(), r.processInstanceId(), r.executionId(), r.activityId(), r.kind(),
        r.processDefinitionId(), r.processKey(), r.scheme(), r.regionCode(), r.countyCode(), r.townshipCode(),
        r.dueAt(), workingDaysLeft(due, today, region), band, r.calendarDays(), r.provisional());
  }

  private int workingDaysLeft(LocalDate due, LocalDate today, String region) {
    return due.isBefore(today) ? -calendar.countWorkingDaysProvisionally(due, today, region)
        : calendar.countWorkingDaysProvisionally(today, due, region);
  }

  /** The first day that is no longer due soon: the (N+1)-th working day after today. */
  private LocalDate soonLimit(LocalDate today, String region) {
    return calendar.addWorkingDaysProvisionally(today, DUE_SOON_WORKING_DAYS + 1, region).date();
  }

  /**
   * The due-soon cuts: the start of the first day no longer due soon, nationally and for every region with a closure
   * on the way that moves it. Deadlines ending at midnight (end of day "24:00") fall on that instant and still count.
   */
  private Cuts cuts(Instant now, LocalDate today) {
    LocalDate national = soonLimit(today, null);
    Map<String, Instant> regional = new LinkedHashMap<>();
    CalendarSnapshot snapshot = calendar.snapshot();
    for (RegionClosure closure : snapshot.closures()) {
      if (closure.date().isBefore(today) || regional.containsKey(closure.regionCode())) {
        continue;
      }
      LocalDate limit = soonLimit(today, padded(closure.regionCode()));
      if (limit.isAfter(national)) {
        regional.put(closure.regionCode(), startOf(limit));
      }
    }
    return new Cuts(now, startOf(national), regional);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(CalendarTime.ZONE).toInstant();
  }

  /** The day a deadline falls on: a deadline at midnight ends the day before. */
  private static LocalDate dueDay(Instant dueAt) {
    return dueAt.minusNanos(1).atZone(CalendarTime.ZONE).toLocalDate();
  }

  /** The case's region code as the calendar takes it; a malformed one counts on the national calendar. */
  private static String region(String regionCode) {
    try {
      return RegionCodes.normalise(regionCode) == null ? null : regionCode.trim();
    } catch (CalendarDataException e) {
      return null;
    }
  }

  /** A closure's prefix (22, 2201, 220102, 220102001…) back to the padded code the calendar takes. */
  private static String padded(String prefix) {
    return prefix.length() < 6 ? (prefix + "0000").substring(0, 6) : prefix;
  }

  private static Criteria criteria(OpenDeadlineFilter f) {
    if (f.regions() != null) {
      for (String r : f.regions()) {
        if (r == null || !r.matches("\\d{6}|\\d{9}|\\d{12}")) {
          throw new CalendarDataException("行政区划代码应为6位、9位或12位数字：" + r);
        }
      }
    }
    return new Criteria(f.regions() == null ? null : List.copyOf(f.regions()), f.scheme(), f.processKey(),
        f.countyCode(), f.townshipCode());
  }
}
