package org.doudi.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.doudi.household.HouseholdApplication.Agent;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.BankAccount;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link HouseholdApplication} against every rule at once (docs/household.md) and reports all violations,
 * each naming the field and, for members, the member ("第2位成员（李四）的身份证号码校验位错误，应为X").
 */
@Component
public class ApplicationValidator {

  public static final int MAX_MEMBERS = 20;
  public static final int MAX_ASSETS = 50;
  public static final int MAX_NAME = 50;
  public static final int MAX_ADDRESS = 200;
  public static final int MAX_DESCRIPTION = 200;
  public static final int MAX_NOTE = 500;
  public static final int MAX_BANK_NAME = 100;
  public static final int MAX_AGENT_RELATION = 20;
  /** Upper bounds that keep amounts inside the table columns. */
  public static final BigDecimal MAX_MONTHLY_AMOUNT = new BigDecimal("9999999.99");
  public static final BigDecimal MAX_ASSET_VALUE = new BigDecimal("9999999999.99");

  private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
  private static final Pattern REGION_CODE = Pattern.compile("\\d{9}|\\d{12}");
  private static final Pattern PHONE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
  private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{8,30}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  private final Regions regions;

  public ApplicationValidator(Regions regions) {
    this.regions = regions;
  }

  /** Throws {@link InvalidApplicationException} with every violation when the application breaks a rule. */
  public void validate(HouseholdApplication a) {
    List<Violation> v = check(a);
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
  }

  /**
   * As {@link #validate}, and the household's county and residence must still be in use: a new application cannot
   * be filed under a region an import abolished (cases filed earlier keep it and are assessed with {@link #validate}).
   */
  public void validateNew(HouseholdApplication a) {
    List<Violation> v = new ArrayList<>(check(a));
    if (a != null && v.stream().noneMatch(x -> x.field().equals("countyCode") || x.field().equals("regionCode"))) {
      regions.find(a.countyCode()).map(Region::closedForNewCases).ifPresent(m -> v.add(new Violation("countyCode", m)));
      regions.find(a.regionCode()).map(Region::closedForNewCases).ifPresent(m -> v.add(new Violation("regionCode", m)));
    }
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
  }

  /** Every violation, in field order; empty when the application is valid. */
  public List<Violation> check(HouseholdApplication a) {
    Violations v = new Violations();
    if (a == null) {
      v.add("", "申请内容不能为空");
      return v.list;
    }
    LocalDate today = Today.get();
    Region county = county(a.countyCode(), v);
    region(a.regionCode(), county, v);
    if (a.urbanRural() == null) {
      v.add("urbanRural", "户口性质（城市/农村）未填写");
    }
    text(v, "address", "居住地址", a.address(), MAX_ADDRESS, true);
    phone(v, "contactPhone", "联系电话", a.contactPhone(), true);
    members(a.members(), today, v);
    assets(a.assets(), v);
    if (!a.authorisationSigned()) {
      v.add("authorisationSigned", "未签署家庭经济状况核对授权书，无法进行信息核对");
    }
    if (!a.pledgeSigned()) {
      v.add("pledgeSigned", "未签署申请材料真实性承诺书");
    }
    agent(a.agent(), today, v);
    bankAccount(a.bankAccount(), a.memberList(), v);
    text(v, "separateRegistrationNote", "单独登记说明", a.separateRegistrationNote(), MAX_NOTE, a.separateRegistration());
    return v.list;
  }

  /** Violations of one member's monthly income map (used when the information check replaces it). */
  public List<Violation> checkIncome(String field, String who, Map<IncomeType, BigDecimal> income) {
    Violations v = new Violations();
    income(v, field, who, income);
    return v.list;
  }

  /** Violations of a replacement asset list. */
  public List<Violation> checkAssets(List<Asset> assets) {
    Violations v = new Violations();
    assets(assets, v);
    return v.list;
  }

  private Region county(String code, Violations v) {
    if (code == null || code.isBlank()) {
      v.add("countyCode", "户籍所在县（市、区）代码未填写");
      return null;
    }
    if (!COUNTY_CODE.matcher(code).matches()) {
      v.add("countyCode", "户籍所在县（市、区）代码“" + shorten(code) + "”应为6位数字");
      return null;
    }
    Optional<Region> r = regions.find(code);
    if (r.isEmpty()) {
      v.add("countyCode", "户籍所在县（市、区）代码" + code + "不存在");
      return null;
    }
    if (r.get().level() != RegionLevel.COUNTY) {
      v.add("countyCode", "代码" + code + "（" + r.get().name() + "）不是县级行政区划");
      return null;
    }
    return r.get();
  }

