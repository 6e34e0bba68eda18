package org.doudi.unemployed.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.unemployed.UnemployedApplication.Witness;
import org.springframework.stereotype.Component;

/**
 * Server-side rules for an application (the REST API and the Tasklist start form share them): every missing or
 * malformed material is reported at once, in Chinese, naming the field; nothing is stored on a violation.
 */
@Component
public class ApplicationCheck {

  static final BigDecimal MAX_MONEY = new BigDecimal("100000000");
  static final String PHONE = "[0-9+\\- ]{7,20}";
  static final String ACCOUNT = "\\d{8,30}";

  private final Regions regions;

  public ApplicationCheck(Regions regions) {
    this.regions = regions;
  }

  /** The application with trimmed texts and the normalised ID number, or every violation. */
  public UnemployedApplication validate(UnemployedApplication a) {
    if (a == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请");
    }
    List<Violation> v = new ArrayList<>();
    String name = text(v, "fullName", "申请人姓名", a.fullName(), 50);
    String id = null;
    try {
      id = IdNumber.parse(a.idNumber()).value();
    } catch (IdNumber.InvalidIdNumberException e) {
      v.add(new Violation("idNumber", "申请人" + e.getMessage()));
    }
    required(v, "identityDocument", "身份证明（户口簿或居住证）", a.identityDocument());
    String county = a.countyCode() == null ? null : a.countyCode().strip();
    Optional<Region> c = county == null || !county.matches("\\d{6}") ? Optional.empty() : regions.find(county);
    if (county == null || county.isEmpty()) {
      v.add(new Violation("countyCode", "请填写县级区划代码"));
    } else if (c.isEmpty() || c.get().level() != RegionLevel.COUNTY) {
      v.add(new Violation("countyCode", "县级区划代码" + county + "不是已登记的县（市、区）"));
    }
    String region = a.regionCode() == null ? null : a.regionCode().strip();
    Optional<Region> r = region == null || !region.matches("\\d{6,12}") ? Optional.empty() : regions.find(region);
    if (region == null || region.isEmpty()) {
      v.add(new Violation("regionCode", "请填写申请地（务工地或经常居住地）所在村（社区）的区划代码"));
    } else if (r.isEmpty() || r.get().level() != RegionLevel.VILLAGE) {
      v.add(new Violation("regionCode", "区划代码" + region + "不是已登记的村（社区）；请填写务工地或经常居住地所在的村（社区）"));
    } else if (c.isPresent() && !regions.isWithin(region, county)) {
      v.add(new Violation("regionCode", "村（社区）" + r.get().name() + "不在县级区划" + county + "之内"));
    } else if (r.get().closedForNewCases() != null) {
      v.add(new Violation("regionCode", r.get().closedForNewCases()));
    }
    required(v, "urbanRural", "城乡类别", a.urbanRural());
    required(v, "applicationPlace", "申请地类型（务工地或经常居住地）", a.applicationPlace());
    String address = text(v, "address", "现住址", a.address(), 200);
    String phone = text(v, "contactPhone", "联系电话", a.contactPhone(), 20);
    if (phone != null && !phone.matches(PHONE)) {
      v.add(new Violation("contactPhone", "联系电话" + phone + "不是有效的电话号码"));
    }
    String hardship = text(v, "hardshipDescription", "遭遇困难情况", a.hardshipDescription(), 2000);
    String employer = text(v, "employerName", "疫情前所在工作单位名称", a.employerName(), 100);
    String employerAddress = text(v, "employerAddress", "工作单位地址", a.employerAddress(), 200);
    String position = text(v, "jobPosition", "工作岗位", a.jobPosition(), 50);
    List<Witness> witnesses = new ArrayList<>();
    if (a.witnessList().size() < 2) {
      v.add(new Violation("witnesses", "须提供工作单位2名以上证明人及联系方式，现有" + a.witnessList().size() + "名"));
    } else if (a.witnessList().size() > 10) {
      v.add(new Violation("witnesses", "证明人最多登记10名"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < a.witnessList().size() && i < 10; i++) {
      Witness w = a.witnessList().get(i);
      String label = "第" + (i + 1) + "名证明人";
      String wn = text(v, "witnesses[" + i + "].name", label + "姓名", w == null ? null : w.name(), 50);
      String wp = text(v, "witnesses[" + i + "].phone", label + "联系电话", w == null ? null : w.phone(), 20);
      if (wp != null && !wp.matches(PHONE)) {
        v.add(new Violation("witnesses[" + i + "].phone", label + "的联系电话" + wp + "不是有效的电话号码"));
      }
      if (wn != null && !seen.add(wn)) {
        v.add(new Violation("witnesses[" + i + "].name", label + "（" + wn + "）与前面的证明人重复，须为不同的人"));
      }
      if (wn != null && wn.equals(name)) {
        v.add(new Violation("witnesses[" + i + "].name", "申请人本人不能作为证明人"));
      }
      witnesses.add(new Witness(wn, wp));
    }
    YearMonth last = a.lastIncomeMonth();
    if (last == null) {
      v.add(new Violation("lastIncomeMonth", "请填写最后一次有收入的月份（格式 2026-07）"));
    } else if (last.isAfter(YearMonth.from(Clock.today()))) {
      v.add(new Violation("lastIncomeMonth", "最后有收入的月份" + last + "不能晚于本月"));
    } else if (last.getYear() < 2000) {
      v.add(new Violation("lastIncomeMonth", "最后有收入的月份" + last + "早于2000年"));
    }
    required(v, "epidemicCause", "是否因疫情无法返岗复工", a.epidemicCause());
    required(v, "unemploymentInsured", "是否参加失业保险", a.unemploymentInsured());
    required(v, "dibaoElsewhere", "是否在其他省份享受低保", a.dibaoElsewhere());
    if (a.householdSize() == null) {
      v.add(new Violation("householdSize", "请填写家庭人口数"));
    } else if (a.householdSize() < 1 || a.householdSize() > 20) {
      v.add(new Violation("householdSize", "家庭人口数须在1到20之间，收到" + a.householdSize()));
    }
    money(v, "householdMonthlyIncome", "家庭月收入", a.householdMonthlyIncome());
    money(v, "householdFinancialAssets", "家庭现金、存款、有价证券等金融资产", a.householdFinancialAssets());
    String bank = text(v, "bankName", "开户银行", a.bankName(), 100);
    String account = a.bankAccountNumber() == null ? null : a.bankAccountNumber().replace(" ", "");
    if (account == null || account.isEmpty()) {
      v.add(new Violation("bankAccountNumber", "请填写本人银行账号"));
    } else if (!account.matches(ACCOUNT)) {
      v.add(new Violation("bankAccountNumber", "银行账号应为8至30位数字"));
    }
    if (!Boolean.TRUE.equals(a.pledgeSigned())) {
      v.add(new Violation("pledgeSigned", "须由申请人签署个人承诺书（声明材料真实有效，如有虚假愿承担法律责任）"));
    }
    if (!Boolean.TRUE.equals(a.authorisationSigned())) {
      v.add(new Violation("authorisationSigned", "须由申请人签署授权书（授权核查本人收入、财产等经济状况信息）"));
    }
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    return new UnemployedApplication(name, id, a.identityDocument(), county, region, a.urbanRural(),
        a.applicationPlace(), address, phone, hardship, employer, employerAddress, position, witnesses, last,
        a.epidemicCause(), a.unemploymentInsured(), a.dibaoElsewhere(), a.householdSize(),
        a.householdMonthlyIncome().setScale(2), a.householdFinancialAssets().setScale(2), bank, account,
        true, true);
  }

  private static String text(List<Violation> v, String field, String label, String value, int max) {
    String s = value == null ? null : value.strip();
    if (s == null || s.isEmpty()) {
      v.add(new Violation(field, "请填写" + label));
      return null;
    }
    if (s.length() > max) {
      v.add(new Violation(field, label + "最多" + max + "个字，现有" + s.length() + "个字"));
      return null;
    }
    return s;
  }

  private static void required(List<Violation> v, String field, String label, Object value) {
    if (value == null) {
      v.add(new Violation(field, "请选择" + label));
    }
  }

  private static void money(List<Violation> v, String field, String label, BigDecimal value) {
    if (value == null) {
      v.add(new Violation(field, "请填写" + label + "（元，没有填0）"));
    } else if (value.signum() < 0) {
      v.add(new Violation(field, label + "不能为负数"));
    } else if (value.stripTrailingZeros().scale() > 2) {
      v.add(new Violation(field, label + "最多保留两位小数（元、角、分）"));
    } else if (value.compareTo(MAX_MONEY) >= 0) {
      v.add(new Violation(field, label + "超出合理范围"));
    }
  }
}
