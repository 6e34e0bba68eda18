package org.doudi.calendar;

import java.time.LocalDate;

/**
 * A computed day and whether it depends on a year without a loaded notice (then Monday–Friday was
 * assumed and the result is recomputed when the year is loaded).
 */
public record WorkingDate(LocalDate date, boolean provisional) {}
