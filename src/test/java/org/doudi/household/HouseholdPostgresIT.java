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
import org.doudi.household.persistence.HouseholdRepository;
import org.doudi.platform.Postgres;
import org.doudi.region.Regions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The household tables and their SQL on PostgreSQL 15 (migrations applied by Flyway, no application context). */
class HouseholdPostgresIT {

  static String url;
  static JdbcTemplate jdbc;
  static Households households;

  @BeforeAll
  static void database() {
    url = Postgres.freshDatabase("doudi_household_it");
    DriverManagerDataSource ds = new DriverManagerDataSource(url, Postgres.USER, Postgres.PASSWORD);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql", "classpath:db/demo")
        .table("doudi_schema_history").load().migrate();
    jdbc = new JdbcTemplate(ds);
    Regions regions = new Regions(jdbc);
    households = new Households(new ApplicationValidator(regions), new HouseholdRepository(jdbc, regions));
  }

  @AfterAll
  static void drop() {
    if (url != null) {
      Postgres.dropIfTemporary(url);
    }
  }

  @Test
  void roundTripOnPostgres() {
    long id = households.register(household(), "nongan-cw");
    assertThat(households.load(id)).isEqualTo(HouseholdsTest.stored(household()));
    households.attachProcess(id, "pi-pg");
    households.replaceMemberIncome(id, TestApplications.ZHANG_SAN, income(IncomeType.WAGE, "800.10"));
    households.replaceAssets(id, List.of(new Asset(AssetType.SECURITIES, "股票", new BigDecimal("12345.67"))));
    HouseholdApplication now = households.load(id);
    assertThat(now.members().get(0).monthlyIncome()).isEqualTo(Map.of(IncomeType.WAGE, new BigDecimal("800.10")));
    assertThat(now.assets()).containsExactly(new Asset(AssetType.SECURITIES, "股票", new BigDecimal("12345.67")));
    assertThat(households.declared(id).assets()).hasSize(2);
    ApplicationSummary s = households.summary(id);
    assertThat(s.status()).isEqualTo(ApplicationStatus.IN_PROCESS);
    assertThat(s.regionName()).isEqualTo("宝塔村");
    assertThat(s.registeredAt()).isNotNull();
  }

  @Test
  void constraintsHoldInTheDatabaseToo() {
    long id = households.register(household(), "nongan-cw");
    long memberId = jdbc.queryForObject("SELECT min(id) FROM household_member WHERE application_id = ?", Long.class, id);
    assertThatThrownBy(() -> jdbc.update("UPDATE household_member SET id_number = (SELECT id_number FROM household_member "
        + "WHERE application_id = ? AND member_no = 1) WHERE id = ?", id, memberId))
        .hasMessageContaining("household_member_person_uq");
    assertThatThrownBy(() -> jdbc.update("INSERT INTO member_income (member_id, revision, income_type, amount, source, "
        + "recorded_at) VALUES (?, 9, 'WAGE', -1, 'CHECKED', now())", memberId))
        .hasMessageContaining("member_income_amount_chk");
  }

  @Test
  void invalidInputStoresNothing() {
    int before = jdbc.queryForObject("SELECT count(*) FROM household_application", Integer.class);
    HouseholdApplication bad = TestApplications.withMember(household(), 0, TestApplications.member("张三",
        "220122195001010010", HouseholdApplication.Relation.SELF));
    assertThatThrownBy(() -> households.register(bad, "nongan-cw")).isInstanceOf(InvalidApplicationException.class);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM household_application", Integer.class)).isEqualTo(before);
  }
}
