package org.doudi.eligibility;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A new standard as an administrator enters it; {@code assetLimitMonths} defaults to 24, {@code sample} to false. */
@Schema(description = "新的低保标准（自生效日起适用；历史记录不修改）")
public record NewDibaoStandard(
    @Schema(example = "220122") String countyCode,
    @Schema(example = "RURAL", allowableValues = {"URBAN", "RURAL"}) String urbanRural,
    @Schema(example = "530.00", description = "元/人·月") BigDecimal monthlyStandard,
    @Schema(example = "24") Integer assetLimitMonths,
    @Schema(example = "2026-01-01") LocalDate effectiveFrom,
    @Schema(example = "false") Boolean sample,
    @Schema(example = "农安县人民政府关于提高城乡低保标准的通知（2025年12月）") String sourceNote) {}
