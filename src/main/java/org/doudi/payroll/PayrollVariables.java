package org.doudi.payroll;

/**
 * Variable names of the monthly payroll (process {@code monthly-payroll}, processes/payroll/monthly-payroll.bpmn) and
 * of the one-off files ({@code one-off-disbursement}): one typed place for the delegates, the form checks, the
 * variable guard and the start. The money is never taken from them: the run, roster and files are stored in
 * {@code payroll_*} and read from there.
 */
public final class PayrollVariables {

  public static final String ANOMALIES_VERIFIED = "anomaliesVerified";
  public static final String ANOMALIES_VERIFIED_BY = "anomaliesVerifiedBy";
  public static final String ANOMALIES_VERIFIED_COUNT = "anomaliesVerifiedCount";
  public static final String APPROVED_BY = "approvedBy";
  public static final String APPROVED_COUNT = "approvedCount";
  public static final String APPROVED_TOTAL = "approvedTotal";
  public static final String BANK_FILE_ID = "bankFileId";
  public static final String BATCH_NO = "batchNo";
  public static final String BENEFICIARY_KEY = "beneficiaryKey";
  public static final String CHANGED_COUNT = "changedCount";
  public static final String CONFIRMED_TOTAL = "confirmedTotal";
  public static final String COUNTIES_STARTED = "countiesStarted";
  public static final String COUNTY_CODE = "countyCode";
  public static final String COUNTY_NAME = "countyName";
  public static final String DIFFERENCES = "differences";
  public static final String EXCLUDE_BENEFICIARIES = "excludeBeneficiaries";
  public static final String EXCLUDE_REASON = "excludeReason";
  public static final String EXCLUDED_BY = "excludedBy";
  public static final String EXTRAS_COUNT = "extrasCount";
  public static final String EXTRAS_TOTAL = "extrasTotal";
  public static final String FILE_ROW_COUNT = "fileRowCount";
  public static final String FILE_TOTAL = "fileTotal";
  public static final String LAST_MONTH_COUNT = "lastMonthCount";
  public static final String LAST_MONTH_TOTAL = "lastMonthTotal";
  public static final String LEDGER_ID = "ledgerId";
  public static final String NEW_COUNT = "newCount";
  public static final String ONE_OFF_FILES = "oneOffFiles";
  public static final String PAID_COUNT = "paidCount";
  public static final String PAYROLL_MONTH = "payrollMonth";
  public static final String PHASE_OUTS_ENDED = "phaseOutsEnded";
  public static final String RESULT_IMPORTED_AT = "resultImportedAt";
  public static final String RESULT_IMPORTED_BY = "resultImportedBy";
  public static final String RETURNED_COUNT = "returnedCount";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String ROSTER_COUNT = "rosterCount";
  public static final String ROSTER_TOTAL = "rosterTotal";
  public static final String RUN_DAY = "runDay";
  public static final String RUN_ID = "runId";
  public static final String STOPPED_COUNT = "stoppedCount";

  private PayrollVariables() {}
}
