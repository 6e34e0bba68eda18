package org.doudi.payroll;

import java.time.Instant;
import org.doudi.payment.Scheme;

/**
 * One row of award_change_request (V16_1): a manual change of an award asked for by one person, applied to
 * benefit_award only once another person has approved it ({@code decision}, {@code decidedBy}); then
 * {@code appliedAwardId} is the award row it wrote.
 */
public record AwardChangeRequest(long id, String beneficiaryKey, Scheme scheme, AwardChange change,
    String countyCode, long basedOnAwardId, String caseRef, String reason, String requestedBy, Instant requestedAt,
    Status status, String decision, String decidedBy, Instant decidedAt, String decisionNote, Long appliedAwardId,
    String processInstanceId) {

  /** REQUESTED 待审批, APPROVED 已同意并生效, REJECTED 不予变更 (or withdrawn, or no longer applicable). */
  public enum Status {
    REQUESTED, APPROVED, REJECTED
  }

  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";
}
