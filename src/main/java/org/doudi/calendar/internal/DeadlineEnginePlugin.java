package org.doudi.calendar.internal;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.springframework.stereotype.Component;

/** Registers {@link DeadlineParseListener}; the Spring Boot starter applies every plugin bean. */
@Component
class DeadlineEnginePlugin extends AbstractProcessEnginePlugin {

  private final DeadlineRepository deadlines;

  DeadlineEnginePlugin(DeadlineRepository deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new DeadlineParseListener(deadlines));
  }

  @Override
  public String toString() {
    return "DeadlineEnginePlugin";
  }
}
