package org.doudi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payment.PaymentFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@DoudiTest
class PaymentsTest {

  @Autowired Payments payments;
  @Autowired JdbcTemplate jdbc;

  static String key() {
    return "test:" + UUID.randomUUID();
  }

  int rows(String key) {
    return jdbc.queryForObject("SELECT count(*) FROM payment_ledger WHERE idempotency_key = ?", Integer.class, key);
  }

  @Test
  void recordsAnApprovedBankPaymentWithItsHistory() {
    String k = key();
    LedgerEntry e = payments.record(bank(k, "1200.5"), PaymentStatus.APPROVED, "nanling-cw");
    assertThat(e.amount()).isEqualByComparingTo("1200.50");
    assertThat(e.amount().scale()).isEqualTo(2);
    assertThat(e.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(e.approvedBy()).isEqualTo("nanling-cw");
    assertThat(e.kind()).isEqualTo("PAYMENT");
    assertThat(payments.history(e.id())).extracting(StatusChange::from, StatusChange::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, PaymentStatus.APPROVED));
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheSameRow() {
    String k = key();
    LedgerEntry first = payments.record(bank(k, "300"), PaymentStatus.APPROVED, "nanling-cw");
    LedgerEntry again = payments.record(bank(k, "300.00"), PaymentStatus.APPROVED, "nanling-cw");
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(rows(k)).isEqualTo(1);
  }

  @Test
  void theSameKeyForADifferentPaymentIsRefused() {
    String k = key();
    payments.record(bank(k, "300"), PaymentStatus.APPROVED, "nanling-cw");
    assertThatThrownBy(() -> payments.record(bank(k, "301"), PaymentStatus.APPROVED, "nanling-cw"))
        .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("金额 300.00 ≠ 301.00");
    assertThat(rows(k)).isEqualTo(1);
  }

  @Test
  void badRequestsListEveryProblemAndRecordNothing() {
    String k = key();
    PaymentRequest bad = new PaymentRequest(k, null, "", new Payee("", "", "12345", null, "abc"), "2201", "999",
        LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 1), new BigDecimal("-1"), Channel.BANK,
        LocalDate.of(2026, 12, 5), null);
    assertThatThrownBy(() -> payments.record(bad, PaymentStatus.APPROVED, "nanling-cw"))
        .isInstanceOfSatisfying(InvalidPaymentException.class, e -> assertThat(e.problems()).contains(
            "救助项目不能为空", "收款人身份证号格式不正确", "县级区划代码应为6位数字", "救助期间止日不能早于起日", "金额必须大于0",
            "银行账号应为8至30位数字", "发放月份应为该月1日"));
    assertThatThrownBy(() -> payments.record(bank(k, "0.001"), PaymentStatus.APPROVED, "nanling-cw"))
        .hasMessageContaining("两位小数");
    assertThatThrownBy(() -> payments.record(bank(k, "10"), PaymentStatus.PAID, "nanling-cw"))
        .hasMessageContaining("备用金");
    assertThatThrownBy(() -> payments.record(bank(k, "10"), PaymentStatus.SENT, "nanling-cw"))
        .isInstanceOf(InvalidPaymentException.class);
    assertThat(rows(k)).isZero();
  }

