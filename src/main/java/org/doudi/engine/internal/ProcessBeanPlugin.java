package org.doudi.engine.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.doudi.engine.ProcessBean;
import org.doudi.engine.ProcessBeans;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Limits what expressions in models (and in stored task queries) can reach to the beans marked
 * {@link ProcessBean}, and on them to their own public methods and properties ({@link SandboxExpressionManager}).
 * Without this the engine resolves every bean of the application context and reflects on any object.
 */
@Component
public class ProcessBeanPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private final ProcessBeans beans;

  public ProcessBeanPlugin(ApplicationContext context, ProcessBeans beans) {
    this.context = context;
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SandboxExpressionManager(context, beans));
  }
}
