package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A standard rise (标准调整, table standard_rise): the awards of a county and urban/rural type recomputed on a new
 * local standard, reviewed by the county, then applied from {@code effectiveMonth}. Figures are null until computed.
 */
public record StandardRise(long id, long standardId, String countyCode, String urbanRural, BigDecimal newStandard,
    LocalDate standardFrom, LocalDate effectiveMonth, String enteredBy, Status status, String processInstanceId,
    Integer lineCount, Integer increaseCount, BigDecimal increaseTotal, Integer decreaseCount,
    BigDecimal decreaseTotal, Integer unchangedCount, Integer manualCount, BigDecimal oldTotal, BigDecimal newTotal,
    String decision, String decreaseHandling, String decreaseReason, String decisionNote, String reviewedBy,
    Instant reviewedAt, Integer appliedCount, Integer catchUpCount, Instant appliedAt, Instant createdAt) {

  /** COMPUTING 测算中, REVIEW 待县级审核, APPLIED 已执行, REJECTED 不予执行. */
  public enum Status { COMPUTING, REVIEW, APPLIED, REJECTED }

  /** Decreases: KEEP_OLD keeps the old amount (the default), APPLY applies them with the reviewer's reason. */
  public static final String KEEP_OLD = "KEEP_OLD";
  public static final String APPLY = "APPLY";
}
