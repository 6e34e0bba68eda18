package org.doudi.payroll;

import java.math.BigDecimal;

/** After {@link Payroll#approve}: rows approved by this call (0 on a repeat), and all approved rows of the run. */
public record ApprovalSummary(long runId, int approvedNow, int count, BigDecimal total) {}