  private void region(String code, Region county, Violations v) {
    if (code == null || code.isBlank()) {
      v.add("regionCode", "居住地村（社区）或乡镇（街道）代码未填写");
      return;
    }
    if (!REGION_CODE.matcher(code).matches()) {
      v.add("regionCode", "居住地代码“" + shorten(code) + "”应为9位（乡镇、街道）或12位（村、社区）数字");
      return;
    }
    Optional<Region> r = regions.find(code);
    if (r.isEmpty()) {
      v.add("regionCode", "居住地代码" + code + "不存在");
      return;
    }
    if (r.get().level() != RegionLevel.TOWNSHIP && r.get().level() != RegionLevel.VILLAGE) {
      v.add("regionCode", "居住地代码" + code + "（" + r.get().name() + "）应为村（社区）或乡镇（街道）");
      return;
    }
    if (county != null && !regions.isWithin(code, county.code())) {
      v.add("regionCode", "居住地" + r.get().name() + "（" + code + "）不在户籍所在县（市、区）" + county.name() + "（"
          + county.code() + "）内");
    }
  }

  private void members(List<Member> members, LocalDate today, Violations v) {
    if (members == null || members.isEmpty()) {
      v.add("members", "家庭成员未填写，至少应有申请人本人");
      return;
    }
    if (members.size() > MAX_MEMBERS) {
      v.add("members", "家庭成员共" + members.size() + "人，超过上限" + MAX_MEMBERS + "人");
      return;
    }
    Map<String, Integer> seenIds = new HashMap<>();
    Integer self = null;
    Integer spouse = null;
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      String f = "members[" + i + "]";
      String who = who(i, m);
      if (m == null) {
        v.add(f, who + "内容为空");
        continue;
      }
      text(v, f + ".name", who + "的姓名", m.name(), MAX_NAME, true);
      String id = idNumber(v, f + ".idNumber", who + "的", m.idNumber(), today);
      if (id != null) {
        Integer first = seenIds.putIfAbsent(id, i);
        if (first != null) {
          v.add(f + ".idNumber", who + "的身份证号码与" + who(first, members.get(first))
              + "相同，同一人不能在一户中重复登记");
        }
      }
      if (m.relation() == null) {
        v.add(f + ".relation", who + "的与申请人关系未填写");
      } else if (m.relation() == Relation.SELF) {
        if (self == null) {
          self = i;
        } else {
          v.add(f + ".relation", who + "的与申请人关系为“本人”，但" + who(self, members.get(self))
              + "已是申请人，一户只能有一位申请人");
        }
      } else if (m.relation() == Relation.SPOUSE) {
        if (spouse == null) {
          spouse = i;
        } else {
          v.add(f + ".relation", who + "的与申请人关系为“配偶”，但" + who(spouse, members.get(spouse))
              + "已登记为配偶");
        }
      }
      hukouCounty(v, f + ".hukouCountyCode", who, m.hukouCountyCode());
      disability(v, f, who, m);
      income(v, f + ".monthlyIncome", who, m.monthlyIncome());
      amount(v, f + ".rigidExpenses", who + "的刚性支出", m.rigidExpenses(), false, MAX_MONTHLY_AMOUNT);
    }
    if (self == null && members.stream().allMatch(m -> m == null || m.relation() != null)) {
      v.add("members", "家庭成员中没有申请人本人（与申请人关系为“本人”SELF的成员），应有且只有一位");
    }
  }

  private void hukouCounty(Violations v, String field, String who, String code) {
    if (code == null) {
      return; // same as the household's county
    }
    if (!COUNTY_CODE.matcher(code).matches() || !IdNumber.PROVINCES.contains(code.substring(0, 2))) {
      v.add(field, who + "的户籍所在县（市、区）代码“" + shorten(code) + "”应为6位行政区划代码");
      return;
    }
    regions.find(code).filter(r -> r.level() != RegionLevel.COUNTY).ifPresent(r ->
        v.add(field, who + "的户籍所在县（市、区）代码" + code + "（" + r.name() + "）不是县级行政区划"));
  }

  private void disability(Violations v, String f, String who, Member m) {
    Integer grade = m.disabilityGrade();
    if (m.disabilityCategory() != null) {
      if (grade == null) {
        v.add(f + ".disabilityGrade", who + "填写了残疾类别（" + m.disabilityCategory().label() + "），但未填写残疾等级（1至4级）");
      } else if (grade < 1 || grade > 4) {
        v.add(f + ".disabilityGrade", who + "的残疾等级" + grade + "无效，应为1至4级");
      }
    } else if (grade != null) {
      v.add(f + ".disabilityCategory", who + "填写了残疾等级，但未填写残疾类别");
    }
  }

  private void income(Violations v, String field, String who, Map<IncomeType, BigDecimal> income) {
    if (income == null) {
      return;
    }
    Map<IncomeType, BigDecimal> byType = new java.util.EnumMap<>(IncomeType.class);
    boolean untyped = false;
    for (Map.Entry<IncomeType, BigDecimal> e : income.entrySet()) {
      if (e.getKey() == null) {
        untyped = true;
      } else {
        byType.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<IncomeType, BigDecimal> e : byType.entrySet()) {
      IncomeType t = e.getKey();
      amount(v, field + "." + t.name(), who + "的" + t.label(), e.getValue(), true, MAX_MONTHLY_AMOUNT);
    }
    if (untyped) {
      v.add(field, who + "的收入类型未填写");
    }
  }

  private void assets(List<Asset> assets, Violations v) {
    if (assets == null) {
      return;
    }
    if (assets.size() > MAX_ASSETS) {
      v.add("assets", "财产共" + assets.size() + "项，超过上限" + MAX_ASSETS + "项");
      return;
    }
    for (int i = 0; i < assets.size(); i++) {
      Asset a = assets.get(i);
      String f = "assets[" + i + "]";
      String what = "第" + (i + 1) + "项财产";
      if (a == null) {
        v.add(f, what + "内容为空");
        continue;
      }
      if (a.type() == null) {
        v.add(f + ".type", what + "的类型未填写");
      } else {
        what = what + "（" + a.type().label() + "）";
      }
      text(v, f + ".description", what + "的说明", a.description(), MAX_DESCRIPTION, false);
      amount(v, f + ".value", what + "的价值", a.value(), true, MAX_ASSET_VALUE);
    }
  }

  private void agent(Agent agent, LocalDate today, Violations v) {
    if (agent == null) {
      return;
    }
    text(v, "agent.name", "代理人姓名", agent.name(), MAX_NAME, true);
    idNumber(v, "agent.idNumber", "代理人的", agent.idNumber(), today);
    text(v, "agent.relation", "代理人与申请人的关系", agent.relation(), MAX_AGENT_RELATION, true);
    phone(v, "agent.phone", "代理人联系电话", agent.phone(), true);
  }

  private void bankAccount(BankAccount b, List<Member> members, Violations v) {
    if (b == null) {
      return;
    }
    text(v, "bankAccount.bankName", "开户银行", b.bankName(), MAX_BANK_NAME, true);
    if (b.accountNumber() == null || b.accountNumber().isBlank()) {
      v.add("bankAccount.accountNumber", "银行账号未填写");
    } else if (!ACCOUNT_NUMBER.matcher(b.accountNumber()).matches()) {
      v.add("bankAccount.accountNumber", "银行账号应为8至30位数字");
    }
    if (text(v, "bankAccount.holderName", "开户人姓名", b.holderName(), MAX_NAME, true)
        && !members.isEmpty()
        && members.stream().noneMatch(m -> m != null && m.name() != null && m.name().strip().equals(b.holderName().strip()))) {
      v.add("bankAccount.holderName", "开户人“" + b.holderName().strip() + "”不是本户家庭成员，最低生活保障金应发放到家庭成员名下账户");
    }
  }

  /** Checks an ID number; returns the normalised number when valid. */
  private static String idNumber(Violations v, String field, String whose, String number, LocalDate today) {
    try {
      return IdNumber.parse(number, today).value();
    } catch (IdNumber.InvalidIdNumberException e) {
      v.add(field, whose + "身份证号码" + e.reason());
      return null;
    }
  }

  /** Checks a text; true when it is present and fine. */
  private static boolean text(Violations v, String field, String label, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        v.add(field, label + "未填写");
      }
      return false;
    }
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      v.add(field, label + "过长（" + length + "字），最多" + max + "字");
      return false;
    }
    if (CONTROL.matcher(value).find()) {
      v.add(field, label + "含有不可见的控制字符");
      return false;
    }
    return true;
  }

  private static void phone(Violations v, String field, String label, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        v.add(field, label + "未填写");
      }
      return;
    }
    if (!PHONE.matcher(value.strip()).matches()) {
      v.add(field, label + "“" + shorten(value) + "”不是有效的手机号码或固定电话号码");
    }
  }

  private static void amount(Violations v, String field, String label, BigDecimal value, boolean required,
      BigDecimal max) {
    if (value == null) {
      if (required) {
        v.add(field, label + "未填写金额");
      }
      return;
    }
    if (value.signum() < 0) {
      v.add(field, label + "不能为负数（填写的是" + value.toPlainString() + "元）");
    } else if (value.stripTrailingZeros().scale() > 2) {
      v.add(field, label + "最多保留两位小数（填写的是" + value.toPlainString() + "元）");
    } else if (value.compareTo(max) > 0) {
      v.add(field, label + "超过上限" + max.toPlainString() + "元");
    }
  }

  /** "第2位成员（李四）" (1-based position, name when known). */
  static String who(int index, Member m) {
    String name = m == null || m.name() == null || m.name().isBlank() ? null : m.name().strip();
    return "第" + (index + 1) + "位成员" + (name == null ? "" : "（" + shorten(name) + "）");
  }

  private static String shorten(String s) {
    return s.length() <= 30 ? s : s.substring(0, 30) + "…";
  }

  private static final class Violations {
    final List<Violation> list = new ArrayList<>();

    void add(String field, String message) {
      list.add(new Violation(field, message));
    }
  }

  static String normalise(String idNumber) {
    return idNumber == null ? null : idNumber.strip().toUpperCase(Locale.ROOT);
  }
}
