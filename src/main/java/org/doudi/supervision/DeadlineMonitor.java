package org.doudi.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.doudi.calendar.OpenDeadline;
import org.doudi.calendar.OpenDeadlineFilter;
import org.doudi.calendar.OpenDeadlines;
import org.doudi.identity.Role;
import org.doudi.identity.StaffMember;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.supervision.MonitorCounts.AreaCounts;
import org.doudi.supervision.MonitorCounts.BandCounts;
import org.doudi.supervision.MonitorCounts.TownshipCounts;
import org.doudi.supervision.internal.PageDetails;
import org.springframework.stereotype.Service;

/**
 * The deadline monitor (办理时限监控): open legal clocks of the caller's region and below, a page at a time, and
 * their counts by band per county and township. The clocks come from calendar's {@link OpenDeadlines}; only the rows
 * of the page are completed from the engine (task, assignee, names) and the region table.
 */
@Service
public class DeadlineMonitor {

  /** Roles that see the monitor, each for the region it is held at; administrators see everything. */
  public static final Set<Role> READERS = EnumSet.of(Role.SUPERVISOR, Role.AUDITOR, Role.COUNTY_APPROVER,
      Role.COUNTY_CASEWORKER, Role.TOWNSHIP_APPROVER, Role.TOWNSHIP_CASEWORKER);
  /** Deeper pages cost an index walk each; nobody reads beyond, they filter. */
  public static final int MAX_ROWS_SKIPPED = 100_000;

  private final OpenDeadlines deadlines;
  private final Regions regions;
  private final PageDetails details;

  public DeadlineMonitor(OpenDeadlines deadlines, Regions regions, PageDetails details) {
    this.deadlines = deadlines;
    this.regions = regions;
    this.details = details;
  }

  public MonitorPage page(StaffMember caller, MonitorQuery q) {
    if ((long) q.page() * q.size() > MAX_ROWS_SKIPPED) {
      throw new MonitorRequestException(400, "页码过深：最多浏览前" + MAX_ROWS_SKIPPED + "条，请按地区、业务或时限状态筛选");
    }
    OpenDeadlineFilter filter = filter(caller, q);
    OpenDeadlines.Page p = deadlines.page(filter, q.page() * q.size(), q.size(), q.descending());
    List<MonitorItem> items = details.complete(p.items());
    return new MonitorPage(q.page(), q.size(), p.total(), shanghai(p.asOf()), p.today(), items);
  }

  public MonitorCounts counts(StaffMember caller, MonitorQuery q) {
    OpenDeadlines.Counts c = deadlines.counts(filter(caller, q).withBand(null));
    Map<String, long[]> counties = new TreeMap<>();
    List<TownshipCounts> townships = new ArrayList<>();
    long overdue = 0;
    long soon = 0;
    long onTime = 0;
    for (OpenDeadlines.TownshipCount t : c.townships()) {
      overdue += t.overdue();
      soon += t.dueSoon();
      onTime += t.onTime();
      if (t.countyCode() != null) {
        long[] sum = counties.computeIfAbsent(t.countyCode(), k -> new long[3]);
        sum[0] += t.overdue();
        sum[1] += t.dueSoon();
        sum[2] += t.onTime();
      }
      if (t.townshipCode() != null) {
        townships.add(new TownshipCounts(t.townshipCode(), name(t.townshipCode()), t.countyCode(), t.overdue(),
            t.dueSoon(), t.onTime()));
      }
    }
    townships.sort((a, b) -> a.code().compareTo(b.code()));
    List<AreaCounts> countyList = new ArrayList<>();
    counties.forEach((code, s) -> countyList.add(new AreaCounts(code, name(code), s[0], s[1], s[2])));
    return new MonitorCounts(shanghai(c.asOf()), c.today(), new BandCounts(overdue, soon, onTime), countyList,
        townships);
  }

  /**
   * The regions the caller may see (the regions of their monitor roles, {@code null} for administrators), checked
   * against the county/township filter.
   */
  OpenDeadlineFilter filter(StaffMember caller, MonitorQuery q) {
    List<String> scope = scope(caller);
    String county = q.countyCode();
    String township = q.townshipCode();
    if (county != null) {
      requireLevel(county, RegionLevel.COUNTY, "县级（county）");
      requireVisible(scope, county);
    }
    if (township != null) {
      requireLevel(township, RegionLevel.TOWNSHIP, "乡镇（township）");
      requireVisible(scope, township);
      if (county != null && !township.startsWith(county)) {
        throw new MonitorRequestException(400, "乡镇 " + township + " 不属于县 " + county);
      }
    }
    return new OpenDeadlineFilter(scope, q.scheme(), q.processKey(), county, township, q.band());
  }

  private List<String> scope(StaffMember caller) {
    if (caller.administrator()) {
      return null;
    }
    List<String> scope = new ArrayList<>();
    for (RoleAssignment a : caller.assignments()) {
      if (READERS.contains(a.role()) && !scope.contains(a.regionCode())) {
        scope.add(a.regionCode());
      }
    }
    if (scope.isEmpty()) {
      throw new MonitorRequestException(403, "当前角色无权查看办理时限（不含个案数据的角色除外）");
    }
    return scope;
  }

  private void requireLevel(String code, RegionLevel level, String what) {
    Region r = regions.find(code).orElse(null);
    if (r == null || r.level() != level) {
      throw new MonitorRequestException(400, "“" + code + "”不是" + what + "行政区划代码");
    }
  }

  private static void requireVisible(List<String> scope, String code) {
    if (scope == null) {
      return;
    }
    String p = prefix(code);
    boolean visible = scope.stream().map(DeadlineMonitor::prefix)
        .anyMatch(s -> p.startsWith(s) || s.startsWith(p));
    if (!visible) {
      throw new MonitorRequestException(403, "无权查看辖区以外的地区：" + code);
    }
  }

  /** 220000 → 22, 220100 → 2201, 220102 → 220102, 220102001 → 220102001. */
  static String prefix(String code) {
    String c = code;
    if (c.length() == 12 && c.endsWith("000")) {
      c = c.substring(0, 9);
    }
    if (c.length() == 9 && c.endsWith("000")) {
      c = c.substring(0, 6);
    }
    while (c.length() <= 6 && c.length() > 2 && c.endsWith("00")) {
      c = c.substring(0, c.length() - 2);
    }
    return c;
  }

  private String name(String code) {
    return regions.find(code).map(Region::name).orElse(code);
  }

  private static OffsetDateTime shanghai(Instant t) {
    return PageDetails.shanghai(t);
  }
}
