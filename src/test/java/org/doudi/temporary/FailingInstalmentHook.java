package org.doudi.temporary;

import java.util.concurrent.atomic.AtomicInteger;
import org.doudi.engine.ProcessBean;
import org.doudi.temporary.internal.InstalmentPaymentHook;

/**
 * Test sources only (picked up by component scanning in every test context): makes the next {@code failuresLeft}
 * instalment payments fail right after their ledger row was written, inside the payment transaction.
 */
@ProcessBean("temporaryTestInstalmentFaults")
public class FailingInstalmentHook implements InstalmentPaymentHook {

  public final AtomicInteger failuresLeft = new AtomicInteger();

  @Override
  public void afterLedgerRow(String processInstanceId, int instalment, long ledgerId) {
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("injected failure after ledger row " + ledgerId + " (instalment " + instalment
          + " of " + processInstanceId + ")");
    }
  }
}
