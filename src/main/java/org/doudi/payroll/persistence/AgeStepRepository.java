package org.doudi.payroll.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The monthly age step's statements (award_age_rule, award_age_change, V30_1): the members born in a month whose
 * supplement changes from the next, and the award rows that follow, set-based.
 */
@Repository
public class AgeStepRepository {

  /** The members' awards: the latest row of each, active, 低保. */
  static final String LATEST = "a.scheme = 'DIBAO' AND a.change_kind <> 'STOP' AND NOT EXISTS (SELECT 1 "
      + "FROM benefit_award z WHERE z.beneficiary_key = a.beneficiary_key AND z.scheme = a.scheme AND z.seq > a.seq)";

  /** The members born in the month (of an earlier year) of active awards with a basis. */
  static final String BORN_IN = "FROM award_basis_member m JOIN award_basis b ON b.beneficiary_key = "
      + "m.beneficiary_key AND b.scheme = m.scheme JOIN benefit_award a ON a.beneficiary_key = m.beneficiary_key "
      + "AND a.scheme = m.scheme WHERE EXTRACT(MONTH FROM m.birth_date) = CAST(? AS INT) "
      + "AND EXTRACT(YEAR FROM m.birth_date) < CAST(? AS INT) AND " + LATEST;

  /** The member's age at the end of the birth month: that year minus the birth year. */
  static final String AGE = "CAST(CAST(? AS INT) - EXTRACT(YEAR FROM m.birth_date) AS INT)";

  private final JdbcTemplate jdbc;

  public AgeStepRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The distinct (county, age, illness, disability) of the members born in {@code birthMonth}. */
  public void distinctInputs(LocalDate birthMonth, RowCallbackHandler each) {
    jdbc.query("SELECT DISTINCT a.county_code, " + AGE + " AS age, m.serious_illness, "
        + "COALESCE(m.disability_category, '-') AS cat, COALESCE(m.disability_grade, -1) AS grade " + BORN_IN, each,
        birthMonth.getYear(), birthMonth.getMonthValue(), birthMonth.getYear());
  }

