package org.doudi.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's failed-job incident handler without the incident look-up after a job that succeeded. When a job is
 * deleted after running, the engine asks the handler to remove the job's failed-job incident and the default handler
 * queries {@code ACT_RU_INCIDENT} for it — one statement per asynchronous continuation (2.4 per user task of a 低保
 * case, docs/benchmarks/dibao.md). Such an incident exists only while the job has no retries left: the engine creates
 * it when the retries drop to 0 and removes it when they are raised again. So when the job being executed is the one
 * whose incident is to be removed and it still has retries, there is none and nothing is queried; in every other case
 * (a job with no retries, a job deleted by another command, retries set again) the default handler runs unchanged.
 */
@Component
public class FailedJobIncidents extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = new ArrayList<>(configuration.getCustomIncidentHandlers() == null ? List.of()
        : configuration.getCustomIncidentHandlers());
    handlers.add(new Handler());
    configuration.setCustomIncidentHandlers(handlers);
  }

  static final class Handler extends DefaultIncidentHandler {

    Handler() {
      super(org.camunda.bpm.engine.runtime.Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      if (!noneToRemove(context)) {
        super.resolveIncident(context);
      }
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      if (!noneToRemove(context)) {
        super.deleteIncident(context);
      }
    }

    /** The job executing in this command, still with retries: it has no failed-job incident. */
    private static boolean noneToRemove(IncidentContext context) {
      CommandContext command = Context.getCommandContext();
      JobEntity current = command == null ? null : command.getCurrentJob();
      return current != null && context.getConfiguration() != null
          && context.getConfiguration().equals(current.getId()) && current.getRetries() > 0;
    }
  }
}
