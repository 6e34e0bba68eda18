package org.doudi.child;

/**
 * A new 孤儿/事实无人抚养儿童 basic living standard, published in the transaction that records it
 * ({@link ChildSubsidies#addStandard}); the audit trail records it with the standard it replaces from that date on
 * (the county's and care mode's row in force on the new one's first day, null if none).
 */
public record ChildStandardAdded(String actor, String countyCode, String subject, ChildStandard before,
    ChildStandard after) {}
