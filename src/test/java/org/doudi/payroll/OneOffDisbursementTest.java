package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentFixtures;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily one-off bank files: approved one-off payments go to the bank on the next working day by themselves. */
@DoudiTest
class OneOffDisbursementTest {

  @Autowired Payments payments;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void clockAt(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime),
        ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  /** Fires the daily timer and runs the export job it leads to. */
  void runDailyTimer() {
    Job timer = management.createJobQuery().processDefinitionKey("one-off-disbursement").timers().singleResult();
    management.executeJob(timer.getId());
    for (Job job : management.createJobQuery().processDefinitionKey("one-off-disbursement").messages().list()) {
      management.executeJob(job.getId());
    }
  }

  @Test
  void approvedOneOffPaymentsGoIntoTheirCountysFileOnAWorkingDayOnly() {
    LedgerEntry instalment = payments.record(PaymentFixtures.bank("oneoff:" + UUID.randomUUID(), "500"),
        PaymentStatus.APPROVED, "nanling-cw");
    LedgerEntry notYetApproved = payments.record(PaymentFixtures.bank("oneoff:" + UUID.randomUUID(), "70"),
        PaymentStatus.CREATED, "nanling-cw");

    clockAt("2026-10-01T16:00"); // 国庆节: no file
    runDailyTimer();
    assertThat(payments.get(instalment.id()).bankFileId()).isNull();
    assertThat(payments.get(instalment.id()).status()).isEqualTo(PaymentStatus.APPROVED);

    clockAt("2026-12-01T16:00"); // a Tuesday
    runDailyTimer();
    LedgerEntry sent = payments.get(instalment.id());
    assertThat(sent.status()).isEqualTo(PaymentStatus.SENT);
    assertThat(sent.bankFileId()).isNotNull();
    assertThat(payments.get(notYetApproved.id()).bankFileId()).as("only approved payments go to the bank").isNull();

    runDailyTimer(); // the next day's run: nothing new, the payment stays in its one file
    assertThat(payments.get(instalment.id()).bankFileId()).isEqualTo(sent.bankFileId());
  }
}
