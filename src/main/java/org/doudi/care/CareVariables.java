package org.doudi.care;

import java.util.Set;

/**
 * Process variables of {@code care-placement} (business key = placement request id) and {@code care-agreement}
 * (business key = agreement id); docs/care.md.
 */
public final class CareVariables {

  private CareVariables() {}

  public static final String PLACEMENT_PROCESS = "care-placement";
  public static final String AGREEMENT_PROCESS = "care-agreement";

  /** Messages: a bed was given to the request (first placement or transfer). */
  public static final String MSG_BED_OFFERED = "CareBedOffered";
  /** The care level changed: plan the next visit again. */
  public static final String MSG_REPLAN = "CareReplan";
  /** Support ended (or the care mode changed): the arrangement ends. */
  public static final String MSG_ENDED = "CareArrangementEnded";

  // both processes (written at the start)
  public static final String PERSON_NAME = "personName";
  public static final String ID_NUMBER_MASKED = "idNumberMasked";
  public static final String REGION_NAME = "regionName";
  public static final String CARE_LEVEL_TEXT = "careLevelText";

  // care-placement
  public static final String REQUEST_ID = "placementRequestId";
  public static final String PLACED = "placed";
  public static final String INSTITUTION_NAME = "institutionName";
  public static final String BED_TEXT = "bedText";
  public static final String PLACEMENT_KIND_TEXT = "placementKindText";
  public static final String PLACED_ON = "placedOn";

  // care-agreement
  public static final String AGREEMENT_ID = "agreementId";
  public static final String NEXT_VISIT_AT = "nextVisitAt";
  public static final String VISIT_FREQUENCY_TEXT = "visitFrequencyText";
  public static final String RENEWAL_AT = "renewalAt";
  public static final String RENEWAL_DUE = "renewalDue";
  public static final String AGREEMENT_ENDS_ON = "agreementEndsOn";
  public static final String CAREGIVER_TEXT = "caregiverText";
  public static final String PROBLEMS_FOUND = "problemsFound";
  public static final String OPEN_PROBLEMS = "openProblems";

  /** Written only by the processes' delegates and the module's code: a task completion may echo, never change. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(PERSON_NAME, ID_NUMBER_MASKED, REGION_NAME, CARE_LEVEL_TEXT,
      REQUEST_ID, PLACED, INSTITUTION_NAME, BED_TEXT, PLACEMENT_KIND_TEXT, PLACED_ON, AGREEMENT_ID, NEXT_VISIT_AT,
      VISIT_FREQUENCY_TEXT, RENEWAL_AT, RENEWAL_DUE, AGREEMENT_ENDS_ON, CAREGIVER_TEXT, PROBLEMS_FOUND, OPEN_PROBLEMS,
      "regionCode");
}
