package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.doudi.payment.Scheme;
import org.doudi.payroll.RosterAnomalies.Anomaly;
import org.doudi.payroll.RosterAnomalies.Kind;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review's anomalies on H2: each kind found, not found in a clean roster, paged with the counts of all. Awards in
 * counties of their own (2298xx, not in the region table, as the bulk API allows), written as Awards leaves them.
 */
@DoudiTest
class RosterAnomaliesTest {

  static final YearMonth MAY = YearMonth.parse("2040-05");
  static final YearMonth JUNE = YearMonth.parse("2040-06");

  @Autowired Payroll payroll;
  @Autowired Awards awards;
  @Autowired JdbcTemplate jdbc;

  /** One award row (V10_1). */
  void award(String key, String scheme, int seq, String kind, String county, String idNumber, String account,
      String amount, YearMonth from) {
    jdbc.update("INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code, "
        + "region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, "
        + "monthly_amount, effective_from, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'RURAL', 1, ?, ?, "
        + "'农安农商银行', ?, ?, ?, 'test', ?)", key, scheme, seq, kind, "case-" + key, county, county + "100201",
        "对象" + key.substring(key.length() - 2), idNumber, account, new BigDecimal(amount),
        Date.valueOf(from.atDay(1)), Timestamp.from(Instant.parse("2040-01-01T00:00:00Z")));
  }

