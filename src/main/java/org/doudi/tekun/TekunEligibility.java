package org.doudi.tekun;

/**
 * Assesses one person against the 特困 conditions (no capacity to work, no source of living, no supporter able to
 * support; minors to 18 and beyond while in school; the child's scheme instead when chosen) and prices the support
 * (basic living standard ≥ 1.3 × the local 低保 standard, care standard by self-care level). Java for the fixed rules,
 * DMN ({@code processes/rules/}) for what analysts change. Starts nothing, writes nothing.
 */
public interface TekunEligibility {

  /**
   * @throws org.doudi.household.InvalidApplicationException with every input problem (Chinese), for a 400
   */
  TekunAssessment assess(TekunFacts facts);
}
