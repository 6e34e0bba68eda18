package org.doudi.payroll;

/**
 * Variable names of process {@code award-change-approval} (processes/payroll/award-change-approval.bpmn). The change
 * itself is never read from them: the approval applies the stored request ({@code award_change_request}); the
 * display variables only show it in the task form.
 */
public final class AwardChangeVariables {

  public static final String PROCESS_KEY = "award-change-approval";

  /** award_change_request.id (the business key is {@code award-change:<id>}). */
  public static final String REQUEST_ID = "changeRequestId";
  public static final String COUNTY_CODE = "countyCode";

  // shown in the form
  public static final String BENEFICIARY_KEY = "beneficiaryKey";
  public static final String PAYEE_NAME = "payeeName";
  public static final String SCHEME_LABEL = "schemeLabel";
  public static final String KIND_LABEL = "changeKind";
  public static final String CHANGE_FROM = "changeFrom";
  public static final String CHANGE_TO = "changeTo";
  public static final String EFFECTIVE = "effectiveNote";
  public static final String REASON = "changeReason";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String REQUESTED_AT = "requestedAt";

  // the form's answer, checked by the complete listener, which records it in the request
  public static final String DECISION = "decision";
  public static final String DECISION_NOTE = "decisionNote";
  /** Set by the complete listener: who decided (the authenticated user, else the assignee). */
  public static final String DECIDED_BY = "decidedBy";
  /** Set by the apply step: the benefit_award row written, or absent when the change could not be applied. */
  public static final String APPLIED_AWARD_ID = "appliedAwardId";

  private AwardChangeVariables() {}
}
