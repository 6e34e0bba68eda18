package org.doudi.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment to record. The idempotency key names the payment itself (scheme, case or beneficiary, period,
 * instalment), never the attempt, so every retry of the same work produces the same key.
 *
 * @param payrollMonth first day of the payroll month the row belongs to, or null outside the monthly payroll
 */
public record PaymentRequest(String idempotencyKey, Scheme scheme, String caseRef, Payee payee, String countyCode,
    String regionCode, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, Channel channel,
    LocalDate payrollMonth, String note) {}
