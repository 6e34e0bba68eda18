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

  /**
   * Sample 特困 care standards for the tests of module tekun's changes (SELF_CARE 50, PARTIAL 300, FULL 600 元/月,
   * basic 1.3 × 600) while the real {@code TekunEligibility} is not in the build; absent as soon as it is.
   */
  @org.springframework.context.annotation.Bean
  @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(org.doudi.tekun.TekunEligibility.class)
  org.doudi.tekun.TekunEligibility sampleTekunEligibility() {
    return facts -> {
      org.doudi.tekun.CareLevel level = org.doudi.tekun.CareLevel.ofImpossibleItems(facts.impossibleItems().size());
      java.math.BigDecimal care = new java.math.BigDecimal(switch (level) {
        case SELF_CARE -> "50.00";
        case PARTIAL -> "300.00";
        case FULL -> "600.00";
      });
      java.math.BigDecimal basic = new java.math.BigDecimal("780.00");
      return new org.doudi.tekun.TekunAssessment(org.doudi.tekun.TekunAssessment.Outcome.TEKUN, facts.countyCode(),
          facts.urbanRural(), facts.assessedOn(), 30, new java.math.BigDecimal("600.00"), basic, true, level, care,
          basic.add(care), java.util.List.of());
    };
  }
}
