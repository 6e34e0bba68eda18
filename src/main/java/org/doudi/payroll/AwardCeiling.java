package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doudi.payment.Scheme;

/**
 * The bound of one scheme's monthly award, checked by {@link Awards#grant} and {@link Awards#adjust} before anything
 * is stored: a Spring bean per scheme (低保: {@code DibaoAwardCeiling}, from the local standard and the supplement
 * rules). A scheme without one has no ceiling of its own (only Awards' general checks), as docs/payroll.md says; a
 * new scheme adds its bean here.
 */
public interface AwardCeiling {

  Scheme scheme();

  /**
   * The highest monthly amount for an award of the county decided on {@code decidedOn}, with its basis in Chinese.
   *
   * @throws InvalidAwardException no bound can be determined (e.g. no local standard for the county and date): the
   *                               award is refused rather than paid without one
   */
  Limit limit(String countyCode, String urbanRural, Integer coveredPersons, LocalDate decidedOn);

  /** A ceiling in yuan and how it was made (for the refusal message). */
  record Limit(BigDecimal amount, String basis) {}
}
