package org.doudi.payroll;

/**
 * Published by {@link Awards} for every new award row (grant, adjustment, stop, account, transfer), synchronously in
 * the transaction that writes it: a listener's failure rolls the change back. Other modules follow awards through it
 * (the review schedule of {@code org.doudi.review}) without the payroll depending on them.
 */
public record AwardRecorded(AwardRow row) {}
