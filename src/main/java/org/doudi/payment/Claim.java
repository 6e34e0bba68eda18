package org.doudi.payment;

import java.time.Instant;

/** A recorded "once only" entitlement: this person received this scheme for this period, here and then. */
public record Claim(long id, String personIdNumber, Scheme scheme, String periodKey, int overrideSeq, String caseRef,
    String regionCode, Instant claimedAt, String claimedBy, String overrideReason) {}