  @Test
  void eachKindIsFoundAndPaged() {
    String a = "229801";
    YearMonth jan = YearMonth.parse("2040-01");
    // the same ID number in another county (any county counts), and one beneficiary in two schemes
    award("HH-AN-D1", "DIBAO", 1, "GRANT", a, "229801198001010011", "6200000000000000001", "300", jan);
    award("HH-AN-D2", "DIBAO", 1, "GRANT", "229802", "229801198001010011", "6200000000000000002", "310", jan);
    award("HH-AN-T1", "DIBAO", 1, "GRANT", a, "229801198001010012", "6200000000000000003", "320", jan);
    award("HH-AN-T1", "TEKUN", 1, "GRANT", a, "229801198001010012", "6200000000000000003", "900", jan);
    // the same ID number in a stopped award only: not an anomaly
    award("HH-AN-D3", "DIBAO", 1, "GRANT", a, "229801198001010013", "6200000000000000004", "330", jan);
    award("HH-AN-D3", "DIBAO", 2, "STOP", a, "229801198001010013", "6200000000000000004", "330", MAY);
    award("HH-AN-D4", "DIBAO", 1, "GRANT", a, "229801198001010013", "6200000000000000005", "340", jan);
    // one account, two households
    award("HH-AN-S1", "DIBAO", 1, "GRANT", a, "229801198001010014", "6200000000000000006", "350", jan);
    award("HH-AN-S2", "DIBAO", 1, "GRANT", a, "229801198001010015", "6200000000000000006", "360", jan);
    // June against May: +75 % and −62.5 % are anomalies, +45 % is not (threshold 50 %)
    award("HH-AN-M1", "DIBAO", 1, "GRANT", a, "229801198001010016", "6200000000000000007", "400", jan);
    award("HH-AN-M1", "DIBAO", 2, "INCREASE", a, "229801198001010016", "6200000000000000007", "700", JUNE);
    award("HH-AN-M2", "DIBAO", 1, "GRANT", a, "229801198001010017", "6200000000000000008", "400", jan);
    award("HH-AN-M2", "DIBAO", 2, "INCREASE", a, "229801198001010017", "6200000000000000008", "580", JUNE);
    award("HH-AN-M3", "DIBAO", 1, "GRANT", a, "229801198001010018", "6200000000000000009", "400", jan);
    award("HH-AN-M3", "DIBAO", 2, "DECREASE", a, "229801198001010018", "6200000000000000009", "150", JUNE);
    payroll.computeRoster(a, MAY, "test");
    long run = payroll.computeRoster(a, JUNE, "test").runId();

    RosterAnomalies all = payroll.anomalies(run, 0, 100);
    assertThat(all.changeShare()).isEqualByComparingTo("0.5");
    assertThat(all.counts()).containsEntry(Kind.DUPLICATE_ID, 2).containsEntry(Kind.SHARED_ACCOUNT, 1)
        .containsEntry(Kind.AMOUNT_CHANGE, 2);
    assertThat(all.total()).isEqualTo(5);
    assertThat(all.items()).extracting(Anomaly::kind).containsExactly(Kind.DUPLICATE_ID, Kind.DUPLICATE_ID,
        Kind.SHARED_ACCOUNT, Kind.AMOUNT_CHANGE, Kind.AMOUNT_CHANGE);
    Anomaly id = all.items().get(0);
    assertThat(id.beneficiaryKeys()).containsExactly("HH-AN-D1", "HH-AN-D2");
    assertThat(id.amounts()).extracting(BigDecimal::toPlainString).containsExactly("300.00", "310.00");
    assertThat(id.description()).contains("229801198001010011").contains("229802").contains("2 份有效待遇");
    assertThat(all.items().get(1).beneficiaryKeys()).containsExactly("HH-AN-T1", "HH-AN-T1");
    assertThat(all.items().get(1).description()).contains("DIBAO").contains("TEKUN");
    Anomaly account = all.items().get(2);
    assertThat(account.beneficiaryKeys()).containsExactly("HH-AN-S1", "HH-AN-S2");
    assertThat(account.description()).contains("6200000000000000006");
    Anomaly up = all.items().get(3);
    assertThat(up.beneficiaryKeys()).containsExactly("HH-AN-M1");
    assertThat(up.amounts()).extracting(BigDecimal::toPlainString).containsExactly("400.00", "700.00");
    assertThat(up.description()).contains("50%").contains("+75%");
    assertThat(all.items().get(4).beneficiaryKeys()).containsExactly("HH-AN-M3");
    assertThat(all.items().get(4).description()).contains("-63%");

    // pages over the kinds; the counts always cover all of them
    RosterAnomalies page = payroll.anomalies(run, 1, 2);
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.items()).extracting(Anomaly::kind).containsExactly(Kind.DUPLICATE_ID, Kind.SHARED_ACCOUNT);
    assertThat(payroll.anomalies(run, 4, 10).items()).extracting(x -> x.beneficiaryKeys().get(0))
        .containsExactly("HH-AN-M3");
    RosterAnomalies beyond = payroll.anomalies(run, 5, 10);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.counts()).containsEntry(Kind.DUPLICATE_ID, 2).containsEntry(Kind.SHARED_ACCOUNT, 1)
        .containsEntry(Kind.AMOUNT_CHANGE, 2);
    assertThatThrownBy(() -> payroll.anomalies(run, 0, 1001)).isInstanceOf(IllegalArgumentException.class);

    // the threshold: at 40 % the +45 % change is one too
    RosterAnomalies lower = payroll.anomalies(run, new BigDecimal("0.4"), 0, 100);
    assertThat(lower.counts()).containsEntry(Kind.AMOUNT_CHANGE, 3);

    // the review task's figures: the count and the first lines
    assertThat(payroll.reviewFigures(run)).containsEntry("anomalyCount", 5)
        .hasEntrySatisfying("anomalies", t -> assertThat((String) t).contains("同一身份证号有两份以上有效待遇 2 项")
            .contains("HH-AN-S2").contains("HH-AN-M3"));

    // an anomaly excluded from the roster is gone
    long m1 = jdbc.queryForObject("SELECT id FROM payment_ledger WHERE idempotency_key = ?", Long.class,
        Payroll.rosterKey("DIBAO", "HH-AN-M1", JUNE));
    payroll.exclude(run, m1, "测试剔除", "test");
    assertThat(payroll.anomalies(run, 0, 100).counts()).containsEntry(Kind.AMOUNT_CHANGE, 1);
  }

  @Test
  void aCleanRosterHasNone() {
    String c = "229803";
    YearMonth jan = YearMonth.parse("2040-01");
    award("HH-AN-C1", "DIBAO", 1, "GRANT", c, "229803198001010011", "6200000000000000011", "300", jan);
    award("HH-AN-C2", "DIBAO", 1, "GRANT", c, "229803198001010012", "6200000000000000012", "300", jan);
    award("HH-AN-C2", "DIBAO", 2, "INCREASE", c, "229803198001010012", "6200000000000000012", "450", JUNE);
    award("HH-AN-C3", "TEKUN", 1, "GRANT", c, "229803198001010013", "6200000000000000013", "900", jan);
    // a stopped household once used C1's account: not shared any more
    award("HH-AN-C4", "DIBAO", 1, "GRANT", c, "229803198001010014", "6200000000000000011", "300", jan);
    award("HH-AN-C4", "DIBAO", 2, "STOP", c, "229803198001010014", "6200000000000000011", "300", MAY);
    payroll.computeRoster(c, MAY, "test");
    long run = payroll.computeRoster(c, JUNE, "test").runId();
    RosterAnomalies none = payroll.anomalies(run, 0, 100);
    assertThat(none.total()).isZero();
    assertThat(none.items()).isEmpty();
    assertThat(none.text(run)).isEqualTo("未发现异常");
    assertThat(payroll.reviewFigures(run)).containsEntry("anomalyCount", 0);
  }

  /**
   * The province-wide kinds come from the month's sets, computed once and kept: an award written after them, by
   * Awards or by SQL, effective by the month, is in the next review; one effective later leaves them as they were.
   */
  @Test
  void anAwardWrittenAfterTheMonthsSetsIsInTheNextReview() {
    String c = "229804";
    YearMonth july = YearMonth.parse("2040-07");
    YearMonth jan = YearMonth.parse("2040-01");
    award("HH-AN-F1", "DIBAO", 1, "GRANT", c, "229804198001010011", "6200000000000000021", "300", jan);
    award("HH-AN-F2", "DIBAO", 1, "GRANT", c, "229804198001010012", "6200000000000000022", "300", jan);
    long run = payroll.computeRoster(c, july, "test").runId();
    assertThat(payroll.anomalies(run, 0, 100).total()).isZero();
    assertThat(setsStamp(july)).isPositive();

    // another county's household granted with F1's ID number from July, written (by SQL) after July's sets
    award("HH-AN-F3", "DIBAO", 1, "GRANT", "229805", "229804198001010011", "6200000000000000023", "300", july);
    RosterAnomalies dup = payroll.anomalies(run, 0, 100);
    assertThat(dup.counts()).containsEntry(Kind.DUPLICATE_ID, 1).containsEntry(Kind.SHARED_ACCOUNT, 0);
    assertThat(dup.items().get(0).beneficiaryKeys()).containsExactly("HH-AN-F1", "HH-AN-F3");

    // F1 paid into F2's account from July (Awards, decided in June): F2's roster row's account is shared now
    awards.changeAccount("HH-AN-F1", Scheme.DIBAO, "农安农商银行", "6200000000000000022", "case-F1-acct",
        LocalDate.of(2040, 6, 20), "更换账户", "test");
    RosterAnomalies shared = payroll.anomalies(run, 0, 100);
    assertThat(shared.counts()).containsEntry(Kind.DUPLICATE_ID, 1).containsEntry(Kind.SHARED_ACCOUNT, 1);
    assertThat(shared.items().get(1).description()).contains("6200000000000000022");
    assertThat(shared.items().get(1).beneficiaryKeys()).containsExactly("HH-AN-F1", "HH-AN-F2");
    assertThat(payroll.anomalyCount(run)).isEqualTo(2);

    // a change effective in August does not touch July's sets (they are not recomputed)
    long stamp = setsStamp(july);
    awards.changeAccount("HH-AN-F2", Scheme.DIBAO, "农安农商银行", "6200000000000000024", "case-F2-acct",
        LocalDate.of(2040, 7, 10), "更换账户", "test");
    assertThat(payroll.anomalies(run, 0, 100).total()).isEqualTo(2);
    assertThat(setsStamp(july)).isEqualTo(stamp);

    // F3's award removed by SQL (a correction): its duplicate is gone
    jdbc.update("DELETE FROM benefit_award WHERE beneficiary_key = 'HH-AN-F3'");
    RosterAnomalies after = payroll.anomalies(run, 0, 100);
    assertThat(after.counts()).containsEntry(Kind.DUPLICATE_ID, 0).containsEntry(Kind.SHARED_ACCOUNT, 1);
    assertThat(setsStamp(july)).isGreaterThan(stamp);
  }

  long setsStamp(YearMonth month) {
    return jdbc.queryForObject("SELECT award_stamp FROM payroll_anomaly_month WHERE payroll_month = ?", Long.class,
        Date.valueOf(month.atDay(1)));
  }
}
