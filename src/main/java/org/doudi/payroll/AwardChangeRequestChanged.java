package org.doudi.payroll;

/**
 * A write to award_change_request, published in the writing transaction by its one writer (the audit trail records
 * every such event with the row before and after): REQUESTED (before: the award as it is, after: the request),
 * DECIDED (the second person's decision), APPLIED (the change written to the award), REJECTED (closed without a
 * change).
 *
 * @param processInstanceId the approval process ({@code award-change-approval}), once started
 * @param actor             the requester (REQUESTED) or the second person (DECIDED); null for the application's steps
 * @param subject           table and key, {@code award_change_request <id>}
 * @param before            the row (or the award's description) before the write, null for a new request
 * @param after             the row after the write
 */
public record AwardChangeRequestChanged(String action, long requestId, String beneficiaryKey, String scheme,
    String countyCode, String processInstanceId, String actor, String subject, Object before, Object after) {

  public static AwardChangeRequestChanged of(String action, Object before, AwardChangeRequest after) {
    String actor = switch (action) {
      case "REQUESTED" -> after.requestedBy();
      case "DECIDED" -> after.decidedBy();
      default -> null;
    };
    return new AwardChangeRequestChanged(action, after.id(), after.beneficiaryKey(), after.scheme().name(),
        after.countyCode(), after.processInstanceId(), actor, "award_change_request " + after.id(), before, after);
  }
}
