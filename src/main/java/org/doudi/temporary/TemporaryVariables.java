package org.doudi.temporary;

/** Process variable, message and process names of the 临时救助 processes (one place, no scattered literals). */
public final class TemporaryVariables {

  private TemporaryVariables() {}

  public static final String EMERGENCY_PROCESS = "emergency-assistance";
  public static final String EXPENDITURE_PROCESS = "expenditure-assistance";
  public static final String HOLIDAY_PROCESS = "holiday-subsidy";

  public static final String MESSAGE_EMERGENCY_EASED = "EmergencyEased";
  public static final String MESSAGE_EXPENDITURE_STOPPED = "ExpenditureStopped";
  /** 支出型: the applicant withdraws the application (accepted until the decision, docs/citizen.md). */
  public static final String MESSAGE_EXPENDITURE_WITHDRAWN = "ExpenditureApplicationWithdrawn";
  /** 支出型: an objection registered outside Tasklist (the applicant online) while the 公示 runs. */
  public static final String MESSAGE_EXPENDITURE_OBJECTION = "ExpenditureObjectionFiled";

  // both case kinds
  public static final String CASE_KIND = "caseKind";                 // EMERGENCY | EXPENDITURE
  public static final String REGION_NAME = "regionName";
  public static final String COUNTY_CODE = "countyCode";
  public static final String REPORT_CHANNEL = "reportChannel";       // COUNTER | PHONE | API
  public static final String RECIPIENT_NAME = "recipientName";
  public static final String RECIPIENT_ID_NUMBER = "recipientIdNumber";
  public static final String RECIPIENT_PHONE = "recipientPhone";
  public static final String HUKOU_PLACE = "hukouPlace";
  public static final String CAUSE_KIND = "causeKind";
  public static final String CAUSE = "cause";
  public static final String AMOUNT = "amount";                      // yuan, plain decimal string (scale 2)
  public static final String EXCEPTIONAL = "exceptional";            // 一事一议
  public static final String REPORTED_BY = "reportedBy";
  public static final String REPORTED_AT = "reportedAt";

  // authority (DMN temporary-approval-authority)
  public static final String URBAN_MONTHLY_STANDARD = "urbanMonthlyStandard";
  public static final String TOWNSHIP_LIMIT = "townshipLimit";
  public static final String AUTHORITY = "authority";                // TOWNSHIP | COUNTY
  public static final String AUTHORITY_LABEL = "authorityLabel";
  public static final String COLLECTIVE_DISCUSSION_REQUIRED = "collectiveDiscussionRequired";
  public static final String AUTHORITY_BASIS = "authorityBasis";

  // decisions
  public static final String DECISION = "decision";                  // APPROVE | REJECT
  public static final String DECISION_REASONS = "decisionReasons";
  public static final String DECIDED_BY = "decidedBy";

  // 急难型
  public static final String EASING_EXPECTED_AT = "easingExpectedAt";
  public static final String EASED_AT = "easedAt";
  public static final String EASED_NOTE = "easedNote";
  public static final String LEDGER_ID = "ledgerId";

