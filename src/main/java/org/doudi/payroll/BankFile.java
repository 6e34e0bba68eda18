package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A bank disbursement file (table payroll_bank_file): PAYROLL (one per run) or ONE_OFF (pending one-off payments of a
 * county). The content itself is read with {@link BankFiles#write}.
 */
public record BankFile(long id, String batchNo, String kind, Long runId, String countyCode, YearMonth payrollMonth,
    String bankName, String format, String charset, int rowCount, BigDecimal totalAmount, String sha256,
    Instant createdAt, String createdBy, Instant resultImportedAt, Integer paidCount, Integer returnedCount) {}
