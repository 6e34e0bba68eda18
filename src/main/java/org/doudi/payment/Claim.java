package org.doudi.payment;

import java.time.Instant;

/**
 * A recorded "once only" entitlement: this person received this scheme for this period, here and then. {@code seq}
 * counts the person's claims of the scheme and period (0 first); a later one exists only as a correction, whose
 * {@code correctionReason} says why, and then the earlier claim is superseded (who, when, why). Exactly one claim
 * of a person, scheme and period is active.
 */
public record Claim(long id, String personIdNumber, Scheme scheme, String periodKey, int seq, String caseRef,
    String regionCode, Instant claimedAt, String claimedBy, String correctionReason, Instant supersededAt,
    String supersededBy, String supersededReason) {

  public boolean active() {
    return supersededAt == null;
  }
}
