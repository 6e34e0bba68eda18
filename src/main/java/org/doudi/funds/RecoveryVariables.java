package org.doudi.funds;

/**
 * Variable names of process {@code overpayment-recovery} (processes/funds/overpayment-recovery.bpmn). The amounts
 * recovered are never taken from them: each entry is stored in {@code funds_recovery_entry} when 登记追回款项 is
 * completed, and the outstanding amount is read back from the stored recovery.
 */
public final class RecoveryVariables {

  public static final String RECOVERY_ID = "recoveryId";
  public static final String PAYEE_NAME = "payeeName";
  public static final String RECOVERY_AMOUNT = "recoveryAmount";
  public static final String OUTSTANDING = "outstanding";
  public static final String RECOVERY_MONTHS = "recoveryMonths";
  public static final String RECOVERY_REASON = "recoveryReason";
  public static final String FULLY_RECOVERED = "fullyRecovered";
  public static final String ENTRY_AMOUNT = "entryAmount";
  public static final String RECEIPT_NUMBER = "receiptNumber";
  public static final String ENTRY_NOTE = "entryNote";
  public static final String ENTRY_KIND = "entryKind";
  public static final String OVERDUE_MEASURES = "overdueMeasures";

  private RecoveryVariables() {}
}
