package org.doudi.engine.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.doudi.engine.GuardedVariables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Puts the {@link VariableGuard} in front of every command of the engine (both transaction modes). */
@Component
public class VariableGuardPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<GuardedVariables> modules;

  public VariableGuardPlugin(ObjectProvider<GuardedVariables> modules) {
    this.modules = modules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // one instance per chain: an interceptor holds its chain's next
    EngineInterceptors.addInFront(configuration, guard(), guard());
  }

  private VariableGuard guard() {
    return new VariableGuard(() -> modules.orderedStream().toList());
  }
}
