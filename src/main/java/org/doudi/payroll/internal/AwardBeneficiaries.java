package org.doudi.payroll.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.doudi.payment.BatchKeys;
import org.doudi.payment.Scheme;
import org.doudi.payroll.Payroll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The roster keys of a case or a beneficiary. Of a case: its awards' beneficiaries in every month their county has had a payroll run. */
@Component
class AwardBeneficiaries implements BatchKeys {

  private final JdbcTemplate jdbc;

  AwardBeneficiaries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<String> ofCase(String caseRef) {
    List<String> keys = new ArrayList<>();
    jdbc.query("SELECT DISTINCT a.beneficiary_key, a.scheme, r.payroll_month FROM benefit_award a "
        + "JOIN payroll_run r ON r.county_code = a.county_code WHERE a.case_ref = ? ORDER BY 3, 2, 1", rs -> {
          keys.add(Payroll.rosterKey(rs.getString(2), rs.getString(1),
              YearMonth.from(rs.getDate(3).toLocalDate())));
        }, caseRef);
    return keys;
  }

  @Override
  public List<String> ofBeneficiary(String beneficiaryKey, Scheme scheme, Collection<YearMonth> months) {
    return months.stream().map(m -> Payroll.rosterKey(scheme.name(), beneficiaryKey, m)).toList();
  }
}
