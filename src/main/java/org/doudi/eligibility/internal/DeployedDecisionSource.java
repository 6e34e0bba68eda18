package org.doudi.eligibility.internal;

import org.doudi.engine.EngineAsSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.doudi.engine.RulesInForce;
import org.springframework.stereotype.Component;

/**
 * The version in force of a decision ({@link RulesInForce}: the start-up deployment, an analyst's deployment from
 * Modeler at once, or for a money rule once a second person approved it), parsed once per definition id. Read without the caller's engine authentication: the rules are not case data, and a
 * caseworker has no permission on decision definitions.
 */
@Component
class DeployedDecisionSource implements DecisionSource {

  private final RepositoryService repository;
  private final EngineAsSystem asSystem;
  private final DmnEngineHolder engine;
  private final RulesInForce rulesInForce;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  DeployedDecisionSource(RepositoryService repository, EngineAsSystem asSystem, DmnEngineHolder engine,
      RulesInForce rulesInForce) {
    this.repository = repository;
    this.asSystem = asSystem;
    this.engine = engine;
    this.rulesInForce = rulesInForce;
  }

  @Override
  public DmnDecision decision(String key) {
    return parsed.computeIfAbsent(rulesInForce.decisionDefinitionId(key), id -> asSystem.call(() -> {
      try (InputStream in = repository.getDecisionModel(id)) {
        return engine.get().parseDecision(key, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

}
