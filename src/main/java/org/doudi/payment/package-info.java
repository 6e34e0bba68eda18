/**
 * The payment ledger: every payment of every scheme (低保, 特困, 临时救助, 先行救助, one-off subsidies, payroll) is one
 * row written through {@link org.doudi.payment.Payments} in the same transaction as the decision that causes it, with
 * an idempotency key chosen by the caller, so a retried or crashed job never pays twice and a committed decision is
 * never left without its payment. {@link org.doudi.payment.OnceOnly} enforces "only once in the province" with a
 * unique constraint. See docs/payments.md.
 */
package org.doudi.payment;
