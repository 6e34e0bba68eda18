package org.doudi.supervision.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.doudi.calendar.ModelSchemes;
import org.springframework.stereotype.Component;

/**
 * Names of deployed processes and their steps, and which user task a boundary timer sits on, per process definition
 * id. A deployed definition never changes, so each is read once.
 */
@Component
class ProcessCatalog {

  record Activity(String name, String attachedTo) {
    static final Activity UNKNOWN = new Activity(null, null);
  }

  record Definition(String key, String name, String scheme, Map<String, Activity> activities) {
    static final Definition UNKNOWN = new Definition(null, null, null, Map.of());

    Activity activity(String id) {
      return activities.getOrDefault(id, Activity.UNKNOWN);
    }
  }

  private final RepositoryService repository;
  private final Map<String, Definition> cache = new ConcurrentHashMap<>();

  ProcessCatalog(RepositoryService repository) {
    this.repository = repository;
  }

  Definition definition(String id) {
    return cache.computeIfAbsent(id, this::load);
  }

  private Definition load(String id) {
    ProcessDefinition d;
    BpmnModelInstance model;
    try {
      d = repository.getProcessDefinition(id);
      model = repository.getBpmnModelInstance(id);
    } catch (RuntimeException e) {
      return Definition.UNKNOWN; // deleted deployment: the row still shows, unnamed
    }
    Map<String, Activity> activities = new HashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String attachedTo = node instanceof BoundaryEvent b && b.getAttachedTo() instanceof UserTask t ? t.getId()
          : null;
      String name = node.getName();
      if (name == null && node instanceof BoundaryEvent b && b.getAttachedTo() != null) {
        name = b.getAttachedTo().getName();
      }
      activities.put(node.getId(), new Activity(name, attachedTo));
    }
    return new Definition(d.getKey(), d.getName() != null ? d.getName() : d.getKey(),
        ModelSchemes.of(d.getResourceName()), Map.copyOf(activities));
  }
}
