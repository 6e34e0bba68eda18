package org.doudi.operations;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in the shared database (docs/operations.md): the job executor's lock owner ({@code ACT_RU_JOB.LOCK_OWNER_})
 * and the engine's host name, which the job log records for every job run ({@code ACT_HI_JOB_LOG.HOSTNAME_}). With N
 * nodes on one database an operator sees which node holds or ran a job. Camunda's default lock owner is a random
 * UUID and its default host name is the IP address, the same for two nodes on one machine.
 */
@Component
public class NodeIdentity extends AbstractProcessEnginePlugin {

  private final String name;

  public NodeIdentity(@Value("${doudi.node.name:}") String configured) {
    this.name = configured == null || configured.isBlank() ? defaultName() : configured.trim();
  }

  /** host name and process id: unique among the nodes of a province unless configured otherwise. */
  static String defaultName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  public String name() {
    return name;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the starter sets its job executor bean in its own preInit; by postInit every plugin has run
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor != null) {
      jobExecutor.setLockOwner(name);
    }
  }

  @Override
  public String toString() {
    return "NodeIdentity[" + name + "]";
  }
}
