package org.doudi.supervision.escalation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** {@code supervision_escalation}: the one writer. Runs in the caller's (engine) transaction. */
@Repository
public class EscalationRepository {

  /** What the sweep records when it establishes a missed limit. */
  public record NewEscalation(String limitKey, long deadlineId, String deadlineKind, Instant dueAt, String limitRule,
      String lateProcessInstanceId, String lateProcessKey, String lateProcessName, String lateBusinessKey,
      String lateExecutionId, String lateActivityId, String lateActivityName, String lateTaskId, String holderAssignee,
      String holderGroups, String caseRegionCode, String officeCode, String officeLevel, String supervisingRegionCode,
      String supervisingGroups, int workingDaysOverdue, LocalDate escalatedOn, Instant escalatedAt) {}

  public record EscalationRow(long id, String limitKey, long deadlineId, String deadlineKind, Instant dueAt,
      String limitRule, String lateProcessInstanceId, String lateProcessKey, String lateProcessName,
      String lateBusinessKey, String lateActivityId, String lateActivityName, String lateTaskId, String holderAssignee,
      String holderGroups, String caseRegionCode, String officeCode, String officeLevel, String supervisingRegionCode,
      String supervisingGroups, int workingDaysOverdue, LocalDate escalatedOn, Instant escalatedAt,
      String escalationProcessId, String status, String category, String instruction, Integer holderWorkingDays,
      LocalDate holderDueOn, String handledBy, Instant handledAt, Instant lateStepDoneAt, String commentTaskId) {}

  /** Per office: missed limits in the period, handled and open escalations, the worst lateness. */
  public record OfficeCount(String officeCode, String officeLevel, long missed, long handled, long open,
      int maxWorkingDaysOverdue) {}

  private static final String COLUMNS = "id, limit_key, deadline_id, deadline_kind, due_at, limit_rule, "
      + "late_process_instance_id, late_process_key, late_process_name, late_business_key, late_activity_id, "
      + "late_activity_name, late_task_id, holder_assignee, holder_groups, case_region_code, office_code, office_level, "
      + "supervising_region_code, supervising_groups, working_days_overdue, escalated_on, escalated_at, "
      + "escalation_process_id, status, category, instruction, holder_working_days, holder_due_on, handled_by, "
      + "handled_at, late_step_done_at, comment_task_id";

  private static final RowMapper<EscalationRow> ROW = EscalationRepository::map;

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public EscalationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the missed limit unless its key is recorded already; the new id, or empty when another sweep (a retry,
   * another node) recorded it. On PostgreSQL a concurrent insert of the same key waits for the other transaction and
   * then inserts nothing.
   */
  public Optional<Long> insertOnce(NewEscalation e) {
    String columns = "limit_key, deadline_id, deadline_kind, due_at, limit_rule, late_process_instance_id, "
        + "late_process_key, late_process_name, late_business_key, late_execution_id, late_activity_id, "
        + "late_activity_name, late_task_id, holder_assignee, holder_groups, case_region_code, office_code, "
        + "office_level, supervising_region_code, supervising_groups, working_days_overdue, escalated_on, escalated_at, "
        + "status";
    String values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN'";
    Object[] args = {e.limitKey(), e.deadlineId(), e.deadlineKind(), utc(e.dueAt()), cut(e.limitRule(), 1000),
        e.lateProcessInstanceId(), e.lateProcessKey(), cut(e.lateProcessName(), 255), cut(e.lateBusinessKey(), 255),
        e.lateExecutionId(), e.lateActivityId(), cut(e.lateActivityName(), 255), e.lateTaskId(), e.holderAssignee(),
        cut(e.holderGroups(), 1000), e.caseRegionCode(), e.officeCode(), e.officeLevel(), e.supervisingRegionCode(),
        e.supervisingGroups(), e.workingDaysOverdue(), e.escalatedOn(), utc(e.escalatedAt())};
    int inserted;
    if (postgres()) {
      inserted = jdbc.update("INSERT INTO supervision_escalation (" + columns + ") VALUES (" + values + ") "
          + "ON CONFLICT (limit_key) DO NOTHING", args);
    } else {
      try { // H2 keeps the transaction usable after a failed statement
        inserted = jdbc.update("INSERT INTO supervision_escalation (" + columns + ") VALUES (" + values + ")", args);
      } catch (DuplicateKeyException dup) {
        inserted = 0;
      }
    }
    if (inserted == 0) {
      return Optional.empty();
    }
    return Optional.of(jdbc.queryForObject("SELECT id FROM supervision_escalation WHERE limit_key = ?", Long.class,
        e.limitKey()));
  }

