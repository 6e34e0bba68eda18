package org.doudi.supervision.escalation;

import java.util.Set;

/** Process variables of {@code supervision-escalation} (督办) and {@code supervision-escalation-sweep}. */
public final class EscalationVariables {

  private EscalationVariables() {}

  public static final String ESCALATION_PROCESS = "supervision-escalation";
  public static final String SWEEP_PROCESS = "supervision-escalation-sweep";
  public static final String SUPERVISE_TASK = "Task_Supervise";

  // written by the sweep when it starts the 督办 (read-only fields of the form)
  public static final String ESCALATION_ID = "escalationId";
  public static final String ESCALATION_GROUPS = "escalationGroups";
  public static final String LATE_PROCESS_INSTANCE_ID = "lateProcessInstanceId";
  public static final String LATE_PROCESS_NAME = "lateProcessName";
  public static final String LATE_BUSINESS_KEY = "lateBusinessKey";
  public static final String CASE_REGION_NAME = "caseRegionName";
  public static final String LATE_OFFICE_NAME = "lateOfficeName";
  public static final String LATE_ACTIVITY_NAME = "lateActivityName";
  public static final String LIMIT_KIND_LABEL = "limitKindLabel";
  public static final String LIMIT_RULE = "limitRule";
  public static final String LIMIT_DUE = "limitDue";
  public static final String WORKING_DAYS_OVERDUE = "workingDaysOverdue";
  public static final String LATE_HOLDER = "lateHolder";
  public static final String LATE_STEP_STATE = "lateStepState";
  public static final String HOLDER_DUE_ON = "holderDueOn";
  /** Whether the holder's 督办期限 is watched (the late step was still open when the 督办 was handled). */
  public static final String HOLDER_WATCHED = "holderWatched";
  /** The day the 督办 was handled (ISO date): the holder's working days count from it. */
  public static final String SUPERVISED_ON = "supervisedOn";
  /** 督办 level: 1 for the sweep's, 2 for the one raised when the holder let the 督办期限 pass, and so on. */
  public static final String ESCALATION_LEVEL = "escalationLevel";
  /** The 督办 raised above this one when the holder let its 督办期限 pass. */
  public static final String RAISED_ESCALATION_ID = "raisedEscalationId";
  /** Message to the waiting 督办 when the sweep sees the late step finished within the 督办期限. */
  public static final String LATE_STEP_DONE_MESSAGE = "EscalationLateStepDone";

  // the supervisor's input (form fields)
  public static final String INSTRUCTION = "supervisionInstruction";
  public static final String CATEGORY = "supervisionCategory";
  public static final String HOLDER_WORKING_DAYS = "holderWorkingDays";

  // the sweep's own paging
  public static final String SWEEP_AFTER_ID = "sweepAfterId";
  public static final String SWEEP_MORE = "sweepMore";

  /** Only the application writes these; a task completion may at most echo them. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(ESCALATION_ID, ESCALATION_GROUPS, LATE_PROCESS_INSTANCE_ID,
      LATE_PROCESS_NAME, LATE_BUSINESS_KEY, CASE_REGION_NAME, LATE_OFFICE_NAME, LATE_ACTIVITY_NAME, LIMIT_KIND_LABEL,
      LIMIT_RULE, LIMIT_DUE, WORKING_DAYS_OVERDUE, LATE_HOLDER, LATE_STEP_STATE, HOLDER_DUE_ON, HOLDER_WATCHED,
      SUPERVISED_ON, ESCALATION_LEVEL, RAISED_ESCALATION_ID, SWEEP_AFTER_ID, SWEEP_MORE);
}
