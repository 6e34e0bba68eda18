package org.doudi.funds;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.jdbc.core.JdbcTemplate;

/** benefit_award rows (V10_1) written directly, one per change, as the payroll module's Awards leaves them. */
final class AwardFixture {

  private final JdbcTemplate jdbc;

  AwardFixture(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void change(String key, String scheme, int seq, String kind, String county, String region, int members,
      String amount, YearMonth effective) {
    jdbc.update("INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code,"
            + " region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number,"
            + " monthly_amount, effective_from, reason, decided_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'RURAL', ?, '李四', '220122195001010016', '中国农业银行',"
            + " '6228480000000000002', ?, ?, NULL, 'fixture', ?)",
        key, scheme, seq, kind, "case-" + key, county, region, members, new BigDecimal(amount),
        Date.valueOf(effective.atDay(1)), Timestamp.from(Instant.parse("2018-01-01T00:00:00Z")));
  }
}
