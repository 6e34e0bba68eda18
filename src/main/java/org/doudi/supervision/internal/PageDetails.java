package org.doudi.supervision.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.doudi.calendar.DeadlineKind;
import org.doudi.calendar.OpenDeadline;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.doudi.supervision.MonitorItem;
import org.springframework.stereotype.Component;

/**
 * Completes the rows of one page from the engine (open task, assignee, candidate groups, business key) and the
 * deployed definitions (names, cached). Two engine queries per page plus one per task for its candidate groups. The
 * caller's region scope was applied to the clocks already, so the engine's per-case authorizations are set aside for
 * these reads (a supervisor has no grant on every task of their region).
 */
@Component
public class PageDetails {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ProcessCatalog catalog;
  private final Regions regions;

  PageDetails(TaskService tasks, RuntimeService runtime, IdentityService identity, ProcessCatalog catalog,
      Regions regions) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.catalog = catalog;
    this.regions = regions;
  }

  public static OffsetDateTime shanghai(Instant t) {
    return t == null ? null : t.atZone(ZONE).toOffsetDateTime();
  }

  public List<MonitorItem> complete(List<OpenDeadline> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read(rows);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private List<MonitorItem> read(List<OpenDeadline> rows) {
    Set<String> pids = new LinkedHashSet<>();
    rows.forEach(r -> pids.add(r.processInstanceId()));
    String[] ids = pids.toArray(String[]::new);
    Map<String, ProcessInstance> instances = new HashMap<>();
    runtime.createProcessInstanceQuery().processInstanceIds(pids).list()
        .forEach(pi -> instances.put(pi.getId(), pi));
    Map<String, List<Task>> tasksByInstance = new HashMap<>();
    tasks.createTaskQuery().processInstanceIdIn(ids).list()
        .forEach(t -> tasksByInstance.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t));
    Map<String, List<String>> groups = new HashMap<>();
    List<MonitorItem> out = new ArrayList<>();
    for (OpenDeadline r : rows) {
      ProcessInstance pi = instances.get(r.processInstanceId());
      String definitionId = r.processDefinitionId() != null ? r.processDefinitionId()
          : pi == null ? null : pi.getProcessDefinitionId();
      ProcessCatalog.Definition def = definitionId == null ? ProcessCatalog.Definition.UNKNOWN
          : catalog.definition(definitionId);
      ProcessCatalog.Activity activity = def.activity(r.activityId());
      Task task = task(r, activity, tasksByInstance.getOrDefault(r.processInstanceId(), List.of()));
      List<String> candidates = task == null ? List.of()
          : groups.computeIfAbsent(task.getId(), this::candidateGroups);
      out.add(new MonitorItem(r.id(), r.processInstanceId(), definitionId,
          r.processKey() != null ? r.processKey() : def.key(), def.name(),
          r.scheme() != null ? r.scheme() : def.scheme(), pi == null ? null : pi.getBusinessKey(), r.activityId(),
          activity.name() != null ? activity.name() : task == null ? null : task.getName(), r.kind(),
          task == null ? null : task.getId(), task == null ? null : task.getAssignee(), candidates, r.regionCode(),
          r.countyCode(), name(r.countyCode()), r.townshipCode(), name(r.townshipCode()), shanghai(r.dueAt()),
          r.workingDaysLeft(), r.band(), r.calendarDays(), r.provisional()));
    }
    return out;
  }

  /**
   * The open user task the clock limits: for a due date the task itself, for a timer on a user task (boundary
   * event) the task it is attached to; {@code null} for a timer elsewhere.
   */
  private static Task task(OpenDeadline r, ProcessCatalog.Activity activity, List<Task> open) {
    String taskKey = r.kind() == DeadlineKind.TIMER ? activity.attachedTo() : r.activityId();
    if (taskKey == null) {
      return null;
    }
    Task byKey = null;
    for (Task t : open) {
      if (taskKey.equals(t.getTaskDefinitionKey())) {
        if (r.kind() != DeadlineKind.TIMER && r.executionId().equals(t.getExecutionId())) {
          return t;
        }
        byKey = byKey == null ? t : byKey;
      }
    }
    return byKey;
  }

  private List<String> candidateGroups(String taskId) {
    List<String> out = new ArrayList<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        out.add(link.getGroupId());
      }
    }
    return out;
  }

  private String name(String code) {
    return code == null ? null : regions.find(code).map(Region::name).orElse(null);
  }
}
