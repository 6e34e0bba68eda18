package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.doudi.eligibility.TestIds;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.platform.DoudiTest;
import org.doudi.tekun.TekunAssessment.Outcome;
import org.doudi.tekun.TekunAssessment.Reason;
import org.doudi.tekun.TekunFacts.Asset;
import org.doudi.tekun.TekunFacts.ChildStatus;
import org.doudi.tekun.TekunFacts.Income;
import org.doudi.tekun.TekunFacts.Schooling;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.TekunFacts.Supporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every condition and boundary of the 特困 assessment, on the demo SAMPLE standards: 农安县 rural from 2025-01-01
 * 低保 500 (asset limit 24 × 500 = 12 000), 特困 basic 650; care standards (DMN tekun-care-standard, samples)
 * 190 / 320 / 630, 南关区 全护理 700. Assessed on 2026-03-02.
 */
@DoudiTest
class TekunEligibilityTest {

  static final LocalDate ON = LocalDate.of(2026, 3, 2);

  @Autowired TekunEligibility eligibility;

  /** A person of {@code age} on {@link #ON} (born the day before, 2026 minus age), rural 农安县, nothing else. */
  static TekunFacts person(int age) {
    return facts(age, null, null, Set.of(), List.of(), List.of(), Supporter.NONE, Schooling.NONE, ChildStatus.NONE,
        false);
  }

  static TekunFacts facts(int age, DisabilityCategory category, Integer grade, Set<SelfCareItem> items,
      List<Income> incomes, List<Asset> assets, Supporter supporter, Schooling schooling, ChildStatus child,
      boolean choosesChild) {
    String birth = "%04d0301".formatted(2026 - age);
    return new TekunFacts("王五", TestIds.id("220122", birth, "013"), "220122", "RURAL", ON, category, grade, items,
        incomes, assets, supporter, schooling, child, choosesChild);
  }

  static TekunFacts with(TekunFacts f, List<Income> incomes, List<Asset> assets, Supporter supporter) {
    return new TekunFacts(f.fullName(), f.idNumber(), f.countyCode(), f.urbanRural(), f.assessedOn(),
        f.disabilityCategory(), f.disabilityGrade(), f.impossibleItems(), incomes, assets, supporter, f.schooling(),
        f.childStatus(), f.choosesChildSubsidy());
  }

  static TekunFacts schooled(int age, Schooling schooling) {
    return facts(age, null, null, Set.of(), List.of(), List.of(), Supporter.NONE, schooling, ChildStatus.NONE, false);
  }

  static TekunFacts disabled(DisabilityCategory category, int grade) {
    return facts(40, category, grade, Set.of(), List.of(), List.of(), Supporter.NONE, Schooling.NONE,
        ChildStatus.NONE, false);
  }

  static List<String> codes(TekunAssessment a) {
    return a.reasons().stream().map(Reason::code).toList();
  }

  @ParameterizedTest(name = "age {0}: {1} ({2})")
  @CsvSource({
      "15, TEKUN, NO_WORK_CAPACITY_UNDER_16",
      "16, TEKUN, MINOR_UNDER_18",
      "17, TEKUN, MINOR_UNDER_18",
      "59, INELIGIBLE, HAS_WORK_CAPACITY",
      "60, TEKUN, NO_WORK_CAPACITY_AGE_60",
      "85, TEKUN, NO_WORK_CAPACITY_AGE_60"})
  void ageBoundaries(int age, Outcome outcome, String code) {
    TekunAssessment a = eligibility.assess(person(age));
    assertThat(a.age()).isEqualTo(age);
    assertThat(a.outcome()).isEqualTo(outcome);
    assertThat(codes(a)).contains(code);
  }

  @Test
  void theDayBeforeTheBirthdayCountsTheYoungerAge() {
    // born 2026-03-03 minus 60 years: 59 on 2026-03-02
    TekunFacts f = person(60);
    TekunFacts dayBefore = new TekunFacts(f.fullName(), TestIds.id("220122", "19660303", "013"), f.countyCode(),
        f.urbanRural(), ON, null, null, Set.of(), List.of(), List.of(), Supporter.NONE, Schooling.NONE,
        ChildStatus.NONE, false);
    assertThat(eligibility.assess(dayBefore).age()).isEqualTo(59);
    assertThat(eligibility.assess(dayBefore).outcome()).isEqualTo(Outcome.INELIGIBLE);
  }

