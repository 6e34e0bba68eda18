package org.doudi.payroll;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL only: 低保 awards with their bases in bulk (INSERT … SELECT over generate_series), for the standard
 * rise's integration test and benchmark. Household g: 1 + g % 3 members (an adult, NONE 0 %; a child born 2015,
 * MINOR 15 %; an elder born 1950, ELDERLY_70 20 %), net income (g % 5) × 50, amount as the assessment computes it
 * on standard S; the county the (g % k)-th of {@code counties}.
 */
public final class RiseData {

  private RiseData() {}

  /** The amount of household g on standard s (what {@link #insert} grants and what a rise to s must give). */
  public static BigDecimal amount(long g, BigDecimal s) {
    int n = 1 + (int) (g % 3);
    BigDecimal a = s.multiply(BigDecimal.valueOf(n)).subtract(BigDecimal.valueOf((g % 5) * 50));
    if (n >= 2) {
      a = a.add(s.multiply(BigDecimal.valueOf(15)).divide(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP));
    }
    if (n == 3) {
      a = a.add(s.multiply(BigDecimal.valueOf(20)).divide(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP));
    }
    return a.setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * Inserts {@code count} awards {@code <prefix><g>} effective from {@code from}, with bases unless
   * {@code withBasis} is false. Returns the awards inserted.
   */
  public static int insert(JdbcTemplate jdbc, String prefix, String[] counties, String urbanRural, int count,
      BigDecimal standard, LocalDate from, boolean withBasis) {
    String s = "CAST(" + standard.toPlainString() + " AS NUMERIC(10,2))";
    String supplements = "CASE WHEN g % 3 >= 1 THEN ROUND(" + s + " * 15 / 100, 2) ELSE 0 END "
        + "+ CASE WHEN g % 3 = 2 THEN ROUND(" + s + " * 20 / 100, 2) ELSE 0 END";
    int rows = jdbc.update("INSERT INTO benefit_award (beneficiary_key, scheme, seq, change_kind, case_ref, county_code, "
        + "region_code, urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, "
        + "monthly_amount, effective_from, decided_by, created_at) SELECT ? || g, 'DIBAO', 1, 'GRANT', 'c-' || ? || g, "
        + "(CAST(? AS TEXT[]))[1 + g % ?], (CAST(? AS TEXT[]))[1 + g % ?] || '100201', ?, 1 + g % 3, '姓名' || g, "
        + "'220122195001010014', '农安农商银行', lpad(g::text, 19, '6'), "
        + "(1 + g % 3) * " + s + " - (g % 5) * 50 + " + supplements + ", ?, 'bench', now() "
        + "FROM generate_series(1, ?) g", prefix, prefix, "{" + String.join(",", counties) + "}", counties.length,
        "{" + String.join(",", counties) + "}", counties.length, urbanRural, java.sql.Date.valueOf(from), count);
    if (!withBasis) {
      return rows;
    }
    String supplementsN = "CASE WHEN a.member_count >= 2 THEN ROUND(" + s + " * 15 / 100, 2) ELSE 0 END "
        + "+ CASE WHEN a.member_count = 3 THEN ROUND(" + s + " * 20 / 100, 2) ELSE 0 END";
    String mine = " FROM benefit_award a WHERE a.beneficiary_key LIKE ? AND a.seq = 1";
    jdbc.update("INSERT INTO award_basis (beneficiary_key, scheme, grant_award_id, outcome, household_size, net_income, "
        + "per_capita_income, standard, amount, source, created_at, updated_at) SELECT a.beneficiary_key, a.scheme, "
        + "a.id, 'HOUSEHOLD', a.member_count, a.member_count * " + s + " + " + supplementsN + " - a.monthly_amount, "
        + "ROUND((a.member_count * " + s + " + " + supplementsN + " - a.monthly_amount) / a.member_count, 2), " + s
        + ", a.monthly_amount, 'bench', now(), now()" + mine, prefix + "%");
    String member = "INSERT INTO award_basis_member (beneficiary_key, scheme, id_number, person_name, birth_date, "
        + "serious_illness, disability_category, disability_grade, supplement_category, supplement_percent, "
        + "single_percent) SELECT a.beneficiary_key, a.scheme, %s, '成员', %s, FALSE, NULL, NULL, '%s', %d, NULL"
        + mine + " AND a.member_count >= %d";
    // births spread over the years as in a real county (a rise evaluates its rules per distinct age, so a county's
    // members must have many), each within its supplement's band for rises from 2026 to 2031: adults born 1963–1998
    // (27–68 years old), children 2014–2023 (2–17), elders 1925–1952 (73–101)
    jdbc.update(String.format(member, "'P1-' || a.id", "DATE '1963-01-01' + CAST(a.id % 13000 AS INT)", "NONE", 0, 1),
        prefix + "%");
    jdbc.update(String.format(member, "'P2-' || a.id", "DATE '2014-01-01' + CAST(a.id % 3650 AS INT)", "MINOR", 15,
        2), prefix + "%");
    jdbc.update(String.format(member, "'P3-' || a.id", "DATE '1925-01-01' + CAST(a.id % 10000 AS INT)", "ELDERLY_70",
        20, 3), prefix + "%");
    return rows;
  }
}
