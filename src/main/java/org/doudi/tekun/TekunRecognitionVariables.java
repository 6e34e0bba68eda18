package org.doudi.tekun;

import java.util.Set;

/** Process variables of {@code tekun-recognition} (docs/tekun.md "Recognition"). Business key = case id. */
public final class TekunRecognitionVariables {

  private TekunRecognitionVariables() {}

  public static final String PROCESS_KEY = "tekun-recognition";

  // case facts (written at the start)
  public static final String CASE_ID = "caseId";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String ID_NUMBER_MASKED = "idNumberMasked";
  public static final String COUNTY_CODE = "countyCode";
  public static final String REGION_NAME = "regionName";
  public static final String CARE_MODE_LABEL = "careModeLabel";
  public static final String APPLICANT_TEXT = "applicantText";
  /** APPLICATION (the person or a guardian) or DISCOVERY (主动发现: the township first helps the person apply). */
  public static final String SOURCE = "source";
  public static final String REGISTERED_BY = "registeredBy";

  // form fields the gateways read
  public static final String ASSIST_OUTCOME = "assistOutcome";
  /** Written by the acceptance's form check from the materials ticked (not a form field). */
  public static final String MATERIALS_COMPLETE = "materialsComplete";
  /** The missing materials of the 一次性告知, written by the acceptance's form check. */
  public static final String MISSING_MATERIALS = "missingMaterials";
  public static final String MATERIALS_OUTCOME = "materialsOutcome";
  public static final String PRELIMINARY_DECISION = "preliminaryDecision";
  public static final String DECISION = "decision";

  // written by the delegates and the form check
  /** 受理 (ISO date-time): the 初审's 15 working days count from it. */
  public static final String ACCEPTED_AT = "acceptedAt";
  /** When the 初审's 15 working days start: 受理, or the end of a re-investigation after an objection. */
  public static final String PRELIMINARY_FROM = "preliminaryFrom";
  public static final String CARE_LEVEL_LABEL = "careLevelLabel";
  public static final String CHECK_TEXT = "checkText";
  public static final String ELIGIBLE = "eligible";
  public static final String ELIGIBILITY_REASONS = "eligibilityReasons";
  public static final String MONTHLY_AMOUNT = "monthlyAmount";
  public static final String AMOUNT_TEXT = "amountText";
  public static final String INVESTIGATED_BY = "investigatedBy";
  public static final String PRELIMINARY_BY = "preliminaryBy";
  /** COUNTY or TOWNSHIP (the county delegated confirmation, notice 五(二)). */
  public static final String AUTHORITY = "authority";
  public static final String SPOT_CHECKED = "spotChecked";
  public static final String SPOT_CHECK_TEXT = "spotCheckText";
  /** When the file reached the confirming authority: its 15 working days count from it. */
  public static final String FILE_RECEIVED_AT = "fileReceivedAt";
  public static final String DECIDED_BY = "decidedBy";
  public static final String DECIDED_ON = "decidedOn";

  // input parameters of service tasks (camunda:inputParameter, local to the task; read by the delegates)
  /** 记录…结案 (tekunCloseRecognition): REJECTED, WITHDRAWN, LAPSED, DECLINED. */
  public static final String CLOSE_STATUS = "closeStatus";
  /** 记录…超时 (tekunRecordRecognitionOverdue): PRELIMINARY (初审), CONFIRMATION (审核确认). */
  public static final String OVERDUE_LIMIT = "overdueLimit";

  /** Written only by the process's delegates and listeners: a task completion may echo them, never change them. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(CASE_ID, APPLICANT_NAME, ID_NUMBER_MASKED, COUNTY_CODE,
      REGION_NAME, CARE_MODE_LABEL, APPLICANT_TEXT, SOURCE, REGISTERED_BY, ACCEPTED_AT, PRELIMINARY_FROM,
      CARE_LEVEL_LABEL, CHECK_TEXT, ELIGIBLE, ELIGIBILITY_REASONS, MONTHLY_AMOUNT, AMOUNT_TEXT, INVESTIGATED_BY,
      PRELIMINARY_BY, AUTHORITY, SPOT_CHECKED, SPOT_CHECK_TEXT, FILE_RECEIVED_AT, DECIDED_BY, DECIDED_ON, MATERIALS_COMPLETE, MISSING_MATERIALS,
      "acceptedBy");

  /** Process variable authorisationSigned (read or written by RegisterCase). */
  public static final String AUTHORISATION_SIGNED = "authorisationSigned";

  /** Process variable acceptedBy (read or written by TekunFormCheck). */
  public static final String ACCEPTED_BY = "acceptedBy";

  /** Process variable choosesChildSubsidy (read or written by TekunFormCheck). */
  public static final String CHOOSES_CHILD_SUBSIDY = "choosesChildSubsidy";
}
