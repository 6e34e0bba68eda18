package org.doudi.calendar.internal;

import java.time.LocalDate;

/** An extra day off in one region (and everything below it), e.g. a county's local holiday. */
public record RegionClosure(String regionCode, LocalDate date, String reason) {}
