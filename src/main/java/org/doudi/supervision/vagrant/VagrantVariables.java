package org.doudi.supervision.vagrant;

import java.util.Set;

/** Process variables of {@code vagrant-assistance} (business key = case id). */
public final class VagrantVariables {

  private VagrantVariables() {}

  public static final String PROCESS_KEY = "vagrant-assistance";

  /** Calendar days a stay may last before it is filed with the higher civil-affairs department (民政部令第24号). */
  public static final int STAY_LIMIT_DAYS = 10;
  /** Months without identity after which the person is settled (落户安置; 吉民发〔2020〕40号 四(四)). */
  public static final int SETTLEMENT_MONTHS = 3;

  // written at intake
  public static final String CASE_ID = "caseId";
  public static final String STATION_CODE = "stationCode";
  public static final String STATION_NAME = "stationName";
  public static final String PERSON_TEXT = "personText";
  public static final String INTAKE_TEXT = "intakeText";
  /** ISO date-time (Shanghai) of the intake: the start of both calendar clocks. */
  public static final String INTAKE_AT = "intakeAt";
  /**
   * ISO date-time (Shanghai) of the person's first intake at any station: this one's, or that of the case at the
   * station the person came from (转送). The 3-month settlement clock counts from it; the 10-day clock from this
   * station's intake.
   */
  public static final String FIRST_INTAKE_AT = "firstIntakeAt";
  /** Start form: the person's case at the station the person came from, if any. */
  public static final String PREVIOUS_CASE_ID = "previousCaseId";
  /** Calendar days from the first intake day to the day 3 months later (the settlement timer). */
  public static final String SETTLEMENT_DAYS = "settlementDays";
  public static final String REGISTERED_BY = "registeredBy";

  // task outcomes (form fields)
  public static final String HEALTH_NEED = "healthNeed";
  public static final String MEDICAL_OUTCOME = "medicalOutcome";
  public static final String SEARCH_OUTCOME = "searchOutcome";

  // written by the form checks and delegates
  public static final String IDENTIFIED_TEXT = "identifiedText";
  public static final String SEARCH_COUNT = "searchCount";
  public static final String SEARCH_HISTORY = "searchHistory";
  public static final String FOLLOW_UP = "followUp";
  public static final String FOLLOW_UP_TEXT = "followUpText";
  public static final String SETTLED_BY = "settledBy";

  // input parameters of service tasks (camunda:inputParameter, local to the task; read by the delegates)
  /** 结束救助 (vagrantCloseStay): RETURNED (返乡), LEFT (自愿离站). */
  public static final String CLOSE_STATUS = "closeStatus";

  /** Written only by the process's delegates and listeners: a task completion may echo them, never change them. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(CASE_ID, STATION_CODE, STATION_NAME, PERSON_TEXT,
      INTAKE_TEXT, INTAKE_AT, FIRST_INTAKE_AT, SETTLEMENT_DAYS, REGISTERED_BY, IDENTIFIED_TEXT, SEARCH_COUNT, SEARCH_HISTORY, FOLLOW_UP,
      FOLLOW_UP_TEXT, SETTLED_BY);

  /** Process variable ableToWork (read or written by SettlementFollowUp). */
  public static final String ABLE_TO_WORK = "ableToWork";

  /** Process variable monthlyIncome (read or written by SettlementFollowUp). */
  public static final String MONTHLY_INCOME = "monthlyIncome";

  /** Process variable authorisationSigned (read or written by VagrantFormCheck). */
  public static final String AUTHORISATION_SIGNED = "authorisationSigned";

  /** Process variable clothingProvided (read or written by VagrantFormCheck). */
  public static final String CLOTHING_PROVIDED = "clothingProvided";

  /** Process variable identifiedIdNumber (read or written by VagrantFormCheck). */
  public static final String IDENTIFIED_ID_NUMBER = "identifiedIdNumber";

  /** Process variable lodgingProvided (read or written by VagrantFormCheck). */
  public static final String LODGING_PROVIDED = "lodgingProvided";

  /** Process variable mealsProvided (read or written by VagrantFormCheck). */
  public static final String MEALS_PROVIDED = "mealsProvided";

  /** Process variable searchDetail (read or written by VagrantFormCheck). */
  public static final String SEARCH_DETAIL = "searchDetail";

  /** Process variable approximateAge (read or written by VagrantSteps). */
  public static final String APPROXIMATE_AGE = "approximateAge";
}
