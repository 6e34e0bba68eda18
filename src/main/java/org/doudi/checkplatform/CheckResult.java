package org.doudi.checkplatform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the platform found and how it compares with the declaration.
 *
 * @param reference     the platform's report number (核对报告编号)
 * @param members       per member: the monthly income by type the platform found
 * @param assets        the assets found, each with its owner's ID number
 * @param discrepancies differences from the declaration; {@code material} ones mean something was hidden
 * @param passed        true when no discrepancy is material
 */
public record CheckResult(String applicationId, String reference, Instant checkedAt, List<MemberFindings> members,
    List<FoundAsset> assets, List<Discrepancy> discrepancies, boolean passed) {

  /**
   * {@code deceasedOn}: the date of death in the 户籍 (公安) or funeral (殡葬) records, null when the person is alive or
   * the platform did not say.
   */
  public record MemberFindings(String idNumber, String name, Map<String, BigDecimal> monthlyIncome,
      java.time.LocalDate deceasedOn) {

    public MemberFindings(String idNumber, String name, Map<String, BigDecimal> monthlyIncome) {
      this(idNumber, name, monthlyIncome, null);
    }
  }

  public record FoundAsset(String ownerIdNumber, String type, String description, BigDecimal value) {}

  /**
   * {@code field}: e.g. {@code members[0].monthlyIncome.WAGE} or {@code assets.DEPOSIT}; {@code message} in
   * Chinese for the notice to the applicant (审核确认办法 第18条).
   */
  public record Discrepancy(String idNumber, String field, BigDecimal declared, BigDecimal found, boolean material,
      String message) {}
}
