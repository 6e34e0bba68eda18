package org.doudi.payroll.internal;

import java.util.List;
import org.doudi.payment.BatchBeneficiaries;
import org.doudi.payment.Scheme;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The beneficiaries a case's awards pay through the monthly payroll batches. */
@Component
class AwardBeneficiaries implements BatchBeneficiaries {

  private final JdbcTemplate jdbc;

  AwardBeneficiaries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Beneficiary> ofCase(String caseRef) {
    return jdbc.query("SELECT DISTINCT beneficiary_key, scheme FROM benefit_award WHERE case_ref = ?",
        (rs, i) -> new Beneficiary(rs.getString(1), Scheme.valueOf(rs.getString(2))), caseRef);
  }
}
