package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.NONGAN;
import static org.doudi.payroll.PayrollFixture.grant;

import java.time.LocalDate;
import java.time.YearMonth;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.doudi.register.AlreadyRegisteredException;
import org.doudi.register.BenefitRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No month paid twice or skipped (docs/integrity.md): a household that moves is paid by one county in each month, and
 * an award decided after its first month's roster was made is still paid for that month. Each test uses its own
 * months and beneficiaries (the context and its database are shared).
 */
@DoudiTest
class AwardContinuityTest {

  static final String NANGUAN = "220102";

  @Autowired Awards awards;
  @Autowired Payroll payroll;
  @Autowired Payments payments;
  @Autowired BankFiles bankFiles;
  @Autowired BenefitRegister register;
  @Autowired JdbcTemplate jdbc;

  LedgerEntry row(String key, YearMonth month) {
    return payments.byKey(Payroll.rosterKey("DIBAO", key, month)).orElseThrow();
  }

  int rows(String key) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger WHERE beneficiary_key = ?", Integer.class, key);
  }

  @Test
  void aHouseholdThatMovesIsPaidByOneCountyInEachMonth() {
    AwardRow granted = awards.grant(grant("HH-AC1", "迁一", "220122195001010014", "450", "2051-01-10"), "u");
    payroll.computeRosterAll(YearMonth.parse("2051-02"), "system");

    AwardRow moved = awards.transfer("HH-AC1", Scheme.DIBAO, NANGUAN, "220102001001", "move-AC1",
        LocalDate.parse("2051-02-15"), "户籍迁入南关区南岭社区", "u");
    assertThat(moved.changeKind()).isEqualTo(AwardRow.ChangeKind.TRANSFER);
    assertThat(moved.effectiveFrom()).isEqualTo(LocalDate.parse("2051-03-01"));
    payroll.computeRosterAll(YearMonth.parse("2051-03"), "system");
    payroll.computeRoster(NONGAN, YearMonth.parse("2051-04"), "system");
    payroll.computeRoster(NANGUAN, YearMonth.parse("2051-04"), "system");

    assertThat(row("HH-AC1", YearMonth.parse("2051-02")).countyCode()).isEqualTo(NONGAN);
    assertThat(row("HH-AC1", YearMonth.parse("2051-03")).countyCode()).isEqualTo(NANGUAN);
    assertThat(row("HH-AC1", YearMonth.parse("2051-04")).countyCode()).isEqualTo(NANGUAN);
    assertThat(rows("HH-AC1")).isEqualTo(3);
    assertThat(register.find(granted.payeeIdNumber())).get().satisfies(h -> {
      assertThat(h.countyCode()).isEqualTo(NANGUAN);
      assertThat(h.regionCode()).isEqualTo("220102001001");
    });
    // a move must name a place in the county it moves to
    assertThatThrownBy(() -> awards.transfer("HH-AC1", Scheme.DIBAO, NONGAN, "220102001001", "m",
        LocalDate.parse("2051-03-15"), "r", "u")).isInstanceOf(InvalidAwardException.class)
        .hasMessageContaining("迁入地");
  }

  @Test
  void anAwardDecidedAfterItsFirstMonthsRosterIsStillPaidForThatMonth() {
    YearMonth may = YearMonth.parse("2051-05");
    awards.grant(grant("HH-AC2", "补一", "220122195001010014", "300", "2051-04-10"), "u");
    RosterSummary roster = payroll.computeRoster(NONGAN, may, "system");

    // decided while the roster awaits review: it joins the roster
    awards.grant(grant("HH-AC3", "补二", "220122195001010014", "320", "2051-04-20"), "u");
    LedgerEntry joined = row("HH-AC3", may);
    assertThat(joined.payrollMonth()).isEqualTo(may.atDay(1));
    payroll.approve(roster.runId(), "na-county-approver");
    assertThat(row("HH-AC3", may).status()).isEqualTo(PaymentStatus.APPROVED);

    // decided after the roster was approved (frozen): the month is paid as a 补发 in the next one-off file
    awards.grant(grant("HH-AC4", "补三", "220122195001010014", "340", "2051-04-28"), "u");
    LedgerEntry supplement = row("HH-AC4", may);
    assertThat(supplement.payrollMonth()).isNull();
    assertThat(supplement.status()).isEqualTo(PaymentStatus.APPROVED);
    assertThat(supplement.amount()).isEqualByComparingTo("340");
    assertThat(supplement.periodStart()).isEqualTo(may.atDay(1));
    BankFile file = bankFiles.exportPending(NONGAN, "na-county-cw").orElseThrow();
    assertThat(payments.get(supplement.id()).bankFileId()).isEqualTo(file.id());

    // June's roster pays all three once each, and May is never paid again
    payroll.computeRoster(NONGAN, may.plusMonths(1), "system");
    payroll.computeRoster(NONGAN, may, "system");
    for (String key : new String[] {"HH-AC2", "HH-AC3", "HH-AC4"}) {
      assertThat(rows(key)).as(key).isEqualTo(2);
    }
  }

  @Test
  void aPersonInAnActiveAwardCannotBeGrantedASecondOne() {
    AwardRow first = awards.grant(grant("HH-AC5", "重一", "220122195001010014", "300", "2051-06-10"), "u");
    assertThatThrownBy(() -> awards.grant(new AwardGrant("HH-AC6", Scheme.DIBAO, "case-HH-AC6", NANGUAN,
        "220102001001", "URBAN", 1, new org.doudi.payment.Payee("HH-AC6", "重一", first.payeeIdNumber(), "长春农商银行",
        "6228480012349999"), new java.math.BigDecimal("500"), LocalDate.parse("2051-06-12"), "测试"), "u"))
        .isInstanceOf(AlreadyRegisteredException.class).hasMessageContaining("HH-AC5").hasMessageContaining("正在享受");
    assertThat(awards.history("HH-AC6", Scheme.DIBAO)).isEmpty();
    // once stopped, the person may be granted elsewhere
    awards.stop("HH-AC5", Scheme.DIBAO, "stop-AC5", LocalDate.parse("2051-07-01"), "死亡注销", "u");
    assertThat(register.find(first.payeeIdNumber())).isEmpty();
  }
}
