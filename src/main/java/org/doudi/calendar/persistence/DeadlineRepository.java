package org.doudi.calendar.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.doudi.calendar.DeadlineKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code cal_deadline} and {@code cal_deadline_change}; runs inside the caller's (engine) transaction. */
@Repository
public class DeadlineRepository {

  private static final String COLUMNS = "id, process_instance_id, execution_id, activity_id, deadline_kind, "
      + "start_date, working_days, region_code, extension_days, provisional, due_at, status, created_at, updated_at, "
      + "day_basis";

  private static final RowMapper<DeadlineRecord> ROW = DeadlineRepository::map;

  private final JdbcTemplate jdbc;

  public DeadlineRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String processInstanceId, String executionId, String activityId, DeadlineKind kind,
      LocalDate startDate, int workingDays, String regionCode, int extensionDays, boolean provisional,
      Instant dueAt, Instant now) {
    return insert(processInstanceId, executionId, activityId, kind, startDate, workingDays, regionCode,
        extensionDays, provisional, dueAt, now, false, DeadlineOrigin.UNKNOWN);
  }

  /**
   * As above; {@code calendarDays} records a limit counted in calendar days ({@code days} are then calendar days),
   * {@code origin} the process definition, which the deadline monitor filters by.
   */
  public long insert(String processInstanceId, String executionId, String activityId, DeadlineKind kind,
      LocalDate startDate, int workingDays, String regionCode, int extensionDays, boolean provisional,
      Instant dueAt, Instant now, boolean calendarDays, DeadlineOrigin origin) {
    RegionColumns region = RegionColumns.of(regionCode);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO cal_deadline (process_instance_id, execution_id, activity_id, "
          + "deadline_kind, start_date, working_days, region_code, extension_days, provisional, due_at, status, "
          + "created_at, updated_at, day_basis, process_definition_id, process_key, scheme, city_code, county_code, "
          + "township_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      ps.setString(1, processInstanceId);
      ps.setString(2, executionId);
      ps.setString(3, activityId);
      ps.setString(4, kind.name());
      ps.setObject(5, startDate);
      ps.setInt(6, workingDays);
      ps.setString(7, regionCode);
      ps.setInt(8, extensionDays);
      ps.setBoolean(9, provisional);
      ps.setObject(10, utc(dueAt));
      ps.setObject(11, utc(now));
      ps.setObject(12, utc(now));
      ps.setString(13, calendarDays ? "CALENDAR" : "WORKING");
      ps.setString(14, origin.processDefinitionId());
      ps.setString(15, origin.processKey());
      ps.setString(16, origin.scheme());
      ps.setString(17, region.cityCode());
      ps.setString(18, region.countyCode());
      ps.setString(19, region.townshipCode());
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** Open rows written before the monitor's columns existed (V43_1): id, process instance, region code. */
  public List<String[]> openWithoutOrigin(long afterId, int limit) {
    return jdbc.query("SELECT id, process_instance_id, region_code FROM cal_deadline WHERE status = 'OPEN' "
            + "AND process_key IS NULL AND id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, afterId);
  }

  public void setOrigin(long id, DeadlineOrigin origin, String regionCode) {
    RegionColumns region = RegionColumns.of(regionCode);
    jdbc.update("UPDATE cal_deadline SET process_definition_id = ?, process_key = ?, scheme = ?, city_code = ?, "
            + "county_code = ?, township_code = ? WHERE id = ?", origin.processDefinitionId(), origin.processKey(),
        origin.scheme(), region.cityCode(), region.countyCode(), region.townshipCode(), id);
  }

  public Optional<DeadlineRecord> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cal_deadline WHERE id = ?", ROW, id).stream().findFirst();
  }

  /** Open deadline ids after {@code afterId}, ascending: keyset paging for batch recomputation. */
  public List<Long> openIdsAfter(long afterId, int limit) {
    return jdbc.queryForList("SELECT id FROM cal_deadline WHERE status = 'OPEN' AND id > ? ORDER BY id "
        + "FETCH FIRST " + limit + " ROWS ONLY", Long.class, afterId);
  }

  public List<DeadlineRecord> openFor(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cal_deadline WHERE status = 'OPEN' AND process_instance_id = ? "
        + "ORDER BY id", ROW, processInstanceId);
  }

  public List<DeadlineRecord> allFor(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cal_deadline WHERE process_instance_id = ? ORDER BY id",
        ROW, processInstanceId);
  }

  public List<DeadlineRecord> openProvisional(int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cal_deadline WHERE status = 'OPEN' AND provisional = TRUE "
        + "ORDER BY due_at, id FETCH FIRST " + limit + " ROWS ONLY", ROW);
  }

  public void update(long id, Instant dueAt, boolean provisional, int extensionDays, Instant now) {
    jdbc.update("UPDATE cal_deadline SET due_at = ?, provisional = ?, extension_days = ?, updated_at = ? WHERE id = ?",
        utc(dueAt), provisional, extensionDays, utc(now), id);
  }

  public void setStatus(long id, String status, Instant now) {
    jdbc.update("UPDATE cal_deadline SET status = ?, updated_at = ? WHERE id = ?", status, utc(now), id);
  }

  /** Closes the open deadlines of an activity that ended (timer fired, task completed or cancelled). */
  public int closeOpen(String executionId, String activityId) {
    return jdbc.update("UPDATE cal_deadline SET status = 'CLOSED', updated_at = ? "
            + "WHERE status = 'OPEN' AND execution_id = ? AND activity_id = ?",
        utc(Instant.now()), executionId, activityId);
  }

  public void insertChange(long deadlineId, Instant oldDue, Instant newDue, boolean oldProvisional,
      boolean newProvisional, String reason, Instant now) {
    jdbc.update("INSERT INTO cal_deadline_change (deadline_id, old_due_at, new_due_at, old_provisional, "
            + "new_provisional, reason, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        deadlineId, utc(oldDue), utc(newDue), oldProvisional, newProvisional, truncate(reason, 500), utc(now));
  }

  public List<DeadlineChange> changesFor(String processInstanceId) {
    return jdbc.query("SELECT c.id, c.deadline_id, c.old_due_at, c.new_due_at, c.old_provisional, "
            + "c.new_provisional, c.reason, c.changed_at FROM cal_deadline_change c "
            + "JOIN cal_deadline d ON d.id = c.deadline_id WHERE d.process_instance_id = ? ORDER BY c.id",
        (rs, i) -> new DeadlineChange(rs.getLong(1), rs.getLong(2), instant(rs, 3), instant(rs, 4),
            rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), instant(rs, 8)),
        processInstanceId);
  }

  public record DeadlineChange(long id, long deadlineId, Instant oldDueAt, Instant newDueAt,
      boolean oldProvisional, boolean newProvisional, String reason, Instant changedAt) {}

  private static DeadlineRecord map(ResultSet rs, int row) throws SQLException {
    return new DeadlineRecord(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("execution_id"),
        rs.getString("activity_id"), DeadlineKind.valueOf(rs.getString("deadline_kind")),
        rs.getObject("start_date", LocalDate.class), rs.getInt("working_days"), rs.getString("region_code"),
        rs.getInt("extension_days"), rs.getBoolean("provisional"), instant(rs, "due_at"), rs.getString("status"),
        instant(rs, "created_at"), instant(rs, "updated_at"), "CALENDAR".equals(rs.getString("day_basis")));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
