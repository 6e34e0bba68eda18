package org.doudi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * {@code db/engine/<vendor>/V71_1}: an existing database's candidate-group grants lose the READ that the case's
 * region grants already give (as {@code identity.internal.CaseTaskAuthorizations} writes new ones), and nothing else.
 */
@DoudiTest
class CandidateGrantsMigrationTest {

  static final String TASK = "v71-test-task";
  static final String OFF_CHAIN_TASK = "v71-test-task-2";

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  void grant(String group, int resourceType, String resourceId, int perms) {
    jdbc.update("INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_) "
        + "VALUES (?, 1, 1, ?, ?, ?, ?)", "v71-" + group + "-" + resourceType + "-" + resourceId, group, resourceType,
        resourceId, perms);
  }

  Integer perms(String group, int resourceType, String resourceId) {
    List<Integer> found = jdbc.queryForList("SELECT perms_ FROM act_ru_authorization WHERE type_ = 1 AND group_id_ = ? "
        + "AND resource_type_ = ? AND resource_id_ = ?", Integer.class, group, resourceType, resourceId);
    return found.isEmpty() ? null : found.get(0);
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("DELETE FROM act_ru_authorization WHERE id_ LIKE 'v71-%'");
  }

  @Test
  void candidateGroupsCoveredByTheirRegionsGrantKeepOnlyTheWorkPermission() {
    // a 农安镇 village task as Camunda and the region grants wrote it before (7 task, 19 historic task; 2 READ, 4 UPDATE)
    for (String region : List.of("220122100201", "220122100", "220122", "220100", "220000")) {
      grant("region-" + region, 7, TASK, 2);
      grant("region-" + region, 19, TASK, 2);
    }
    grant("township-caseworker-220122100", 7, TASK, 6);
    grant("township-caseworker-220122100", 19, TASK, 2);
    grant("camunda-admin", 7, TASK, 6); // not a role group: as it was
    grant("analyst-220000", 7, TASK, 6); // analysts are not in region-220000: as it was
    grant("analyst-220000", 19, TASK, 2);
    grant("county-approver-220122", 7, TASK, Integer.MAX_VALUE); // ALL: as it was
    // a task whose region chain does not hold the candidate group's region (no region-220122101 grant): as it was
    grant("region-220122100", 7, OFF_CHAIN_TASK, 2);
    grant("township-caseworker-220122101", 7, OFF_CHAIN_TASK, 6);
    grant("township-caseworker-220122101", 19, OFF_CHAIN_TASK, 2);

    migrate();

    assertThat(perms("township-caseworker-220122100", 7, TASK)).isEqualTo(4);
    assertThat(perms("township-caseworker-220122100", 19, TASK)).isNull();
    assertThat(perms("region-220122100", 7, TASK)).isEqualTo(2);
    assertThat(perms("region-220122100", 19, TASK)).isEqualTo(2);
    assertThat(perms("camunda-admin", 7, TASK)).isEqualTo(6);
    assertThat(perms("analyst-220000", 7, TASK)).isEqualTo(6);
    assertThat(perms("analyst-220000", 19, TASK)).isEqualTo(2);
    assertThat(perms("county-approver-220122", 7, TASK)).isEqualTo(Integer.MAX_VALUE);
    assertThat(perms("township-caseworker-220122101", 7, OFF_CHAIN_TASK)).isEqualTo(6);
    assertThat(perms("township-caseworker-220122101", 19, OFF_CHAIN_TASK)).isEqualTo(2);

    migrate(); // a second run changes nothing
    assertThat(perms("township-caseworker-220122100", 7, TASK)).isEqualTo(4);
    assertThat(perms("township-caseworker-220122101", 7, OFF_CHAIN_TASK)).isEqualTo(6);
  }

  @Test
  void bothVendorsListExactlyTheRolesWhoseHoldersAreInTheirRegionGroup() throws Exception {
    String expected = Arrays.stream(Role.values()).filter(Role::readsCasesOfItsRegion).map(Role::slug).sorted()
        .collect(Collectors.joining("|"));
    for (String vendor : List.of("h2", "postgresql")) {
      String sql = new ClassPathResource("db/engine/" + vendor + "/V71_1__candidate_grants_without_read.sql")
          .getContentAsString(StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("\\^\\(([a-z|-]+)\\)-\\[0-9\\]\\+\\$").matcher(sql);
      int lists = 0;
      while (m.find()) {
        assertThat(Arrays.stream(m.group(1).split("\\|")).sorted().collect(Collectors.joining("|")))
            .as(vendor).isEqualTo(expected);
        lists++;
      }
      assertThat(lists).as(vendor).isEqualTo(2);
    }
  }

  void migrate() {
    new ResourceDatabasePopulator(new ClassPathResource("db/engine/h2/V71_1__candidate_grants_without_read.sql"))
        .execute(dataSource);
  }
}
