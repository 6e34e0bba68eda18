package org.doudi.review;

import java.util.Set;

/** The variables of {@code dibao-review} and {@code dibao-review-schedule}, in one place. */
public final class ReviewVariables {

  private ReviewVariables() {}

  public static final String PROCESS_KEY = "dibao-review";
  public static final String SCHEDULE_PROCESS_KEY = "dibao-review-schedule";

  // written by the application only (protected by the variable guard)
  public static final String REVIEW_CASE_ID = "reviewCaseId";
  public static final String BENEFICIARY_KEY = "beneficiaryKey";
  public static final String COUNTY_CODE = "countyCode";
  public static final String REGION_CODE = "regionCode";
  public static final String REGION_NAME = "regionName";
  public static final String PAYEE_NAME = "payeeName";
  public static final String CURRENT_AMOUNT = "currentAmount";
  public static final String REVIEW_CLASS_LABEL = "reviewClassLabel";
  public static final String TRIGGER_LABEL = "triggerLabel";
  public static final String TRIGGER_DETAIL = "triggerDetail";
  /** The day the review must be finished (ISO date); the overdue timer counts from it. */
  public static final String DUE_ON = "reviewDueOn";
  /** The township tasks' due date (end of {@link #DUE_ON}). */
  public static final String DUE_AT = "reviewDueAt";
  public static final String CHECK_SUMMARY = "checkSummary";
  public static final String CHANGES_SUMMARY = "changesSummary";
  public static final String CHANGES_FOUND = "changesFound";
  public static final String ASSESSED_OUTCOME_LABEL = "assessedOutcomeLabel";
  public static final String ASSESSED_AMOUNT = "assessedAmount";
  public static final String ASSESSMENT_REASONS = "assessmentReasons";
  public static final String PROPOSED_OUTCOME = "proposedOutcome";
  public static final String PROPOSED_OUTCOME_LABEL = "proposedOutcomeLabel";
  public static final String PROPOSED_BY = "proposedBy";
  public static final String CONFIRMED = "reviewConfirmed";
  public static final String RESULT_SUMMARY = "resultSummary";

  // form fields
  public static final String VISITOR_1 = "visitor1";
  public static final String VISITOR_2 = "visitor2";
  public static final String VISIT_DATE = "visitDate";
  public static final String VISIT_SIGNED = "visitSigned";
  public static final String VISIT_FINDINGS = "visitFindings";
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String OUTCOME_REASONS = "outcomeReasons";
  public static final String EXIT_REASON_CODE = "exitReasonCode";
  public static final String RISK_INCOME_STABILITY = "riskIncomeStability";
  public static final String RISK_HEALTH = "riskHealth";
  public static final String RISK_DEBTS = "riskDebts";
  public static final String RISK_DEPENDANTS = "riskDependants";
  public static final String RISK_NOTE = "riskNote";
  public static final String CONFIRM_DECISION = "confirmDecision";
  public static final String CONFIRM_NOTE = "confirmNote";
  public static final String SUPERVISE_NOTE = "superviseNote";

  // the daily schedule process
  public static final String MORE_DUE = "moreDue";
  public static final String STARTED_TODAY = "reviewsStarted";
  public static final String ENROLLED_TODAY = "awardsEnrolled";
  public static final String MORE_TO_COMPARE = "moreToCompare";
  public static final String COMPARED_TODAY = "householdsCompared";

  /** Names only the application's delegates write in {@code dibao-review}. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(REVIEW_CASE_ID, BENEFICIARY_KEY, COUNTY_CODE, REGION_CODE,
      REGION_NAME, PAYEE_NAME, CURRENT_AMOUNT, REVIEW_CLASS_LABEL, TRIGGER_LABEL, TRIGGER_DETAIL, DUE_ON, DUE_AT,
      CHECK_SUMMARY, CHANGES_SUMMARY, CHANGES_FOUND, ASSESSED_OUTCOME_LABEL, ASSESSED_AMOUNT, ASSESSMENT_REASONS,
      PROPOSED_OUTCOME, PROPOSED_OUTCOME_LABEL, PROPOSED_BY, CONFIRMED, RESULT_SUMMARY);
}
