package org.doudi.supervision.petition;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A petition registered by staff at the counter, from a letter, a call, online or a transfer
 * ({@code POST /api/petitions}, or the Tasklist start form {@code petition-start}).
 */
@Schema(description = "信访（监督举报）登记")
public record PetitionRegistration(
    @Schema(description = "PETITION 信访 | COMPLAINT 监督举报") @NotBlank(message = "请选择类别：PETITION 信访或 COMPLAINT 监督举报")
    @Pattern(regexp = "PETITION|COMPLAINT", message = "类别应为 PETITION（信访）或 COMPLAINT（监督举报）") String kind,
    @Schema(description = "LETTER 来信 | VISIT 来访 | ONLINE 网上 | PHONE 电话 | TRANSFER 转送")
    @NotBlank(message = "请选择信访渠道") @Pattern(regexp = "LETTER|VISIT|ONLINE|PHONE|TRANSFER",
        message = "信访渠道应为 LETTER 来信、VISIT 来访、ONLINE 网上、PHONE 电话或 TRANSFER 转送") String channel,
    @Schema(description = "信访人姓名") @NotBlank(message = "请填写信访人姓名") @Size(max = 50, message = "信访人姓名最多50个字")
    String petitionerName,
    @Schema(description = "信访人身份证号码") @NotBlank(message = "请填写信访人身份证号码")
    @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*", message = "信访人身份证号码应为18位（最后一位可为X）") String idNumber,
    @Schema(description = "联系方式（电话或地址）") @NotBlank(message = "请填写信访人联系方式")
    @Size(max = 100, message = "联系方式最多100个字") String contact,
    @Schema(description = "信访事项（诉求和事实理由）") @NotBlank(message = "请填写信访事项")
    @Size(max = 4000, message = "信访事项最多4000个字") String claim,
    @Schema(description = "信访事项所在的县、乡镇（街道）或村（社区）行政区划代码") @NotBlank(message = "请填写行政区划代码")
    @Pattern(regexp = "\\s*\\d{6}(\\d{3})?(\\d{3})?\\s*", message = "行政区划代码应为6位（县）、9位（乡镇）或12位（村）")
    String regionCode,
    @Schema(description = "涉及的案件（可选）") @Size(max = 20, message = "涉及的案件最多20个") List<@Valid ConcernedCase> concernedCases,
    @Schema(description = "同一事项此前的信访编号（可选）") @Positive(message = "此前的信访编号应为正整数") Long previousPetitionId) {

  public static final String EXAMPLE_JSON = """
      {"kind":"PETITION","channel":"VISIT","petitionerName":"李四","idNumber":"220122195001010012",\
      "contact":"13800000000","claim":"低保申请被拒，认为家庭收入核算有误，请求重新审核。","regionCode":"220122100201",\
      "concernedCases":[{"type":"PROCESS_INSTANCE","ref":"…"}]}""";
}
