package org.doudi.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.household.TestApplications.household;
import static org.doudi.household.TestApplications.income;
import static org.doudi.household.TestApplications.member;
import static org.doudi.household.TestApplications.withMember;
import static org.doudi.household.TestApplications.withMembers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.doudi.household.HouseholdApplication.Agent;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.BankAccount;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DoudiTest
class ApplicationValidatorTest {

  @Autowired
  ApplicationValidator validator;

  HouseholdApplication base = household();

  static HouseholdApplication with(HouseholdApplication a, String county, String region, UrbanRural ur, String address,
      String phone) {
    return new HouseholdApplication(county, region, ur, address, phone, a.members(), a.assets(),
        a.authorisationSigned(), a.pledgeSigned(), a.agent(), a.bankAccount(), a.separateRegistration(),
        a.separateRegistrationNote());
  }

  static HouseholdApplication withFlags(HouseholdApplication a, boolean authorised, boolean pledged, Agent agent,
      BankAccount bank, boolean separate, String note, List<Asset> assets) {
    return new HouseholdApplication(a.countyCode(), a.regionCode(), a.urbanRural(), a.address(), a.contactPhone(),
        a.members(), assets, authorised, pledged, agent, bank, separate, note);
  }

  static Member idOf(Member m, String idNumber) {
    return new Member(m.name(), idNumber, m.relation(), m.hukouCountyCode(), m.hukouUrbanRural(),
        m.disabilityCategory(), m.disabilityGrade(), m.seriousIllness(), m.ableToWork(), m.student(),
        m.monthlyIncome(), m.rigidExpenses());
  }

  List<Violation> check(HouseholdApplication a) {
    return validator.check(a);
  }

  @Test
  void theSampleHouseholdIsValid() {
    assertThat(check(base)).isEmpty();
    validator.validate(base);
  }

  @Test
  void aMinimalHouseholdIsValid() {
    HouseholdApplication a = new HouseholdApplication("220102", "220102001", UrbanRural.URBAN, "南岭街道1号",
        "0431-88888888", List.of(new Member("赵六", TestApplications.ZHANG_SAN, Relation.SELF, null, null, null, null,
            false, false, false, null, null)), null, true, true, null, null, false, null);
    assertThat(check(a)).isEmpty();
  }

  @Test
  void invalidIdNumberNamesTheMemberAndTheCorrectCheckDigit() {
    String wrong = TestApplications.LI_SI.substring(0, 17) + (TestApplications.LI_SI.endsWith("0") ? "1" : "0");
    HouseholdApplication a = withMember(base, 1, idOf(base.members().get(1), wrong));
    assertThat(check(a)).containsExactly(new Violation("members[1].idNumber",
        "第2位成员（李四）的身份证号码校验位错误，应为" + TestApplications.LI_SI.charAt(17)));
  }

  @Test
  void everyIdNumberProblemIsExplained() {
    HouseholdApplication a = withMembers(base, List.of(base.members().get(0),
        idOf(base.members().get(1), "2201221952030500"),
        idOf(base.members().get(2), "22012230150601003X")));
    assertThat(check(a)).extracting(Violation::message).containsExactly(
        "第2位成员（李四）的身份证号码应为18位",
        "第3位成员（张小）的身份证号码出生日期晚于今天");
  }

  @Test
  void samePersonTwiceIsRefused() {
    Member again = idOf(base.members().get(2), TestApplications.ZHANG_SAN.toLowerCase());
    assertThat(check(withMember(base, 2, again))).containsExactly(new Violation("members[2].idNumber",
        "第3位成员（张小）的身份证号码与第1位成员（张三）相同，同一人不能在一户中重复登记"));
  }

  @Test
  void applicantIsRequiredExactlyOnce() {
    List<Member> noSelf = new ArrayList<>(base.members());
    noSelf.set(0, member("张三", TestApplications.ZHANG_SAN, Relation.PARENT));
    assertThat(check(withMembers(base, noSelf))).containsExactly(new Violation("members",
        "家庭成员中没有申请人本人（与申请人关系为“本人”SELF的成员），应有且只有一位"));

    List<Member> twoSelf = new ArrayList<>(base.members());
    twoSelf.set(2, member("张小", TestApplications.ZHANG_XIAO, Relation.SELF));
    assertThat(check(withMembers(base, twoSelf))).containsExactly(new Violation("members[2].relation",
        "第3位成员（张小）的与申请人关系为“本人”，但第1位成员（张三）已是申请人，一户只能有一位申请人"));
  }

  @Test
  void atMostOneSpouse() {
    assertThat(check(withMember(base, 2, member("张小", TestApplications.ZHANG_XIAO, Relation.SPOUSE))))
        .extracting(Violation::field).containsExactly("members[2].relation");
  }