  public void replaceRules(LocalDate target, List<Object[]> rows) {
    jdbc.update("DELETE FROM award_age_rule WHERE target_month = ?", Date.valueOf(target));
    jdbc.batchUpdate("INSERT INTO award_age_rule (target_month, county_code, age, serious_illness, "
        + "disability_category, disability_grade, supplement_category, supplement_percent) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.stream().map(r -> {
          Object[] x = new Object[r.length + 1];
          x[0] = Date.valueOf(target);
          System.arraycopy(r, 0, x, 1, r.length);
          return x;
        }).toList());
  }

  /**
   * One row per member whose category or percent changes, with the change of the award's amount it makes at the
   * basis's standard (HOUSEHOLD: ROUND(S × p / 100); SINGLE_PERSON: ROUND(MIN(S × single, S × (100 + p)) / 100)).
   * Once per member and month (the primary key; a repeat inserts nothing).
   */
  public int insertChanges(LocalDate birthMonth, LocalDate target, Instant at) {
    String contribution = "CASE WHEN b.outcome = 'HOUSEHOLD' THEN ROUND(b.standard * %1$s / 100, 2) "
        + "ELSE ROUND(LEAST(b.standard * m.single_percent, b.standard * (100 + %1$s)) / 100, 2) END";
    return jdbc.update("INSERT INTO award_age_change (beneficiary_key, scheme, target_month, id_number, based_on_seq, "
        + "age, old_category, old_percent, new_category, new_percent, difference, reason, created_at) "
        + "SELECT m.beneficiary_key, m.scheme, CAST(? AS DATE), m.id_number, a.seq, r.age, m.supplement_category, "
        + "m.supplement_percent, r.supplement_category, r.supplement_percent, "
        + String.format(contribution, "r.supplement_percent") + " - "
        + String.format(contribution, "m.supplement_percent") + ", "
        + "SUBSTRING(m.person_name || '年满 ' || CAST(r.age AS VARCHAR(4)) || ' 周岁，分类施保 ' "
        + "|| m.supplement_category || ' ' || CAST(m.supplement_percent AS VARCHAR(4)) || '% → ' "
        + "|| r.supplement_category || ' ' || CAST(r.supplement_percent AS VARCHAR(4)) || '%（低保标准 ' "
        + "|| CAST(b.standard AS VARCHAR(20)) || ' 元）' FROM 1 FOR 500), CAST(? AS TIMESTAMP WITH TIME ZONE) "
        + BORN_IN.replaceFirst("WHERE", java.util.regex.Matcher.quoteReplacement("JOIN award_age_rule r ON r.target_month = CAST(? AS DATE) "
            + "AND r.county_code = a.county_code AND r.age = " + AGE + " AND r.serious_illness = m.serious_illness "
            + "AND r.disability_category = COALESCE(m.disability_category, '-') "
            + "AND r.disability_grade = COALESCE(m.disability_grade, -1) WHERE"))
        + " AND (r.supplement_percent <> m.supplement_percent OR r.supplement_category <> m.supplement_category) "
        + "AND NOT EXISTS (SELECT 1 FROM award_age_change c WHERE c.beneficiary_key = m.beneficiary_key "
        + "AND c.scheme = m.scheme AND c.target_month = CAST(? AS DATE) AND c.id_number = m.id_number)",
        Date.valueOf(target), Timestamp.from(at), Date.valueOf(target), birthMonth.getYear(),
        birthMonth.getMonthValue(), birthMonth.getYear(), Date.valueOf(target));
  }

  /**
   * The award rows of the month's changes not yet applied, one per award whose amount changes, in one statement;
   * only where the award is still at the row the changes were computed from. Effective from the target month.
   */
  public int insertAwardRows(LocalDate target, String actor, Instant at) {
    Date t = Date.valueOf(target);
    return jdbc.update("INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code, "
        + "region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, "
        + "monthly_amount, effective_from, reason, decided_by, created_at) "
        + "SELECT a.beneficiary_key, a.scheme, a.seq + 1, CASE WHEN c.total > 0 THEN 'INCREASE' ELSE 'DECREASE' END, "
        + "a.case_ref, a.county_code, a.region_code, a.urban_rural, a.member_count, a.payee_name, a.payee_id_number, "
        + "a.bank_name, a.account_number, a.monthly_amount + c.total, "
        + "CASE WHEN a.effective_from > ? THEN a.effective_from ELSE ? END, "
        + "SUBSTRING('分类施保年龄段变化（自动，按现行规则）：' || c.reason || CASE WHEN c.n > 1 THEN '等 ' "
        + "|| CAST(c.n AS VARCHAR(4)) || ' 人' ELSE '' END FROM 1 FOR 500), CAST(? AS VARCHAR(64)), "
        + "CAST(? AS TIMESTAMP WITH TIME ZONE) FROM (SELECT beneficiary_key, scheme, based_on_seq, SUM(difference) "
        + "AS total, MIN(reason) AS reason, COUNT(*) AS n FROM award_age_change WHERE target_month = ? "
        + "AND applied_award_id IS NULL GROUP BY beneficiary_key, scheme, based_on_seq) c JOIN benefit_award a "
        + "ON a.beneficiary_key = c.beneficiary_key AND a.scheme = c.scheme AND a.seq = c.based_on_seq "
        + "WHERE c.total <> 0 AND a.monthly_amount + c.total > 0 AND NOT EXISTS (SELECT 1 FROM benefit_award z "
        + "WHERE z.beneficiary_key = a.beneficiary_key AND z.scheme = a.scheme AND z.seq > a.seq)",
        t, t, actor, Timestamp.from(at), t);
  }

  /** The changes' award rows, the members' applied supplements and the bases' amounts. */
  public void markApplied(LocalDate target) {
    Date t = Date.valueOf(target);
    jdbc.update("MERGE INTO award_age_change c USING (SELECT c2.beneficiary_key, c2.scheme, c2.id_number, z.id "
        + "FROM award_age_change c2 JOIN benefit_award z ON z.beneficiary_key = c2.beneficiary_key "
        + "AND z.scheme = c2.scheme AND z.seq = c2.based_on_seq + 1 AND z.reason LIKE '分类施保年龄段变化%' "
        + "WHERE c2.target_month = ? AND c2.applied_award_id IS NULL) s ON (c.beneficiary_key = s.beneficiary_key "
        + "AND c.scheme = s.scheme AND c.id_number = s.id_number AND c.target_month = ?) "
        + "WHEN MATCHED THEN UPDATE SET applied_award_id = s.id", t, t);
    // members whose category changed with no change of amount count as applied too (nothing to pay)
    jdbc.update("UPDATE award_age_change SET applied_award_id = 0 WHERE target_month = ? AND applied_award_id "
        + "IS NULL AND difference = 0", t);
    jdbc.update("MERGE INTO award_basis_member t USING (SELECT beneficiary_key, scheme, id_number, new_category, "
        + "new_percent FROM award_age_change WHERE target_month = ? AND applied_award_id IS NOT NULL) s "
        + "ON (t.beneficiary_key = s.beneficiary_key AND t.scheme = s.scheme AND t.id_number = s.id_number) "
        + "WHEN MATCHED THEN UPDATE SET supplement_category = s.new_category, supplement_percent = s.new_percent", t);
    jdbc.update("MERGE INTO award_basis b USING (SELECT c.beneficiary_key, c.scheme, z.monthly_amount "
        + "FROM (SELECT DISTINCT beneficiary_key, scheme, applied_award_id FROM award_age_change "
        + "WHERE target_month = ? AND applied_award_id > 0) c JOIN benefit_award z ON z.id = c.applied_award_id) s "
        + "ON (b.beneficiary_key = s.beneficiary_key AND b.scheme = s.scheme) "
        + "WHEN MATCHED THEN UPDATE SET amount = s.monthly_amount", t);
  }

  /** The month's changes (for the API and the catch-up): award rows written, with their difference. */
  public List<StandardRiseRepository.Applied> appliedIncreases(LocalDate target) {
    return jdbc.query("SELECT z.beneficiary_key, z.case_ref, z.county_code, z.region_code, z.payee_name, "
        + "z.payee_id_number, z.bank_name, z.account_number, SUM(c.difference) FROM award_age_change c "
        + "JOIN benefit_award z ON z.id = c.applied_award_id WHERE c.target_month = ? GROUP BY z.beneficiary_key, "
        + "z.case_ref, z.county_code, z.region_code, z.payee_name, z.payee_id_number, z.bank_name, z.account_number "
        + "HAVING SUM(c.difference) > 0 ORDER BY z.beneficiary_key", (rs, i) -> new StandardRiseRepository.Applied(
          rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
          rs.getString(7), rs.getString(8), rs.getBigDecimal(9)), Date.valueOf(target));
  }

  public List<String> countiesWithChanges(LocalDate target) {
    return jdbc.queryForList("SELECT DISTINCT z.county_code FROM award_age_change c JOIN benefit_award z "
        + "ON z.id = c.applied_award_id WHERE c.target_month = ? ORDER BY 1", String.class, Date.valueOf(target));
  }

  /** A member's change, for the API. */
  public record Change(String beneficiaryKey, String idNumber, int age, String oldCategory, int oldPercent,
      String newCategory, int newPercent, java.math.BigDecimal difference, String reason, Long appliedAwardId,
      String countyCode) {}

  public List<Change> changes(LocalDate target, List<String> countyPrefixes) {
    if (countyPrefixes.isEmpty()) {
      return List.of();
    }
    List<Object> args = new java.util.ArrayList<>();
    args.add(Date.valueOf(target));
    countyPrefixes.forEach(p -> args.add(p + "%"));
    return jdbc.query("SELECT c.beneficiary_key, c.id_number, c.age, c.old_category, c.old_percent, c.new_category, "
        + "c.new_percent, c.difference, c.reason, c.applied_award_id, a.county_code FROM award_age_change c "
        + "JOIN benefit_award a ON a.beneficiary_key = c.beneficiary_key AND a.scheme = c.scheme "
        + "AND a.seq = c.based_on_seq WHERE c.target_month = ? AND ("
        + String.join(" OR ", countyPrefixes.stream().map(p -> "a.county_code LIKE ?").toList())
        + ") ORDER BY c.beneficiary_key, c.id_number FETCH FIRST 1000 ROWS ONLY", (rs, i) -> new Change(
          rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getString(6),
          rs.getInt(7), rs.getBigDecimal(8), rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getString(11)),
        args.toArray());
  }
}
