package org.doudi.standards;

/** The names of the approval process {@code standard-batch-approval}: process key, message, variables, choices. */
public final class StandardBatchVariables {

  public static final String PROCESS_KEY = "standard-batch-approval";
  /** Business key prefix: {@code standard-batch:<id>}. */
  public static final String BUSINESS_KEY_PREFIX = "standard-batch:";
  /** Ends the task when the batch was decided through the API instead. */
  public static final String DECIDED_ELSEWHERE = "Message_StandardBatchDecided";

  public static final String BATCH_ID = "batchId";
  public static final String BATCH_KIND = "batchKind";
  public static final String EFFECTIVE_FROM = "effectiveFrom";
  public static final String SOURCE_NOTE = "sourceNote";
  public static final String UPLOADED_BY = "uploadedBy";
  public static final String BATCH_SUMMARY = "batchSummary";
  public static final String DECISION = "decision";
  public static final String DECISION_NOTE = "decisionNote";
  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";

  private StandardBatchVariables() {}
}
