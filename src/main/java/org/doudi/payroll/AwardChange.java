package org.doudi.payroll;

import java.math.BigDecimal;

/**
 * A manual change of an award as it is asked for and approved: {@code ADJUST} 增发/减发 (the new monthly amount,
 * optionally the household's member count), {@code STOP} 停发, {@code ACCOUNT} a new bank and account,
 * {@code TRANSFER} 迁移 (the household moved: the county and the township or village that pay it from now on; the
 * amount stays). Fields that do not belong to the kind are ignored.
 */
public record AwardChange(Kind kind, BigDecimal monthlyAmount, Integer memberCount, String bankName,
    String accountNumber, String countyCode, String regionCode) {

  public enum Kind {
    ADJUST("增发/减发"), STOP("停发"), ACCOUNT("变更发放账户"), TRANSFER("迁移：变更发放地");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static AwardChange adjust(BigDecimal monthlyAmount, Integer memberCount) {
    return new AwardChange(Kind.ADJUST, monthlyAmount, memberCount, null, null, null, null);
  }

  public static AwardChange stop() {
    return new AwardChange(Kind.STOP, null, null, null, null, null, null);
  }

  public static AwardChange account(String bankName, String accountNumber) {
    return new AwardChange(Kind.ACCOUNT, null, null, bankName, accountNumber, null, null);
  }

  /** 迁移 to {@code regionCode} (a township or village) of the county {@code countyCode}. */
  public static AwardChange transfer(String countyCode, String regionCode) {
    return new AwardChange(Kind.TRANSFER, null, null, null, null, countyCode, regionCode);
  }
}
