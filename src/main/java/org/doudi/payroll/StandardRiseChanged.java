package org.doudi.payroll;

/**
 * A step of a 标准调整 written to standard_rise, published in the writing transaction by its one writer; the audit trail
 * records it with the row before and after: OPENED (the rise and its process, after the new standard), COMPUTED
 * (the lines and their figures), DECIDED (the county's review), APPLIED (the award rows written in bulk: their count,
 * not one entry per award), REJECTED.
 *
 * @param actor   the reviewer for DECIDED; null: the engine's or HTTP caller (system for the jobs)
 * @param subject table and key, {@code standard_rise <id>}
 */
public record StandardRiseChanged(String action, long riseId, String countyCode, String processInstanceId,
    String actor, String subject, StandardRise before, StandardRise after) {}
