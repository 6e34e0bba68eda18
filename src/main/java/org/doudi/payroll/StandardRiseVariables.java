package org.doudi.payroll;

/**
 * Variable names of process {@code standard-rise} (processes/payroll/standard-rise.bpmn). The rise itself is never
 * read from them: its steps read standard_rise and its lines; the display variables only show it in the form.
 */
public final class StandardRiseVariables {

  public static final String PROCESS_KEY = "standard-rise";
  public static final String REVIEW_TASK = "Task_ReviewRise";

  /** standard_rise.id (the business key is {@code standard-rise:<id>}). */
  public static final String RISE_ID = "riseId";
  public static final String COUNTY_CODE = "countyCode";

  // shown in the form (set by the computation from the stored lines)
  public static final String COUNTY_NAME = "countyName";
  public static final String STANDARD_CHANGE = "standardChange";
  public static final String EFFECTIVE_MONTH = "effectiveMonth";
  public static final String ENTERED_BY = "enteredBy";
  public static final String LINE_COUNT = "lineCount";
  public static final String INCREASES = "increases";
  public static final String DECREASE_COUNT = "decreaseCount";
  public static final String DECREASES = "decreases";
  public static final String UNCHANGED_COUNT = "unchangedCount";
  public static final String MANUAL = "manualReview";
  public static final String TOTALS = "totals";
  public static final String CATCH_UP_NOTE = "catchUpNote";

  // the form's answer, checked by the complete listener, which records it in standard_rise
  public static final String DECISION = "decision";
  public static final String DECREASE_HANDLING = "decreaseHandling";
  public static final String DECREASE_REASON = "decreaseReason";
  public static final String DECISION_NOTE = "decisionNote";
  /** Set by the complete listener. */
  public static final String DECIDED_BY = "decidedBy";
  /** Set by the apply step: award rows written. */
  public static final String APPLIED_COUNT = "appliedCount";

  private StandardRiseVariables() {}
}