  @Test
  void membersAreRequiredAndLimited() {
    assertThat(check(withMembers(base, List.of()))).containsExactly(
        new Violation("members", "家庭成员未填写，至少应有申请人本人"));
    assertThat(check(withMembers(base, null))).extracting(Violation::field).containsExactly("members");
    List<Member> many = new ArrayList<>(Collections.nCopies(21, base.members().get(0)));
    assertThat(check(withMembers(base, many))).containsExactly(
        new Violation("members", "家庭成员共21人，超过上限20人"));
    List<Member> withNull = new ArrayList<>(base.members());
    withNull.add(null);
    assertThat(check(withMembers(base, withNull))).containsExactly(new Violation("members[3]", "第4位成员内容为空"));
  }

  @Test
  void unknownCountyAndRegionOutsideCounty() {
    assertThat(check(with(base, "229999", "220122100201", UrbanRural.RURAL, "x", "13800000000")))
        .containsExactly(new Violation("countyCode", "户籍所在县（市、区）代码229999不存在"));
    assertThat(check(with(base, "220100", "220122100201", UrbanRural.RURAL, "x", "13800000000")))
        .containsExactly(new Violation("countyCode", "代码220100（长春市）不是县级行政区划"));
    assertThat(check(with(base, "22012", "220122100201", UrbanRural.RURAL, "x", "13800000000")))
        .extracting(Violation::message).containsExactly("户籍所在县（市、区）代码“22012”应为6位数字");
    assertThat(check(with(base, "220102", "220122100201", UrbanRural.RURAL, "x", "13800000000")))
        .containsExactly(new Violation("regionCode",
            "居住地宝塔村（220122100201）不在户籍所在县（市、区）南关区（220102）内"));
    assertThat(check(with(base, "220122", "220122", UrbanRural.RURAL, "x", "13800000000")))
        .extracting(Violation::field).containsExactly("regionCode");
    assertThat(check(with(base, "220122", "220122100299", UrbanRural.RURAL, "x", "13800000000")))
        .containsExactly(new Violation("regionCode", "居住地代码220122100299不存在"));
    assertThat(check(with(base, "220122", "220122100", UrbanRural.RURAL, "x", "13800000000"))).isEmpty();
  }

  @Test
  void householdFieldsAreRequired() {
    assertThat(check(with(base, null, null, null, " ", null))).extracting(Violation::field)
        .containsExactly("countyCode", "regionCode", "urbanRural", "address", "contactPhone");
    assertThat(check(with(base, "220122", "220122100201", UrbanRural.RURAL, "x", "12345")))
        .containsExactly(new Violation("contactPhone", "联系电话“12345”不是有效的手机号码或固定电话号码"));
  }

  @Test
  void oversizedTextIsRefused() {
    String address = "农".repeat(201);
    assertThat(check(with(base, "220122", "220122100201", UrbanRural.RURAL, address, "13800000000")))
        .containsExactly(new Violation("address", "居住地址过长（201字），最多200字"));
    assertThat(check(with(base, "220122", "220122100201", UrbanRural.RURAL, "农".repeat(200), "13800000000")))
        .isEmpty();
    Member longName = member("张".repeat(51), TestApplications.ZHANG_XIAO, Relation.CHILD);
    assertThat(check(withMember(base, 2, longName))).extracting(Violation::field, Violation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("members[2].name",
            "第3位成员（" + "张".repeat(30) + "…）的姓名过长（51字），最多50字"));
    assertThat(check(with(base, "220122", "220122100201", UrbanRural.RURAL, "宝塔村\u0000", "13800000000")))
        .extracting(Violation::message).containsExactly("居住地址含有不可见的控制字符");
  }

  @Test
  void negativeOrMalformedIncomeIsRefused() {
    Member m = base.members().get(1);
    Member bad = new Member(m.name(), m.idNumber(), m.relation(), m.hukouCountyCode(), m.hukouUrbanRural(),
        m.disabilityCategory(), m.disabilityGrade(), m.seriousIllness(), m.ableToWork(), m.student(),
        income(IncomeType.WAGE, "-1", IncomeType.BUSINESS, "10.005", IncomeType.OTHER, "10000000"),
        new BigDecimal("-5"));
    assertThat(check(withMember(base, 1, bad))).containsExactly(
        new Violation("members[1].monthlyIncome.WAGE", "第2位成员（李四）的工资性收入不能为负数（填写的是-1元）"),
        new Violation("members[1].monthlyIncome.BUSINESS", "第2位成员（李四）的经营净收入最多保留两位小数（填写的是10.005元）"),
        new Violation("members[1].monthlyIncome.OTHER", "第2位成员（李四）的其他收入超过上限9999999.99元"),
        new Violation("members[1].rigidExpenses", "第2位成员（李四）的刚性支出不能为负数（填写的是-5元）"));
    java.util.Map<IncomeType, BigDecimal> withNull = new java.util.EnumMap<>(IncomeType.class);
    withNull.put(IncomeType.WAGE, null);
    Member nullAmount = new Member(m.name(), m.idNumber(), m.relation(), null, null, null, null, false, false, false,
        withNull, null);
    assertThat(check(withMember(base, 1, nullAmount))).extracting(Violation::message)
        .containsExactly("第2位成员（李四）的工资性收入未填写金额");
  }

