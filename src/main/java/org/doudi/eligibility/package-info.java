/**
 * 低保 eligibility: local standards ({@link org.doudi.eligibility.DibaoStandards}), the assessment of a household
 * ({@link org.doudi.eligibility.DibaoEligibility} → {@link org.doudi.eligibility.DibaoAssessment}) with the
 * supplement and single-person ratios from DMN, and the approval authority
 * ({@link org.doudi.eligibility.DibaoRules#decideAuthority}). See docs/eligibility.md.
 */
package org.doudi.eligibility;
