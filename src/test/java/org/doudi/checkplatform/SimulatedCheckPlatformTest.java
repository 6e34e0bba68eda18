package org.doudi.checkplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.doudi.checkplatform.CheckResult.Discrepancy;
import org.doudi.checkplatform.internal.SimulatedCheckPlatform;
import org.doudi.eligibility.TestIds;
import org.junit.jupiter.api.Test;

class SimulatedCheckPlatformTest {

  final CheckPlatform platform = new SimulatedCheckPlatform(Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"),
      ZoneOffset.UTC));

  static final String PLAIN = TestIds.id("220122", "19500101", "001");
  static final String SPOUSE = TestIds.id("220122", "19520304", "002");

  static CheckRequest request(String... ids) {
    List<CheckRequest.Member> members = new java.util.ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      members.add(new CheckRequest.Member(ids[i], "成员" + (i + 1), Map.of("WAGE", new BigDecimal("300"),
          "PENSION_BASIC", new BigDecimal("150"))));
    }
    return new CheckRequest("42", true, members,
        List.of(new CheckRequest.DeclaredAsset("DEPOSIT", "农商行活期", new BigDecimal("3000.00"))));
  }

  @Test
  void anOrdinaryHouseholdPasses() {
    CheckResult r = platform.check(request(PLAIN, SPOUSE));
    assertThat(r.passed()).isTrue();
    assertThat(r.discrepancies()).isEmpty();
    assertThat(r.members()).hasSize(2);
    assertThat(r.members().get(0).monthlyIncome()).containsEntry("WAGE", new BigDecimal("300"));
    assertThat(r.assets()).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("DEPOSIT");
      assertThat(a.ownerIdNumber()).isEqualTo(PLAIN);
    });
    assertThat(r.reference()).startsWith("SIM-42-");
    assertThat(r.checkedAt()).isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
  }

  @Test
  void theSameHouseholdGetsTheSameAnswer() {
    assertThat(platform.check(request(PLAIN, SPOUSE))).isEqualTo(platform.check(request(PLAIN, SPOUSE)));
  }

  @Test
  void sequenceEndingIn6OwnsAnUndeclaredFlat() {
    String owner = TestIds.id("220122", "19850315", "006");
    CheckResult r = platform.check(request(PLAIN, owner));
    assertThat(r.passed()).isFalse();
    assertThat(r.discrepancies()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("assets.REAL_ESTATE");
      assertThat(d.material()).isTrue();
    });
  }

  @Test
  void sequence5xxIsDeadSinceTheFirstOfTheMonthNotMaterial() {
    String dead = TestIds.id("220122", "19400101", "501");
    CheckResult r = platform.check(request(PLAIN, dead));
    assertThat(r.passed()).isTrue();
    assertThat(r.members().get(0).deceasedOn()).isNull();
    assertThat(r.members().get(1).deceasedOn()).isEqualTo(java.time.LocalDate.parse("2026-03-01"));
    assertThat(r.discrepancies()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("members[1].deceasedOn");
      assertThat(d.material()).isFalse();
      assertThat(d.message()).contains("死亡");
    });
  }

  @Test
  void sequenceEndingIn7OwnsAnUndeclaredCar() {
    String owner = TestIds.id("220122", "19850315", "007");
    CheckResult r = platform.check(request(PLAIN, owner));
    assertThat(r.passed()).isFalse();
    assertThat(r.assets()).anySatisfy(a -> {
      assertThat(a.type()).isEqualTo("VEHICLE");
      assertThat(a.ownerIdNumber()).isEqualTo(owner);
      assertThat(a.value()).isEqualByComparingTo("80000");
    });
    assertThat(r.discrepancies()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("assets.VEHICLE");
      assertThat(d.material()).isTrue();
      assertThat(d.message()).contains("未申报的车辆");
    });
  }

  @Test
  void sequenceEndingIn8HasAnUndeclaredDeposit() {
    CheckResult r = platform.check(request(TestIds.id("220122", "19850315", "018")));
    assertThat(r.passed()).isFalse();
    Discrepancy d = r.discrepancies().get(0);
    assertThat(d.field()).isEqualTo("assets.DEPOSIT");
    assertThat(d.declared()).isEqualByComparingTo("3000");
    assertThat(d.found()).isEqualByComparingTo("63000");
  }

  @Test
  void sequenceEndingIn9HasUndeclaredWages() {
    CheckResult r = platform.check(request(PLAIN, TestIds.id("220122", "19850315", "029")));
    assertThat(r.passed()).isFalse();
    assertThat(r.discrepancies()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("members[1].monthlyIncome.WAGE");
      assertThat(d.found()).isEqualByComparingTo("3300");
      assertThat(d.message()).startsWith("第2位成员（成员2）的工资性收入");
    });
  }

  @Test
  void sequence000IsATechnicalFailure() {
    assertThatThrownBy(() -> platform.check(request(TestIds.id("220122", "19850315", "000"))))
        .isInstanceOf(CheckPlatformUnavailableException.class);
  }

  @Test
  void withoutAuthorisationNothingIsChecked() {
    CheckRequest r = request(PLAIN);
    assertThatThrownBy(() -> platform.check(new CheckRequest("42", false, r.members(), r.declaredAssets())))
        .isInstanceOf(CheckNotAuthorisedException.class).hasMessageContaining("授权书");
  }

  @Test
  void aRequestFromAnApplicationCarriesTheDeclaration() {
    org.doudi.household.HouseholdApplication.Member m = new org.doudi.household.HouseholdApplication.Member("张三",
        TestIds.id("220122", "19850315", "029"), org.doudi.household.HouseholdApplication.Relation.SELF, null, null,
        null, null, false, true, false,
        Map.of(org.doudi.household.HouseholdApplication.IncomeType.WAGE, new BigDecimal("800")), null);
    org.doudi.household.HouseholdApplication a = new org.doudi.household.HouseholdApplication("220122",
        "220122100201", org.doudi.household.HouseholdApplication.UrbanRural.RURAL, "宝塔村", "13800000000", List.of(m),
        List.of(), true, true, null, null, false, null);
    CheckRequest request = CheckRequest.of("9", a);
    assertThat(request.members().get(0).declaredMonthlyIncome()).containsEntry("WAGE", new BigDecimal("800"));
    CheckResult r = platform.check(request);
    assertThat(r.discrepancies()).singleElement().satisfies(d -> assertThat(d.found()).isEqualByComparingTo("3800"));
  }
}
