package org.doudi.engine.internal;

/**
 * Variable names of process {@code rule-approval} (processes/engine/rule-approval.bpmn). The decision itself is never
 * read from them: the listener records it in rule_approval, which {@link org.doudi.engine.RulesInForce} reads; the
 * display variables only show the version in the task form.
 */
final class RuleApprovalVariables {

  static final String PROCESS_KEY = "rule-approval";
  static final String MESSAGE_SUPERSEDED = "Message_RuleSuperseded";
  static final String ADMIN_GROUP = "camunda-admin";
  /** The Camunda group type of analysts' groups (org.doudi.identity.Role.ANALYST). */
  static final String ANALYST_GROUP_TYPE = "ANALYST";

  /** The decision definition id of the version to decide (the business key is {@code rule:<id>}). */
  static final String DEFINITION_ID = "ruleDefinitionId";
  static final String REVIEWER_GROUPS = "reviewerGroups";

  // shown in the form
  static final String RULE_KEY = "ruleKey";
  static final String RULE_NAME = "ruleName";
  static final String NEW_VERSION = "newVersion";
  static final String IN_FORCE_VERSION = "inForceVersion";
  static final String AUTHOR = "ruleAuthor";
  static final String DEPLOYED_AT = "ruleDeployedAt";
  static final String DEPLOYMENT_NAME = "deploymentName";
  static final String CHANGE_SUMMARY = "changeSummary";

  // the form's answer, checked and recorded by the complete listener
  static final String DECISION = "decision";
  static final String DECISION_NOTE = "decisionNote";
  static final String DECIDED_BY = "decidedBy";

  static final String APPROVE = "APPROVE";
  static final String REJECT = "REJECT";

  private RuleApprovalVariables() {}
}