  @ParameterizedTest(name = "18 in {0}: {1}")
  @CsvSource({
      "SENIOR_HIGH, TEKUN",
      "SECONDARY_VOCATIONAL, TEKUN",
      "COMPULSORY, TEKUN",
      "NONE, INELIGIBLE",
      "OTHER, INELIGIBLE"})
  void pastEighteenOnlyWhileInSchool(Schooling schooling, Outcome outcome) {
    TekunAssessment a = eligibility.assess(schooled(18, schooling));
    assertThat(a.outcome()).isEqualTo(outcome);
    assertThat(codes(a)).contains(outcome == Outcome.TEKUN ? "IN_SCHOOL_PAST_18" : "HAS_WORK_CAPACITY");
    if (schooling == Schooling.OTHER) {
      assertThat(a.reasons()).anyMatch(r -> r.text().contains("高等教育"));
    }
  }

  @Test
  void seventeenIsSupportedWhateverTheSchool() {
    assertThat(eligibility.assess(schooled(17, Schooling.NONE)).outcome()).isEqualTo(Outcome.TEKUN);
  }

  @ParameterizedTest(name = "{0} grade {1}: {2}")
  @CsvSource({
      "INTELLECTUAL, 3, TEKUN", "INTELLECTUAL, 4, INELIGIBLE",
      "MENTAL, 1, TEKUN", "MENTAL, 3, TEKUN", "MENTAL, 4, INELIGIBLE",
      "PHYSICAL, 2, TEKUN", "PHYSICAL, 3, INELIGIBLE",
      "VISUAL, 1, TEKUN", "VISUAL, 2, INELIGIBLE",
      "HEARING, 1, INELIGIBLE", "SPEECH, 1, INELIGIBLE"})
  void disabilityGrades(DisabilityCategory category, int grade, Outcome outcome) {
    TekunAssessment a = eligibility.assess(disabled(category, grade));
    assertThat(a.outcome()).isEqualTo(outcome);
    assertThat(codes(a)).contains(outcome == Outcome.TEKUN ? "NO_WORK_CAPACITY_DISABILITY" : "HAS_WORK_CAPACITY");
  }

