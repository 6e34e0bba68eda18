package org.doudi.watch.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The watch_* tables (V33_1__watch.sql); called inside the caller's (engine's or request's) transaction. */
@Repository
public class WatchRepository {

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert entries;
  private final SimpleJdbcInsert alerts;

  public WatchRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.entries = new SimpleJdbcInsert(jdbc).withTableName("watch_entry").usingGeneratedKeyColumns("id");
    this.alerts = new SimpleJdbcInsert(jdbc).withTableName("watch_alert").usingGeneratedKeyColumns("id");
  }

  public record EntryRow(long id, String subjectIdNumber, String subjectName, String householdKey, String countyCode,
      String regionCode, String category, String sourceRef, String detail, LocalDate enteredOn, LocalDate watchUntil,
      LocalDate recheckDue, String status, Instant createdAt, String createdBy) {}

  public record AlertRow(long id, String ruleCode, String eventKey, String subjectIdNumber, String subjectName,
      String countyCode, String regionCode, Long entryId, String detail, Instant raisedAt, LocalDate raisedOn,
      Instant dueAt, String status, String reasonCode, String closingNote, String applicationRef, String closedBy,
      Instant closedAt, String processInstanceId) {}

  public record NewEntry(String subjectIdNumber, String subjectName, String householdKey, String countyCode,
      String regionCode, String category, String sourceRef, String detail, LocalDate enteredOn, LocalDate watchUntil,
      LocalDate recheckDue, Instant createdAt, String createdBy) {}

  public record NewAlert(String ruleCode, String eventKey, String subjectIdNumber, String subjectName,
      String countyCode, String regionCode, Long entryId, String detail, Instant raisedAt, LocalDate raisedOn) {}

  public long insertEntry(NewEntry e) {
    Map<String, Object> m = new HashMap<>();
    m.put("subject_id_number", e.subjectIdNumber());
    m.put("subject_name", e.subjectName());
    m.put("household_key", e.householdKey());
    m.put("county_code", e.countyCode());
    m.put("region_code", e.regionCode());
    m.put("category", e.category());
    m.put("source_ref", e.sourceRef());
    m.put("detail", e.detail());
    m.put("entered_on", e.enteredOn());
    m.put("watch_until", e.watchUntil());
    m.put("recheck_due", e.recheckDue());
    m.put("status", "ACTIVE");
    m.put("created_at", Timestamp.from(e.createdAt()));
    m.put("created_by", e.createdBy());
    return entries.executeAndReturnKey(m).longValue();
  }

  public Optional<EntryRow> entry(String category, String sourceRef, String subjectIdNumber) {
    return jdbc.query("SELECT * FROM watch_entry WHERE category = ? AND source_ref = ? AND subject_id_number = ?",
        WatchRepository::entryRow, category, sourceRef, subjectIdNumber).stream().findFirst();
  }

  public Optional<EntryRow> entry(long id) {
    return jdbc.query("SELECT * FROM watch_entry WHERE id = ?", WatchRepository::entryRow, id).stream().findFirst();
  }

  /** The subject's active entries on the day (newest first). */
  public List<EntryRow> activeEntries(String subjectIdNumber, LocalDate on) {
    return jdbc.query("SELECT * FROM watch_entry WHERE subject_id_number = ? AND status = 'ACTIVE' AND watch_until >= ? "
        + "ORDER BY entered_on DESC, id DESC", WatchRepository::entryRow, subjectIdNumber, on);
  }

  /** REJECTED entries whose re-check is due on or before the day (oldest first), at most {@code limit}. */
  public List<EntryRow> recheckDue(LocalDate on, int limit) {
    return jdbc.query("SELECT * FROM watch_entry WHERE category = 'REJECTED' AND status = 'ACTIVE' "
        + "AND recheck_due IS NOT NULL AND recheck_due <= ? ORDER BY recheck_due, id FETCH FIRST " + limit
        + " ROWS ONLY", WatchRepository::entryRow, on);
  }

  /** The entry was re-checked: the next re-check is due on {@code next} (null: none). */
  public void setRecheckDue(long entryId, LocalDate next) {
    jdbc.update("UPDATE watch_entry SET recheck_due = ? WHERE id = ?", next, entryId);
  }

  /** Entries past their watch period leave the register. */
  public int endExpired(LocalDate today) {
    return jdbc.update("UPDATE watch_entry SET status = 'ENDED' WHERE status = 'ACTIVE' AND watch_until < ?", today);
  }

  public long insertAlert(NewAlert a) {
    Map<String, Object> m = new HashMap<>();
    m.put("rule_code", a.ruleCode());
    m.put("event_key", a.eventKey());
    m.put("subject_id_number", a.subjectIdNumber());
    m.put("subject_name", a.subjectName());
    m.put("county_code", a.countyCode());
    m.put("region_code", a.regionCode());
    m.put("entry_id", a.entryId());
    m.put("detail", a.detail());
    m.put("raised_at", Timestamp.from(a.raisedAt()));
    m.put("raised_on", a.raisedOn());
    m.put("status", "OPEN");
    return alerts.executeAndReturnKey(m).longValue();
  }

  public Optional<AlertRow> alert(String ruleCode, String eventKey) {
    return jdbc.query("SELECT * FROM watch_alert WHERE rule_code = ? AND event_key = ?", WatchRepository::alertRow,
        ruleCode, eventKey).stream().findFirst();
  }

  public Optional<AlertRow> alert(long id) {
    return jdbc.query("SELECT * FROM watch_alert WHERE id = ?", WatchRepository::alertRow, id).stream().findFirst();
  }

  /** The alert row locked for its closing. */
  public Optional<AlertRow> lockAlert(long id) {
    return jdbc.query("SELECT * FROM watch_alert WHERE id = ? FOR UPDATE", WatchRepository::alertRow, id).stream()
        .findFirst();
  }

  public void setProcessInstance(long alertId, String processInstanceId) {
    jdbc.update("UPDATE watch_alert SET process_instance_id = ? WHERE id = ?", processInstanceId, alertId);
  }

  public void setDue(long alertId, Instant due) {
    jdbc.update("UPDATE watch_alert SET due_at = ? WHERE id = ?", due == null ? null : Timestamp.from(due), alertId);
  }

  /** Closes an open alert; false when it was closed already. */
  public boolean close(long alertId, String status, String reasonCode, String note, String applicationRef,
      String closedBy, Instant closedAt) {
    return jdbc.update("UPDATE watch_alert SET status = ?, reason_code = ?, closing_note = ?, application_ref = ?, "
        + "closed_by = ?, closed_at = ? WHERE id = ? AND status = 'OPEN'", status, reasonCode, note, applicationRef,
        closedBy, Timestamp.from(closedAt), alertId) == 1;
  }

  /** Records a 临时救助 grant once; false when the case was seen for the person already. */
  public boolean insertTemporaryGrant(String caseRef, String subjectIdNumber, String kind, LocalDate grantedOn) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM watch_temporary_grant WHERE case_ref = ? AND subject_id_number = ?",
        Integer.class, caseRef, subjectIdNumber) > 0) {
      return false;
    }
    jdbc.update("INSERT INTO watch_temporary_grant (case_ref, subject_id_number, kind, granted_on) VALUES (?, ?, ?, ?)",
        caseRef, subjectIdNumber, kind, grantedOn);
    return true;
  }

  /** Other cases' grants to the person from {@code from} to {@code to} (inclusive), oldest first. */
  public List<String> otherGrants(String subjectIdNumber, String caseRef, LocalDate from, LocalDate to) {
    return jdbc.queryForList("SELECT case_ref FROM watch_temporary_grant WHERE subject_id_number = ? AND case_ref <> ? "
        + "AND granted_on BETWEEN ? AND ? ORDER BY granted_on, case_ref", String.class, subjectIdNumber, caseRef, from, to);
  }

  /** Region filter: codes starting with one of the prefixes (null: everything). */
  public record Scope(List<String> prefixes) {
    public static Scope all() {
      return new Scope(null);
    }
  }

  public record Page<T>(List<T> items, long total) {}

  public Page<EntryRow> entries(Scope scope, String category, String status, int page, int size) {
    List<Object> args = new ArrayList<>();
    String where = where(scope, args);
    if (category != null) {
      where += " AND category = ?";
      args.add(category);
    }
    if (status != null) {
      where += " AND status = ?";
      args.add(status);
    }
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM watch_entry WHERE " + where, Long.class, args.toArray());
    List<EntryRow> rows = jdbc.query("SELECT * FROM watch_entry WHERE " + where + " ORDER BY entered_on DESC, id DESC "
        + "OFFSET " + ((long) page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY", WatchRepository::entryRow,
        args.toArray());
    return new Page<>(rows, total);
  }

  public Page<AlertRow> alerts(Scope scope, String ruleCode, String status, int page, int size) {
    List<Object> args = new ArrayList<>();
    String where = where(scope, args);
    if (ruleCode != null) {
      where += " AND rule_code = ?";
      args.add(ruleCode);
    }
    if (status != null) {
      where += " AND status = ?";
      args.add(status);
    }
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM watch_alert WHERE " + where, Long.class, args.toArray());
    List<AlertRow> rows = jdbc.query("SELECT * FROM watch_alert WHERE " + where + " ORDER BY raised_at DESC, id DESC "
        + "OFFSET " + ((long) page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY", WatchRepository::alertRow,
        args.toArray());
    return new Page<>(rows, total);
  }

  public record RuleCount(String ruleCode, long raised, long confirmed, long dismissed, long open) {}

  /** Per rule, the alerts raised in [from, to): how many, and how many of them are confirmed, dismissed, open. */
  public List<RuleCount> ruleCounts(Scope scope, LocalDate from, LocalDate to) {
    List<Object> args = new ArrayList<>();
    String where = where(scope, args) + " AND raised_on >= ? AND raised_on < ?";
    args.add(from);
    args.add(to);
    return jdbc.query("SELECT rule_code, COUNT(*) AS raised, "
        + "SUM(CASE WHEN status = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed, "
        + "SUM(CASE WHEN status = 'DISMISSED' THEN 1 ELSE 0 END) AS dismissed, "
        + "SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END) AS still_open "
        + "FROM watch_alert WHERE " + where + " GROUP BY rule_code ORDER BY rule_code",
        (rs, i) -> new RuleCount(rs.getString("rule_code"), rs.getLong("raised"), rs.getLong("confirmed"),
            rs.getLong("dismissed"), rs.getLong("still_open")), args.toArray());
  }

  private static String where(Scope scope, List<Object> args) {
    if (scope.prefixes() == null) {
      return "1 = 1";
    }
    if (scope.prefixes().isEmpty()) {
      return "1 = 0";
    }
    List<String> parts = new ArrayList<>();
    for (String p : scope.prefixes()) {
      parts.add("region_code LIKE ?");
      args.add(p + "%");
    }
    return "(" + String.join(" OR ", parts) + ")";
  }

  private static EntryRow entryRow(ResultSet rs, int i) throws SQLException {
    return new EntryRow(rs.getLong("id"), rs.getString("subject_id_number"), rs.getString("subject_name"),
        rs.getString("household_key"), rs.getString("county_code"), rs.getString("region_code"),
        rs.getString("category"), rs.getString("source_ref"), rs.getString("detail"), date(rs, "entered_on"),
        date(rs, "watch_until"), date(rs, "recheck_due"), rs.getString("status"), instant(rs, "created_at"),
        rs.getString("created_by"));
  }

  private static AlertRow alertRow(ResultSet rs, int i) throws SQLException {
    long entry = rs.getLong("entry_id");
    Long entryId = rs.wasNull() ? null : entry;
    return new AlertRow(rs.getLong("id"), rs.getString("rule_code"), rs.getString("event_key"),
        rs.getString("subject_id_number"), rs.getString("subject_name"), rs.getString("county_code"),
        rs.getString("region_code"), entryId, rs.getString("detail"), instant(rs, "raised_at"),
        date(rs, "raised_on"), instant(rs, "due_at"), rs.getString("status"), rs.getString("reason_code"),
        rs.getString("closing_note"), rs.getString("application_ref"), rs.getString("closed_by"),
        instant(rs, "closed_at"), rs.getString("process_instance_id"));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
