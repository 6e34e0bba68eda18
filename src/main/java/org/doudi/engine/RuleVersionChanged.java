package org.doudi.engine;

/**
 * A write to rule_approval (a money rule's version recorded as pending at its deployment, decided by a second person,
 * or superseded by a newer deployment), published in the engine command's transaction; the audit trail records it
 * with the row before and after. Writes during the application's start-up deployment happen before event listeners
 * exist: the deployment itself is recorded there (kind DEPLOYMENT).
 *
 * @param action  PENDING (a new version), APPROVED, REJECTED, SUPERSEDED
 * @param subject table and key, {@code rule_approval <decision definition id>}
 */
public record RuleVersionChanged(String action, String decisionKey, String actor, String processInstanceId,
    String subject, RuleVersion before, RuleVersion after) {}
