package org.doudi.unemployed;

/** Process variables of {@code unemployed-assistance} (docs/unemployed.md describes each). Business key = application id. */
public final class UnemployedVariables {

  private UnemployedVariables() {}

  public static final String PROCESS_KEY = "unemployed-assistance";

  // case facts (登记申请)
  public static final String APPLICATION_ID = "applicationId";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String ID_NUMBER_MASKED = "idNumberMasked";
  public static final String COUNTY_CODE = "countyCode";
  public static final String REGION_NAME = "regionName";
  public static final String REGISTERED_BY = "registeredBy";
  public static final String ACCEPTED_AT = "acceptedAt";

  // eligibility (Java + DMN unemployed-eligibility)
  public static final String ELIGIBLE = "eligible";
  public static final String ELIGIBILITY_REASONS = "eligibilityReasons";
  public static final String PER_CAPITA_INCOME = "perCapitaIncome";
  public static final String LOW_INCOME_LINE = "lowIncomeLine";

  // 村（社区）调查核实
  public static final String INVESTIGATION_FINDING = "investigationFinding";
  public static final String UNTRUE_REASONS = "untrueReasons";

  // 乡镇（街道）复核
  public static final String AMOUNT = "amount";
  public static final String AMOUNT_BASIS = "amountBasis";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_REASONS = "reviewReasons";
  public static final String DECIDED_BY = "decidedBy";
  public static final String DECIDED_ON = "decidedOn";

  // 全省查重: REFUSE, or CORRECT the record when the earlier payment never reached the person
  public static final String DUPLICATE_MESSAGE = "duplicateMessage";
  public static final String DUPLICATE_DECISION = "duplicateDecision";
  public static final String DUPLICATE_NOTE = "duplicateNote";
  public static final String CORRECTED_BY = "correctedBy";

  // payment
  public static final String PAYMENT_ID = "paymentId";
  public static final String PAYMENT_KEY = "paymentKey";

  // overdue steps (督办)
  public static final String OVERDUE_STEP = "overdueStep";

  public static final String ERROR_DUPLICATE = "UNEMPLOYED_DUPLICATE";

  // input parameters of service tasks (camunda:inputParameter, local to the task; read by the delegates)
  /** 书面告知不予救助 (unemployedRefuse): INELIGIBLE, UNTRUE, REJECTED, DUPLICATE. */
  public static final String REFUSAL_REASON = "refusalReason";
  /** 记录…逾期 (unemployedRecordOverdue): INVESTIGATION (3 working days), REVIEW (2). */
  public static final String LATE_STEP = "lateStep";

  /** Written only by the process's delegates and listeners: a task completion may echo them, never change them. */
  public static final java.util.Set<String> SYSTEM_WRITTEN = java.util.Set.of(APPLICATION_ID, APPLICANT_NAME,
      ID_NUMBER_MASKED, COUNTY_CODE, REGION_NAME, REGISTERED_BY, ACCEPTED_AT, ELIGIBLE, ELIGIBILITY_REASONS,
      PER_CAPITA_INCOME, LOW_INCOME_LINE, AMOUNT, AMOUNT_BASIS, DECIDED_BY, DECIDED_ON, DUPLICATE_MESSAGE,
      CORRECTED_BY, PAYMENT_ID, PAYMENT_KEY);
}
