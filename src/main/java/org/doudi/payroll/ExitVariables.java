package org.doudi.payroll;

/**
 * Variable names of process {@code exit-objection} (processes/payroll/exit-objection.bpmn). The decision is applied
 * from the stored objection (award_exit_objection); the display variables only show it in the task form.
 */
public final class ExitVariables {

  public static final String PROCESS_KEY = Exits.OBJECTION_PROCESS;

  /** award_exit_objection.id (business key {@code exit-objection:<id>}). */
  public static final String OBJECTION_ID = "objectionId";

  // shown in the form
  public static final String BENEFICIARY_KEY = "beneficiaryKey";
  public static final String EXIT_SUMMARY = "exitSummary";
  public static final String OBJECTION_STATEMENT = "objectionStatement";
  public static final String RECORDED_BY = "objectionRecordedBy";
  /** The last working day for the decision (yyyy-MM-dd), also the task's due date. */
  public static final String DUE_DATE = "objectionDueDate";
  /** The day the objection was received (yyyy-MM-dd): the start of the decision's working days. */
  public static final String RECEIVED_ON = "objectionReceivedOn";
  /** Working days the county has to decide (doudi.payroll.exit.objection-decision-working-days). */
  public static final String DECISION_DAYS = "objectionDecisionWorkingDays";

  /** Set by the complete listener: who decided. */
  public static final String DECIDED_BY = "objectionDecidedBy";

  // the form's answer
  /** UPHOLD (异议成立，恢复发放) or REJECT (异议不成立，维持停发). */
  public static final String DECISION = "objectionDecision";
  public static final String DECISION_NOTE = "objectionDecisionNote";

  public static final String UPHOLD = "UPHOLD";
  public static final String REJECT = "REJECT";

  private ExitVariables() {}

  /** Process variable objectionStatus (read or written by ExitObjectionSteps). */
  public static final String OBJECTION_STATUS = "objectionStatus";
}
