package org.doudi.payroll;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The hook for a ceiling on the monthly amount of an 增发/减发 (ADJUST). Every Spring bean of this type is asked when
 * the change is requested and again when it is approved; a refusal is the Chinese reason (the request answers 400,
 * the approval is refused and its task stays open). The application has none yet: ceilings are added later as beans.
 */
public interface AwardCeiling {

  /**
   * @param current          the award row in force now (scheme, county, urban/rural, member count, amount)
   * @param newMonthlyAmount the amount asked for
   * @return why the amount is above the ceiling, or empty when it is not
   */
  Optional<String> refuse(AwardRow current, BigDecimal newMonthlyAmount);
}
