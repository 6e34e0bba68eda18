package org.doudi.tekun.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.TekunFacts.ChildStatus;
import org.doudi.tekun.TekunFacts.Schooling;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.TekunFacts.Supporter;

/** The body of {@code POST /api/eligibility/tekun}: one person, as {@link TekunFacts}. */
@Schema(description = "特困人员条件评估的请求（不保存、不启动任何流程）")
record TekunAssessmentRequest(
    @Schema(example = "王五") @NotBlank(message = "姓名不能为空") @Size(max = 50, message = "姓名不能超过50个字符")
    String fullName,
    @Schema(example = "220122195001010137", description = "18位居民身份证号码；出生日期取自号码")
    @NotBlank(message = "身份证号码不能为空") String idNumber,
    @Schema(example = "220122") @NotBlank(message = "县级区划代码不能为空")
    @Pattern(regexp = "\\d{6}", message = "县级区划代码应为6位数字") String countyCode,
    @Schema(example = "RURAL", allowableValues = {"URBAN", "RURAL"}) @NotNull(message = "城乡类别不能为空")
    @Pattern(regexp = "URBAN|RURAL", message = "城乡类别必须为 URBAN（城市）或 RURAL（农村）") String urbanRural,
    @Schema(example = "2026-03-02", description = "适用哪一天的标准；默认今天（北京时间）") LocalDate assessedOn,
    @Schema(description = "残疾类别，无残疾为 null") DisabilityCategory disabilityCategory,
    @Schema(description = "残疾等级 1–4，无残疾为 null") @Min(value = 1, message = "残疾等级必须为1至4级")
    @Max(value = 4, message = "残疾等级必须为1至4级") Integer disabilityGrade,
    @Schema(description = "六项生活自理能力中不能自主完成的项目；空 = 六项均能完成") Set<SelfCareItem> impossibleItems,
    @Schema(description = "月收入（按类别；城乡居民基本养老保险基础养老金、优待抚恤金、高龄津贴等不计入）")
    @Size(max = 50, message = "收入最多填写50项") List<@Valid @NotNull(message = "收入项不能为空") IncomeLine> incomes,
    @Schema(description = "财产") @Size(max = 50, message = "财产最多填写50项")
    List<@Valid @NotNull(message = "财产项不能为空") AssetLine> assets,
    @Schema(example = "NONE", description = "法定义务人：NONE 无、UNABLE 无履行义务能力、ABLE 有履行义务能力")
    @NotNull(message = "必须填写法定赡养、抚养、扶养义务人情况") Supporter supporter,
    @Schema(example = "NONE", description = "16周岁以上：在何种学校就读") Schooling schooling,
    @Schema(example = "NONE", description = "未成年人是否属于孤儿、事实无人抚养儿童") ChildStatus childStatus,
    @Schema(example = "false", description = "孤儿、事实无人抚养儿童选择纳入其基本生活保障（则不认定特困）")
    Boolean choosesChildSubsidy) {

  record IncomeLine(
      @Schema(example = "WAGE") @NotNull(message = "收入类别不能为空") IncomeType type,
      @Schema(example = "200.00", description = "元/月") @NotNull(message = "收入金额不能为空")
      @DecimalMin(value = "0", message = "收入金额不能为负数")
      @DecimalMax(value = "9999999999.99", message = "收入金额不能超过9999999999.99元")
      @Digits(integer = 10, fraction = 2, message = "收入金额最多两位小数") BigDecimal monthlyAmount) {}

  record AssetLine(
      @Schema(example = "DEPOSIT") @NotNull(message = "财产类别不能为空") AssetType type,
      @Schema(example = "3000.00", description = "元") @NotNull(message = "财产金额不能为空")
      @DecimalMin(value = "0", message = "财产金额不能为负数")
      @DecimalMax(value = "9999999999.99", message = "财产金额不能超过9999999999.99元")
      @Digits(integer = 10, fraction = 2, message = "财产金额最多两位小数") BigDecimal value) {}

  TekunFacts facts(LocalDate on) {
    return new TekunFacts(fullName, idNumber == null ? null : idNumber.strip(), countyCode, urbanRural, on,
        disabilityCategory, disabilityGrade, impossibleItems == null ? Set.of() : impossibleItems,
        incomes == null ? List.of() : incomes.stream()
            .map(i -> i == null ? null : new TekunFacts.Income(i.type(), i.monthlyAmount())).toList(),
        assets == null ? List.of() : assets.stream()
            .map(a -> a == null ? null : new TekunFacts.Asset(a.type(), a.value())).toList(),
        supporter, schooling == null ? Schooling.NONE : schooling,
        childStatus == null ? ChildStatus.NONE : childStatus, Boolean.TRUE.equals(choosesChildSubsidy));
  }

  static final String EXAMPLE_JSON = """
      {"fullName":"王五","idNumber":"220122195001010137","countyCode":"220122","urbanRural":"RURAL",
       "assessedOn":"2026-03-02","disabilityCategory":null,"disabilityGrade":null,
       "impossibleItems":["BATHING","INDOOR_WALKING"],
       "incomes":[{"type":"WAGE","monthlyAmount":100},{"type":"PENSION_BASIC","monthlyAmount":150}],
       "assets":[{"type":"DEPOSIT","value":3000}],
       "supporter":"NONE","schooling":"NONE","childStatus":"NONE","choosesChildSubsidy":false}""";
}
