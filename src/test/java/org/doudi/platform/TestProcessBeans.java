package org.doudi.platform;

import java.util.concurrent.atomic.AtomicInteger;
import org.doudi.engine.ProcessBean;
import org.springframework.boot.test.context.TestConfiguration;

/** Imported by {@link DoudiTest}; its nested {@link ProcessBean} classes become beans of the test context. */
@TestConfiguration
public class TestProcessBeans {

  /** Counts evaluations: an expression smuggled into a request must never reach it. */
  @ProcessBean("expressionProbe")
  public static class ExpressionProbe {
    public final AtomicInteger hits = new AtomicInteger();

    public String hit() {
      hits.incrementAndGet();
      return "probe";
    }
  }
}
