package org.doudi.unemployed;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * An application for the one-off 临时救助 of an uninsured unemployed person (吉民发〔2020〕40号 二(二)2): the
 * 《临时救助申请书》 (hardship, the employer before the epidemic with address and position, at least two witnesses
 * of the employer with their phone numbers), the identity document (身份证 with 户口簿, or 居住证), the bank account,
 * and the signed 个人承诺授权书 (pledge that the materials are true, authorisation to check income and assets).
 *
 * @param regionCode           the village/community (村、社区) of the place of work or usual residence where the
 *                             application is made; its township handles the case
 * @param applicationPlace     WORKPLACE (务工地) or RESIDENCE (经常居住地)
 * @param identityDocument     HUKOU (户口簿+居民身份证) or RESIDENCE_PERMIT (居住证)
 * @param lastIncomeMonth      the last month with any income ("2020-03"); at least three full months without income
 *                             must lie between it and the month of application
 * @param householdSize        persons in the applicant's household (the low-income rule is per capita)
 * @param householdMonthlyIncome the household's current monthly income in yuan (all members)
 * @param householdFinancialAssets cash, deposits, securities and claims of the household in yuan
 * @param dibaoElsewhere       declared: on 低保 in another province (Jilin's own 低保 is checked by the system)
 */
@Schema(description = "未参保失业人员临时救助申请")
public record UnemployedApplication(
    String fullName,
    String idNumber,
    IdentityDocument identityDocument,
    String countyCode,
    String regionCode,
    UrbanRural urbanRural,
    ApplicationPlace applicationPlace,
    String address,
    String contactPhone,
    String hardshipDescription,
    String employerName,
    String employerAddress,
    String jobPosition,
    List<Witness> witnesses,
    YearMonth lastIncomeMonth,
    Boolean epidemicCause,
    Boolean unemploymentInsured,
    Boolean dibaoElsewhere,
    Integer householdSize,
    BigDecimal householdMonthlyIncome,
    BigDecimal householdFinancialAssets,
    String bankName,
    String bankAccountNumber,
    Boolean pledgeSigned,
    Boolean authorisationSigned) {

  /** A witness of the former employer (工作单位证明人). */
  public record Witness(String name, String phone) {}

  public enum IdentityDocument { HUKOU, RESIDENCE_PERMIT }

  public enum ApplicationPlace { WORKPLACE, RESIDENCE }

  public enum UrbanRural { URBAN, RURAL }

  public List<Witness> witnessList() {
    return witnesses == null ? List.of() : witnesses;
  }

  public static final String EXAMPLE_JSON = """
      {"fullName":"王五","idNumber":"220122198803150012","identityDocument":"HUKOU","countyCode":"220122",
       "regionCode":"220122100201","urbanRural":"RURAL","applicationPlace":"RESIDENCE",
       "address":"农安县农安镇宝塔村3组","contactPhone":"13904310000",
       "hardshipDescription":"受疫情影响无法返岗复工，连续三个月无收入，家庭生活困难",
       "employerName":"长春某建筑工程有限公司","employerAddress":"长春市南关区某路1号","jobPosition":"钢筋工",
       "witnesses":[{"name":"李工头","phone":"13804310001"},{"name":"赵同事","phone":"13804310002"}],
       "lastIncomeMonth":"2026-07","epidemicCause":true,"unemploymentInsured":false,"dibaoElsewhere":false,
       "householdSize":3,"householdMonthlyIncome":900.00,"householdFinancialAssets":2000.00,
       "bankName":"农安县农村信用合作联社","bankAccountNumber":"6228480010000000011",
       "pledgeSigned":true,"authorisationSigned":true}""";
}
