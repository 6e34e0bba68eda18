/**
 * 低保 eligibility: local standards ({@link org.doudi.eligibility.DibaoStandards}), the assessment of a household
 * ({@link org.doudi.eligibility.DibaoEligibility} → {@link org.doudi.eligibility.DibaoAssessment}) with the
 * supplement and single-person ratios from DMN, and the approval authority
 * ({@link org.doudi.eligibility.DibaoRules#decideAuthority}), and the most an award can pay a household
 * ({@link org.doudi.eligibility.DibaoCeilings#monthlyCeiling}). See docs/eligibility.md.
 */
package org.doudi.eligibility;
