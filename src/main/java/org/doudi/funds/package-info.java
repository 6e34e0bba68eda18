/**
 * Funds: 流向、流速、流量 monitoring of the payment ledger per county and month ({@code /api/funds/monitoring},
 * CSV export, chart page {@code /funds/}), 价格临时补贴 from the monthly CPI figure
 * ({@link org.doudi.funds.PriceSubsidies}), and overpayment recovery ({@link org.doudi.funds.Recoveries},
 * process {@code overpayment-recovery}). See docs/funds.md.
 */
package org.doudi.funds;
