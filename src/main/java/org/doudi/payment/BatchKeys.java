package org.doudi.payment;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * The idempotency keys a case's batch rows may have, answered by the feature that writes batch rows (payroll), so
 * that {@link Payments#byCase} finds them by the unique key: on PostgreSQL the case and beneficiary indexes leave
 * batch rows out (V12_2), because a million random entries a month would cost the payroll more than the rows.
 */
public interface BatchKeys {

  List<String> ofCase(String caseRef);

  /** The keys the beneficiary's batch rows of the scheme have in those months (for {@link Payments#paidIn}). */
  List<String> ofBeneficiary(String beneficiaryKey, Scheme scheme, Collection<YearMonth> months);
}
