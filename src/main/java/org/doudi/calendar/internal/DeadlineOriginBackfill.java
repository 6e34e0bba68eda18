package org.doudi.calendar.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.calendar.ModelSchemes;
import org.doudi.calendar.persistence.DeadlineOrigin;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Open deadlines recorded before V43_1 lack their process definition and region columns; they are filled once at
 * start-up (new rows get them at insert) so the deadline monitor can filter them.
 */
@Component
class DeadlineOriginBackfill {

  private static final Logger log = LoggerFactory.getLogger(DeadlineOriginBackfill.class);

  private final DeadlineRepository deadlines;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  DeadlineOriginBackfill(DeadlineRepository deadlines, RuntimeService runtime, RepositoryService repository) {
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.repository = repository;
  }

  @EventListener(ApplicationReadyEvent.class)
  void fill() {
    Map<String, DeadlineOrigin> byDefinition = new HashMap<>();
    long after = 0;
    int filled = 0;
    for (List<String[]> batch = deadlines.openWithoutOrigin(after, 500); !batch.isEmpty();
        batch = deadlines.openWithoutOrigin(after, 500)) {
      // one engine query per batch, not per row: an upgraded province may hold many open deadlines
      Map<String, ProcessInstance> instances = new HashMap<>();
      runtime.createProcessInstanceQuery()
          .processInstanceIds(batch.stream().map(r -> r[1]).collect(java.util.stream.Collectors.toSet())).list()
          .forEach(pi -> instances.put(pi.getId(), pi));
      for (String[] row : batch) {
        after = Long.parseLong(row[0]);
        ProcessInstance pi = instances.get(row[1]);
        if (pi == null) {
          continue;
        }
        DeadlineOrigin origin = byDefinition.computeIfAbsent(pi.getProcessDefinitionId(), id -> {
          ProcessDefinition d = repository.getProcessDefinition(id);
          return new DeadlineOrigin(d.getId(), d.getKey(), ModelSchemes.of(d.getResourceName()));
        });
        deadlines.setOrigin(after, origin, row[2]);
        filled++;
      }
    }
    if (filled > 0) {
      log.info("Deadline monitor: filled the process and region columns of {} open deadlines", filled);
    }
  }
}
