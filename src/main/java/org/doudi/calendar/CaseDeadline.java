package org.doudi.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A legal clock of a case as the case overview shows it (a {@code cal_deadline} row, open or not): the activity it
 * belongs to, counted from {@code startDate} over {@code days} working days ({@code calendarDays}: calendar days),
 * {@code extensionDays} added, due at {@code dueAt}; {@code status} OPEN, CLOSED or OVERRIDDEN.
 */
public record CaseDeadline(long id, String processInstanceId, String activityId, DeadlineKind kind,
    LocalDate startDate, int days, boolean calendarDays, int extensionDays, boolean provisional, Instant dueAt,
    String status) {}
