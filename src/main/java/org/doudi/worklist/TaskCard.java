package org.doudi.worklist;

import java.time.OffsetDateTime;

/**
 * What a Tasklist card shows of one task's case. Region names are {@code null} above the case's level (a township
 * case has no village). The legal limit ({@code dueAt} … {@code provisional}) is the task's own open clock (its due
 * date, {@code limitOf = TASK}) or else the case's earliest open clock ({@code CASE}); all {@code null} when the case
 * has none. {@code workingDaysLeft}: working days from today to the due day on the calendar of the case's region, 0
 * due today, negative overdue; {@code band}: OVERDUE, DUE_SOON (≤ 3 working days) or ON_TIME.
 */
public record TaskCard(String taskId, String processInstanceId, String applicantName, String regionCode,
    String countyName, String townshipName, String villageName, String scheme, String schemeName,
    String processName, String limitOf, OffsetDateTime dueAt, Integer workingDaysLeft, String band, String bandLabel,
    Boolean calendarDays, Boolean provisional) {}
