package org.doudi.temporary.internal;

/**
 * Called inside the instalment payment transaction right after the ledger row is written. Production has none; a
 * test registers one to make the job fail at exactly that point and proves that the retry pays once.
 */
public interface InstalmentPaymentHook {
  void afterLedgerRow(String processInstanceId, int instalment, long ledgerId);
}
