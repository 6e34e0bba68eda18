package org.doudi.calendar;

import java.time.Instant;

/**
 * An open legal clock (a {@code cal_deadline} row with status OPEN, kind DUE or TIMER) as the deadline monitor shows
 * it. {@code workingDaysLeft}: working days from today to the due day on the calendar of the case's region, 0 when
 * due today, negative when the due day is past. Process fields are {@code null} for rows whose definition is unknown.
 */
public record OpenDeadline(long id, String processInstanceId, String executionId, String activityId,
    DeadlineKind kind, String processDefinitionId, String processKey, String scheme, String regionCode,
    String countyCode, String townshipCode, Instant dueAt, int workingDaysLeft, DeadlineBand band,
    boolean calendarDays, boolean provisional) {}