  @Test
  void reserveFundIsApprovedAndPaidOnTheSpot() {
    LedgerEntry e = payments.record(reserveFund(key(), "800"), PaymentStatus.PAID, "nanling-cw");
    assertThat(e.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(payments.history(e.id())).extracting(StatusChange::to)
        .containsExactly(PaymentStatus.APPROVED, PaymentStatus.PAID);
  }

  @Test
  void statusMovesOnlyForwardAndRepeatingAStepIsHarmless() {
    LedgerEntry e = payments.record(bank(key(), "100"), PaymentStatus.CREATED, "payroll");
    assertThat(e.approvedAt()).isNull();
    assertThatThrownBy(() -> payments.transition(e.id(), PaymentStatus.SENT, "x", null))
        .isInstanceOf(IllegalPaymentTransitionException.class).hasMessageContaining("待审批");
    LedgerEntry approved = payments.transition(e.id(), PaymentStatus.APPROVED, "ng-county-approver", "县级审批");
    assertThat(approved.approvedBy()).isEqualTo("ng-county-approver");
    assertThatThrownBy(() -> payments.transition(e.id(), PaymentStatus.PAID, "bank", null))
        .as("a bank payment is paid only after it was sent").isInstanceOf(IllegalPaymentTransitionException.class);
    payments.transition(e.id(), PaymentStatus.SENT, "bank-file", null);
    payments.transition(e.id(), PaymentStatus.SENT, "bank-file", null);
    payments.transition(e.id(), PaymentStatus.PAID, "bank-result", null);
    assertThat(payments.history(e.id())).extracting(StatusChange::to).containsExactly(PaymentStatus.CREATED,
        PaymentStatus.APPROVED, PaymentStatus.SENT, PaymentStatus.PAID);
  }

  @Test
  void aReturnedPaymentIsReissuedOnceToTheCorrectedAccount() {
    LedgerEntry e = payments.record(bank(key(), "450"), PaymentStatus.APPROVED, "nanling-cw");
    assertThatThrownBy(() -> payments.reissue(e.id(), "农业银行", "6228480000000000000", "nanling-cw", "账号错误"))
        .hasMessageContaining("只有银行退回的付款才能补发");
    payments.transition(e.id(), PaymentStatus.SENT, "bank-file", null);
    payments.transition(e.id(), PaymentStatus.RETURNED, "bank-result", "户名不符");
    assertThatThrownBy(() -> payments.reissue(e.id(), "农业银行", "62x", "nanling-cw", " "))
        .isInstanceOfSatisfying(InvalidPaymentException.class,
            x -> assertThat(x.problems()).containsExactly("补发原因不能为空", "银行账号应为8至30位数字"));
    LedgerEntry r = payments.reissue(e.id(), "农业银行", "6228480000000000000", "nanling-cw", "账号错误");
    assertThat(r.kind()).isEqualTo("REISSUE");
    assertThat(r.relatedId()).isEqualTo(e.id());
    assertThat(r.amount()).isEqualByComparingTo("450");
    assertThat(r.payee().accountNumber()).isEqualTo("6228480000000000000");
    assertThat(r.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(payments.reissue(e.id(), "农业银行", "6228480000000000000", "nanling-cw", "账号错误").id())
        .isEqualTo(r.id());
    assertThatThrownBy(() -> payments.reissue(e.id(), "农业银行", "6228481111111111111", "nanling-cw", "又错"))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(payments.byCase(e.caseRef())).extracting(LedgerEntry::kind).containsExactly("PAYMENT", "REISSUE");
    assertThat(payments.get(e.id()).amount()).as("the original row keeps its amount").isEqualByComparingTo("450");
  }

  @Test
  void theDatabaseItselfRefusesAPaymentOfNothing() {
    assertThatThrownBy(() -> jdbc.update("INSERT INTO payment_ledger (idempotency_key, scheme, kind, case_ref, "
        + "beneficiary_key, payee_name, payee_id_number, county_code, region_code, period_start, period_end, amount, "
        + "channel, status, created_at, created_by) VALUES ('x', 'DIBAO', 'PAYMENT', 'c', 'b', 'n', '1', '220102', "
        + "'220102', DATE '2026-01-01', DATE '2026-01-31', 0, 'RESERVE_FUND', 'APPROVED', CURRENT_TIMESTAMP, 'x')"))
        .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("payment_ledger_amount_chk"));
  }

  @Test
  void manyPaymentsAtOnceAreRecordedAsOneByOneAndARepeatWritesNothing() {
    String run = key();
    List<PaymentRequest> many = new java.util.ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      many.add(bank(run + ":" + i, String.valueOf(100 + i % 7)));
    }
    Payments.Recorded done = payments.recordAll(many, PaymentStatus.APPROVED, "nanling-cw");
    assertThat(done.created()).isEqualTo(2500);
    assertThat(done.existing()).isZero();
    assertThat(done.createdTotal()).isEqualByComparingTo(many.stream().map(PaymentRequest::amount)
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    // the same entry and history as record writes
    LedgerEntry one = payments.byKey(run + ":7").orElseThrow();
    LedgerEntry alone = payments.record(bank(key(), "100"), PaymentStatus.APPROVED, "nanling-cw");
    assertThat(one).usingRecursiveComparison().ignoringFields("id", "idempotencyKey", "caseRef", "createdAt",
        "approvedAt").isEqualTo(alone);
    assertThat(payments.history(one.id())).extracting(StatusChange::from, StatusChange::to, StatusChange::by)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, PaymentStatus.APPROVED, "nanling-cw"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_status_change c JOIN payment_ledger l "
        + "ON l.id = c.ledger_id WHERE l.idempotency_key LIKE ?", Integer.class, run + ":%")).isEqualTo(2500);

    // a retry: everything there already, nothing written
    Payments.Recorded again = payments.recordAll(many, PaymentStatus.APPROVED, "nanling-cw");
    assertThat(again.created()).isZero();
    assertThat(again.existing()).isEqualTo(2500);
    // one of them different, or one bad among new ones: refused, nothing written
    List<PaymentRequest> changed = new java.util.ArrayList<>(many);
    changed.set(5, bank(run + ":5", "999"));
    changed.add(bank(run + ":new", "100"));
    assertThatThrownBy(() -> payments.recordAll(changed, PaymentStatus.APPROVED, "nanling-cw"))
        .isInstanceOf(IdempotencyConflictException.class);
    List<PaymentRequest> bad = List.of(bank(run + ":new", "100"), bank(run + ":bad", "-1"));
    assertThatThrownBy(() -> payments.recordAll(bad, PaymentStatus.APPROVED, "nanling-cw"))
        .isInstanceOf(InvalidPaymentException.class);
    List<PaymentRequest> twice = List.of(bank(run + ":new", "100"), bank(run + ":new", "101"));
    assertThatThrownBy(() -> payments.recordAll(twice, PaymentStatus.APPROVED, "nanling-cw"))
        .isInstanceOf(InvalidPaymentException.class).hasMessageContaining("同一批中出现两次");
    assertThatThrownBy(() -> payments.recordAll(List.of(bank(run + ":new", "100")), PaymentStatus.PAID, "x"))
        .isInstanceOf(InvalidPaymentException.class);
    assertThat(rows(run + ":new")).isZero();
    assertThat(rows(run + ":5")).isEqualTo(1);
    assertThat(payments.byKey(run + ":5").orElseThrow().amount()).isEqualByComparingTo("105");
  }
}
