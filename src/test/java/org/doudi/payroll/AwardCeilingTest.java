package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.payroll.PayrollFixture.BAOTA;
import static org.doudi.payroll.PayrollFixture.NONGAN;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Awards.grant and Awards.adjust refuse a 低保 amount above the household's ceiling (农安县 rural sample standard
 * 500.00 + the largest supplement 30 % = 650.00 per covered person), accept it at the ceiling, and refuse a county
 * without a standard. Each award is stopped at the end, so later rosters of the county do not carry it.
 */
@DoudiTest
class AwardCeilingTest {

  static final String DECIDED = "2039-01-10";

  @Autowired Awards awards;

  static AwardGrant grant(String key, String county, Scheme scheme, Integer persons, String amount) {
    return new AwardGrant(key, scheme, "case-" + key, county, county.equals(NONGAN) ? BAOTA : county + "100201",
        "RURAL", persons, new Payee(key, "测试" + key, "22012219800101" + String.format("%04d", Math.abs(key.hashCode()
            % 10000)), "农安农商银行", "62284811" + Math.abs(key.hashCode() % 100000000L)),
        new BigDecimal(amount), LocalDate.parse(DECIDED), "测试批准");
  }

  void stop(String key, Scheme scheme) {
    awards.stop(key, scheme, "case-" + key, LocalDate.parse(DECIDED), "测试结束", "u");
  }

  @Test
  void aGrantAboveTheCeilingIsRefusedAndOneAtTheCeilingAccepted() {
    assertThatThrownBy(() -> awards.grant(grant("HH-CE1", NONGAN, Scheme.DIBAO, 1, "650.01"), "u"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("650.01").hasMessageContaining("超过")
        .hasMessageContaining("650.00").hasMessageContaining("500.00").hasMessageContaining("30%");
    assertThat(awards.history("HH-CE1", Scheme.DIBAO)).isEmpty();
    assertThatThrownBy(() -> awards.grant(grant("HH-CE1", NONGAN, Scheme.DIBAO, 2, "1300.01"), "u"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("1300.00");
    AwardRow at = awards.grant(grant("HH-CE1", NONGAN, Scheme.DIBAO, 1, "650.00"), "u");
    assertThat(at.monthlyAmount()).isEqualByComparingTo("650.00");
    assertThat(awards.history("HH-CE1", Scheme.DIBAO)).hasSize(1);
    stop("HH-CE1", Scheme.DIBAO);
  }

  @Test
  void anAdjustmentAboveTheCeilingIsRefusedAndOneAtTheCeilingAccepted() {
    awards.grant(grant("HH-CE2", NONGAN, Scheme.DIBAO, 1, "400.00"), "u");
    LocalDate decided = LocalDate.parse(DECIDED);
    // the award's own covered persons (1) when the adjustment names none
    assertThatThrownBy(() -> awards.adjust("HH-CE2", Scheme.DIBAO, new BigDecimal("650.01"), null, "case-HH-CE2",
        decided, "增发", "u")).isInstanceOf(InvalidAwardException.class).hasMessageContaining("650.00");
    assertThat(awards.history("HH-CE2", Scheme.DIBAO)).hasSize(1);
    AwardRow one = awards.adjust("HH-CE2", Scheme.DIBAO, new BigDecimal("650.00"), null, "case-HH-CE2", decided,
        "增发", "u");
    assertThat(one.changeKind()).isEqualTo(AwardRow.ChangeKind.INCREASE);
    // more persons covered, a higher ceiling: 3 × 650
    assertThatThrownBy(() -> awards.adjust("HH-CE2", Scheme.DIBAO, new BigDecimal("1950.01"), 3, "case-HH-CE2",
        decided, "家庭人口增加", "u")).isInstanceOf(InvalidAwardException.class).hasMessageContaining("1950.00");
    AwardRow three = awards.adjust("HH-CE2", Scheme.DIBAO, new BigDecimal("1950.00"), 3, "case-HH-CE2", decided,
        "家庭人口增加", "u");
    assertThat(three.memberCount()).isEqualTo(3);
    assertThat(awards.history("HH-CE2", Scheme.DIBAO)).hasSize(3);
    stop("HH-CE2", Scheme.DIBAO);
  }

  @Test
  void aCountyWithoutAStandardOrAnAwardWithoutPersonsIsRefused() {
    // 229901: no 低保 standard recorded, so no bound: refused rather than paid without one
    assertThatThrownBy(() -> awards.grant(grant("HH-CE3", "229901", Scheme.DIBAO, 1, "100.00"), "u"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("229901")
        .hasMessageContaining("无法核定补助上限");
    assertThat(awards.history("HH-CE3", Scheme.DIBAO)).isEmpty();
    assertThatThrownBy(() -> awards.grant(grant("HH-CE4", NONGAN, Scheme.DIBAO, null, "100.00"), "u"))
        .isInstanceOf(InvalidAwardException.class).hasMessageContaining("保障人数");
    assertThat(awards.history("HH-CE4", Scheme.DIBAO)).isEmpty();
  }

  /** 特困 has no ceiling of its own yet (docs/payroll.md): only the general checks apply. */
  @Test
  void aSchemeWithoutACeilingHasOnlyTheGeneralChecks() {
    assertThat(awards.boundedSchemes()).containsExactlyInAnyOrder(Scheme.DIBAO, Scheme.DISABLED_LIVING,
        Scheme.SEVERE_DISABILITY_CARE); // the disability subsidies: module disability
    AwardRow tekun = awards.grant(grant("HH-CE5", "229901", Scheme.TEKUN, 1, "5000.00"), "u");
    assertThat(tekun.monthlyAmount()).isEqualByComparingTo("5000.00");
    stop("HH-CE5", Scheme.TEKUN);
  }
}
