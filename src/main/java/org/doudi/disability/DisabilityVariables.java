package org.doudi.disability;

import java.util.Set;

/** Process variables of {@code disability-subsidy} (docs/disability.md). Business key = application id. */
public final class DisabilityVariables {

  private DisabilityVariables() {}

  public static final String PROCESS_KEY = "disability-subsidy";
  public static final String DISCOVERY_PROCESS_KEY = "disability-discovery";

  // case facts (written at the start)
  public static final String APPLICATION_ID = "applicationId";
  public static final String SUBSIDY_KIND = "subsidyKind";
  public static final String SUBSIDY_LABEL = "subsidyLabel";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String ID_NUMBER_MASKED = "idNumberMasked";
  public static final String COUNTY_CODE = "countyCode";
  public static final String REGION_NAME = "regionName";
  public static final String DISABILITY_TEXT = "disabilityText";
  /** APPLICATION (a caseworker's request) or DISCOVERY (主动发现: the township first helps the person apply). */
  public static final String SOURCE = "source";
  public static final String REGISTERED_BY = "registeredBy";

  // 协助申请 (discovery only)
  public static final String ASSIST_OUTCOME = "assistOutcome";

  // 认定条件审查 and the amount (DMN)
  public static final String ELIGIBLE = "eligible";
  public static final String ELIGIBILITY_REASONS = "eligibilityReasons";
  public static final String STANDING_TEXT = "standingText";
  public static final String MONTHLY_AMOUNT = "monthlyAmount";
  public static final String AMOUNT_BASIS = "amountBasis";

  // 乡镇（街道）审核 and 县级审核确认
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEWED_BY = "reviewedBy";
  public static final String DECISION = "decision";
  public static final String DECIDED_BY = "decidedBy";
  public static final String DECIDED_ON = "decidedOn";

  // input parameters of service tasks (camunda:inputParameter, local to the task; read by the delegates)
  /** 记录本人不申请 / 书面告知… (disabilityCloseApplication): DECLINED, INELIGIBLE, REJECTED. */
  public static final String CLOSE_STATUS = "closeStatus";

  /** Written only by the process's delegates and listeners: a task completion may echo them, never change them. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(APPLICATION_ID, SUBSIDY_KIND, SUBSIDY_LABEL,
      APPLICANT_NAME, ID_NUMBER_MASKED, COUNTY_CODE, REGION_NAME, DISABILITY_TEXT, SOURCE, REGISTERED_BY, ELIGIBLE,
      ELIGIBILITY_REASONS, STANDING_TEXT, MONTHLY_AMOUNT, AMOUNT_BASIS, REVIEWED_BY, DECIDED_BY, DECIDED_ON);

  /** Process variable candidates (read or written by Discover). */
  public static final String CANDIDATES = "candidates";

  /** Process variable casesOpened (read or written by Discover). */
  public static final String CASES_OPENED = "casesOpened";

  /** Process variable personsScanned (read or written by Discover). */
  public static final String PERSONS_SCANNED = "personsScanned";

  /** Process variable stopped (read or written by Discover). */
  public static final String STOPPED = "stopped";
}
