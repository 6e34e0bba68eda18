package org.doudi.tekun;

/**
 * A new 特困人员基本生活标准, published in the transaction that records it ({@link TekunStandards#add}); the audit trail
 * records it with the standard it follows (the latest of the county and type before it, null for the first).
 */
public record TekunStandardAdded(String actor, String countyCode, String subject, TekunStandard before,
    TekunStandard after) {}