  @Test
  void disabilityNeedsCategoryAndGrade() {
    Member m = base.members().get(1);
    Member noGrade = new Member(m.name(), m.idNumber(), m.relation(), null, null, DisabilityCategory.MENTAL, null,
        false, false, false, null, null);
    Member badGrade = new Member("张小", TestApplications.ZHANG_XIAO, Relation.CHILD, null, null,
        DisabilityCategory.VISUAL, 5, false, false, false, null, null);
    Member gradeOnly = new Member("王二", TestApplications.id("22012219900101007"), Relation.OTHER, null, null, null,
        3, false, false, false, null, null);
    List<Member> members = List.of(base.members().get(0), noGrade, badGrade, gradeOnly);
    assertThat(check(withMembers(base, members))).containsExactly(
        new Violation("members[1].disabilityGrade", "第2位成员（李四）填写了残疾类别（精神残疾），但未填写残疾等级（1至4级）"),
        new Violation("members[2].disabilityGrade", "第3位成员（张小）的残疾等级5无效，应为1至4级"),
        new Violation("members[3].disabilityCategory", "第4位成员（王二）填写了残疾等级，但未填写残疾类别"));
  }

  @Test
  void memberHukouCountyMustBeACountyCode() {
    Member m = base.members().get(1);
    Member city = new Member(m.name(), m.idNumber(), m.relation(), "220100", null, null, null, false, false, false,
        null, null);
    Member garbage = new Member("张小", TestApplications.ZHANG_XIAO, Relation.CHILD, "99x", null, null, null, false,
        false, false, null, null);
    assertThat(check(withMembers(base, List.of(base.members().get(0), city, garbage)))).extracting(Violation::field)
        .containsExactly("members[1].hukouCountyCode", "members[2].hukouCountyCode");
    Member elsewhere = new Member(m.name(), m.idNumber(), m.relation(), "110105", null, null, null, false, false,
        false, null, null); // 户籍 in Beijing (人户分离): allowed
    assertThat(check(withMember(base, 1, elsewhere))).isEmpty();
  }

  @Test
  void assetsNeedTypeAndNonNegativeValue() {
    List<Asset> assets = new ArrayList<>();
    assets.add(new Asset(null, "不知道", BigDecimal.ONE));
    assets.add(new Asset(AssetType.VEHICLE, "农用车", new BigDecimal("-100")));
    assets.add(new Asset(AssetType.DEPOSIT, "x".repeat(201), null));
    assets.add(null);
    HouseholdApplication a = withFlags(base, true, true, null, null, false, null, assets);
    assertThat(check(a)).containsExactly(
        new Violation("assets[0].type", "第1项财产的类型未填写"),
        new Violation("assets[1].value", "第2项财产（车辆）的价值不能为负数（填写的是-100元）"),
        new Violation("assets[2].description", "第3项财产（银行存款）的说明过长（201字），最多200字"),
        new Violation("assets[2].value", "第3项财产（银行存款）的价值未填写金额"),
        new Violation("assets[3]", "第4项财产内容为空"));
  }

  @Test
  void signaturesAgentBankAndSeparateRegistration() {
    HouseholdApplication a = withFlags(base, false, false,
        new Agent("", "22012219800101005X", null, "1"),
        new BankAccount("农安农商银行", "6228-4800", "陈七"), true, null, base.assets());
    assertThat(check(a)).containsExactly(
        new Violation("authorisationSigned", "未签署家庭经济状况核对授权书，无法进行信息核对"),
        new Violation("pledgeSigned", "未签署申请材料真实性承诺书"),
        new Violation("agent.name", "代理人姓名未填写"),
        new Violation("agent.idNumber", "代理人的身份证号码校验位错误，应为" + IdNumber.checkDigit("22012219800101005")),
        new Violation("agent.relation", "代理人与申请人的关系未填写"),
        new Violation("agent.phone", "代理人联系电话“1”不是有效的手机号码或固定电话号码"),
        new Violation("bankAccount.accountNumber", "银行账号应为8至30位数字"),
        new Violation("bankAccount.holderName", "开户人“陈七”不是本户家庭成员，最低生活保障金应发放到家庭成员名下账户"),
        new Violation("separateRegistrationNote", "单独登记说明未填写"));
  }

  @Test
  void manyViolationsAtOnce() {
    Member m0 = base.members().get(0);
    Member bad0 = new Member(m0.name(), "123", m0.relation(), null, null, null, null, false, false, false,
        income(IncomeType.WAGE, "-300"), null);
    HouseholdApplication a = with(withMember(base, 0, bad0), "999999", "220122100201", UrbanRural.RURAL,
        "农".repeat(300), "13800000000");
    assertThat(check(a)).extracting(Violation::field).containsExactly(
        "countyCode", "address", "members[0].idNumber", "members[0].monthlyIncome.WAGE");
    assertThatThrownBy(() -> validator.validate(a))
        .isInstanceOfSatisfying(InvalidApplicationException.class, e -> assertThat(e.violations()).hasSize(4))
        .hasMessageStartingWith("申请内容有4处错误：户籍所在县（市、区）代码999999不存在；");
  }

  @Test
  void nullApplication() {
    assertThat(check(null)).containsExactly(new Violation("", "申请内容不能为空"));
  }
}
