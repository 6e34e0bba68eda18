package org.doudi.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import org.doudi.calendar.DeadlineBand;
import org.doudi.calendar.DeadlineKind;

/**
 * One open legal clock as the monitor shows it (the JSON of {@code GET /api/supervision/deadlines}). {@code taskId},
 * {@code assignee} and {@code candidateGroups} describe the open user task the clock limits, empty for a timer on a
 * step that is not a user task.
 */
public record MonitorItem(long deadlineId, String processInstanceId, String processDefinitionId, String processKey,
    String processName, String scheme, String businessKey, String activityId, String activityName,
    DeadlineKind kind, String taskId, String assignee, List<String> candidateGroups, String regionCode,
    String countyCode, String countyName, String townshipCode, String townshipName, OffsetDateTime dueAt,
    int workingDaysLeft, DeadlineBand band, boolean calendarDays, boolean provisional) {}
