package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.doudi.payment.Channel;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.persistence.PayrollRepository;
import org.doudi.payroll.persistence.StandardRiseRepository.Applied;
import org.springframework.stereotype.Component;

/**
 * Award changes written in bulk from a month on (a standard rise, an age band): the county's runs from that month on
 * are taken (created if missing) and locked first, so a roster being made waits and then reads the new rows; a month
 * whose roster was made before (under review or approved) pays each increase's difference as a 补发 once (a one-off
 * payment with the key {@code <keyPrefix>:<yyyy-MM>:DIBAO:<beneficiary>}, for households the roster paid that
 * month). Decreases in such months are not recovered (the household keeps the month's amount).
 */
@Component
class RosterCatchUp {

  private final PayrollRepository runs;
  private final Payments payments;

  RosterCatchUp(PayrollRepository runs, Payments payments) {
    this.runs = runs;
    this.payments = payments;
  }

  /** Takes and locks the county's runs from {@code from} on; returns the months whose roster exists already. */
  List<YearMonth> lockRuns(String countyCode, LocalDate from, Instant at, String actor) {
    runs.insertRunIfAbsent(countyCode, from, at, actor);
    List<YearMonth> made = new ArrayList<>();
    for (PayrollRun run : runs.list(countyCode, null)) {
      if (!run.countyCode().equals(countyCode) || run.month().isBefore(YearMonth.from(from))) {
        continue;
      }
      PayrollRun locked = runs.lock(run.id()).orElseThrow();
      if (!"OPEN".equals(locked.status())) {
        made.add(locked.month());
      }
    }
    return made;
  }

  /** The 补发 of the increases for the months made already; returns the payments recorded. */
  int payDifferences(List<YearMonth> made, List<Applied> increases, String keyPrefix, String note, String actor) {
    int recorded = 0;
    for (YearMonth month : made) {
      for (int i = 0; i < increases.size(); i += 1000) {
        List<Applied> chunk = increases.subList(i, Math.min(increases.size(), i + 1000));
        Set<String> paid = payments.existingKeys(chunk.stream()
            .map(a -> Payroll.rosterKey(Scheme.DIBAO.name(), a.beneficiaryKey(), month)).toList());
        List<PaymentRequest> requests = new ArrayList<>();
        for (Applied a : chunk) {
          if (a.difference().signum() <= 0
              || !paid.contains(Payroll.rosterKey(Scheme.DIBAO.name(), a.beneficiaryKey(), month))) {
            continue;
          }
          requests.add(new PaymentRequest(keyPrefix + ":" + month + ":DIBAO:" + a.beneficiaryKey(), Scheme.DIBAO,
              a.caseRef(), new Payee(a.beneficiaryKey(), a.payeeName(), a.payeeIdNumber(), a.bankName(),
              a.accountNumber()), a.countyCode(), a.regionCode(), month.atDay(1), month.atEndOfMonth(),
              a.difference(), Channel.BANK, null, "补发" + month + "差额：" + note + "（该月名册生成在先，按原金额发放）"));
        }
        if (!requests.isEmpty()) {
          recorded += payments.recordAll(requests, PaymentStatus.APPROVED, actor).created();
        }
      }
    }
    return recorded;
  }

  static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
