package org.doudi.review;

import java.time.LocalDate;

/**
 * A change to record: {@code kind}; {@code detail} what happened (Chinese, for the review); {@code occurredOn} when it
 * happened (a report more than 3 months late is flagged for 批评教育); the member concerned for member changes (ID
 * number; name and relation for a new member); the new bank and account for BANK_ACCOUNT; the new county and township
 * or village for MOVE_COUNTY.
 */
public record ChangeReport(ChangeKind kind, String detail, LocalDate occurredOn, String memberIdNumber,
    String memberName, String memberRelation, String bankName, String accountNumber, String countyCode,
    String regionCode) {

  public static ChangeReport of(ChangeKind kind, String detail, LocalDate occurredOn) {
    return new ChangeReport(kind, detail, occurredOn, null, null, null, null, null, null, null);
  }

  public static ChangeReport member(ChangeKind kind, String detail, LocalDate occurredOn, String idNumber,
      String name, String relation) {
    return new ChangeReport(kind, detail, occurredOn, idNumber, name, relation, null, null, null, null);
  }
}
