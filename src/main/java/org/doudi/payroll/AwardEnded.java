package org.doudi.payroll;

import java.time.YearMonth;
import org.doudi.payment.Scheme;

/**
 * Spring application event: an award has ended — at once (停发 from the month after the decision) or at the end of
 * its 渐退期. Published by {@link Exits} in the transaction that ends it (listen with
 * {@code @TransactionalEventListener} to act after the commit, or {@code @EventListener} to act inside it), so that
 * the household can enter the watch list. {@code riskLevel} is LOW, MEDIUM or HIGH, or null for an exempt reason
 * (DEATH, FRAUD, MOVED_AWAY) that needs no assessment.
 */
public record AwardEnded(String beneficiaryKey, Scheme scheme, String countyCode, String regionCode,
    YearMonth lastPaidMonth, String exitReasonCode, String riskLevel) {}
