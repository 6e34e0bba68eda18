package org.doudi.child;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A county's monthly standard of 儿童基本生活费 for a care mode, from {@code effectiveFrom} on. */
public record ChildStandard(long id, String countyCode, String careMode, String careModeLabel,
    BigDecimal monthlyAmount, LocalDate effectiveFrom, boolean sample, String sourceNote, String createdBy) {}
