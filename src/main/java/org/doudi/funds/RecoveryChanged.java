package org.doudi.funds;

/**
 * A write to funds_recovery or funds_recovery_entry (追回: an overpayment registered, a repayment or write-off
 * recorded, the recovery closed), published in the writing transaction by {@link Recoveries}; the audit trail records
 * it with the recovery before and after.
 *
 * @param action  REGISTERED, REPAYMENT, WRITE_OFF, CLOSED
 * @param subject table and key, {@code funds_recovery <id>}
 */
public record RecoveryChanged(String action, long recoveryId, String actor, String processInstanceId,
    String beneficiaryKey, String regionCode, String subject, Recoveries.Recovery before,
    Recoveries.Recovery after) {}
