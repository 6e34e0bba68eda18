package org.doudi.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.doudi.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link CaseAccessGrants} to every process and user task of every deployed model, gives candidate groups
 * that the case's region grants already let read a task only the work permission ({@link CaseTaskAuthorizations}),
 * and lets the engine check a user's grants without reading every group of the authorization table first
 * ({@link AuthorizedGroups}) nor every row of it ({@link EngineIndexes}).
 */
@Component
public class CaseAccessPlugin extends AbstractProcessEnginePlugin {

  private final CaseAccessGrants grants;
  private final Regions regions;
  private final AuthorizedGroups.Factory authorizations = new AuthorizedGroups.Factory();

  public CaseAccessPlugin(CaseAccessGrants grants, Regions regions) {
    this.grants = grants;
    this.regions = regions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> sessions = new ArrayList<>(configuration.getCustomSessionFactories() == null ? List.of()
        : configuration.getCustomSessionFactories());
    sessions.add(authorizations);
    configuration.setCustomSessionFactories(sessions);
    configuration.setResourceAuthorizationProvider(new CaseTaskAuthorizations(regions));
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) grants::onProcessStart);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, (TaskListener) grants::onTaskCreate);
      }
    });
  }

  /**
   * The project's indexes on the engine's tables, once the engine has its schema ({@link EngineIndexes}); then
   * whether REVOKE authorizations from before their refusal are left ({@link AuthorizedGroups}).
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    EngineIndexes.migrate(processEngine);
    authorizations.checkRevokes(processEngine);
  }
}
