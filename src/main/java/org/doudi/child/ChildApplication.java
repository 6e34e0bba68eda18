package org.doudi.child;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The guardian's application for 儿童基本生活费 ({@code POST /api/child/applications}), entered by a caseworker. The
 * parents' situations and the care mode are what the guardian states: the conditions are assessed on them and the
 * township verifies them; the amount comes from the county's stored standard at the county decision, never from here.
 */
@Schema(description = "儿童基本生活费申请（监护人申请）")
public record ChildApplication(
    @Schema(description = "儿童姓名") @NotBlank(message = "请填写儿童姓名") @Size(max = 50, message = "儿童姓名最多50个字")
    String childName,
    @Schema(description = "儿童身份证号码") @NotBlank(message = "请填写儿童身份证号码")
    @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*", message = "儿童身份证号码应为18位（最后一位可为X）") String idNumber,
    @Schema(description = "儿童户籍所在乡镇（街道）或村（社区）行政区划代码") @NotBlank(message = "请填写儿童户籍所在地行政区划代码")
    @Pattern(regexp = "\\s*\\d{9}(\\d{3})?\\s*", message = "户籍所在地应为乡镇（街道，9位）或村（社区，12位）行政区划代码")
    String regionCode,
    @Schema(description = "父亲情况：" + ParentSituation.CODES) @NotBlank(message = "请选择父亲情况")
    String fatherSituation,
    @Schema(description = "母亲情况：" + ParentSituation.CODES) @NotBlank(message = "请选择母亲情况")
    String motherSituation,
    @Schema(description = "INSTITUTION 集中养育 | HOME 社会散居") @NotBlank(message = "请选择养育方式：INSTITUTION 集中养育或 HOME 社会散居")
    String careMode,
    @Schema(description = "监护人姓名（集中养育的为儿童福利机构负责人）") @NotBlank(message = "请填写监护人姓名")
    @Size(max = 50, message = "监护人姓名最多50个字") String guardianName,
    @Schema(description = "监护人身份证号码") @NotBlank(message = "请填写监护人身份证号码")
    @Pattern(regexp = "\\s*\\d{17}[\\dXx]\\s*", message = "监护人身份证号码应为18位（最后一位可为X）") String guardianIdNumber,
    @Schema(description = "监护人与儿童的关系（如祖父母、儿童福利机构）") @NotBlank(message = "请填写监护人与儿童的关系")
    @Size(max = 50, message = "监护人与儿童的关系最多50个字") String guardianRelation,
    @Schema(description = "监护人联系电话") @NotBlank(message = "请填写监护人联系电话")
    @Pattern(regexp = "\\s*[\\d-]{7,20}\\s*", message = "联系电话应为7至20位数字") String guardianPhone,
    @Schema(description = "发放账户开户银行") @NotBlank(message = "请填写发放账户开户银行")
    @Size(max = 100, message = "开户银行最多100个字") String bankName,
    @Schema(description = "发放账户银行账号") @NotBlank(message = "请填写发放账户银行账号")
    @Pattern(regexp = "\\s*\\d{8,30}\\s*", message = "银行账号应为8至30位数字") String accountNumber,
    @Schema(description = "备注（可选，最多500字）") @Size(max = 500, message = "备注最多500个字") String note) {

  public static final String EXAMPLE_JSON = """
      {"childName":"王小花","idNumber":"220122201501010024","regionCode":"220122100201","fatherSituation":"DEAD",\
      "motherSituation":"IMPRISONED","careMode":"HOME","guardianName":"王大山","guardianIdNumber":"220122195001010012",\
      "guardianRelation":"祖父","guardianPhone":"13800000000","bankName":"农安县农村信用社",\
      "accountNumber":"6221000000000001","note":"监护人申请"}""";
}
