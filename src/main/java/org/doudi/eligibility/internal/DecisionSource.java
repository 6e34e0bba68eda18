package org.doudi.eligibility.internal;

import org.camunda.bpm.dmn.engine.DmnDecision;

/** Where the decision tables come from: the engine's version in force (RulesInForce; in tests, the files). */
public interface DecisionSource {
  DmnDecision decision(String key);
}
