package org.doudi.tekun;

/**
 * Spring application event: a re-assessment changed a supported person's self-care level (or their chosen care mode).
 * Published in the transaction that records it.
 */
public record TekunCareLevelChanged(long tekunPersonId, String idNumber, String countyCode, String regionCode,
    CareLevel from, CareLevel to, CareMode careMode) {}
