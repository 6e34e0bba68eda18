package org.doudi.supervision.petition;

import java.util.Set;

/** Process variables of {@code petition} (信访 and 监督举报, docs/petitions.md). */
public final class PetitionVariables {

  private PetitionVariables() {}

  public static final String PROCESS_KEY = "petition";
  public static final String MESSAGE_REEXAMINATION = "PetitionReexaminationRequested";
  public static final String MESSAGE_FINAL_REVIEW = "PetitionFinalReviewRequested";
  /** 登记复查申请 / 登记复核申请 (user tasks since the second model version; receive tasks before). */
  public static final String TASK_AWAIT_REEXAMINATION = "Task_AwaitReexaminationRequest";
  public static final String TASK_AWAIT_FINAL_REVIEW = "Task_AwaitFinalReviewRequest";
  /** The one field of the two registration forms: the reason the petitioner gave. */
  public static final String REQUEST_REASON = "requestReason";

  // registration (start form petition-start, POST /api/petitions)
  public static final String KIND = "kind";
  public static final String CHANNEL = "channel";
  public static final String PETITIONER_NAME = "petitionerName";
  public static final String ID_NUMBER = "idNumber";
  public static final String CONTACT = "contact";
  public static final String CLAIM = "claim";
  /** The cases concerned, one per line or comma: {@code PROCESS_INSTANCE:<id>}, {@code AWARD:<SCHEME>/<key>}, {@code TEKUN_PERSON:<id>}. */
  public static final String CONCERNED_CASES = "concernedCases";
  public static final String PREVIOUS_PETITION_ID = "previousPetitionId";
  public static final String REGISTERED_BY = "registeredBy";

  // written by the application
  public static final String PETITION_ID = "petitionId";
  public static final String KIND_LABEL = "kindLabel";
  public static final String SUMMARY = "petitionSummary";
  public static final String COUNTY_CODE = "countyCode";
  public static final String CITY_CODE = "cityCode";
  public static final String RECEIVED_ON = "receivedOn";
  public static final String ROUTED_ON = "routedOn";
  /** TOWNSHIP_CASEWORKER or COUNTY_CASEWORKER: the body that decides acceptance and handles the petition. */
  public static final String HANDLING_ROLE = "handlingRole";
  public static final String OBJECTION_WINDOW_CLOSED = "objectionWindowClosed";
  public static final String ACCEPTED_ON = "acceptedOn";
  /** 60, or 60 plus the one approved extension: the handling limit counted from {@link #ACCEPTED_ON}. */
  public static final String HANDLING_DAYS = "handlingDays";
  public static final String HANDLED_BY = "handledBy";
  public static final String EXTENSION_REQUESTED_BY = "extensionRequestedBy";
  public static final String REPLIED_ON = "repliedOn";
  public static final String REEXAMINATION_REQUESTED_ON = "reexaminationRequestedOn";
  public static final String REEXAMINED_ON = "reexaminedOn";
  public static final String REEXAMINED_BY = "reexaminedBy";
  public static final String FINAL_REVIEW_REQUESTED_ON = "finalReviewRequestedOn";
  /** 30 plus the calendar days of hearings: hearing time is not counted in the 复核 limit. */
  public static final String FINAL_REVIEW_DAYS = "finalReviewDays";
  public static final String HEARING_STARTED_ON = "hearingStartedOn";
  public static final String HARDSHIP_PROCESS_ID = "hardshipProcessId";

  // task form fields
  public static final String ROUTE_TO = "routeTo";
  public static final String ACCEPTANCE = "acceptance";
  public static final String ACCEPTANCE_REASON = "acceptanceReason";
  public static final String HANDLING_OUTCOME = "handlingOutcome";
  public static final String CONCLUSION = "conclusion";
  public static final String EXTENSION_DAYS = "extensionDays";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String EXTENSION_DECISION = "extensionDecision";
  public static final String EXTENSION_OPINION = "extensionOpinion";
  public static final String REEXAMINATION_OPINION = "reexaminationOpinion";
  public static final String FINAL_REVIEW_OUTCOME = "finalReviewOutcome";
  public static final String FINAL_REVIEW_OPINION = "finalReviewOpinion";
  public static final String HEARING_RECORD = "hearingRecord";

  // input parameters of service tasks (camunda:inputParameter, local to the task; read by the delegates)
  /** 办结 (petitionCloseUnchallenged): REPLY (答复后未请求复查), REEXAMINATION (复查后未请求复核). */
  public static final String CLOSE_STAGE = "closeStage";

  /** Written only by this module's code: a task completion may echo them, never change them. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(PETITION_ID, KIND_LABEL, SUMMARY, COUNTY_CODE, CITY_CODE,
      RECEIVED_ON, ROUTED_ON, HANDLING_ROLE, OBJECTION_WINDOW_CLOSED, ACCEPTED_ON, HANDLING_DAYS, HANDLED_BY,
      EXTENSION_REQUESTED_BY, REPLIED_ON, REEXAMINATION_REQUESTED_ON, REEXAMINED_ON, REEXAMINED_BY,
      FINAL_REVIEW_REQUESTED_ON,
      FINAL_REVIEW_DAYS, HEARING_STARTED_ON, HARDSHIP_PROCESS_ID, REGISTERED_BY);
}
