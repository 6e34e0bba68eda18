package org.doudi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.calendar.DeadlineBand;
import org.doudi.calendar.internal.CalendarService;
import org.doudi.calendar.internal.CalendarTime;
import org.doudi.identity.Role;
import org.doudi.identity.StaffMember;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monitor's read path on PostgreSQL (V43_2's partial indexes and "C" collation, the province's code range, the
 * band cuts with a region closure's LIKE term, the GROUP BY of the counts): clocks written straight into cal_deadline.
 */
class DeadlineMonitorPostgresIT {

  @Test
  void pagesBandsScopeAndCountsOnPostgres() {
    String url = Postgres.freshDatabase("doudi_it_supervision");
    // Wed 2026-09-30 10:00: 10-01…10-07 off; 10-08 (1), 10-09 (2), 10-10 make-up (3), 10-12 (4)
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-09-30T10:00").atZone(CalendarTime.ZONE).toInstant()));
    try (ConfigurableApplicationContext app = Postgres.application(url)) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      insert(jdbc, "p1", "DUE", "220102001001", "2026-09-29", "OPEN"); // overdue, 南岭
      insert(jdbc, "p2", "TIMER", "220102002001", "2026-10-10", "OPEN"); // due soon, 自强
      insert(jdbc, "p3", "DUE", "220122100201", "2026-10-12", "OPEN"); // on time, 农安镇 (due soon after the closure)
      insert(jdbc, "p4", "FOLLOW_UP", "220122100201", "2026-09-29", "OPEN"); // a reminder, never listed
      insert(jdbc, "p5", "DUE", "220122100201", "2026-09-29", "CLOSED"); // ended
      jdbc.execute("ANALYZE cal_deadline");
      DeadlineMonitor monitor = app.getBean(DeadlineMonitor.class);
      StaffMember province = member(Role.AUDITOR, "220000");
      StaffMember nanguan = member(Role.COUNTY_CASEWORKER, "220102");
      StaffMember nongan = member(Role.TOWNSHIP_CASEWORKER, "220122100");

      assertThat(keys(monitor.page(province, q(null, null, 0)))).containsExactly("p1", "p2", "p3");
      assertThat(keys(monitor.page(province, new MonitorQuery(null, null, null, null, null, 0, 50, true))))
          .containsExactly("p3", "p2", "p1");
      assertThat(monitor.page(province, q(null, null, 1)).total()).isEqualTo(3);
      assertThat(keys(monitor.page(province, q(null, DeadlineBand.OVERDUE, 0)))).containsExactly("p1");
      assertThat(keys(monitor.page(province, q(null, DeadlineBand.DUE_SOON, 0)))).containsExactly("p2");
      assertThat(keys(monitor.page(province, q(null, DeadlineBand.ON_TIME, 0)))).containsExactly("p3");
      assertThat(keys(monitor.page(nanguan, q(null, null, 0)))).containsExactly("p1", "p2");
      assertThat(keys(monitor.page(nongan, q(null, null, 0)))).containsExactly("p3");
      assertThat(keys(monitor.page(province, q("220122", null, 0)))).containsExactly("p3");
      MonitorPage page = monitor.page(province, q(null, null, 0));
      assertThat(page.items()).extracting(MonitorItem::workingDaysLeft).containsExactly(-1, 3, 4);
      assertThat(page.items().get(0).countyName()).isEqualTo("南关区");

      MonitorCounts counts = monitor.counts(province, q(null, null, 0));
      assertThat(counts.total()).isEqualTo(new MonitorCounts.BandCounts(1, 1, 1));
      assertThat(counts.townships()).extracting(MonitorCounts.TownshipCounts::code)
          .containsExactly("220102001", "220102002", "220122100");

      // the closure straight into the table: the administration's recomputation would close these engine-less rows
      jdbc.update("INSERT INTO cal_region_closure (region_code, day_date, reason, created_by, created_at) "
          + "VALUES ('220122', DATE '2026-10-08', '县内停工（测试）', 'test', now())");
      app.getBean(CalendarService.class).reload();
      assertThat(keys(monitor.page(province, q(null, DeadlineBand.DUE_SOON, 0)))).containsExactly("p2", "p3");
      assertThat(monitor.counts(province, q(null, null, 0)).total()).isEqualTo(new MonitorCounts.BandCounts(1, 2, 0));
    } finally {
      ClockUtil.reset();
      Postgres.dropIfTemporary(url);
    }
  }

  static MonitorQuery q(String county, DeadlineBand band, int page) {
    return new MonitorQuery(null, null, county, null, band, page, page == 0 ? 50 : 1, false);
  }

  static StaffMember member(Role role, String region) {
    return new StaffMember("it-" + role.slug(), Set.of(new RoleAssignment(role, region)), false, Set.of());
  }

  static List<String> keys(MonitorPage page) {
    return page.items().stream().map(MonitorItem::processInstanceId).toList();
  }

  /** A calendar-day clock (never recomputed by the closure) due at 17:00 of {@code day}. */
  static void insert(JdbcTemplate jdbc, String pid, String kind, String region, String day, String status) {
    Instant due = LocalDate.parse(day).atTime(17, 0).atZone(CalendarTime.ZONE).toInstant();
    String township = region.substring(0, 9);
    String county = region.substring(0, 6);
    jdbc.update("INSERT INTO cal_deadline (process_instance_id, execution_id, activity_id, deadline_kind, start_date, "
            + "working_days, region_code, extension_days, provisional, due_at, status, created_at, updated_at, "
            + "day_basis, process_key, scheme, city_code, county_code, township_code) VALUES (?, ?, 'Task_X', ?, "
            + "DATE '2026-09-01', 15, ?, 0, FALSE, ?, ?, now(), now(), 'CALENDAR', 'it-process', 'it', ?, ?, ?)",
        pid, pid, kind, region, due.atOffset(java.time.ZoneOffset.UTC), status, county.substring(0, 4) + "00",
        county, township);
  }
}
