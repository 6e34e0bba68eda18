package org.doudi.tekun;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.tekun.TekunFacts.ChildStatus;
import org.doudi.tekun.TekunFacts.Schooling;
import org.doudi.tekun.TekunFacts.Supporter;

/**
 * An application for 特困人员救助供养 ({@code POST /api/tekun/applications}): by the person (SELF), a guardian
 * (GUARDIAN), or registered by the township after 主动发现 ({@code source} DISCOVERY, applicantRole TOWNSHIP). What
 * is declared here is only the start: the township's investigation (the six-item self-care assessment) and the
 * information check replace it, and the amounts come from the stored assessment.
 */
@Schema(description = "特困人员救助供养申请")
public record TekunApplication(
    @Schema(description = "申请人（供养对象）姓名") @NotBlank(message = "请填写申请人姓名")
    @Size(max = 50, message = "姓名最多50个字") String fullName,
    @Schema(description = "申请人身份证号码") @NotBlank(message = "请填写申请人身份证号码")
    @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*", message = "身份证号码应为18位（最后一位可为X）") String idNumber,
    @Schema(description = "户籍所在乡镇（街道）或村（社区）代码") @NotBlank(message = "请填写户籍所在乡镇（街道）或村（社区）代码")
    @Pattern(regexp = "\\s*\\d{9,12}\\s*", message = "行政区划代码应为乡镇（9位）或村（12位）代码") String regionCode,
    @Schema(description = "URBAN 城市 | RURAL 农村") @NotBlank(message = "请选择城市或农村（URBAN、RURAL）")
    @Pattern(regexp = "URBAN|RURAL", message = "城乡类别应为 URBAN（城市）或 RURAL（农村）") String urbanRural,
    @Schema(description = "APPLICATION 本人或监护人申请（默认）| DISCOVERY 主动发现")
    @Pattern(regexp = "APPLICATION|DISCOVERY", message = "案件来源应为 APPLICATION（申请）或 DISCOVERY（主动发现）") String source,
    @Schema(description = "SELF 本人 | GUARDIAN 监护人 | TOWNSHIP 乡镇（主动发现）") @NotBlank(message = "请选择申请人身份（SELF 本人、GUARDIAN 监护人、TOWNSHIP 乡镇主动发现）")
    @Pattern(regexp = "SELF|GUARDIAN|TOWNSHIP", message = "申请人身份应为 SELF（本人）、GUARDIAN（监护人）或 TOWNSHIP（乡镇主动发现）")
    String applicantRole,
    @Schema(description = "监护人姓名（监护人申请时必填）") @Size(max = 50, message = "监护人姓名最多50个字") String guardianName,
    @Schema(description = "残疾类别（无则不填）") DisabilityCategory disabilityCategory,
    @Schema(description = "残疾等级1–4（无则不填）") @Min(value = 1, message = "残疾等级应为1至4")
    @Max(value = 4, message = "残疾等级应为1至4") Integer disabilityGrade,
    @Schema(description = "申报的月收入") @Valid @Size(max = 20, message = "收入最多20项") List<Income> incomes,
    @Schema(description = "申报的财产") @Valid @Size(max = 20, message = "财产最多20项") List<Asset> assets,
    @Schema(description = "法定义务人：NONE 无 | UNABLE 无履行能力 | ABLE 有履行能力")
    @NotNull(message = "请选择法定赡养、抚养、扶养义务人情况（NONE、UNABLE、ABLE）") Supporter supporter,
    @Schema(description = "在校情况（16周岁以上）") Schooling schooling,
    @Schema(description = "未成年人是否为孤儿或事实无人抚养儿童") ChildStatus childStatus,
    @Schema(description = "未成年人（监护人）选择孤儿或事实无人抚养儿童基本生活保障") boolean choosesChildSubsidy,
    @Schema(description = "DISPERSED 分散供养 | CENTRALISED 集中供养") @NotNull(message = "请选择供养方式（DISPERSED 分散供养、CENTRALISED 集中供养）")
    CareMode careMode,
    @Schema(description = "领取救助供养金的开户银行") @NotBlank(message = "请填写开户银行")
    @Size(max = 100, message = "开户银行最多100个字") String bankName,
    @Schema(description = "银行账号") @NotBlank(message = "请填写银行账号")
    @Pattern(regexp = "\\d{8,30}", message = "银行账号应为8至30位数字") String accountNumber,
    @Schema(description = "已签署家庭经济状况核对授权书") @AssertTrue(message = "须签署家庭经济状况核对授权书后才能受理")
    boolean authorisationSigned,
    @Schema(description = "备注（可选）") @Size(max = 500, message = "备注最多500个字") String note) {

  public record Income(@NotNull(message = "请选择收入类型") IncomeType type,
      @NotNull(message = "请填写月收入金额") @DecimalMin(value = "0.00", message = "收入金额不能为负数")
      @Digits(integer = 10, fraction = 2, message = "收入金额最多两位小数") BigDecimal monthlyAmount) {}

  public record Asset(@NotNull(message = "请选择财产类型") AssetType type,
      @NotNull(message = "请填写财产价值") @DecimalMin(value = "0.00", message = "财产价值不能为负数")
      @Digits(integer = 12, fraction = 2, message = "财产价值最多两位小数") BigDecimal value) {}

  public static final String EXAMPLE_JSON = """
      {"fullName":"王老汉","idNumber":"220122194501010015","regionCode":"220122100201","urbanRural":"RURAL",
       "source":"APPLICATION","applicantRole":"SELF","guardianName":null,"disabilityCategory":null,
       "disabilityGrade":null,"incomes":[{"type":"PENSION_BASIC","monthlyAmount":"150.00"}],"assets":[],
       "supporter":"NONE","schooling":"NONE","childStatus":"NONE","choosesChildSubsidy":false,
       "careMode":"DISPERSED","bankName":"农村信用社","accountNumber":"6228480012345678","authorisationSigned":true,
       "note":"本人申请"}""";
}
