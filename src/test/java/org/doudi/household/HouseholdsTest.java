package org.doudi.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.household.TestApplications.household;
import static org.doudi.household.TestApplications.income;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@DoudiTest
class HouseholdsTest {

  @Autowired
  Households households;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;

  int rows(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
  }

  /** What load returns for the sample: amounts at scale 2, missing income as an empty map, rigid expenses 0.00. */
  static HouseholdApplication stored(HouseholdApplication a) {
    return TestApplications.withMembers(new HouseholdApplication(a.countyCode(), a.regionCode(), a.urbanRural(),
        a.address(), a.contactPhone(), a.members(), a.assetList().stream()
            .map(x -> new Asset(x.type(), x.description(), x.value().setScale(2))).toList(),
        a.authorisationSigned(), a.pledgeSigned(), a.agent(), a.bankAccount(), a.separateRegistration(),
        a.separateRegistrationNote()), a.memberList().stream().map(m -> new Member(m.name(), m.idNumber(),
            m.relation(), m.hukouCountyCode(), m.hukouUrbanRural(), m.disabilityCategory(), m.disabilityGrade(),
            m.seriousIllness(), m.ableToWork(), m.student(), m.monthlyIncome() == null ? Map.of()
                : m.monthlyIncome().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                    e -> e.getValue().setScale(2))), m.rigidExpensesOrZero().setScale(2))).toList());
  }

  @Test
  void registerAndLoadRoundTrip() {
    HouseholdApplication a = household();
    long id = households.register(a, "nongan-cw");
    HouseholdApplication loaded = households.load(id);
    assertThat(loaded).isEqualTo(stored(a));
    assertThat(households.declared(id)).isEqualTo(loaded);
    assertThat(jdbc.queryForObject("SELECT bank_account_number FROM household_application WHERE id = ?",
        String.class, id)).isEqualTo("6228480012345678901");
    assertThat(jdbc.queryForList("SELECT birth_date FROM household_member WHERE application_id = ? ORDER BY member_no",
        java.sql.Date.class, id).get(0).toLocalDate()).isEqualTo(java.time.LocalDate.of(1950, 1, 1));

    ApplicationSummary s = households.summary(id);
    assertThat(s.applicantName()).isEqualTo("张三");
    assertThat(s.applicantIdNumber()).isEqualTo(TestApplications.ZHANG_SAN);
    assertThat(s.memberCount()).isEqualTo(3);
    assertThat(s.countyName()).isEqualTo("农安县");
    assertThat(s.regionName()).isEqualTo("宝塔村");
    assertThat(s.hasAgent()).isTrue();
    assertThat(s.hasSeriousIllness()).isTrue();
    assertThat(s.hasSevereDisability()).isTrue();
    assertThat(s.separateRegistration()).isFalse();
    assertThat(s.status()).isEqualTo(ApplicationStatus.REGISTERED);
    assertThat(s.registeredBy()).isEqualTo("nongan-cw");
    assertThat(s.registeredAt()).isNotNull();
    assertThat(s.processInstanceId()).isNull();
  }

  @Test
  void anApplicationIsLoadedOncePerTransactionAndAfreshAfterAWriteOrInAnotherTransaction() {
    long id = households.register(household(), "nongan-cw");
    var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    var inner = new org.springframework.transaction.support.TransactionTemplate(transactions);
    inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    HouseholdApplication[] first = new HouseholdApplication[1];
    tx.executeWithoutResult(status -> {
      first[0] = households.load(id);
      assertThat(households.load(id)).isSameAs(first[0]);
      assertThat(households.declared(id)).isNotSameAs(first[0]).isEqualTo(first[0]);
      assertThatThrownBy(() -> first[0].memberList().clear()).isInstanceOf(UnsupportedOperationException.class);
      // a transaction inside this one reads on its own
      HouseholdApplication innerLoad = inner.execute(s -> households.load(id));
      assertThat(innerLoad).isNotSameAs(first[0]).isEqualTo(first[0]);
      // a write through the repository drops it: the next load has the new figures
      String who = first[0].memberList().get(0).idNumber();
      households.replaceMemberIncome(id, who, Map.of(IncomeType.WAGE, new BigDecimal("321.00")));
      HouseholdApplication after = households.load(id);
      assertThat(after.memberList().get(0).monthlyIncome()).isEqualTo(Map.of(IncomeType.WAGE, new BigDecimal("321.00")));
      assertThat(households.declared(id)).isEqualTo(first[0]);
    });
    // the next transaction reads what is committed, e.g. a change made by another one
    jdbc.update("UPDATE household_application SET contact_phone = '13900000000' WHERE id = ?", id);
    tx.executeWithoutResult(status -> {
      HouseholdApplication again = households.load(id);
      assertThat(again).isNotSameAs(first[0]);
      assertThat(again.contactPhone()).isEqualTo("13900000000");
      assertThat(again.memberList().get(0).monthlyIncome()).containsEntry(IncomeType.WAGE, new BigDecimal("321.00"));
    });
    // outside a transaction every load reads
    assertThat(households.load(id)).isNotSameAs(households.load(id));
  }

  @Test
  void lowerCaseXIsStoredUpperCase() {
    HouseholdApplication a = household();
    String withX = TestApplications.id("34052419800101001");
    Member m = a.members().get(2);
    Member x = new Member(m.name(), withX.toLowerCase(), m.relation(), null, null, null, null, false, false, true,
        null, null);
    long id = households.register(TestApplications.withMember(a, 2, x), "baota");
    assertThat(households.load(id).members().get(2).idNumber()).isEqualTo(withX);
  }

  @Test
  void invalidInputStoresNothing() {
    int applications = rows("household_application");
    int members = rows("household_member");
    int incomes = rows("member_income");
    int assets = rows("household_asset");
    Member m = household().members().get(1);
    Member negative = new Member(m.name(), m.idNumber(), m.relation(), null, null, null, null, false, false, false,
        income(IncomeType.WAGE, "-1"), null);
    assertThatThrownBy(() -> households.register(TestApplications.withMember(household(), 1, negative), "nongan-cw"))
        .isInstanceOfSatisfying(InvalidApplicationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("members[1].monthlyIncome.WAGE"));
    assertThat(rows("household_application")).isEqualTo(applications);
    assertThat(rows("household_member")).isEqualTo(members);
    assertThat(rows("member_income")).isEqualTo(incomes);
    assertThat(rows("household_asset")).isEqualTo(assets);
  }

  @Test
  void attachProcessAndStatus() {
    long id = households.register(household(), "nongan-cw");
    households.attachProcess(id, "pi-1");
    households.attachProcess(id, "pi-1");
    assertThat(households.summary(id).status()).isEqualTo(ApplicationStatus.IN_PROCESS);
    assertThat(households.summary(id).processInstanceId()).isEqualTo("pi-1");
    assertThat(households.findByProcessInstance("pi-1")).contains(id);
    assertThatThrownBy(() -> households.attachProcess(id, "pi-2")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pi-1");
    households.updateStatus(id, ApplicationStatus.APPROVED);
    assertThat(households.summary(id).status()).isEqualTo(ApplicationStatus.APPROVED);
  }

  @Test
  void unknownApplication() {
    assertThatThrownBy(() -> households.load(987654321L)).isInstanceOf(HouseholdNotFoundException.class)
        .hasMessage("没有编号为 987654321 的低保申请");
    assertThatThrownBy(() -> households.summary(987654321L)).isInstanceOf(HouseholdNotFoundException.class);
    assertThatThrownBy(() -> households.attachProcess(987654321L, "x")).isInstanceOf(HouseholdNotFoundException.class);
    assertThatThrownBy(() -> households.updateStatus(987654321L, ApplicationStatus.REJECTED))
        .isInstanceOf(HouseholdNotFoundException.class);
    assertThatThrownBy(() -> households.replaceAssets(987654321L, List.of()))
        .isInstanceOf(HouseholdNotFoundException.class);
    assertThatThrownBy(() -> households.replaceMemberIncome(987654321L, TestApplications.ZHANG_SAN, Map.of()))
        .isInstanceOf(HouseholdNotFoundException.class);
  }

  @Test
  void checkedIncomeAndAssetsReplaceTheDeclaredOnesWhichStayOnFile() {
    long id = households.register(household(), "nongan-cw");
    households.replaceMemberIncome(id, TestApplications.LI_SI, income(IncomeType.WAGE, "1200", IncomeType.SCHOLARSHIP, "50.5"));
    households.replaceMemberIncome(id, TestApplications.LI_SI, income(IncomeType.WAGE, "1300"));
    households.replaceAssets(id, List.of(new Asset(AssetType.VEHICLE, "核对发现：小型客车", new BigDecimal("45000"))));

    HouseholdApplication now = households.load(id);
    assertThat(now.members().get(1).monthlyIncome()).isEqualTo(Map.of(IncomeType.WAGE, new BigDecimal("1300.00")));
    assertThat(now.members().get(0).income(IncomeType.WAGE)).isEqualByComparingTo("300");
    assertThat(now.assets()).containsExactly(new Asset(AssetType.VEHICLE, "核对发现：小型客车", new BigDecimal("45000.00")));

    HouseholdApplication declared = households.declared(id);
    assertThat(declared.members().get(1).monthlyIncome()).isEqualTo(Map.of(IncomeType.TRANSFER, new BigDecimal("100.00")));
    assertThat(declared.assets()).hasSize(2);

    assertThatThrownBy(() -> households.replaceMemberIncome(id, TestApplications.id("22012219990101001"), Map.of()))
        .isInstanceOf(HouseholdNotFoundException.class).hasMessageContaining("没有身份证号码为");
    assertThatThrownBy(() -> households.replaceMemberIncome(id, TestApplications.LI_SI, income(IncomeType.WAGE, "-2")))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("工资性收入不能为负数");
    assertThatThrownBy(() -> households.replaceAssets(id, List.of(new Asset(AssetType.DEPOSIT, null, new BigDecimal("-1")))))
        .isInstanceOf(InvalidApplicationException.class);
    assertThat(households.load(id)).isEqualTo(now);
  }
}
