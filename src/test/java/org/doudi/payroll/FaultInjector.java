package org.doudi.payroll;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Test-only checkpoint (found by component scanning of the test classes): when armed for a step, the next time the
 * step reaches its end it throws, as if the node failed just before the commit.
 */
@Component
public class FaultInjector implements PayrollCheckpoint {

  public static final class InjectedFailure extends RuntimeException {
    public InjectedFailure(String step) {
      super("injected failure at the end of " + step);
    }
  }

  private final java.util.concurrent.atomic.AtomicReference<String> armed =
      new java.util.concurrent.atomic.AtomicReference<>();
  public final AtomicInteger fired = new AtomicInteger();

  public void arm(String step) {
    armed.set(step);
  }

  public void disarm() {
    armed.set(null);
  }

  @Override
  public void reached(String step, long id) {
    // once: of two threads reaching the step at the same moment (the roster's groups), only one fails
    String a = armed.get();
    if (step.equals(a) && armed.compareAndSet(a, null)) {
      fired.incrementAndGet();
      throw new InjectedFailure(step);
    }
  }
}
