package org.doudi.review;

import java.time.LocalDate;

/** The review schedule of one award (review_schedule): its class, the next review date, the open review if any. */
public record ReviewSchedule(String beneficiaryKey, String scheme, String countyCode, String regionCode,
    ReviewClass reviewClass, String classBasis, LocalDate nextReviewOn, LocalDate lastReviewedOn,
    LocalDate lastComparedOn, Long openCaseId, boolean active) {}
