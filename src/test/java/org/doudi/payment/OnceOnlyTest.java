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
    assertThat(first.overrideSeq()).isZero();
    assertThat(onceOnly.claim(person, Scheme.UNEMPLOYED, "2020-epidemic", "case-a", "220122100", "nongan-cw").id())
        .as("the same case claiming again is a retry").isEqualTo(first.id());
    assertThatThrownBy(() -> onceOnly.claim(person, Scheme.UNEMPLOYED, "2020-epidemic", "case-b", "220102001",
        "nanling-cw")).isInstanceOfSatisfying(AlreadyClaimedException.class, e -> {
          assertThat(e.getEarlier().caseRef()).isEqualTo("case-a");
          assertThat(e.getMessage()).contains("农安镇", "220122100", "case-a", "未参保失业人员生活补助", "全省只能领取一次");
        });
    assertThat(onceOnly.claim(person, Scheme.UNEMPLOYED, "other-period", "case-c", "220102001", "nanling-cw")
        .overrideSeq()).as("another period is another entitlement").isZero();
  }

  @Test
  void aSupervisorOverridesWithAReason() {
    String person = "220122198805054322";
    assertThatThrownBy(() -> onceOnly.override(person, Scheme.UNEMPLOYED, "p", "case-b", "220102001", "supervisor",
        "核实后确需再次救助")).hasMessageContaining("无需越权");
    onceOnly.claim(person, Scheme.UNEMPLOYED, "p", "case-a", "220122100", "nongan-cw");
    assertThatThrownBy(() -> onceOnly.override(person, Scheme.UNEMPLOYED, "p", "case-b", "220102001", "supervisor",
        "")).hasMessageContaining("越权审批必须填写理由");
    Claim o = onceOnly.override(person, Scheme.UNEMPLOYED, "p", "case-b", "220102001", "supervisor", "核实后确需再次救助");
    assertThat(o.overrideSeq()).isEqualTo(1);
    assertThat(o.overrideReason()).isEqualTo("核实后确需再次救助");
    assertThat(onceOnly.find(person, Scheme.UNEMPLOYED, "p")).contains(o);
    assertThat(onceOnly.history(person, Scheme.UNEMPLOYED, "p")).hasSize(2);
    assertThatThrownBy(() -> onceOnly.claim(person, Scheme.UNEMPLOYED, "p", "case-c", "220102001", "nanling-cw"))
        .isInstanceOfSatisfying(AlreadyClaimedException.class,
            e -> assertThat(e.getEarlier().caseRef()).isEqualTo("case-b"));
  }
}
