package org.doudi.eligibility.internal;

import org.camunda.bpm.dmn.engine.DmnDecision;

/** Where the decision tables come from: the engine's latest deployed version (or, in tests, the files). */
public interface DecisionSource {
  DmnDecision decision(String key);
}
