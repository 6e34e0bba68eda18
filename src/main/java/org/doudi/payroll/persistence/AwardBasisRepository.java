package org.doudi.payroll.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardBasis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** award_basis and award_basis_member (V30_1): the basis of an award's amount, written with its GRANT. */
@Repository
public class AwardBasisRepository {

  private final JdbcTemplate jdbc;

  public AwardBasisRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the beneficiary's basis of the scheme (a new GRANT after a stop brings a new assessment). */
  public void replace(String beneficiaryKey, Scheme scheme, long grantAwardId, AwardBasis b, Instant at) {
    jdbc.update("DELETE FROM award_basis_member WHERE beneficiary_key = ? AND scheme = ?", beneficiaryKey,
        scheme.name());
    jdbc.update("DELETE FROM award_basis WHERE beneficiary_key = ? AND scheme = ?", beneficiaryKey, scheme.name());
    jdbc.update("INSERT INTO award_basis (beneficiary_key, scheme, grant_award_id, outcome, household_size, "
        + "net_income, per_capita_income, standard, amount, source, created_at, updated_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", beneficiaryKey, scheme.name(), grantAwardId,
        b.outcome().name(), b.householdSize(), b.netIncome(), b.perCapitaIncome(), b.standard(), b.amount(),
        b.source(), Timestamp.from(at), Timestamp.from(at));
    jdbc.batchUpdate("INSERT INTO award_basis_member (beneficiary_key, scheme, id_number, person_name, birth_date, "
        + "serious_illness, disability_category, disability_grade, supplement_category, supplement_percent, "
        + "single_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b.members().stream().map(m -> new Object[] {
          beneficiaryKey, scheme.name(), m.idNumber(), m.name(),
          m.birthDate() == null ? null : Date.valueOf(m.birthDate()), m.seriousIllness(), m.disabilityCategory(),
          m.disabilityGrade(), m.supplementCategory(), m.supplementPercent(), m.singlePercent()}).toList());
  }

  public Optional<AwardBasis> find(String beneficiaryKey, Scheme scheme) {
    List<AwardBasis.Member> members = jdbc.query("SELECT id_number, person_name, birth_date, serious_illness, "
        + "disability_category, disability_grade, supplement_category, supplement_percent, single_percent "
        + "FROM award_basis_member WHERE beneficiary_key = ? AND scheme = ? ORDER BY id_number", (rs, i) -> {
          int g = rs.getInt("disability_grade");
          Integer grade = rs.wasNull() ? null : g;
          int sp = rs.getInt("single_percent");
          Integer single = rs.wasNull() ? null : sp;
          Date birth = rs.getDate("birth_date");
          return new AwardBasis.Member(rs.getString("id_number"), rs.getString("person_name"),
              birth == null ? null : birth.toLocalDate(), rs.getBoolean("serious_illness"),
              rs.getString("disability_category"), grade, rs.getString("supplement_category"),
              rs.getInt("supplement_percent"), single);
        }, beneficiaryKey, scheme.name());
    return jdbc.query("SELECT outcome, household_size, net_income, per_capita_income, standard, amount, source "
        + "FROM award_basis WHERE beneficiary_key = ? AND scheme = ?", (rs, i) -> new AwardBasis(
          AwardBasis.Outcome.valueOf(rs.getString(1)), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
          rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), members), beneficiaryKey, scheme.name())
        .stream().findFirst();
  }
}
