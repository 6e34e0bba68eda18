/**
 * 未参保失业人员一次性临时救助 (吉民发〔2020〕40号 二(二)): application at the place of work or usual residence
 * ({@link org.doudi.unemployed.UnemployedCases}, {@code POST /api/unemployed/applications}, Tasklist start form),
 * eligibility (DMN {@code unemployed-eligibility}), village/community investigation (3 working days), township review
 * (2 working days), the province-wide once-only check and the payment through {@code org.doudi.payment} in one
 * transaction, archive. Process {@code processes/unemployed/unemployed-assistance.bpmn}; see docs/unemployed.md.
 */
package org.doudi.unemployed;
