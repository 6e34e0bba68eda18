package org.doudi.payroll;

/**
 * A write to payroll_reissue_request (a returned payment's correction to a new account, decided by a second person),
 * published in the writing transaction by its one writer; the audit trail records it with the row before and after:
 * REQUESTED, APPROVED (the decision), REJECTED, APPLIED (the re-issued payment written).
 *
 * @param actor   the requester (REQUESTED) or the second person (APPROVED, REJECTED); null for the application's step
 * @param subject table and key, {@code payroll_reissue_request <id>}
 */
public record ReissueRequestChanged(String action, long requestId, String beneficiaryKey, String countyCode,
    String processInstanceId, String actor, String subject, Object before, Object after) {}
