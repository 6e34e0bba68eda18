package org.doudi.eligibility.internal;

import org.doudi.engine.EngineAsSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of a decision (start-up deployment or an analyst's deployment from Modeler), parsed
 * once per definition id. Read without the caller's engine authentication: the rules are not case data, and a
 * caseworker has no permission on decision definitions.
 */
@Component
class DeployedDecisionSource implements DecisionSource {

  private final RepositoryService repository;
  private final EngineAsSystem asSystem;
  private final DmnEngineHolder engine;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  DeployedDecisionSource(RepositoryService repository, EngineAsSystem asSystem, DmnEngineHolder engine) {
    this.repository = repository;
    this.asSystem = asSystem;
    this.engine = engine;
  }

  @Override
  public DmnDecision decision(String key) {
    DecisionDefinition def = asSystem.call(() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .withoutTenantId().latestVersion().singleResult());
    if (def == null) {
      throw new IllegalStateException("Decision " + key + " is not deployed (processes/rules/" + key + ".dmn)");
    }
    return parsed.computeIfAbsent(def.getId(), id -> asSystem.call(() -> {
      try (InputStream in = repository.getDecisionModel(id)) {
        return engine.get().parseDecision(key, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

}
