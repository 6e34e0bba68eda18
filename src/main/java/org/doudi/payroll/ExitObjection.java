package org.doudi.payroll;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of award_exit_objection (V32_1): the household's objection to an exit, recorded by county staff, decided
 * by another county approver by {@code dueDate} (process exit-objection). {@code decision} UPHOLD or REJECT as the
 * approver recorded it; {@code status} OPEN until it is applied, then UPHELD (the award is reinstated from the month
 * it was stopped: {@code reinstatedAwardId}) or REJECTED.
 */
public record ExitObjection(long id, long exitId, LocalDate receivedOn, String statement, String recordedBy,
    Instant recordedAt, LocalDate dueDate, String status, String decision, String decisionNote, String decidedBy, Instant decidedAt,
    Long reinstatedAwardId, String processInstanceId) {}
