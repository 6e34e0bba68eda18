package org.doudi.child;

import java.util.Set;

/** Process variables of {@code child-subsidy}, {@code child-review} and {@code child-review-schedule}. */
public final class ChildVariables {

  private ChildVariables() {}

  public static final String PROCESS_KEY = "child-subsidy";
  public static final String REVIEW_PROCESS_KEY = "child-review";
  public static final String SCHEDULE_PROCESS_KEY = "child-review-schedule";

  // child-subsidy: case facts written at the start (business key = application id)
  public static final String APPLICATION_ID = "applicationId";
  public static final String CHILD_NAME = "childName";
  public static final String ID_NUMBER_MASKED = "idNumberMasked";
  public static final String COUNTY_CODE = "countyCode";
  public static final String REGION_NAME = "regionName";
  public static final String PARENTS_TEXT = "parentsText";
  public static final String GUARDIAN_TEXT = "guardianText";
  public static final String REGISTERED_BY = "registeredBy";
  // conditions
  public static final String ELIGIBLE = "eligible";
  public static final String CATEGORY_LABEL = "categoryLabel";
  public static final String ELIGIBILITY_REASONS = "eligibilityReasons";
  // township investigation
  public static final String INVESTIGATION_OUTCOME = "investigationOutcome";
  public static final String INVESTIGATED_BY = "investigatedBy";
  // amount (from the stored standard) and county decision
  public static final String CARE_MODE_LABEL = "careModeLabel";
  public static final String MONTHLY_AMOUNT = "monthlyAmount";
  public static final String AMOUNT_BASIS = "amountBasis";
  public static final String DECISION = "decision";
  public static final String DECIDED_BY = "decidedBy";
  public static final String DECIDED_ON = "decidedOn";

  // child-review (business key = review id)
  public static final String REVIEW_ID = "reviewId";
  /** ANNUAL (the yearly re-check) or ADULT (the 18th birthday). */
  public static final String REVIEW_KIND = "reviewKind";
  public static final String ADULT_ON = "adultOn";
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String REVIEWED_BY = "reviewedBy";
  public static final String STOP_DECISION = "stopDecision";
  public static final String STOP_DECIDED_BY = "stopDecidedBy";

  // child-review-schedule
  public static final String MORE_DUE = "moreDue";
  public static final String STARTED_TODAY = "startedToday";

  // input parameters of service tasks (camunda:inputParameter, local to the task; read by the delegates)
  /** 书面告知不符合条件 / 不予认定 (childCloseApplication): INELIGIBLE, REJECTED. */
  public static final String CLOSE_STATUS = "closeStatus";

  /** Written only by the processes' delegates and listeners: a task completion may echo them, never change them. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(APPLICATION_ID, CHILD_NAME, ID_NUMBER_MASKED, COUNTY_CODE,
      REGION_NAME, PARENTS_TEXT, GUARDIAN_TEXT, REGISTERED_BY, ELIGIBLE, CATEGORY_LABEL, ELIGIBILITY_REASONS,
      INVESTIGATED_BY, CARE_MODE_LABEL, MONTHLY_AMOUNT, AMOUNT_BASIS, DECIDED_BY, DECIDED_ON, REVIEW_ID, REVIEW_KIND,
      ADULT_ON, REVIEWED_BY, STOP_DECIDED_BY);
}
