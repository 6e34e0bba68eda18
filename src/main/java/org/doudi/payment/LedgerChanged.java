package org.doudi.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the ledger's one writer did, published in the writing transaction (the audit trail records every such event):
 * a payment recorded or re-issued, a status change, a month's bulk step (roster rows added, approved, sent) or a bank
 * file's results. One event per call, not per row, so a province's roster is one entry.
 *
 * @param action      RECORDED, REISSUED, RECORDED_BULK, STATUS, ROSTER, APPROVED_MONTH, SENT, SETTLED
 * @param ledgerId    the row for a single payment, else null
 * @param caseRef     the case of a single payment, else null
 * @param countyCode  the county where one applies
 * @param payrollMonth the month of a bulk step, else null
 * @param rows        rows written or changed
 * @param total       their amount where known (single payment, bulk record, roster), else null
 * @param detail      status change (from → to), bank file id, …
 */
public record LedgerChanged(String action, Long ledgerId, String caseRef, String countyCode, LocalDate payrollMonth,
    int rows, BigDecimal total, String actor, String detail) {}
