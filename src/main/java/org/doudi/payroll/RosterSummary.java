package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The roster of a run after {@link Payroll#computeRoster}: {@code inserted} rows written by this call (0 on a
 * repeat), {@code count}/{@code total} all payments of the county's payroll month (not cancelled), of which
 * {@code extrasCount}/{@code extrasTotal} were recorded by other modules for the month (e.g. price subsidies).
 */
public record RosterSummary(long runId, String countyCode, YearMonth month, int inserted, int count, BigDecimal total,
    int extrasCount, BigDecimal extrasTotal) {}
