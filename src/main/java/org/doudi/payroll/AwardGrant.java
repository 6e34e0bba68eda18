package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;

/**
 * A new monthly benefit (低保, 特困 …) for a beneficiary: paid from the first day of the month after {@code decidedOn}.
 * {@code payee} carries the beneficiary key ({@code HH-<applicationId>} for a household) and the bank account.
 */
public record AwardGrant(String beneficiaryKey, Scheme scheme, String caseRef, String countyCode, String regionCode,
    String urbanRural, Integer memberCount, Payee payee, BigDecimal monthlyAmount, LocalDate decidedOn,
    String reason) {}
