package org.doudi.review;

import java.time.Instant;
import java.time.LocalDate;

/** A change as stored in review_change, with what it led to (a review case or an award change request). */
public record ReportedChange(long id, String beneficiaryKey, ChangeKind kind, String source, String detail,
    String memberIdNumber, String memberName, String memberRelation, LocalDate occurredOn, LocalDate learnedOn,
    LocalDate dueBy, boolean lateReport, Long reviewCaseId, Long changeRequestId, String recordedBy,
    Instant recordedAt) {}
