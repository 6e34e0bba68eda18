package org.doudi.child;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A new monthly standard ({@code POST /api/child/standards}): a new row, the earlier ones stay as history. */
@Schema(description = "新的儿童基本生活费标准（新增一行，原标准保留为历史）")
public record NewChildStandard(
    @Schema(description = "县（市、区）行政区划代码") @NotBlank(message = "请填写县（市、区）行政区划代码")
    @Pattern(regexp = "\\d{6}", message = "县（市、区）行政区划代码应为6位数字") String countyCode,
    @Schema(description = "INSTITUTION 集中养育 | HOME 社会散居") @NotBlank(message = "请选择养育方式：INSTITUTION 集中养育或 HOME 社会散居")
    String careMode,
    @Schema(description = "每月标准（元，最多两位小数）") @NotNull(message = "请填写每月标准（元）") BigDecimal monthlyAmount,
    @Schema(description = "执行日期（须为某月1日）") @NotNull(message = "请填写执行日期（某月1日）") LocalDate effectiveFrom,
    @Schema(description = "文件依据（发文机关和文号）") @NotBlank(message = "请填写标准的文件依据（发文机关和文号）")
    @Size(max = 500, message = "文件依据最多500个字") String sourceNote,
    @Schema(description = "是否示例数值（非官方标准）") boolean sample) {}
