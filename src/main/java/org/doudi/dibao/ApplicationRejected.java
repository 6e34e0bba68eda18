package org.doudi.dibao;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A 低保 application was rejected (不予批准): published by the rejection step of {@code dibao-application} in the
 * transaction that records the decision, so listeners (the watch list, docs/watch.md) see it exactly when the
 * decision commits. The figures come from the case's stored assessment ({@code dibao_assessment}); they are null
 * when the case was rejected before any assessment.
 *
 * @param perCapitaIncome   the assessed per-capita monthly income (yuan), or null
 * @param standard          the local 低保 standard the assessment used (yuan/person·month), or null
 * @param assetsWithinLimit whether the assessment found the assets within the limit, or null
 * @param memberIdNumbers   every member's ID number, applicant first
 */
public record ApplicationRejected(long applicationId, String processInstanceId, String countyCode, String regionCode,
    String applicantName, String applicantIdNumber, List<String> memberIdNumbers, LocalDate decidedOn,
    String eligibilityOutcome, BigDecimal perCapitaIncome, BigDecimal standard, Boolean assetsWithinLimit) {}
