package org.doudi.supervision;

import org.doudi.calendar.DeadlineBand;

/**
 * A validated monitor request: optional filters ({@code null} = any), 0-based page, page size and order. The
 * caller's region scope is added by {@link DeadlineMonitor}.
 */
public record MonitorQuery(String scheme, String processKey, String countyCode, String townshipCode,
    DeadlineBand band, int page, int size, boolean descending) {}