  // 支出型
  public static final String MATERIALS_COMPLETE = "materialsComplete";
  public static final String MISSING_MATERIALS = "missingMaterials";
  /** The applicant holds 低保 or 特困 in the province's register (四(二): no income/asset check). */
  public static final String BASIC_LIVING_RECIPIENT = "basicLivingRecipient";
  /** What the forms show about it, in Chinese. */
  public static final String BASIC_LIVING_LABEL = "basicLivingLabel";
  public static final String CHECK_PASSED = "checkPassed";
  public static final String CHECK_REFERENCE = "checkReference";
  public static final String CHECK_SUMMARY = "checkSummary";
  public static final String PROPOSAL_OPINION = "proposalOpinion";
  public static final String INSTALMENT_COUNT = "instalmentCount";
  public static final String INTERVAL_MONTHS = "intervalMonths";
  public static final String FIRST_PAYMENT_DATE = "firstPaymentDate";
  public static final String INSTALMENT_AMOUNT = "instalmentAmount";
  public static final String CURRENT_INSTALMENT = "currentInstalment";
  public static final String INSTALMENT_DUE_AT = "instalmentDueAt";
  public static final String MORE_INSTALMENTS = "moreInstalments";
  public static final String OBJECTION_CONTENT = "objectionContent";
  /** Who objects (the 公示 form's field, or the applicant's name online). */
  public static final String OBJECTOR_NAME = "objectorName";
  public static final String OBJECTOR_PHONE = "objectorPhone";
  /** TASKLIST (registered by the caseworker in the 公示 task) | ONLINE (the applicant, module citizen). */
  public static final String OBJECTION_SOURCE = "objectionSource";
  public static final String OBJECTION_FILED_BY = "objectionFiledBy";
  /** Every objection registered in the case so far, in Chinese, for the 公示 and 入户调查 forms (read-only). */
  public static final String OBJECTION_HISTORY = "objectionHistory";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";
  public static final String WITHDRAWN_BY = "withdrawnBy";
  public static final String STOP_REASON = "stopReason";
  public static final String STOPPED_BY = "stoppedBy";
  /** The applicant's signed 授权书 (information check) and 承诺书: ticked at the counter, consents online. */
  public static final String AUTHORISATION_SIGNED = "authorisationSigned";
  public static final String PLEDGE_SIGNED = "pledgeSigned";
  public static final String BANK_NAME = "bankName";
  public static final String BANK_ACCOUNT_NUMBER = "bankAccountNumber";

  // holiday subsidy batch
  public static final String SCHEME = "scheme";
  public static final String SUBSIDY_YEAR = "subsidyYear";
  public static final String AMOUNT_BASIS = "amountBasis";
  public static final String BATCH_ID = "batchId";
  public static final String RECIPIENT_COUNT = "recipientCount";
  public static final String ALREADY_PAID_COUNT = "alreadyPaidCount";
  public static final String TOTAL_AMOUNT = "totalAmount";
  public static final String BATCH_CONFIRMED = "batchConfirmed";
  public static final String CREATED_ROWS = "createdRows";
  public static final String SKIPPED_ROWS = "skippedRows";

  /**
   * Written only by the processes' delegates and listeners: a task completion may echo them, never change them. The
   * amount is not among them: in 临时救助 the caseworker proposes it on the start and proposal forms, and the
   * authority rules check it.
   */
  public static final java.util.Set<String> SYSTEM_WRITTEN = java.util.Set.of(CASE_KIND, REGION_NAME, COUNTY_CODE,
      RECIPIENT_ID_NUMBER, REPORTED_BY, REPORTED_AT, URBAN_MONTHLY_STANDARD, TOWNSHIP_LIMIT, AUTHORITY, AUTHORITY_LABEL,
      COLLECTIVE_DISCUSSION_REQUIRED, AUTHORITY_BASIS, DECIDED_BY, LEDGER_ID, MATERIALS_COMPLETE, MISSING_MATERIALS,
      BASIC_LIVING_RECIPIENT, BASIC_LIVING_LABEL,
      CHECK_PASSED, CHECK_REFERENCE, CHECK_SUMMARY, INSTALMENT_AMOUNT, CURRENT_INSTALMENT, INSTALMENT_DUE_AT,
      MORE_INSTALMENTS, STOPPED_BY, OBJECTOR_PHONE, OBJECTION_SOURCE, OBJECTION_FILED_BY, OBJECTION_HISTORY,
      WITHDRAWAL_REASON, WITHDRAWN_BY, BATCH_ID, RECIPIENT_COUNT, ALREADY_PAID_COUNT, TOTAL_AMOUNT, CREATED_ROWS,
      SKIPPED_ROWS);

  /** Process variable expenseAmount (read or written by ExpenditureCases). */
  public static final String EXPENSE_AMOUNT = "expenseAmount";

  /** Process variable householdMonthlyIncome (read or written by ExpenditureCases). */
  public static final String HOUSEHOLD_MONTHLY_INCOME = "householdMonthlyIncome";

  /** Process variable memberCount (read or written by ExpenditureCases). */
  public static final String MEMBER_COUNT = "memberCount";

  /** The start form's township choice (the village list depends on it); dropped once the region is recorded. */
  public static final String FORM_TOWNSHIP = "township";

  /** The 急难 report's expected easing date as entered; the case keeps {@link #EASING_EXPECTED_AT}. */
  public static final String EASING_EXPECTED_ON = "easingExpectedOn";
}
