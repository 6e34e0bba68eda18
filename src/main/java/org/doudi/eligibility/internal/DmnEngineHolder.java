package org.doudi.eligibility.internal;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * A plain DMN engine (FEEL, no history, no authorization) for the eligibility rules: an assessment is a pure
 * calculation and its result, with its reasons, is what the case stores.
 */
@Component
public class DmnEngineHolder {

  private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  public DmnEngine get() {
    return engine;
  }
}
