package org.doudi.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One ledger row. {@code kind} is PAYMENT, REISSUE (of {@code relatedId}) or CORRECTION. */
public record LedgerEntry(long id, String idempotencyKey, Scheme scheme, String kind, Long relatedId, String caseRef,
    Payee payee, String countyCode, String regionCode, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
    Channel channel, LocalDate payrollMonth, Long bankFileId, PaymentStatus status, Instant approvedAt,
    String approvedBy, String note, Instant createdAt, String createdBy) {}
