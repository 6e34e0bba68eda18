/**
 * 临时救助 (issue 4): 急难型 with 先行救助 ({@code processes/temporary/emergency-assistance.bpmn}), 支出型 with
 * 一次审批、分次发放 ({@code expenditure-assistance.bpmn}) and the Spring Festival / winter heating one-off subsidies
 * ({@code holiday-subsidy.bpmn}); approval authority in DMN {@code temporary-approval-authority}. Every payment goes
 * through {@code org.doudi.payment.Payments} with an idempotency key derived from the case. See docs/temporary.md.
 */
package org.doudi.temporary;
