package org.doudi.temporary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A 临时救助 payment was recorded in the ledger for a case: the 先行救助 of an emergency ({@code kind} EMERGENCY,
 * instalment 1) or an instalment of an approved 支出型 schedule (EXPENDITURE, instalment n). Published in the
 * transaction that records the ledger row; a retried job publishes it again with the same values, so listeners
 * (the watch list, docs/watch.md) must be idempotent on {@code caseRef} + {@code instalment}.
 */
public record TemporaryAssistancePaid(String caseRef, String kind, int instalment, String recipientIdNumber,
    String recipientName, String countyCode, String regionCode, LocalDate paidOn, BigDecimal amount) {}
