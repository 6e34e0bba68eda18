package org.doudi.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A page of the deadline monitor; {@code asOf} and {@code today} are the moment and day (Asia/Shanghai) it used. */
public record MonitorPage(int page, int size, long total, OffsetDateTime asOf, LocalDate today,
    List<MonitorItem> items) {}