  public void setProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE supervision_escalation SET escalation_process_id = ? WHERE id = ?", processInstanceId, id);
  }

  /** Which of the keys are recorded already. */
  public Set<String> knownKeys(Collection<String> keys) {
    return in("SELECT limit_key FROM supervision_escalation WHERE limit_key IN ", keys);
  }

  /** Which of the process instances are 督办 themselves (a 督办 is not escalated again). */
  public Set<String> escalationProcesses(Collection<String> processInstanceIds) {
    return in("SELECT escalation_process_id FROM supervision_escalation WHERE escalation_process_id IN ",
        processInstanceIds);
  }

  public Optional<EscalationRow> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM supervision_escalation WHERE id = ?", ROW, id).stream().findFirst();
  }

  public Optional<EscalationRow> lock(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM supervision_escalation WHERE id = ? FOR UPDATE", ROW, id).stream()
        .findFirst();
  }

  /** Records the supervisor's instruction; false when the escalation was handled already. */
  public boolean handle(long id, String category, String instruction, int holderWorkingDays, LocalDate holderDueOn,
      String handledBy, Instant handledAt, Instant lateStepDoneAt, String commentTaskId) {
    return jdbc.update("UPDATE supervision_escalation SET status = 'HANDLED', category = ?, instruction = ?, "
            + "holder_working_days = ?, holder_due_on = ?, handled_by = ?, handled_at = ?, "
            + "late_step_done_at = COALESCE(late_step_done_at, ?), comment_task_id = ? WHERE id = ? AND status = 'OPEN'",
        category, instruction, holderWorkingDays, holderDueOn, handledBy, utc(handledAt), utc(lateStepDoneAt),
        commentTaskId, id) == 1;
  }

  /** Open escalations whose late step was not yet seen finished, ascending by id (keyset paging). */
  public List<EscalationRow> openWithStepRunning(long afterId, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM supervision_escalation WHERE status = 'OPEN' "
        + "AND late_step_done_at IS NULL AND id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", ROW, afterId);
  }

  /**
   * Handled escalations whose late step was not yet seen finished (their 督办期限 may be watched by the 督办 process),
   * ascending by id (keyset paging).
   */
  public List<EscalationRow> handledWithStepRunning(long afterId, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM supervision_escalation WHERE status = 'HANDLED' "
        + "AND late_step_done_at IS NULL AND id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", ROW, afterId);
  }

  /** The late step's execution (the recorded limit's), for a 督办 raised above this one. */
  public String lateExecutionId(long id) {
    return jdbc.queryForObject("SELECT late_execution_id FROM supervision_escalation WHERE id = ?", String.class, id);
  }

  public boolean markLateStepDone(long id, Instant at) {
    return jdbc.update("UPDATE supervision_escalation SET late_step_done_at = ? WHERE id = ? "
        + "AND late_step_done_at IS NULL", utc(at), id) == 1;
  }

  /** Escalations of offices under the prefixes (empty list: everywhere), newest first. */
  public List<EscalationRow> list(List<String> officePrefixes, String processInstanceId, String status, int page,
      int size) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    scope(where, args, officePrefixes);
    if (processInstanceId != null) {
      where.append(" AND (late_process_instance_id = ? OR escalation_process_id = ?)");
      args.add(processInstanceId);
      args.add(processInstanceId);
    }
    if (status != null) {
      where.append(" AND status = ?");
      args.add(status);
    }
    args.add((long) page * size);
    return jdbc.query("SELECT " + COLUMNS + " FROM supervision_escalation" + where + " ORDER BY id DESC OFFSET ? ROWS "
        + "FETCH FIRST " + size + " ROWS ONLY", ROW, args.toArray());
  }

  /** Per office under the prefixes (empty: everywhere): limits escalated on a day in [from, to]. */
  public List<OfficeCount> officeCounts(List<String> officePrefixes, LocalDate from, LocalDate to) {
    List<Object> args = new ArrayList<>(List.of(from, to));
    StringBuilder where = new StringBuilder(" WHERE escalated_on >= ? AND escalated_on <= ?");
    scope(where, args, officePrefixes);
    return jdbc.query("SELECT office_code, office_level, COUNT(*), "
            + "SUM(CASE WHEN status = 'HANDLED' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), "
            + "MAX(working_days_overdue) FROM supervision_escalation" + where
            + " GROUP BY office_code, office_level ORDER BY COUNT(*) DESC, office_code",
        (rs, i) -> new OfficeCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getInt(6)), args.toArray());
  }

  private static void scope(StringBuilder where, List<Object> args, List<String> officePrefixes) {
    if (officePrefixes.isEmpty()) {
      return;
    }
    where.append(" AND (");
    for (int i = 0; i < officePrefixes.size(); i++) {
      where.append(i == 0 ? "" : " OR ").append("office_code LIKE ?");
      args.add(officePrefixes.get(i) + "%");
    }
    where.append(")");
  }

  private Set<String> in(String sql, Collection<String> values) {
    if (values.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(", ", values.stream().map(v -> "?").toList());
    return new HashSet<>(jdbc.queryForList(sql + "(" + marks + ")", String.class, values.toArray()));
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
          .equals("PostgreSQL"));
    }
    return postgres;
  }

  private static EscalationRow map(ResultSet rs, int row) throws SQLException {
    int holderDays = rs.getInt("holder_working_days");
    Integer holderWorkingDays = rs.wasNull() ? null : holderDays;
    return new EscalationRow(rs.getLong("id"), rs.getString("limit_key"), rs.getLong("deadline_id"),
        rs.getString("deadline_kind"), instant(rs, "due_at"), rs.getString("limit_rule"),
        rs.getString("late_process_instance_id"), rs.getString("late_process_key"), rs.getString("late_process_name"),
        rs.getString("late_business_key"), rs.getString("late_activity_id"), rs.getString("late_activity_name"),
        rs.getString("late_task_id"), rs.getString("holder_assignee"), rs.getString("holder_groups"),
        rs.getString("case_region_code"), rs.getString("office_code"), rs.getString("office_level"),
        rs.getString("supervising_region_code"), rs.getString("supervising_groups"), rs.getInt("working_days_overdue"),
        rs.getObject("escalated_on", LocalDate.class), instant(rs, "escalated_at"),
        rs.getString("escalation_process_id"), rs.getString("status"), rs.getString("category"),
        rs.getString("instruction"), holderWorkingDays, rs.getObject("holder_due_on", LocalDate.class),
        rs.getString("handled_by"), instant(rs, "handled_at"), instant(rs, "late_step_done_at"),
        rs.getString("comment_task_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
