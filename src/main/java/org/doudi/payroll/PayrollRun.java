package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One county's payroll for one month (table payroll_run, unique per county and month). Status: OPEN (created),
 * ROSTER (roster computed), APPROVED (county approval), SENT (bank file made), RECONCILED (every result imported).
 */
public record PayrollRun(long id, String countyCode, YearMonth month, String status, String processInstanceId,
    Integer rosterCount, BigDecimal rosterTotal, Integer approvedCount, BigDecimal approvedTotal, Instant approvedAt,
    String approvedBy, Instant createdAt, String createdBy) {}
