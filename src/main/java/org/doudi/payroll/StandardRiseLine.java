package org.doudi.payroll;

import java.math.BigDecimal;

/**
 * One award in a standard rise (standard_rise_line): the amount before and after and why. {@code kind}: INCREASE,
 * DECREASE, UNCHANGED, MANUAL (no basis, or no longer below the standard: never changed automatically).
 */
public record StandardRiseLine(String beneficiaryKey, String scheme, long basedOnAwardId, int basedOnSeq,
    String regionCode, String payeeName, java.math.BigDecimal oldAmount, BigDecimal newAmount, BigDecimal difference,
    String kind, String reason) {}
