package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.doudi.payroll.RosterAnomalies.Anomaly;
import org.doudi.payroll.RosterAnomalies.Kind;
import org.doudi.platform.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review's anomaly SQL on PostgreSQL (its planner settings, collations and indexes): 20,000 households in two
 * counties with anomalies planted among them, the threshold set to 40 % by configuration; a placeholder ID number
 * shared by 3,000 awards is one anomaly with 10 beneficiaries listed and the rest counted (linear, not pairwise).
 */
class PayrollAnomaliesPostgresIT {

  @Test
  void anomaliesOfAProvinceOnPostgres() {
    String url = Postgres.freshDatabase("doudi_anomalies_it");
    try (ConfigurableApplicationContext app = Postgres.application(url, "--doudi.payroll.anomaly-change-share=0.4")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      Payroll payroll = app.getBean(Payroll.class);
      String cols = "INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code, "
          + "region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, "
          + "monthly_amount, effective_from, decided_by, created_at) ";
      // 12,000 households in 农安县, 8,000 in 南关区; ID numbers and accounts unique ...
      jdbc.update(cols + "SELECT 'HH-A' || g, 'DIBAO', 1, 'GRANT', 'c' || g, CASE WHEN g <= 12000 THEN '220122' "
          + "ELSE '220102' END, '220122100201', 'RURAL', 1, '姓名' || g, '2201221950' || lpad(g::text, 8, '0'), "
          + "'农安农商银行', '62' || lpad(g::text, 17, '0'), 300 + (g % 7) * 50, DATE '2027-01-01', 'it', now() "
          + "FROM generate_series(1, 20000) g");
      // ... except: two of 农安县's ID numbers also in 南关区's awards
      jdbc.update("UPDATE benefit_award SET payee_id_number = '220122195000000010' WHERE beneficiary_key = 'HH-A12010'");
      jdbc.update("UPDATE benefit_award SET payee_id_number = '220122195000000020' WHERE beneficiary_key = 'HH-A12020'");
      // a placeholder ID number in 3,000 of 农安县's awards
      jdbc.update("UPDATE benefit_award SET payee_id_number = '220122195001010014' WHERE beneficiary_key IN "
          + "(SELECT 'HH-A' || g FROM generate_series(5001, 8000) g)");
      // one account for two households
      jdbc.update("UPDATE benefit_award SET account_number = '6200000000000000030' WHERE beneficiary_key = 'HH-A31'");
      // February: ×2 (+100 %) for 50, ×1.45 for 50 (an anomaly at 40 %, not at 50 %), ×1.3 for 50 (none)
      jdbc.update(cols + "SELECT beneficiary_key, scheme, 2, 'INCREASE', case_ref, county_code, region_code, "
          + "urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, "
          + "monthly_amount * CASE WHEN g < 150 THEN 2 WHEN g < 200 THEN 1.45 ELSE 1.3 END, DATE '2027-02-01', 'it', "
          + "now() FROM benefit_award JOIN generate_series(100, 249) g ON beneficiary_key = 'HH-A' || g");
      jdbc.execute("ANALYZE benefit_award");

      payroll.computeRosterAll(YearMonth.parse("2027-01"), "it");
      List<RosterSummary> feb = payroll.computeRosterAll(YearMonth.parse("2027-02"), "it");
      long nongan = feb.stream().filter(r -> r.countyCode().equals("220122")).findFirst().orElseThrow().runId();
      long nanguan = feb.stream().filter(r -> r.countyCode().equals("220102")).findFirst().orElseThrow().runId();

      RosterAnomalies a = payroll.anomalies(nongan, 0, 1000);
      assertThat(a.changeShare()).isEqualByComparingTo("0.4");
      assertThat(a.counts()).isEqualTo(Map.of(Kind.DUPLICATE_ID, 3, Kind.SHARED_ACCOUNT, 1, Kind.AMOUNT_CHANGE, 100));
      assertThat(a.total()).isEqualTo(104);
      assertThat(a.items()).hasSize(104);
      Anomaly placeholder = a.items().stream().filter(x -> x.description().contains("220122195001010014"))
          .findFirst().orElseThrow();
      assertThat(placeholder.beneficiaryKeys()).hasSize(10);
      assertThat(placeholder.more()).isEqualTo(2990);
      assertThat(placeholder.description()).contains("3000 份有效待遇");
      assertThat(a.items().stream().filter(x -> x.kind() == Kind.DUPLICATE_ID && x.description().contains("HH-A12010"))
          .findFirst().orElseThrow().beneficiaryKeys()).containsExactly("HH-A10", "HH-A12010");
      assertThat(a.items().stream().filter(x -> x.kind() == Kind.SHARED_ACCOUNT).findFirst().orElseThrow()
          .beneficiaryKeys()).containsExactly("HH-A30", "HH-A31");
      assertThat(a.items().stream().filter(x -> x.kind() == Kind.AMOUNT_CHANGE))
          .allSatisfy(x -> assertThat(x.amounts().get(1)).isGreaterThan(x.amounts().get(0)));
      // pages and the threshold
      assertThat(payroll.anomalies(nongan, 100, 10).items()).hasSize(4);
      assertThat(payroll.anomalies(nongan, 200, 10).total()).isEqualTo(104);
      assertThat(payroll.anomalies(nongan, new BigDecimal("0.5"), 0, 1).counts()).containsEntry(Kind.AMOUNT_CHANGE, 50);
      // the other county sees its side of the shared ID numbers only
      RosterAnomalies other = payroll.anomalies(nanguan, 0, 100);
      assertThat(other.counts()).isEqualTo(Map.of(Kind.DUPLICATE_ID, 2, Kind.SHARED_ACCOUNT, 0, Kind.AMOUNT_CHANGE, 0));
      assertThat(payroll.reviewFigures(nanguan)).containsEntry("anomalyCount", 2);
      assertThat(payroll.anomalyCount(nongan)).isEqualTo(104);

      // February's province-wide sets were computed once and are kept; a change effective in March leaves them ...
      String stamp = "SELECT award_stamp FROM payroll_anomaly_month WHERE payroll_month = DATE '2027-02-01'";
      long computed = jdbc.queryForObject(stamp, Long.class);
      jdbc.update(cols + "SELECT beneficiary_key, scheme, 3, 'DECREASE', case_ref, county_code, region_code, "
          + "urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, monthly_amount - 10, "
          + "DATE '2027-03-01', 'it', now() FROM benefit_award WHERE beneficiary_key = 'HH-A100' AND seq = 2");
      assertThat(payroll.anomalyCount(nongan)).isEqualTo(104);
      assertThat(jdbc.queryForObject(stamp, Long.class)).isEqualTo(computed);
      // ... while awards in force in February written after them are in the next review: a new household in
      // 南关区 with HH-A40's ID number (an INSERT), HH-A50's account changed to HH-A51's (an UPDATE by SQL)
      jdbc.update(cols + "SELECT 'HH-B1', scheme, 1, 'GRANT', 'cb1', '220102', region_code, urban_rural, "
          + "member_count, payee_name, payee_id_number, bank_name, '6299999999999999999', monthly_amount, "
          + "DATE '2027-02-01', 'it', now() FROM benefit_award WHERE beneficiary_key = 'HH-A40'");
      jdbc.update("UPDATE benefit_award SET account_number = (SELECT account_number FROM benefit_award "
          + "WHERE beneficiary_key = 'HH-A51') WHERE beneficiary_key = 'HH-A50'");
      RosterAnomalies now = payroll.anomalies(nongan, 0, 1000);
      assertThat(now.counts()).isEqualTo(Map.of(Kind.DUPLICATE_ID, 4, Kind.SHARED_ACCOUNT, 2, Kind.AMOUNT_CHANGE,
          100));
      assertThat(now.items().stream().filter(x -> x.beneficiaryKeys().contains("HH-B1")).findFirst().orElseThrow()
          .beneficiaryKeys()).containsExactly("HH-A40", "HH-B1");
      assertThat(jdbc.queryForObject(stamp, Long.class)).isGreaterThan(computed);
    }
  }
}
