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

  private volatile String armed;
  public final AtomicInteger fired = new AtomicInteger();

  public void arm(String step) {
    armed = step;
  }

  public void disarm() {
    armed = null;
  }

  @Override
  public void reached(String step, long id) {
    if (step.equals(armed)) {
      armed = null;
      fired.incrementAndGet();
      throw new InjectedFailure(step);
    }
  }
}
