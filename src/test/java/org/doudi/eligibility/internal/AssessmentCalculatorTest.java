package org.doudi.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.eligibility.DibaoAssessment.MemberAmount;
import org.doudi.eligibility.DibaoAssessment.Outcome;
import org.doudi.eligibility.DibaoAssessment.Reason;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.TestIds;
import org.junit.jupiter.api.Test;

/** The assessment on the shipped DMN tables (standalone DMN engine, no Spring). */
class AssessmentCalculatorTest {

  static final LocalDate ON = LocalDate.of(2026, 3, 2);
  static final DibaoStandard RURAL_500 = standard("500.00", false);

  final AssessmentCalculator calculator = new AssessmentCalculator(FileDecisions.decisions());

  static DibaoStandard standard(String amount, boolean sample) {
    return new DibaoStandard(1, "220122", "RURAL", new BigDecimal(amount), 24, LocalDate.of(2025, 1, 1), sample,
        "test", "test", Instant.EPOCH);
  }

  /** A member builder: adult aged 40, no disability or illness, no income. */
  static final class M {
    String name;
    String birth = "19860101";
    String seq = "001";
    String category;
    Integer grade;
    boolean ill;
    final Map<String, BigDecimal> income = new HashMap<>();
    BigDecimal rigid = BigDecimal.ZERO;

    M(String name) {
      this.name = name;
    }

    M born(String yyyymmdd) {
      birth = yyyymmdd;
      return this;
    }

    M income(String type, String amount) {
      income.put(type, new BigDecimal(amount));
      return this;
    }

    M disabled(String c, int g) {
      category = c;
      grade = g;
      return this;
    }

    M ill() {
      ill = true;
      return this;
    }

    M rigid(String amount) {
      rigid = new BigDecimal(amount);
      return this;
    }

    Facts.Member build(int index) {
      String id = TestIds.id("220122", birth, String.format("%03d", index * 2 + 1));
      return new Facts.Member(name, id, LocalDate.parse(birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-"
          + birth.substring(6)), category, grade, ill, income, rigid);
    }
  }

  static Facts household(List<Facts.Asset> assets, M... members) {
    List<Facts.Member> list = new ArrayList<>();
    for (int i = 0; i < members.length; i++) {
      list.add(members[i].build(i));
    }
    return new Facts("220122", "RURAL", list, assets);
  }

  static Facts.Asset asset(String type, String value) {
    return new Facts.Asset(type, null, new BigDecimal(value));
  }

