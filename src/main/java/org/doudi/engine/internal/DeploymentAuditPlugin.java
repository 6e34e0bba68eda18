package org.doudi.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link DeploymentAudit} hook after the engine's own deployers, for every deployment path, and the
 * {@link DeploymentDeletionGuard} in front of every command.
 */
@Component
public class DeploymentAuditPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<JdbcTemplate> jdbc;

  private final ApplicationEventPublisher events;

  public DeploymentAuditPlugin(ObjectProvider<JdbcTemplate> jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> post = new ArrayList<>(configuration.getCustomPostDeployers() == null ? List.of()
        : configuration.getCustomPostDeployers());
    post.add(new DeploymentAudit(() -> new RuleApprovalRepository(jdbc.getObject(), events)));
    configuration.setCustomPostDeployers(post);
    EngineInterceptors.addInFront(configuration, deletionGuard(configuration), deletionGuard(configuration));
  }

  private DeploymentDeletionGuard deletionGuard(ProcessEngineConfigurationImpl configuration) {
    return new DeploymentDeletionGuard(configuration::getIdentityService, jdbc::getObject);
  }
}
