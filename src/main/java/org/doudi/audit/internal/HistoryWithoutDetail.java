package org.doudi.audit.internal;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * Camunda's database history handler at history level full, except the historic details ({@code ACT_HI_DETAIL}: a
 * row per variable write and per submitted form field). The project never reads them, and the audit trail
 * ({@link EngineRecorder}) records every variable write with its new value already, in the same command; writing
 * them too cost about 14 rows per user task of a 低保 case (docs/benchmarks/dibao.md). Everything else of level full
 * stays: process, activity, task and variable instances ({@code ACT_HI_VARINST} keeps each variable's last value),
 * identity links, job logs, incidents, the user operation log, decisions. Camunda's historic detail query and REST
 * resource answer empty.
 */
final class HistoryWithoutDetail extends DbHistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricFormPropertyEventEntity) {
      return;
    }
    super.handleEvent(event);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return false;
  }
}
