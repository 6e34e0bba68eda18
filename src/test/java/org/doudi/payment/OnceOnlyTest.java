package org.doudi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DoudiTest
class OnceOnlyTest {

  @Autowired OnceOnly onceOnly;
  @Autowired Payments payments;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  void aRefusedClaimLeavesTheCallersTransactionUsable() {
    String person = "220122198805054323";
    onceOnly.claim(person, Scheme.UNEMPLOYED, "p", "case-a", "220122100", "nongan-cw");
    String key = "after-refusal:" + java.util.UUID.randomUUID();
    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> {
      assertThatThrownBy(() -> onceOnly.claim(person, Scheme.UNEMPLOYED, "p", "case-b", "220102001", "nanling-cw"))
          .isInstanceOf(AlreadyClaimedException.class);
      assertThatThrownBy(() -> payments.record(PaymentFixtures.bank(key, "-1"), PaymentStatus.APPROVED, "x"))
          .isInstanceOf(InvalidPaymentException.class);
      payments.record(PaymentFixtures.reserveFund(key, "100"), PaymentStatus.PAID, "nanling-cw");
    });
    assertThat(payments.byKey(key)).as("the transaction committed despite the refusals").isPresent();
  }

  @Test
  void aSecondCaseIsToldWhereAndWhenThePersonWasPaid() {
    String person = "220122198805054321";
    Claim first = onceOnly.claim(person, Scheme.UNEMPLOYED, "2020-epidemic", "case-a", "220122100", "nongan-cw");
    assertThat(first.seq()).isZero();
    assertThat(onceOnly.claim(person, Scheme.UNEMPLOYED, "2020-epidemic", "case-a", "220122100", "nongan-cw").id())
        .as("the same case claiming again is a retry").isEqualTo(first.id());
    assertThatThrownBy(() -> onceOnly.claim(person, Scheme.UNEMPLOYED, "2020-epidemic", "case-b", "220102001",
        "nanling-cw")).isInstanceOfSatisfying(AlreadyClaimedException.class, e -> {
          assertThat(e.getEarlier().caseRef()).isEqualTo("case-a");
          assertThat(e.getMessage()).contains("农安镇", "220122100", "case-a", "未参保失业人员一次性临时救助金", "全省只能领取一次");
        });
    assertThat(onceOnly.claim(person, Scheme.UNEMPLOYED, "other-period", "case-c", "220102001", "nanling-cw")
        .seq()).as("another period is another entitlement").isZero();
  }

  /** An UNEMPLOYED bank payment of the case, as the unemployed flow records it with its claim. */
  LedgerEntry paid(String person, String caseRef, String key) {
    return payments.record(new PaymentRequest(key, Scheme.UNEMPLOYED, caseRef, new Payee("P-" + person, "李四", person,
        "农安农商银行", "6228480012345678"), "220122", "220122100", java.time.LocalDate.of(2026, 11, 1),
        java.time.LocalDate.of(2026, 11, 30), new java.math.BigDecimal("800.00"), Channel.BANK, null, "测试"),
        PaymentStatus.APPROVED, "nongan-approver");
  }

  @Test
  void thereIsNoSecondPaymentOnlyACorrectionOfARecordWhosePaymentNeverArrived() {
    String person = "220122198805054322";
    String period = "p-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    assertThatThrownBy(() -> onceOnly.correct(person, Scheme.UNEMPLOYED, period, "case-b", "220102001", "supervisor",
        "前次付款被银行退回")).hasMessageContaining("无需更正");
    onceOnly.claim(person, Scheme.UNEMPLOYED, period, "case-a", "220122100", "nongan-cw");
    LedgerEntry first = paid(person, "case-a", "once:" + period + ":a");
    assertThatThrownBy(() -> onceOnly.correct(person, Scheme.UNEMPLOYED, period, "case-b", "220102001", "supervisor",
        "")).hasMessageContaining("更正查重记录必须填写理由");
    // approved, sent or paid: the person has (or will have) the money; no correction, no second claim
    for (PaymentStatus next : new PaymentStatus[] {null, PaymentStatus.SENT, PaymentStatus.PAID}) {
      if (next != null) {
        payments.transition(first.id(), next, "bank", null);
      }
      assertThatThrownBy(() -> onceOnly.correct(person, Scheme.UNEMPLOYED, period, "case-b", "220102001",
          "supervisor", "前次付款被银行退回")).as(String.valueOf(next))
          .hasMessageContaining("只有银行退回或已取消").hasMessageContaining(first.id() + "");
      assertThatThrownBy(() -> onceOnly.requireCorrectable(person, Scheme.UNEMPLOYED, period, "case-b"))
          .hasMessageContaining("只有银行退回或已取消");
    }
    assertThat(onceOnly.history(person, Scheme.UNEMPLOYED, period)).singleElement();
    assertThatThrownBy(() -> onceOnly.claim(person, Scheme.UNEMPLOYED, period, "case-b", "220102001", "nanling-cw"))
        .isInstanceOf(AlreadyClaimedException.class);
  }

  @Test
  void aReturnedPaymentsRecordIsCorrectedOnceAndTheReturnedPaymentCanNoLongerBeReissued() {
    String person = "220122198805054330";
    String period = "p-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    onceOnly.claim(person, Scheme.UNEMPLOYED, period, "case-a", "220122100", "nongan-cw");
    LedgerEntry first = paid(person, "case-a", "once:" + period + ":a");
    payments.transition(first.id(), PaymentStatus.SENT, "bank-file", null);
    payments.transition(first.id(), PaymentStatus.RETURNED, "bank-result", "账户已销户");
    onceOnly.requireCorrectable(person, Scheme.UNEMPLOYED, period, "case-b");

    Claim corrected = onceOnly.correct(person, Scheme.UNEMPLOYED, period, "case-b", "220102001", "supervisor",
        "前次付款因账户销户被银行退回，申请人未收到");
    assertThat(corrected.seq()).isEqualTo(1);
    assertThat(corrected.active()).isTrue();
    assertThat(corrected.correctionReason()).isEqualTo("前次付款因账户销户被银行退回，申请人未收到");
    assertThat(onceOnly.correct(person, Scheme.UNEMPLOYED, period, "case-b", "220102001", "supervisor", "重试")
        .id()).as("a retried correction").isEqualTo(corrected.id());
    var history = onceOnly.history(person, Scheme.UNEMPLOYED, period);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).active()).isFalse();
    assertThat(history.get(0).supersededBy()).isEqualTo("supervisor");
    assertThat(history.get(0).supersededReason()).contains("case-b").contains("账户销户");
    assertThat(onceOnly.find(person, Scheme.UNEMPLOYED, period)).contains(corrected);

    // the superseded case cannot pay again: no claim, no re-issue of its returned payment
    assertThatThrownBy(() -> onceOnly.claim(person, Scheme.UNEMPLOYED, period, "case-a", "220122100", "nongan-cw"))
        .isInstanceOfSatisfying(AlreadyClaimedException.class,
            e -> assertThat(e.getEarlier().caseRef()).isEqualTo("case-b"));
    assertThatThrownBy(() -> payments.reissue(first.id(), "农安农商银行", "6228480099990000", "na-county-cw", "补发"))
        .isInstanceOf(InvalidPaymentException.class).hasMessageContaining("已由supervisor更正到其他案件");
    // nor can a third case correct the record while case-b's claim has no returned payment behind it
    assertThatThrownBy(() -> onceOnly.correct(person, Scheme.UNEMPLOYED, period, "case-c", "220102001", "supervisor",
        "再次更正的理由说明")).isInstanceOf(InvalidPaymentException.class);
  }
}
