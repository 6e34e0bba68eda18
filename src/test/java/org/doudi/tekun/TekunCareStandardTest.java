package org.doudi.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.doudi.eligibility.TestIds;
import org.doudi.engine.MoneyRules;
import org.doudi.engine.RuleApprovals;
import org.doudi.engine.RulesInForce;
import org.doudi.platform.DoudiTest;
import org.doudi.tekun.TekunFacts.ChildStatus;
import org.doudi.tekun.TekunFacts.Schooling;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.TekunFacts.Supporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DMN tekun-care-standard is a money rule: an analyst's new version (here a 农安县 row for 全护理) decides only once a
 * second person approved it, and then overrides the default row for that county alone.
 */
@DoudiTest
class TekunCareStandardTest {

  static final LocalDate ON = LocalDate.of(2026, 3, 2);

  @Autowired TekunEligibility eligibility;
  @Autowired RepositoryService repository;
  @Autowired RulesInForce rulesInForce;
  @Autowired TaskService tasks;
  @Autowired org.doudi.tekun.internal.TekunCareStandards careStandards;

  static TekunFacts fullCare(String county) {
    return new TekunFacts("钱八", TestIds.id(county, "19380101", "051"), county, "RURAL", ON, null, null,
        EnumSet.allOf(SelfCareItem.class), List.of(), List.of(), Supporter.NONE, Schooling.NONE, ChildStatus.NONE,
        false);
  }

  @Test
  void aCountyRowNeedsASecondPersonAndThenOverridesTheDefault() throws IOException {
    assertThat(MoneyRules.matches("tekun-care-standard")).isTrue();
    String xml;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("processes/rules/tekun-care-standard.dmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String row = """
        <rule id="Rule_Test_NonganFull">
                <inputEntry id="UnaryTests_T_County"><text>"220122"</text></inputEntry>
                <inputEntry id="UnaryTests_T_Level"><text>"FULL"</text></inputEntry>
                <outputEntry id="LiteralExpression_T_Amount"><text>"800.00"</text></outputEntry>
                <outputEntry id="LiteralExpression_T_Basis"><text>"农安县全护理（测试）"</text></outputEntry>
                <outputEntry id="LiteralExpression_T_Sample"><text>false</text></outputEntry>
              </rule>
              <rule id="Rule_DefaultSelfCare">""";
    String changed = xml.replace("<rule id=\"Rule_DefaultSelfCare\">", row);
    assertThat(changed).isNotEqualTo(xml);
    assertThat(eligibility.assess(fullCare("220122")).careStandard()).isEqualByComparingTo("630.00");
    Deployment d = repository.createDeployment().name("analyst-test")
        .addString("processes/rules/tekun-care-standard.dmn", changed).deploy();
    try {
      assertThat(eligibility.assess(fullCare("220122")).careStandard()).isEqualByComparingTo("630.00");
      RuleApprovals.approve(repository, rulesInForce, tasks, d, "tekun-care-standard");
      TekunAssessment approved = eligibility.assess(fullCare("220122"));
      assertThat(approved.careStandard()).isEqualByComparingTo("800.00");
      assertThat(approved.monthlyAmount()).isEqualByComparingTo("1450.00"); // 650 + 800
      assertThat(approved.reasons()).anyMatch(r -> r.code().equals("CARE_STANDARD")
          && r.citation().equals("农安县全护理（测试）"));
      // the sample flag is the table's own column, not read from the citation's text
      assertThat(careStandards.of("220122", CareLevel.FULL).sample()).isFalse();
      assertThat(careStandards.of("220122", CareLevel.PARTIAL).sample()).isTrue();
      assertThat(eligibility.assess(fullCare("220102")).careStandard()).isEqualByComparingTo("700.00");
    } finally {
      repository.deleteDeployment(d.getId(), true);
    }
    assertThat(eligibility.assess(fullCare("220122")).careStandard()).isEqualByComparingTo("630.00");
  }
}
