package org.doudi.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Legal limits that passed while their step is still open, for escalation (督办, docs/escalation.md): open
 * {@link DeadlineKind#DUE} and {@link DeadlineKind#TIMER} rows of {@code cal_deadline} whose {@code due_at} lies before
 * a moment. Follow-up dates are reminders, not limits. A case whose clock is stopped (中止计时) has no passed limit:
 * its deadlines move when the clock resumes. An interrupting timer that fired closed its row (the model handled the
 * miss); a non-interrupting one leaves it open while the step it watches runs, so it is listed.
 */
@Service
public class OverdueDeadlines {

  /** One passed limit; {@code days} are calendar days when {@code calendarDays}. */
  public record Overdue(long id, String processInstanceId, String executionId, String activityId, DeadlineKind kind,
      LocalDate startDate, int days, boolean calendarDays, String regionCode, Instant dueAt) {}

  private final JdbcTemplate jdbc;

  public OverdueDeadlines(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Passed limits with an id above {@code afterId}, ascending by id (keyset paging), at most {@code limit}. */
  public List<Overdue> passedBefore(Instant moment, long afterId, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit 1..1000, got " + limit);
    }
    return jdbc.query("SELECT d.id, d.process_instance_id, d.execution_id, d.activity_id, d.deadline_kind, "
            + "d.start_date, d.working_days, d.day_basis, d.region_code, d.due_at FROM cal_deadline d "
            + "WHERE d.status = 'OPEN' AND d.id > ? AND d.deadline_kind IN ('DUE', 'TIMER') AND d.due_at < ? "
            + "AND NOT EXISTS (SELECT 1 FROM cal_clock_stop s WHERE s.running_pid = d.process_instance_id) "
            + "ORDER BY d.id FETCH FIRST " + limit + " ROWS ONLY",
        (rs, i) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            DeadlineKind.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getInt(7),
            "CALENDAR".equals(rs.getString(8)), rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant()),
        afterId, moment.atOffset(ZoneOffset.UTC));
  }

  /** Whether the limit's step is still running (row OPEN, or OVERRIDDEN: a due date changed by hand); empty if unknown. */
  public Optional<Boolean> stillOpen(long deadlineId) {
    return jdbc.queryForList("SELECT status FROM cal_deadline WHERE id = ?", String.class, deadlineId).stream()
        .findFirst().map(s -> !"CLOSED".equals(s));
  }
}
