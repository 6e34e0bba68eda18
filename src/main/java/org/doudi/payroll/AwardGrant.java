package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.register.Person;

/**
 * A new monthly benefit (低保, 特困 …) for a beneficiary: paid from the first day of the month after {@code decidedOn}.
 * {@code payee} carries the beneficiary key ({@code HH-<applicationId>} for a household) and the bank account.
 * {@code covered} are the persons the benefit is for (the whole household, or the one member of a 单人户 decision);
 * {@code memberCount} must be their number, and per-person subsidies pay for them. {@code basis} (optional): what
 * the amount was computed from, stored with the GRANT so that a standard rise or an age band recomputes it.
 */
public record AwardGrant(String beneficiaryKey, Scheme scheme, String caseRef, String countyCode, String regionCode,
    String urbanRural, Integer memberCount, Payee payee, BigDecimal monthlyAmount, LocalDate decidedOn,
    String reason, List<Person> covered, AwardBasis basis) {

  public AwardGrant {
    covered = covered == null ? List.of() : List.copyOf(covered);
  }

  /** A grant without a stored basis: a standard rise lists it for manual review instead of recomputing it. */
  public AwardGrant(String beneficiaryKey, Scheme scheme, String caseRef, String countyCode, String regionCode,
      String urbanRural, Integer memberCount, Payee payee, BigDecimal monthlyAmount, LocalDate decidedOn,
      String reason, List<Person> covered) {
    this(beneficiaryKey, scheme, caseRef, countyCode, regionCode, urbanRural, memberCount, payee, monthlyAmount,
        decidedOn, reason, covered, null);
  }

  /** A grant for the payee alone as the covered person (awards granted outside a case's assessment). */
  public AwardGrant(String beneficiaryKey, Scheme scheme, String caseRef, String countyCode, String regionCode,
      String urbanRural, Integer memberCount, Payee payee, BigDecimal monthlyAmount, LocalDate decidedOn,
      String reason) {
    this(beneficiaryKey, scheme, caseRef, countyCode, regionCode, urbanRural, memberCount, payee, monthlyAmount,
        decidedOn, reason, payee == null ? List.of() : List.of(new Person(payee.idNumber(), payee.name())));
  }
}
