package org.doudi.calendar.persistence;

import java.time.Instant;
import java.time.LocalDate;
import org.doudi.calendar.DeadlineKind;

/**
 * A row of {@code cal_deadline}: a due date the engine got from the calendar and how it was computed. With
 * {@code calendarDays} the {@code workingDays} field holds calendar days (信访 limits) and the row never moves.
 */
public record DeadlineRecord(long id, String processInstanceId, String executionId, String activityId,
    DeadlineKind kind, LocalDate startDate, int workingDays, String regionCode, int extensionDays,
    boolean provisional, Instant dueAt, String status, Instant createdAt, Instant updatedAt, boolean calendarDays) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";
  /** Someone changed the job/task date by hand; recomputation leaves it alone. */
  public static final String OVERRIDDEN = "OVERRIDDEN";
}