  @Test
  void countedIncomeMustLieBelowTheDibaoStandard() {
    TekunFacts old = person(70);
    TekunAssessment below = eligibility.assess(with(old, List.of(new Income(IncomeType.WAGE, new BigDecimal("300")),
        new Income(IncomeType.TRANSFER, new BigDecimal("199.99"))), List.of(), Supporter.NONE));
    assertThat(below.outcome()).isEqualTo(Outcome.TEKUN);
    assertThat(codes(below)).contains("INCOME_BELOW_STANDARD");
    TekunAssessment at = eligibility.assess(with(old, List.of(new Income(IncomeType.WAGE, new BigDecimal("500.00"))),
        List.of(), Supporter.NONE));
    assertThat(at.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(at.monthlyAmount()).isEqualByComparingTo("0");
    assertThat(codes(at)).contains("INCOME_NOT_BELOW_STANDARD", "TEKUN_CONDITIONS_NOT_MET");
  }

  @Test
  void excludedIncomesCountForNothing() {
    TekunAssessment a = eligibility.assess(with(person(75), List.of(
        new Income(IncomeType.PENSION_BASIC, new BigDecimal("400")),
        new Income(IncomeType.VETERAN_BENEFIT, new BigDecimal("1200")),
        new Income(IncomeType.ELDERLY_ALLOWANCE, new BigDecimal("200")),
        new Income(IncomeType.WAGE, new BigDecimal("499.99"))), List.of(), Supporter.NONE));
    assertThat(a.outcome()).isEqualTo(Outcome.TEKUN);
    Reason excluded = a.reasons().stream().filter(r -> r.code().equals("EXCLUDED_INCOME")).findFirst().orElseThrow();
    assertThat(excluded.text()).contains("高龄津贴", "优待抚恤金", "基础养老金", "1800.00");
    assertThat(IncomeType.ELDERLY_ALLOWANCE.counted()).isFalse();
  }

  @Test
  void cashAssetsWithinTheDibaoLimit() {
    TekunFacts old = person(70);
    TekunAssessment at = eligibility.assess(with(old, List.of(), List.of(
        new Asset(AssetType.DEPOSIT, new BigDecimal("10000")), new Asset(AssetType.SECURITIES, new BigDecimal("2000")),
        new Asset(AssetType.VEHICLE, new BigDecimal("50000"))), Supporter.NONE));
    assertThat(at.outcome()).isEqualTo(Outcome.TEKUN);
    assertThat(codes(at)).contains("ASSETS_WITHIN_LIMIT", "OTHER_ASSETS_TO_REVIEW");
    TekunAssessment over = eligibility.assess(with(old, List.of(), List.of(
        new Asset(AssetType.DEPOSIT, new BigDecimal("12000.01"))), Supporter.NONE));
    assertThat(over.outcome()).isEqualTo(Outcome.INELIGIBLE);
    assertThat(codes(over)).contains("ASSETS_ABOVE_LIMIT");
    assertThat(over.reasons()).anyMatch(r -> r.text().contains("12000.00"));
  }

  @Test
  void aSupporterAbleToSupportExcludes() {
    assertThat(eligibility.assess(with(person(70), List.of(), List.of(), Supporter.ABLE)).outcome())
        .isEqualTo(Outcome.INELIGIBLE);
    TekunAssessment unable = eligibility.assess(with(person(70), List.of(), List.of(), Supporter.UNABLE));
    assertThat(unable.outcome()).isEqualTo(Outcome.TEKUN);
    assertThat(codes(unable)).contains("SUPPORTER_UNABLE");
  }

  @Test
  void anOrphanChoosingTheChildSubsidyIsNeverAlsoTekun() {
    TekunAssessment chooses = eligibility.assess(facts(10, null, null, Set.of(), List.of(), List.of(),
        Supporter.NONE, Schooling.COMPULSORY, ChildStatus.ORPHAN, true));
    assertThat(chooses.outcome()).isEqualTo(Outcome.CHILD_SUBSIDY);
    assertThat(chooses.eligible()).isFalse();
    assertThat(chooses.monthlyAmount()).isEqualByComparingTo("0");
    assertThat(chooses.reasons().get(0).code()).isEqualTo("CHILD_SUBSIDY_CHOSEN");
    assertThat(chooses.reasons().get(0).citation()).contains("第九条");

    TekunAssessment without = eligibility.assess(facts(12, null, null, Set.of(), List.of(), List.of(),
        Supporter.UNABLE, Schooling.COMPULSORY, ChildStatus.WITHOUT_DE_FACTO_CARE, true));
    assertThat(without.outcome()).isEqualTo(Outcome.CHILD_SUBSIDY);

    TekunAssessment declines = eligibility.assess(facts(10, null, null, Set.of(), List.of(), List.of(),
        Supporter.NONE, Schooling.COMPULSORY, ChildStatus.ORPHAN, false));
    assertThat(declines.outcome()).isEqualTo(Outcome.TEKUN);
    assertThat(codes(declines)).contains("CHILD_SUBSIDY_NOT_CHOSEN");

    // a former orphan at 18 (the turning-18 review): assessed as anyone of 18, the child's scheme no longer applies
    TekunAssessment grownUp = eligibility.assess(facts(18, null, null, Set.of(), List.of(), List.of(),
        Supporter.NONE, Schooling.SENIOR_HIGH, ChildStatus.ORPHAN, false));
    assertThat(grownUp.outcome()).isEqualTo(Outcome.TEKUN);
    assertThat(codes(grownUp)).contains("CHILD_STATUS_ENDED_AT_18", "IN_SCHOOL_PAST_18");
  }

  @ParameterizedTest(name = "{0} items impossible: {1}, care {2}")
  @CsvSource({
      "0, SELF_CARE, 190.00", "1, PARTIAL, 320.00", "3, PARTIAL, 320.00", "4, FULL, 630.00", "6, FULL, 630.00"})
  void careTiersFromTheSixItems(int impossible, CareLevel level, String care) {
    Set<SelfCareItem> items = EnumSet.noneOf(SelfCareItem.class);
    for (int i = 0; i < impossible; i++) {
      items.add(SelfCareItem.values()[i]);
    }
    TekunAssessment a = eligibility.assess(facts(80, null, null, items, List.of(), List.of(), Supporter.NONE,
        Schooling.NONE, ChildStatus.NONE, false));
    assertThat(a.careLevel()).isEqualTo(level);
    assertThat(a.careStandard()).isEqualByComparingTo(care);
    assertThat(a.basicStandard()).isEqualByComparingTo("650.00");
    assertThat(a.dibaoStandard()).isEqualByComparingTo("500.00");
    assertThat(a.monthlyAmount()).isEqualByComparingTo(new BigDecimal("650.00").add(new BigDecimal(care)));
    assertThat(a.sampleStandard()).isTrue();
    assertThat(codes(a)).contains("BASIC_STANDARD", "CARE_LEVEL", "CARE_STANDARD", "SAMPLE_STANDARD");
    // the sample rows are named in Chinese where a caseworker reads them (docs/glossary.md)
    assertThat(a.reasons()).allSatisfy(r -> assertThat(r.text() + r.citation()).doesNotContain("SAMPLE"));
  }

  @Test
  void aCountyRowOfTheCareTableOverridesTheDefault() {
    TekunFacts f = new TekunFacts("赵六", TestIds.id("220102", "19400101", "021"), "220102", "URBAN", ON, null, null,
        EnumSet.allOf(SelfCareItem.class), List.of(), List.of(), Supporter.NONE, Schooling.NONE, ChildStatus.NONE,
        false);
    TekunAssessment a = eligibility.assess(f);
    assertThat(a.careLevel()).isEqualTo(CareLevel.FULL);
    assertThat(a.careStandard()).isEqualByComparingTo("700.00");
    assertThat(a.basicStandard()).isEqualByComparingTo("990.00");
    assertThat(a.monthlyAmount()).isEqualByComparingTo("1690.00");
  }

  @Test
  void withoutACountyStandardTheBasicIsOnePointThreeTimesDibaoRoundedUp() {
    // 2024: no 特困 row (the samples start 2025); 农安县 rural 低保 400 → 520; 南关区 urban 646 → 839.8 → 840
    TekunFacts f = person(70);
    TekunAssessment a = eligibility.assess(new TekunFacts(f.fullName(), f.idNumber(), "220122", "RURAL",
        LocalDate.of(2024, 6, 1), null, null, Set.of(), List.of(), List.of(), Supporter.NONE, Schooling.NONE,
        ChildStatus.NONE, false));
    assertThat(a.dibaoStandard()).isEqualByComparingTo("400.00");
    assertThat(a.basicStandard()).isEqualByComparingTo("520.00");
    assertThat(codes(a)).contains("BASIC_STANDARD_FROM_DIBAO");
    TekunAssessment urban = eligibility.assess(new TekunFacts(f.fullName(), TestIds.id("220102", "19400101", "021"),
        "220102", "URBAN", LocalDate.of(2024, 6, 1), null, null, Set.of(), List.of(), List.of(), Supporter.NONE,
        Schooling.NONE, ChildStatus.NONE, false));
    assertThat(urban.basicStandard()).isEqualByComparingTo("840.00");
    assertThat(urban.monthlyAmount()).isEqualByComparingTo("1030.00");
  }

  @Test
  void everyInputProblemAtOnce() {
    TekunFacts f = person(70);
    String badId = f.idNumber().substring(0, 17) + (f.idNumber().charAt(17) == '0' ? '1' : '0');
    TekunFacts bad = new TekunFacts(" ", badId, "220122100", "CITY", ON, null, 5, Set.of(),
        List.of(new Income(IncomeType.WAGE, new BigDecimal("-1")), new Income(null, BigDecimal.ONE)),
        List.of(new Asset(AssetType.DEPOSIT, new BigDecimal("1.001"))), null, Schooling.NONE, ChildStatus.NONE, true);
    assertThatThrownBy(() -> eligibility.assess(bad)).isInstanceOfSatisfying(InvalidApplicationException.class,
        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("fullName", "idNumber",
            "countyCode", "urbanRural", "disabilityGrade", "incomes[0].monthlyAmount", "incomes[1].type",
            "assets[0].value", "supporter", "choosesChildSubsidy"));
    TekunFacts adultChoosing = facts(18, null, null, Set.of(), List.of(), List.of(), Supporter.NONE,
        Schooling.SENIOR_HIGH, ChildStatus.ORPHAN, true);
    assertThatThrownBy(() -> eligibility.assess(adultChoosing)).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("年满18周岁");
    TekunFacts gradeOnly = facts(40, null, 2, Set.of(), List.of(), List.of(), Supporter.NONE, Schooling.NONE,
        ChildStatus.NONE, false);
    assertThatThrownBy(() -> eligibility.assess(gradeOnly)).isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("残疾类别");
  }
}
