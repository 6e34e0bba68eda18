package org.doudi.platform;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.stereotype.Component;

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

  /** Fails while {@code failing} is set: a job's retries, incidents and their resolution (FailedJobIncidentsTest). */
  @ProcessBean("flakyStep")
  public static class FlakyStep implements JavaDelegate {
    public final java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void execute(DelegateExecution execution) {
      if (failing.get()) {
        throw new IllegalStateException("flaky step failed on purpose");
      }
    }
  }

  /** A Spring bean that is not a process bean: hostile models name it (docs/security.md); it must never be reached. */
  @Component("notAProcessBean")
  public static class NotAProcessBean implements JavaDelegate {
    public final AtomicInteger hits = new AtomicInteger();

    public String hit() {
      hits.incrementAndGet();
      return "reached";
    }

    @Override
    public void execute(DelegateExecution execution) {
      hit();
    }
  }
}
