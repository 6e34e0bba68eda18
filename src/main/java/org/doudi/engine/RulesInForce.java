package org.doudi.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.doudi.engine.internal.InForceQuery;
import org.doudi.engine.internal.RuleApprovalRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which version of a decision decides. Every module evaluates its decision tables through this, by definition id,
 * never "the latest version by key": a new version of a money rule ({@link MoneyRules}) deployed by a user takes
 * effect only once a second person approved it in process {@code rule-approval}; until then, and for ever if it is
 * rejected or superseded, the version in force keeps deciding. Versions deployed by the application at start-up,
 * versions identical to the one in force, and every version of any other decision take effect at once.
 * docs/security.md, "部署审计与规则双人审批".
 */
@Component
public class RulesInForce {

  private final RepositoryService repository;
  private final EngineAsSystem asSystem;
  private final RuleApprovalRepository approvals;

  public RulesInForce(RepositoryService repository, EngineAsSystem asSystem, JdbcTemplate jdbc) {
    this.repository = repository;
    this.asSystem = asSystem;
    this.approvals = new RuleApprovalRepository(jdbc);
  }

  /**
   * The id of the decision definition in force for the key. Read without the caller's engine authentication: the
   * rules are not case data, and a caseworker has no permission on decision definitions.
   *
   * @throws IllegalStateException no version of the key is deployed or none is in force
   */
  public String decisionDefinitionId(String key) {
    return asSystem.call(() -> InForceQuery.of(repository, approvals, key)).orElseThrow(() ->
        new IllegalStateException("Decision " + key + " has no version in force (processes/rules/" + key + ".dmn)"))
        .getId();
  }

  /** A money rule: on the list, or treated as one before (a key never leaves the four eyes). */
  public boolean isMoneyRule(String key) {
    return MoneyRules.matches(key) || approvals.known(key);
  }

  /** The money rule's versions since the approval exists, oldest first, with their status. */
  public List<RuleVersion> versions(String key) {
    return approvals.list(key);
  }

  public Optional<RuleVersion> version(String decisionDefinitionId) {
    return approvals.find(decisionDefinitionId);
  }
}
