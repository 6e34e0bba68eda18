package org.doudi.tekun;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One local 特困人员基本生活标准: yuan per person and month for a county, urban or rural, from a date on (table
 * {@code tekun_standard}, never updated). {@code sample} marks demo figures that are not official.
 */
@Schema(description = "特困人员基本生活标准（县级，分城乡，自生效日起适用）")
public record TekunStandard(long id, String countyCode, String urbanRural, BigDecimal monthlyStandard,
    LocalDate effectiveFrom, boolean sample, String sourceNote, String createdBy, Instant createdAt) {}
