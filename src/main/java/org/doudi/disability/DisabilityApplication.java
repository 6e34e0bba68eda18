package org.doudi.disability;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A caseworker's application for one of the two subsidies ({@code POST /api/disability/applications}). Everything
 * else — name, disability category and grade, household, place, standing (低保/低收入) and the amount — is read from
 * the stored records, never from the request. {@code bankName}/{@code accountNumber}: the account to pay into, both
 * or neither (neither: the household's account on record).
 */
@Schema(description = "残疾人两项补贴申请")
public record DisabilityApplication(
    @Schema(description = "LIVING 困难残疾人生活补贴 | CARE 重度残疾人护理补贴") String kind,
    @Schema(description = "残疾人身份证号码（须在户籍档案中有残疾类别和等级记录）") String idNumber,
    @Schema(description = "领取补贴的开户银行（可选，与账号同时填写）") String bankName,
    @Schema(description = "银行账号（可选）") String accountNumber,
    @Schema(description = "备注（可选，最多500字）") String note) {

  public static final String EXAMPLE_JSON = """
      {"kind":"CARE","idNumber":"220122195203050020","bankName":null,"accountNumber":null,"note":"本人申请"}""";
}
