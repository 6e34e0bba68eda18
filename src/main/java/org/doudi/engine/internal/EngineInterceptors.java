package org.doudi.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Puts a command interceptor in front of every command of the engine, in both transaction modes. */
final class EngineInterceptors {

  private EngineInterceptors() {}

  static void addInFront(ProcessEngineConfigurationImpl configuration, CommandInterceptor required,
      CommandInterceptor requiresNew) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(configuration.getCustomPreCommandInterceptorsTxRequired(), required));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), requiresNew));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
    List<CommandInterceptor> list = new ArrayList<>(existing == null ? List.of() : existing);
    list.add(added);
    return list;
  }
}
