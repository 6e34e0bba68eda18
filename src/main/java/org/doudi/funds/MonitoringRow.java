package org.doudi.funds;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Fund flow of one county in one month (Asia/Shanghai): ledger rows approved ({@code approved_at} in the month),
 * paid and returned (their PAID/RETURNED status change in the month), the distinct households/persons paid, and
 * for the rows paid in the month the days from approval to payment (average and maximum, one decimal; null when
 * none had an approval time).
 */
public record MonitoringRow(YearMonth month, String countyCode, String countyName,
    long approvedCount, BigDecimal approvedAmount,
    long paidCount, BigDecimal paidAmount, long paidBeneficiaries,
    long returnedCount, BigDecimal returnedAmount,
    BigDecimal avgDaysToPayment, BigDecimal maxDaysToPayment) {}
