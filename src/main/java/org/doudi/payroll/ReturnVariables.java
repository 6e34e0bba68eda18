package org.doudi.payroll;

/**
 * Variable names of process {@code payment-return} (processes/payroll/payment-return.bpmn). The re-issue is never
 * taken from them: the caseworker's correction is stored in {@code payroll_reissue_request} when 更正账户并重新发放 is
 * completed, approved by another person in 审批更正账户补发, and the re-issue step reads the stored request.
 */
public final class ReturnVariables {

  public static final String PROCESS_KEY = "payment-return";
  public static final String FIX_TASK = "Task_FixAccount";
  public static final String APPROVE_TASK = "Task_ApproveReissue";

  // set when the case starts (the returned payment, shown in both forms)
  public static final String COUNTY_CODE = "countyCode";
  public static final String RETURNED_LEDGER_ID = "returnedLedgerId";
  public static final String PAYEE_NAME = "payeeName";
  public static final String BENEFICIARY_KEY = "beneficiaryKey";
  public static final String SCHEME = "scheme";
  public static final String AMOUNT = "amount";
  public static final String PERIOD = "period";
  public static final String BATCH_NO = "batchNo";
  public static final String OLD_BANK_NAME = "oldBankName";
  public static final String OLD_ACCOUNT_NUMBER = "oldAccountNumber";
  public static final String RETURN_REASON = "returnReason";

  // 更正账户并重新发放 (form payroll-return): the caseworker's answer
  public static final String ACTION = "returnAction";
  public static final String REISSUE = "REISSUE";
  public static final String CLOSE = "CLOSE";
  public static final String BANK_NAME = "bankName";
  public static final String ACCOUNT_NUMBER = "accountNumber";
  public static final String REISSUE_REASON = "reissueReason";
  public static final String CLOSE_REASON = "closeReason";
  /** Set by the complete listener: who entered the correction or closed the case. */
  public static final String FIXED_BY = "fixedBy";
  /** Set when the approver sends the correction back: who, when and why (shown in the caseworker's form). */
  public static final String SENT_BACK = "reissueSentBack";

  // 审批更正账户补发 (form payroll-reissue-approval): the stored correction, shown; the approver's answer
  /** payroll_reissue_request.id of the correction waiting for approval. */
  public static final String REQUEST_ID = "reissueRequestId";
  public static final String NEW_BANK_NAME = "reissueBankName";
  public static final String NEW_ACCOUNT_NUMBER = "reissueAccountNumber";
  public static final String REQUEST_REASON = "reissueRequestReason";
  public static final String REQUESTED_BY = "reissueRequestedBy";
  public static final String REQUESTED_AT = "reissueRequestedAt";
  public static final String DECISION = "reissueDecision";
  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";
  public static final String DECISION_NOTE = "reissueDecisionNote";
  /** Set by the complete listener: who decided (the authenticated user, else the assignee). */
  public static final String DECIDED_BY = "reissueDecidedBy";

  // set by the re-issue step
  public static final String REISSUED_LEDGER_ID = "reissuedLedgerId";
  public static final String AWARD_ACCOUNT_CHANGED = "awardAccountChanged";

  private ReturnVariables() {}
}
