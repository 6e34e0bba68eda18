package org.doudi.eligibility;

import org.doudi.eligibility.internal.DibaoDecisions;
import org.doudi.engine.ProcessBean;

/**
 * The 低保 rules a process needs, for Java and for model expressions:
 * {@code ${dibaoRules.decideAuthority(countyCode, separateRegistration, hasComplaint).authority}}.
 * A business rule task may also call the decision directly ({@code decisionRef="dibao-approval-authority"},
 * variables countyCode, separateRegistration, hasComplaint).
 */
@ProcessBean("dibaoRules")
public class DibaoRules {

  private final DibaoDecisions decisions;

  public DibaoRules(DibaoDecisions decisions) {
    this.decisions = decisions;
  }

  /** Approval authority, county home visit and overall time limit (DMN {@code dibao-approval-authority}). */
  public ApprovalAuthority decideAuthority(String countyCode, boolean separateRegistration, boolean hasComplaint) {
    if (countyCode == null || !countyCode.matches("\\d{6}")) {
      throw new IllegalArgumentException("countyCode must be a 6-digit county code, was " + countyCode);
    }
    return decisions.authority(countyCode, separateRegistration, hasComplaint);
  }
}
