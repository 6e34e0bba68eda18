package org.doudi.payroll;

import java.time.YearMonth;
import org.doudi.payment.Scheme;

/**
 * An award ended (停发): published by {@link Awards#stop} in the transaction that writes the STOP row, so listeners
 * (the watch list, docs/watch.md) see it exactly when the stop commits. {@code lastPaidMonth} is the last month the
 * award pays (the month before the STOP takes effect); {@code exitReasonCode} and {@code riskLevel} may be null when
 * the stop does not carry them.
 */
public record AwardEnded(String beneficiaryKey, Scheme scheme, String countyCode, String regionCode,
    YearMonth lastPaidMonth, String exitReasonCode, String riskLevel) {}
