package org.doudi.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.doudi.platform.DoudiTest;
import org.doudi.engine.RuleApprovals;
import org.doudi.engine.RulesInForce;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 低保 ceiling from the demo's sample standards and the deployed supplement table (largest percent 30 as
 * shipped): standard × covered persons + the largest supplement per person.
 */
@DoudiTest
class DibaoCeilingsTest {

  static final LocalDate MARCH_2026 = LocalDate.parse("2026-03-01");

  @Autowired DibaoCeilings ceilings;
  @Autowired RepositoryService repository;
  @Autowired RulesInForce rulesInForce;
  @Autowired TaskService tasks;

  @Test
  void standardTimesPersonsPlusTheLargestSupplement() {
    // 农安县 rural 500.00 from 2025: 500 + 30 % = 650 per person
    assertThat(ceilings.monthlyCeiling("220122", "RURAL", 1, MARCH_2026)).isEqualByComparingTo("650.00");
    assertThat(ceilings.monthlyCeiling("220122", "RURAL", 3, MARCH_2026)).isEqualByComparingTo("1950.00");
    // urban 660.00: (660 + 198) × 2
    assertThat(ceilings.monthlyCeiling("220122", "URBAN", 2, MARCH_2026)).isEqualByComparingTo("1716.00");
    // 南关区 urban 760.00: 760 + 228
    DibaoCeilings.Ceiling c = ceilings.ceiling("220102", "URBAN", 1, MARCH_2026);
    assertThat(c.amount()).isEqualByComparingTo("988.00");
    assertThat(c.maxSupplementPercent()).isEqualTo(30);
    assertThat(c.maxSupplement()).isEqualByComparingTo("228.00");
    assertThat(c.sampleStandard()).isTrue();
    assertThat(c.explanation()).contains("760.00").contains("30%").contains("988.00");
    // the standard in force on the date: 400.00 before 2025
    assertThat(ceilings.monthlyCeiling("220122", "RURAL", 1, LocalDate.parse("2024-12-31")))
        .isEqualByComparingTo("520.00");
  }

  @Test
  void noStandardForTheCountyOrDateMeansNoCeiling() {
    assertThatThrownBy(() -> ceilings.monthlyCeiling("220581", "RURAL", 1, MARCH_2026))
        .isInstanceOf(StandardNotFoundException.class).hasMessageContaining("220581");
    assertThatThrownBy(() -> ceilings.monthlyCeiling("220122", "RURAL", 1, LocalDate.parse("2019-12-31")))
        .isInstanceOf(StandardNotFoundException.class);
    assertThatThrownBy(() -> ceilings.monthlyCeiling("220122", "RURAL", 0, MARCH_2026))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("保障人数");
    assertThatThrownBy(() -> ceilings.monthlyCeiling("220122", "CITY", 1, MARCH_2026))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The largest supplement comes from the deployed table: a county row an analyst adds moves that county's ceiling. */
  @Test
  void aCountyRowInTheDeployedTableMovesThatCountysCeiling() throws IOException {
    String xml;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/rules/dibao-supplement.dmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String row = """
        <rule id="Rule_Test_Nongan">
                <inputEntry id="UnaryTests_T_County"><text>"220122"</text></inputEntry>
                <inputEntry id="UnaryTests_T_Age"><text></text></inputEntry>
                <inputEntry id="UnaryTests_T_Illness"><text>true</text></inputEntry>
                <inputEntry id="UnaryTests_T_Category"><text></text></inputEntry>
                <inputEntry id="UnaryTests_T_Grade"><text></text></inputEntry>
                <outputEntry id="LiteralExpression_T_Category"><text>"SERIOUS_ILLNESS"</text></outputEntry>
                <outputEntry id="LiteralExpression_T_Percent"><text>50</text></outputEntry>
                <outputEntry id="LiteralExpression_T_Citation"><text>"测试"</text></outputEntry>
              </rule>
              <rule id="Rule_SevereDisabilityGrade12">""";
    String changed = xml.replace("<rule id=\"Rule_SevereDisabilityGrade12\">", row);
    assertThat(changed).isNotEqualTo(xml);
    Deployment d = repository.createDeployment().name("analyst-test")
        .addString("processes/rules/dibao-supplement.dmn", changed).deploy();
    try {
      // a money rule: the version in force keeps deciding until a second person approves the new one
      assertThat(ceilings.monthlyCeiling("220122", "RURAL", 2, MARCH_2026)).isEqualByComparingTo("1300.00");
      RuleApprovals.approve(repository, rulesInForce, tasks, d, "dibao-supplement");
      assertThat(ceilings.monthlyCeiling("220122", "RURAL", 2, MARCH_2026)).isEqualByComparingTo("1500.00");
      assertThat(ceilings.monthlyCeiling("220102", "URBAN", 1, MARCH_2026)).isEqualByComparingTo("988.00");
    } finally {
      repository.deleteDeployment(d.getId(), true);
    }
    assertThat(ceilings.monthlyCeiling("220122", "RURAL", 2, MARCH_2026)).isEqualByComparingTo("1300.00");
  }
}
