package org.doudi.unemployed;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Test-only checkpoint (found by component scanning of the test classes): makes the payment step fail right after
 * the ledger row has been written (in the same transaction), as a crash between the ledger write and the end of the
 * job would. Tests arm it to prove that the retried job pays exactly once.
 */
@Component
public class PaymentFaults implements UnemployedCheckpoint {

  private final AtomicInteger failuresAfterLedgerWrite = new AtomicInteger();

  /** The next {@code times} payment steps fail after writing their ledger row. */
  public void failAfterLedgerWrite(int times) {
    failuresAfterLedgerWrite.set(times);
  }

  public void reset() {
    failuresAfterLedgerWrite.set(0);
  }

  @Override
  public void reached(String step, long ledgerId) {
    if (LEDGER_WRITTEN.equals(step) && failuresAfterLedgerWrite.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("注入的故障：付款" + ledgerId + "已写入台账后任务中断（测试）");
    }
  }
}
