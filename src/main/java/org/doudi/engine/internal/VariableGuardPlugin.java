package org.doudi.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
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
    configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> list = new ArrayList<>(existing == null ? List.of() : existing);
    list.add(new VariableGuard(() -> modules.orderedStream().toList()));
    return list;
  }
}
