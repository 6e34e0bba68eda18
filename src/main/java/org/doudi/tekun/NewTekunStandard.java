package org.doudi.tekun;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A new 特困 basic living standard as an administrator enters it; {@code sample} defaults to false. */
@Schema(description = "新的特困人员基本生活标准（自生效日起适用；历史记录不修改；不得低于当日当地低保标准的1.3倍）")
public record NewTekunStandard(
    @Schema(example = "220122") String countyCode,
    @Schema(example = "RURAL", allowableValues = {"URBAN", "RURAL"}) String urbanRural,
    @Schema(example = "700.00", description = "元/人·月") BigDecimal monthlyStandard,
    @Schema(example = "2026-07-01") LocalDate effectiveFrom,
    @Schema(example = "false") Boolean sample,
    @Schema(example = "农安县人民政府关于调整特困人员救助供养标准的通知（2026年6月）") String sourceNote) {}
