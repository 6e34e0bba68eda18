package org.doudi.dibao;

/**
 * Process variables of {@code dibao-application} (one place for the names; docs/dibao.md describes each). The case
 * record (household, members, income, assets) lives in the household tables; variables hold only what gateways,
 * forms and Tasklist filters need. The business key is the application id.
 */
public final class DibaoVariables {

  private DibaoVariables() {}

  public static final String PROCESS_KEY = "dibao-application";
  public static final String MESSAGE_OBJECTION = "DibaoObjectionFiled";
  public static final String MESSAGE_WITHDRAWAL = "DibaoApplicationWithdrawn";

  // case facts (set by 登记申请)
  public static final String APPLICATION_ID = "applicationId";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String MEMBER_COUNT = "memberCount";
  public static final String COUNTY_CODE = "countyCode";
  public static final String REGION_NAME = "regionName";
  public static final String URBAN_RURAL = "urbanRural";
  public static final String SEPARATE_REGISTRATION = "separateRegistration";
  public static final String NEEDS_DISABILITY_PROOF = "needsDisabilityProof";
  public static final String REGISTERED_BY = "registeredBy";
  /** Day the application was received and the case clock started (a Date); limits count from it. */
  public static final String ACCEPTED_AT = "acceptedAt";

  // 受理
  public static final String MATERIALS_COMPLETE = "materialsComplete";
  public static final String MISSING_MATERIALS = "missingMaterials";
  public static final String MATERIALS_OUTCOME = "materialsOutcome";
  public static final String MATERIALS_NOTE = "materialsNote";
  /** How the application came in: absent = at the counter (or by staff through the API), ONLINE = by the household. */
  public static final String CHANNEL = "channel";
  public static final String CHANNEL_ONLINE = "ONLINE";

  // authority (DMN dibao-approval-authority)
  public static final String AUTHORITY = "authority";
  public static final String AUTHORITY_LABEL = "authorityLabel";
  public static final String COUNTY_HOME_VISIT_REQUIRED = "countyHomeVisitRequired";
  public static final String OVERALL_LIMIT = "overallLimitWorkingDays";
  public static final String AUTHORITY_BASIS = "authorityBasis";
  public static final String HAS_COMPLAINT = "hasComplaint";

  // 启动入户调查 and the limits of 第15条 (start), the local investigation limit and 第20条 (审核确认)
  /** Moment the township recorded the start of the household investigation (a Date; 第15条). */
  public static final String INVESTIGATION_STARTED_AT = "investigationStartedAt";
  /** Who recorded the start of the investigation. */
  public static final String INVESTIGATION_STARTED_BY = "investigationStartedBy";
  /** The start was recorded after the 3 working days of 第15条. */
  public static final String INVESTIGATION_START_LATE = "investigationStartLate";
  /** Moment the township's file reached the confirming authority after the 公示 (a Date; 第20条 counts from it). */
  public static final String FILE_RECEIVED_AT = "fileReceivedAt";
  /** The limits this case has missed, in Chinese, separated by "；" (Cockpit shows it; the events hold the detail). */
  public static final String MISSED_LIMITS = "missedLimits";

  // 信息核对
  public static final String CHECK_PASSED = "checkPassed";
  public static final String CHECK_REFERENCE = "checkReference";
  public static final String CHECK_SUMMARY = "checkSummary";
  public static final String CHECK_RESPONSE = "checkResponse";
  public static final String CHECK_OBJECTION_EVIDENCE = "checkObjectionEvidence";
  public static final String RECHECK_OUTCOME = "recheckOutcome";

  // assessment
  public static final String ELIGIBILITY_OUTCOME = "eligibilityOutcome";
  public static final String ELIGIBILITY_OUTCOME_LABEL = "eligibilityOutcomeLabel";
  public static final String STANDARD = "standard";
  public static final String PER_CAPITA_INCOME = "perCapitaIncome";
  public static final String MONTHLY_AMOUNT = "monthlyAmount";
  public static final String ELIGIBILITY_REASONS = "eligibilityReasons";

  // 初审, 公示, objections
  public static final String PRELIMINARY_OPINION = "preliminaryOpinion";
  public static final String PRELIMINARY_OPINION_LABEL = "preliminaryOpinionLabel";
  public static final String NOTICE_ROUND = "noticeRound";
  public static final String OBJECTOR_NAME = "objectorName";
  public static final String OBJECTOR_PHONE = "objectorPhone";
  public static final String OBJECTION_CONTENT = "objectionContent";
  public static final String OBJECTION_SOURCE = "objectionSource";
  public static final String OBJECTION_FILED_BY = "objectionFiledBy";
  public static final String OBJECTION_HANDLING = "objectionHandling";

  // 审核确认 and decision
  public static final String DECISION = "decision";
  public static final String DECISION_REASONS = "decisionReasons";
  public static final String PAYMENT_FROM = "paymentFrom";

  // overall limit
  public static final String EXTEND_DEADLINE = "extendDeadline";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String EXTENSION_GROUND = "extensionGround";
  public static final String EXTENDED = "extended";

  // withdrawal at any time (message payload)
  public static final String WITHDRAWAL_REASON = "withdrawalReason";

  // input parameters of service tasks (camunda:inputParameter, local to the task; read by the delegates)
  /** 结案 (dibaoCloseApplication): the closing status, {@code WITHDRAWN} or {@code LAPSED}. */
  public static final String CLOSE_STATUS = "closeStatus";
  /** 法定时限未办结 (dibaoRecordMissedLimit): {@code INVESTIGATION_START}, {@code INVESTIGATION} or {@code CONFIRMATION}. */
  public static final String LIMIT_KEY = "limit";

  /**
   * Written only by the process's delegates and listeners (the case record, the assessment, authority, decisions):
   * a task completion may echo them, never change them (docs/integrity.md).
   */
  public static final java.util.Set<String> SYSTEM_WRITTEN = java.util.Set.of(APPLICATION_ID, CHANNEL, APPLICANT_NAME,
      MEMBER_COUNT, COUNTY_CODE, REGION_NAME, URBAN_RURAL, SEPARATE_REGISTRATION, NEEDS_DISABILITY_PROOF, REGISTERED_BY,
      ACCEPTED_AT, MATERIALS_COMPLETE, MISSING_MATERIALS, AUTHORITY, AUTHORITY_LABEL, COUNTY_HOME_VISIT_REQUIRED,
      OVERALL_LIMIT, AUTHORITY_BASIS, HAS_COMPLAINT, CHECK_PASSED, CHECK_REFERENCE, CHECK_SUMMARY, ELIGIBILITY_OUTCOME,
      ELIGIBILITY_OUTCOME_LABEL, STANDARD, PER_CAPITA_INCOME, MONTHLY_AMOUNT, ELIGIBILITY_REASONS,
      PRELIMINARY_OPINION_LABEL, NOTICE_ROUND, OBJECTION_SOURCE, OBJECTION_FILED_BY, PAYMENT_FROM, EXTENDED,
      INVESTIGATION_STARTED_AT, INVESTIGATION_STARTED_BY, INVESTIGATION_START_LATE, FILE_RECEIVED_AT, MISSED_LIMITS, "decidedBy",
      "awardGranted");

  /** Process variable awardGranted (read or written by Decisions). */
  public static final String AWARD_GRANTED = "awardGranted";
}
