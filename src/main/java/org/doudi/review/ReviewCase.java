package org.doudi.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One review (a dibao-review process instance) as stored in review_case. */
public record ReviewCase(long id, String beneficiaryKey, String scheme, String countyCode, String regionCode,
    Trigger trigger, String triggerDetail, LocalDate dueOn, Instant openedAt, String openedBy,
    String processInstanceId, String status, Boolean checkPassed, Boolean changesFound, String assessedOutcome,
    BigDecimal assessedAmount, Integer assessedMembers, String proposedOutcome, String proposalReasons,
    String proposedBy, String exitReasonCode, String confirmedBy, String outcome, Long appliedAwardId,
    String nextClass, LocalDate nextReviewOn, Instant closedAt) {}
