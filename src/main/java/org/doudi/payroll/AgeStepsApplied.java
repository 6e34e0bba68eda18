package org.doudi.payroll;

import java.util.List;

/**
 * 分类施保 age steps applied for a month ({@link AgeSupplements#apply}), published in the writing transaction when it
 * changed anything; the audit trail records it (award rows written in bulk: their count and counties, not one entry
 * per award; each row is in award_age_change).
 *
 * @param subject {@code award_age_change <yyyy-MM>}
 */
public record AgeStepsApplied(String actor, String subject, int memberChanges, int awardRows, int catchUpPayments,
    List<String> counties) {}
