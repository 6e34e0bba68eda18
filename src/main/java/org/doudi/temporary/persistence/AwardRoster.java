package org.doudi.temporary.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Active 低保 and 特困 recipients in a month, read in one query from {@code benefit_award} (owned by the payroll
 * module, V10_1; one row per change, never updated). A recipient is active in month M when its latest row with
 * {@code effective_from <= M} is not a STOP; that row carries the current payee and account.
 */
@Repository
public class AwardRoster {

  public record Recipient(String beneficiaryKey, String scheme, String countyCode, String regionCode,
      Integer memberCount, String payeeName, String payeeIdNumber, String bankName, String accountNumber) {}

  private final JdbcTemplate jdbc;

  public AwardRoster(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param month       first day of the month
   * @param countyCodes recipients of these counties (empty: no county filter)
   * @param regionCodes recipients whose region is one of these (empty: no region filter)
   */
  public List<Recipient> active(LocalDate month, List<String> countyCodes, List<String> regionCodes) {
    StringBuilder sql = new StringBuilder("SELECT a.beneficiary_key, a.scheme, a.county_code, a.region_code, "
        + "a.member_count, a.payee_name, a.payee_id_number, a.bank_name, a.account_number FROM benefit_award a "
        + "WHERE a.scheme IN ('DIBAO', 'TEKUN') AND a.effective_from <= ? AND a.change_kind <> 'STOP' "
        + "AND a.seq = (SELECT MAX(b.seq) FROM benefit_award b WHERE b.beneficiary_key = a.beneficiary_key "
        + "AND b.scheme = a.scheme AND b.effective_from <= ?)");
    List<Object> args = new ArrayList<>();
    java.sql.Date m = java.sql.Date.valueOf(month);
    args.add(m);
    args.add(m);
    if (!countyCodes.isEmpty()) {
      sql.append(" AND a.county_code IN (").append(String.join(",", Collections.nCopies(countyCodes.size(), "?")))
          .append(")");
      args.addAll(countyCodes);
    }
    if (!regionCodes.isEmpty()) {
      sql.append(" AND a.region_code IN (").append(String.join(",", Collections.nCopies(regionCodes.size(), "?")))
          .append(")");
      args.addAll(regionCodes);
    }
    sql.append(" ORDER BY a.beneficiary_key, a.scheme");
    return jdbc.query(sql.toString(), (rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getObject(5) == null ? null : rs.getInt(5), rs.getString(6), rs.getString(7),
        rs.getString(8), rs.getString(9)), args.toArray());
  }

  /** Sum helper for previews. */
  public static BigDecimal total(List<BigDecimal> amounts) {
    return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
