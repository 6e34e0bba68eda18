package org.doudi.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.doudi.eligibility.ApprovalAuthority.Authority;
import org.doudi.engine.ProcessBeans;
import org.doudi.engine.RuleApprovals;
import org.doudi.engine.RulesInForce;
import org.camunda.bpm.engine.TaskService;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The approval-authority decision as deployed at start-up, called as the process would call it. */
@DoudiTest
class DibaoRulesTest {

  @Autowired DibaoRules rules;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired ProcessBeans beans;
  @Autowired RulesInForce rulesInForce;
  @Autowired TaskService tasks;

  @Test
  void theDecisionsAreDeployedAtStartUp() {
    assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey())
        .contains("dibao-approval-authority", "dibao-supplement", "dibao-single-person-ratio");
    assertThat(beans.names()).contains("dibaoRules");
  }

  @Test
  void aCaseworkerWithoutPermissionsOnDecisionsGetsTheAnswer() {
    identity.setAuthentication("nongan-cw", List.of("township-caseworker-220122100"));
    try {
      ApprovalAuthority county = rules.decideAuthority("220122", false, false);
      assertThat(county.authority()).isEqualTo(Authority.COUNTY);
      assertThat(county.overallLimitWorkingDays()).isEqualTo(30);
      ApprovalAuthority delegated = rules.decideAuthority("220102", true, false);
      assertThat(delegated.authority()).isEqualTo(Authority.TOWNSHIP);
      assertThat(delegated.countyHomeVisitRequired()).isTrue();
      assertThat(delegated.overallLimitWorkingDays()).isEqualTo(20);
      assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("nongan-cw");
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aCountyCodeIsRequired() {
    assertThatThrownBy(() -> rules.decideAuthority("2201", false, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * An analyst's deployment from Modeler applies without a restart once a second person approved it (a money rule:
   * RuleApprovalTest); undeploying it restores the file.
   */
  @Test
  void aNewlyDeployedVersionAppliesOnceApproved() throws IOException {
    String xml;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("processes/rules/dibao-approval-authority.dmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // the analyst delegates 农安县 too
    String changed = xml.replace("<text>\"220102\"</text>", "<text>\"220102\",\"220122\"</text>");
    assertThat(changed).isNotEqualTo(xml);
    Deployment d = repository.createDeployment().name("analyst-test")
        .addString("processes/rules/dibao-approval-authority.dmn", changed).deploy();
    try {
      assertThat(rules.decideAuthority("220122", false, false).authority()).isEqualTo(Authority.COUNTY);
      RuleApprovals.approve(repository, rulesInForce, tasks, d, "dibao-approval-authority");
      assertThat(rules.decideAuthority("220122", false, false).authority()).isEqualTo(Authority.TOWNSHIP);
    } finally {
      repository.deleteDeployment(d.getId(), true);
    }
    assertThat(rules.decideAuthority("220122", false, false).authority()).isEqualTo(Authority.COUNTY);
  }
}
