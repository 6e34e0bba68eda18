package org.doudi.payroll;

/**
 * A write to award_exit (退出: DECIDED with its relapse-risk assessment, ENDED after the phase-out, REINSTATED) or
 * award_exit_objection (OBJECTION_RECORDED, OBJECTION_DECIDED, OBJECTION_CLOSED), published in the writing
 * transaction by its one writer; the audit trail records it with the row before and after.
 *
 * @param actor   who decided the exit, recorded the objection or decided it; null for the application's steps
 * @param subject table and key, {@code award_exit <id>} or {@code award_exit_objection <id>}
 */
public record ExitChanged(String action, String beneficiaryKey, String countyCode, String processInstanceId,
    String actor, String subject, Object before, Object after) {}
