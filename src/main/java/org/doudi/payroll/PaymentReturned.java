package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doudi.payment.Scheme;

/**
 * The bank returned a payment (result import): published when its {@code payment-return} case starts, in the
 * transaction of the import, once per returned ledger row (a repeated result file changes nothing and publishes
 * nothing). Listeners (the watch list, docs/watch.md) key on {@code ledgerId}.
 */
public record PaymentReturned(long ledgerId, Scheme scheme, String beneficiaryKey, String payeeName,
    String payeeIdNumber, String countyCode, String regionCode, BigDecimal amount, LocalDate periodStart,
    String reason, String returnProcessInstanceId) {}
