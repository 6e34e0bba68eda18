package org.doudi.payroll;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.doudi.payment.Scheme;

/**
 * One row of award_exit (V32_1): a decided exit, its assessment, its computed relapse risk, the 渐退 phase-out (months,
 * last paid month) and the written notice. {@code status}: STOPPED (ended from the month after the decision),
 * PHASING_OUT (paid unchanged until {@code lastPaidMonth}), ENDED (the phase-out is over), REINSTATED (an objection
 * was upheld).
 */
public record ExitDecision(long id, String beneficiaryKey, Scheme scheme, String countyCode, String regionCode,
    String caseRef, Long changeRequestId, ExitAssessment assessment, String riskLevel, String riskBasis,
    String reason, LocalDate decidedOn, String decidedBy, Instant decidedAt, int phaseOutMonths,
    YearMonth lastPaidMonth, LocalDate stopEffectiveFrom, long stopAwardId, Status status, Instant endedAt,
    String notice, LocalDate objectionDeadline) {

  public enum Status {
    STOPPED, PHASING_OUT, ENDED, REINSTATED
  }

  /** Months of the phase-out still to be paid after {@code month} (0 when none is running). */
  public int monthsLeftAfter(YearMonth month) {
    if (status != Status.PHASING_OUT || !month.isBefore(lastPaidMonth)) {
      return 0;
    }
    return (int) month.until(lastPaidMonth, java.time.temporal.ChronoUnit.MONTHS);
  }
}
