package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.doudi.payment.Scheme;

/** One row of benefit_award: the state of an award from {@code effectiveFrom} on, as changed by {@code changeKind}. */
public record AwardRow(long id, String beneficiaryKey, Scheme scheme, int seq, ChangeKind changeKind, String caseRef,
    String countyCode, String regionCode, String urbanRural, Integer memberCount, String payeeName,
    String payeeIdNumber, String bankName, String accountNumber, BigDecimal monthlyAmount, LocalDate effectiveFrom,
    String reason, String decidedBy, Instant createdAt) {

  /** GRANT 新增发放, INCREASE 增发, DECREASE 减发, STOP 停发, ACCOUNT 变更账户. */
  public enum ChangeKind {
    GRANT("新增发放"), INCREASE("增发"), DECREASE("减发"), STOP("停发"), ACCOUNT("变更发放账户"),
    TRANSFER("迁移（跨县变更发放地）");

    private final String label;

    ChangeKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean active() {
    return changeKind != ChangeKind.STOP;
  }
}
