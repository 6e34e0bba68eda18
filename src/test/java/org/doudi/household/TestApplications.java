package org.doudi.household;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.doudi.household.HouseholdApplication.Agent;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.BankAccount;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;

/** Valid sample applications for tests (all teams may use them): a rural household in 宝塔村, 农安县. */
public final class TestApplications {

  private TestApplications() {}

  /** A valid ID number from its first 17 digits. */
  public static String id(String first17) {
    return first17 + IdNumber.checkDigit(first17);
  }

  public static final String ZHANG_SAN = id("22012219500101001");   // male, 1950
  public static final String LI_SI = id("22012219520305002");       // female, 1952
  public static final String ZHANG_XIAO = id("22012220150601003");  // child, 2015

  public static Map<IncomeType, BigDecimal> income(Object... typeAndAmount) {
    Map<IncomeType, BigDecimal> m = new EnumMap<>(IncomeType.class);
    for (int i = 0; i < typeAndAmount.length; i += 2) {
      m.put((IncomeType) typeAndAmount[i], new BigDecimal(typeAndAmount[i + 1].toString()));
    }
    return m;
  }

  public static Member member(String name, String idNumber, Relation relation) {
    return new Member(name, idNumber, relation, "220122", UrbanRural.RURAL, null, null, false, false, false,
        income(IncomeType.WAGE, "0.00"), BigDecimal.ZERO);
  }

  /** 张三 (applicant, 300 yuan wage and basic pension), 李四 (spouse, 重残 grade 2 physical), 张小 (child, student). */
  public static HouseholdApplication household() {
    Member zhang = new Member("张三", ZHANG_SAN, Relation.SELF, "220122", UrbanRural.RURAL, null, null, true, false,
        false, income(IncomeType.WAGE, "300.00", IncomeType.PENSION_BASIC, "150.00"), new BigDecimal("80.50"));
    Member li = new Member("李四", LI_SI, Relation.SPOUSE, "220122", UrbanRural.RURAL, DisabilityCategory.PHYSICAL, 2,
        false, false, false, income(IncomeType.TRANSFER, "100"), null);
    Member xiao = new Member("张小", ZHANG_XIAO, Relation.CHILD, null, null, null, null, false, false, true,
        null, null);
    return new HouseholdApplication("220122", "220122100201", UrbanRural.RURAL, "农安县农安镇宝塔村3组",
        "13800000000", List.of(zhang, li, xiao),
        List.of(new Asset(AssetType.DEPOSIT, "农商行活期", new BigDecimal("3000.00")),
            new Asset(AssetType.REAL_ESTATE, "自住平房", new BigDecimal("20000"))),
        true, true, new Agent("王五", id("22012219800101005"), "村委会工作人员", "13900000000"),
        new BankAccount("农安农商银行", "6228480012345678901", "张三"), false, null);
  }

  private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * The household with every member's ID number moved to an address code of its own (birth date and sequence kept,
   * so ages and the check simulator's findings stay the same): the province's benefit register holds a person in one
   * application only, and tests apply for 张三's household many times.
   */
  public static HouseholdApplication unique(HouseholdApplication a) {
    String address = "22" + String.format("%04d", 5000 + NEXT_ADDRESS.incrementAndGet() % 5000);
    return withMembers(a, a.members().stream().map(m -> new Member(m.name(), m.idNumber() == null ? null
        : id(address + m.idNumber().substring(6, 17)), m.relation(), m.hukouCountyCode(), m.hukouUrbanRural(),
        m.disabilityCategory(), m.disabilityGrade(), m.seriousIllness(), m.ableToWork(), m.student(),
        m.monthlyIncome(), m.rigidExpenses())).toList());
  }

  /** A JSON application with every {@code "idNumber"} moved to an address code of its own, as {@link #unique}. */
  public static String uniqueIds(String json) {
    String address = "22" + String.format("%04d", 5000 + NEXT_ADDRESS.incrementAndGet() % 5000);
    return java.util.regex.Pattern.compile("(\"idNumber\"\\s*:\\s*\")\\d{6}(\\d{11})[\\dXx](\")").matcher(json)
        .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + id(address + m.group(2)) + m.group(3)));
  }

  /** The household with its members replaced. */
  public static HouseholdApplication withMembers(HouseholdApplication a, List<Member> members) {
    return new HouseholdApplication(a.countyCode(), a.regionCode(), a.urbanRural(), a.address(), a.contactPhone(),
        members, a.assets(), a.authorisationSigned(), a.pledgeSigned(), a.agent(), a.bankAccount(),
        a.separateRegistration(), a.separateRegistrationNote());
  }

  /** The household with one member changed. */
  public static HouseholdApplication withMember(HouseholdApplication a, int index, Member m) {
    List<Member> members = new ArrayList<>(a.members());
    members.set(index, m);
    return withMembers(a, members);
  }
}
