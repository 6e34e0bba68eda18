package org.doudi.watch;

import java.util.Set;

/** Process variables of {@code watch-alert} and the watch list's part of {@code hardship-report} (docs/watch.md). */
public final class WatchVariables {

  private WatchVariables() {}

  public static final String ALERT_PROCESS = "watch-alert";
  public static final String RECHECK_PROCESS = "watch-recheck";
  public static final String HARDSHIP_PROCESS = "hardship-report";

  // watch-alert, set when the alert is raised
  public static final String ALERT_ID = "alertId";
  public static final String RULE_CODE = "ruleCode";
  public static final String RULE_LABEL = "ruleLabel";
  public static final String SUBJECT_NAME = "subjectName";
  public static final String SUBJECT_ID_MASKED = "subjectIdMasked";
  public static final String ALERT_DETAIL = "alertDetail";
  /** The role whose group of the subject's region gets the task: TOWNSHIP_CASEWORKER (or COUNTY_CASEWORKER above). */
  public static final String ALERT_ROLE = "alertRole";

  // watch-alert closing form
  public static final String CLOSE_REASON = "closeReason";
  public static final String CLOSE_NOTE = "closeNote";
  public static final String APPLICATION_REF = "applicationRef";
  public static final String CLOSED_BY = "closedBy";

  // hardship-report verification (form hardship-report-verify)
  public static final String VERIFICATION_OUTCOME = "verificationOutcome";
  public static final String SUBJECT_ID_NUMBER = "subjectIdNumber";
  public static final String HOUSEHOLD_HEAD = "householdHead";
  public static final String VERIFICATION_NOTES = "verificationNotes";
  public static final String WATCH_ENTRY_ID = "watchEntryId";
  public static final String WATCH_ALERT_ID = "watchAlertId";

  // hardship-report start (form hardship-report-start; also set by petitions and the citizens' emergency report)
  public static final String ADDRESS = "address";
  public static final String CONTACT_PHONE = "contactPhone";
  /** VISIT | NEIGHBOUR | DATA | SELF. */
  public static final String DISCOVERY_SOURCE = "discoverySource";
  public static final String SITUATION = "situation";
  /** Who started the report (the start event's initiator; {@code citizen:<masked ID>} for an online report). */
  public static final String REPORTED_BY = "reportedBy";
  /** ONLINE for a report filed by a citizen on the page /apply/; unset for a report of staff. */
  public static final String REPORT_CHANNEL = "reportChannel";

  /** Written only by this module's code: a task completion may echo them, never change them. */
  public static final Set<String> SYSTEM_WRITTEN = Set.of(ALERT_ID, RULE_CODE, RULE_LABEL, SUBJECT_NAME,
      SUBJECT_ID_MASKED, ALERT_DETAIL, ALERT_ROLE, CLOSED_BY, WATCH_ENTRY_ID, WATCH_ALERT_ID);

  /** Process variable suggestedSchemes (read or written by HardshipOutcomes). */
  public static final String SUGGESTED_SCHEMES = "suggestedSchemes";

  /** Process variable rechecksRaised (read or written by RecheckRejected). */
  public static final String RECHECKS_RAISED = "rechecksRaised";
}
