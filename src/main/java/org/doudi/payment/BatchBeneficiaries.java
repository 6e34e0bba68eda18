package org.doudi.payment;

import java.util.List;

/**
 * Who of a case is paid in monthly batches: the feature that writes batch rows (payroll) answers, so that
 * {@link Payments#byCase} finds them without a case index over a million rows a month (V12_2).
 */
public interface BatchBeneficiaries {

  /** Beneficiary keys and schemes of the case that may have batch rows. */
  List<Beneficiary> ofCase(String caseRef);

  record Beneficiary(String beneficiaryKey, Scheme scheme) {}
}
