package org.doudi.eligibility;

/**
 * Published in the transaction that records a new local standard ({@link DibaoStandards#add}), so that the awards
 * paid under the county's standard follow it (the payroll's 标准调整, docs/standard-rise.md). A listener that fails
 * rolls the standard back. The audit trail records it with the standard it follows ({@code before}: the latest of the
 * county and type before it, null for the first).
 */
public record DibaoStandardAdded(DibaoStandard standard, DibaoStandard before) {}