  static List<String> codes(DibaoAssessment a) {
    return a.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void dibaoIsTheGapTimesTheMembers() {
    DibaoAssessment a = calculator.assess(household(List.of(asset("DEPOSIT", "3000")),
        new M("张三").income("WAGE", "400"), new M("李四").income("BUSINESS", "200")), RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.DIBAO);
    assertThat(a.perCapitaIncome()).isEqualByComparingTo("300.00");
    assertThat(a.monthlyAmount()).isEqualByComparingTo("400.00"); // (500 − 300) × 2
    assertThat(a.members()).extracting(MemberAmount::amount).containsExactly(new BigDecimal("200.00"),
        new BigDecimal("200.00"));
    assertThat(a.perCapitaAssets()).isEqualByComparingTo("1500.00");
    assertThat(a.assetLimit()).isEqualByComparingTo("12000.00");
    assertThat(codes(a)).containsExactly("INCOME_BELOW_STANDARD", "ASSETS_WITHIN_LIMIT", "AMOUNT_GAP");
    assertThat(a.reasons()).allSatisfy(r -> assertThat(r.citation()).isNotBlank());
    assertThat(a.reasons().get(2).citation()).contains("《社会救助暂行办法》第十二条");
  }

  @Test
  void excludedIncomeDoesNotCount() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "100")
        .income("PENSION_BASIC", "150").income("VETERAN_BENEFIT", "300").income("FAMILY_PLANNING_REWARD", "80")
        .income("SCHOLARSHIP", "50").income("GOOD_SAMARITAN_AWARD", "1000").income("SOCIAL_ASSISTANCE", "200")),
        RURAL_500, ON);
    assertThat(a.countedIncome()).isEqualByComparingTo("100.00");
    assertThat(a.perCapitaIncome()).isEqualByComparingTo("100.00");
    assertThat(a.monthlyAmount()).isEqualByComparingTo("400.00");
    assertThat(codes(a)).contains("EXCLUDED_INCOME");
    assertThat(a.reasons().stream().filter(r -> r.code().equals("EXCLUDED_INCOME")).findFirst().orElseThrow().text())
        .contains("1780.00");
  }

  @Test
  void everyCountedTypeCounts() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "100")
        .income("BUSINESS", "100").income("PROPERTY", "100").income("TRANSFER", "100").income("OTHER", "100")),
        RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(a.perCapitaIncome()).isEqualByComparingTo("500.00");
    assertThat(codes(a)).contains("INCOME_ABOVE_STANDARD", "NO_SINGLE_PERSON_MEMBER");
  }

  @Test
  void rigidExpensesAreDeducted() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "900").rigid("300"),
        new M("李四")), RURAL_500, ON);
    assertThat(a.perCapitaIncome()).isEqualByComparingTo("300.00"); // (900 − 300) / 2
    assertThat(a.rigidExpenses()).isEqualByComparingTo("300.00");
    assertThat(a.monthlyAmount()).isEqualByComparingTo("400.00");
    assertThat(codes(a)).contains("RIGID_EXPENSES_DEDUCTED");
  }

  @Test
  void rigidExpensesAboveIncomeLeaveZeroNotNegative() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "100").rigid("300")),
        RURAL_500, ON);
    assertThat(a.perCapitaIncome()).isEqualByComparingTo("0.00");
    assertThat(a.monthlyAmount()).isEqualByComparingTo("500.00");
  }

  @Test
  void roundingHappensOnceAtTheEnd() {
    // per-capita 1000/3 = 333.333…: (500 − 333.33) × 3 would be 500.01; the exact gap is 1500 − 1000 = 500.00
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "1000"), new M("李四"),
        new M("王五")), RURAL_500, ON);
    assertThat(a.perCapitaIncome()).isEqualByComparingTo("333.33");
    assertThat(a.monthlyAmount()).isEqualByComparingTo("500.00");
    // the fen are split so that the members add up to the household amount
    assertThat(a.members()).extracting(MemberAmount::amount).containsExactly(new BigDecimal("166.67"),
        new BigDecimal("166.67"), new BigDecimal("166.66"));
    assertThat(a.perCapitaIncome().scale()).isEqualTo(2);
    assertThat(a.monthlyAmount().scale()).isEqualTo(2);
  }

  @Test
  void roundingOfOddCents() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "100.005")),
        standard("500.00", false), ON);
    assertThat(a.monthlyAmount()).isEqualByComparingTo("400.00"); // 399.995 → 400.00 (HALF_UP)
  }

  @Test
  void supplementsForSevereDisabilityIllnessElderlyAndMinors() {
    DibaoAssessment a = calculator.assess(household(List.of(),
        new M("重残一级").disabled("PHYSICAL", 1),
        new M("智力三级").disabled("INTELLECTUAL", 3),
        new M("肢体三级").disabled("PHYSICAL", 3),
        new M("重病").ill(),
        new M("老人").born("19550302"), // 71 on 2026-03-02
        new M("未满七十").born("19560303"), // 69
        new M("孩子").born("20100101"),
        new M("成年").born("20080302")), // 18 today: not a minor
        RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.DIBAO);
    assertThat(a.members()).extracting(MemberAmount::category).containsExactly("SEVERE_DISABILITY",
        "SEVERE_DISABILITY", "NONE", "SERIOUS_ILLNESS", "ELDERLY_70", "NONE", "MINOR", "NONE");
    assertThat(a.members()).extracting(MemberAmount::supplement).containsExactly(new BigDecimal("150.00"),
        new BigDecimal("150.00"), new BigDecimal("0.00"), new BigDecimal("150.00"), new BigDecimal("100.00"),
        new BigDecimal("0.00"), new BigDecimal("75.00"), new BigDecimal("0.00"));
    // 8 × 500 gap + 625 supplements
    assertThat(a.monthlyAmount()).isEqualByComparingTo("4625.00");
    assertThat(a.members().get(0).amount()).isEqualByComparingTo("650.00");
    assertThat(a.members().get(4).age()).isEqualTo(71);
    assertThat(a.reasons()).filteredOn(r -> r.code().startsWith("SUPPLEMENT_")).hasSize(5)
        .allSatisfy(r -> assertThat(r.citation()).isEqualTo("吉民发〔2020〕40号 三（一）"));
  }

  @Test
  void oneSupplementPerMemberTheHighest() {
    DibaoAssessment a = calculator.assess(household(List.of(),
        new M("老人重病").born("19400101").ill()), RURAL_500, ON);
    assertThat(a.members().get(0).category()).isEqualTo("SERIOUS_ILLNESS");
    assertThat(a.monthlyAmount()).isEqualByComparingTo("650.00");
  }

  @Test
  void ineligibleByAssets() {
    DibaoAssessment a = calculator.assess(household(List.of(asset("DEPOSIT", "20000"), asset("SECURITIES", "4001")),
        new M("张三")), RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(a.monthlyAmount()).isEqualByComparingTo("0.00");
    assertThat(codes(a)).contains("ASSETS_ABOVE_LIMIT", "INCOME_BELOW_STANDARD");
    assertThat(a.reasons().get(0).citation()).contains("吉民发〔2020〕40号 二（一）");
    assertThat(a.members()).allSatisfy(m -> assertThat(m.amount()).isEqualByComparingTo("0"));
  }

  @Test
  void assetsExactlyAtTheLimitAreWithin() {
    DibaoAssessment a = calculator.assess(household(List.of(asset("DEPOSIT", "12000"), asset("INSURANCE", "12000"),
        asset("VEHICLE", "90000")), new M("张三"), new M("李四")), RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.DIBAO);
    // vehicles and real estate are not cash; they are flagged for the caseworker
    assertThat(codes(a)).contains("OTHER_ASSETS_TO_REVIEW");
  }

  @Test
  void ineligibleByIncome() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "1000")
        .disabled("PHYSICAL", 1)), RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(codes(a)).containsExactly("INCOME_ABOVE_LOW_INCOME_LINE");
  }

  @Test
  void lowIncomeHouseholdIncludesSevereDisabilityAndIllnessAsSinglePersons() {
    DibaoAssessment a = calculator.assess(household(List.of(asset("DEPOSIT", "10000")),
        new M("张三").income("WAGE", "3000"),
        new M("一级").disabled("VISUAL", 1),
        new M("精神三级").disabled("MENTAL", 3),
        new M("重病").ill(),
        new M("肢体三级").disabled("PHYSICAL", 3)), RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.SINGLE_PERSON);
    assertThat(a.members()).extracting(MemberAmount::category).containsExactly("NONE", "SEVERE_DISABILITY",
        "SEVERE_DISABILITY", "SERIOUS_ILLNESS", "NONE");
    assertThat(a.members()).extracting(MemberAmount::amount).containsExactly(new BigDecimal("0.00"),
        new BigDecimal("500.00"), new BigDecimal("400.00"), new BigDecimal("400.00"), new BigDecimal("0.00"));
    assertThat(a.monthlyAmount()).isEqualByComparingTo("1300.00");
    assertThat(codes(a)).contains("INCOME_ABOVE_STANDARD", "LOW_INCOME_HOUSEHOLD", "SINGLE_PERSON_SEVERE_DISABILITY",
        "SINGLE_PERSON_SERIOUS_ILLNESS");
    assertThat(a.reasons()).filteredOn(r -> r.code().startsWith("SINGLE_PERSON_"))
        .allSatisfy(r -> assertThat(r.citation()).contains("吉民发〔2020〕40号 二（一）").contains("第八条"));
  }

  @Test
  void lowIncomeHouseholdWithoutSevereMembersIsIneligible() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "600")), RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(codes(a)).contains("INCOME_ABOVE_STANDARD", "LOW_INCOME_HOUSEHOLD", "NO_SINGLE_PERSON_MEMBER");
  }

  @Test
  void lowIncomeHouseholdAboveTheAssetLimitIsIneligible() {
    DibaoAssessment a = calculator.assess(household(List.of(asset("ONLINE_FINANCE", "12000.01")),
        new M("张三").income("WAGE", "600").ill()), RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(codes(a)).contains("ASSETS_ABOVE_LIMIT", "INCOME_ABOVE_STANDARD");
  }

  @Test
  void twiceTheStandardIsNoLongerLowIncome() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "1000").ill()),
        RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.INELIGIBLE);
    DibaoAssessment below = calculator.assess(household(List.of(), new M("张三").income("WAGE", "999.99").ill()),
        RURAL_500, ON);
    assertThat(below.outcome()).isEqualTo(Outcome.SINGLE_PERSON);
  }

  @Test
  void incomeEqualToTheStandardIsNotBelowIt() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三").income("WAGE", "500")), RURAL_500, ON);
    assertThat(a.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(codes(a)).contains("INCOME_ABOVE_STANDARD");
  }

  @Test
  void sampleStandardsAreFlagged() {
    DibaoAssessment a = calculator.assess(household(List.of(), new M("张三")), standard("400.00", true), ON);
    assertThat(a.sampleStandard()).isTrue();
    assertThat(codes(a)).contains("SAMPLE_STANDARD");
  }

  @Test
  void unknownIncomeTypeIsAProgrammingError() {
    assertThatThrownBy(() -> calculator.assess(household(List.of(), new M("张三").income("LOTTERY", "1")),
        RURAL_500, ON)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOTTERY");
  }
}
