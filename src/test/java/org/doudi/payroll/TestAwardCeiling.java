package org.doudi.payroll;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Test-only {@link AwardCeiling} (found by component scanning of the test classes): proves that the hook is asked.
 * Its limit is far above any amount the other tests use.
 */
@Component
public class TestAwardCeiling implements AwardCeiling {

  static final BigDecimal LIMIT = new BigDecimal("90000.00");

  @Override
  public Optional<String> refuse(AwardRow current, BigDecimal newMonthlyAmount) {
    return newMonthlyAmount.compareTo(LIMIT) > 0
        ? Optional.of("月补助金额" + newMonthlyAmount + "元超过测试上限" + LIMIT + "元") : Optional.empty();
  }
}
