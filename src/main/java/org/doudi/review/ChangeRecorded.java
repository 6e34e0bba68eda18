package org.doudi.review;

/**
 * What a recorded change led to: the review it opened or joined ({@code reviewCaseId}, its process instance), or the
 * four-eyes award change request it filed ({@code changeRequestId}: BANK_ACCOUNT, MOVE_COUNTY).
 */
public record ChangeRecorded(long changeId, Long reviewCaseId, String processInstanceId, Long changeRequestId,
    java.time.LocalDate dueBy, boolean lateReport) {}
