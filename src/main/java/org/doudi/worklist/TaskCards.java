package org.doudi.worklist;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.doudi.calendar.DeadlineKind;
import org.doudi.calendar.ModelSchemes;
import org.doudi.calendar.OpenDeadline;
import org.doudi.calendar.OpenDeadlines;
import org.doudi.identity.CaseVariables;
import org.doudi.identity.Role;
import org.doudi.identity.StaffMember;
import org.doudi.identity.StaffMember.RoleAssignment;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.stereotype.Service;

/**
 * The facts a Tasklist card shows for a list of tasks (docs/worklist.md): applicant, village/township, scheme and
 * the legal limit with the working days left today. Region-scoped: a task is answered only when its case's region
 * ({@code regionCode}) lies within the region of one of the caller's roles that handle or oversee cases;
 * administrators see every task. Tasks that are unknown, closed or outside the scope are left out, never an error,
 * so a list can be asked for as Tasklist shows it.
 */
@Service
public class TaskCards {

  /** At most this many task ids per request (Tasklist shows 15 a page by default, 50 at most in its settings). */
  public static final int MAX_TASKS = 100;

  /** Roles whose holders see the cards of the tasks of their region; analysts hold no case data. */
  public static final Set<Role> READERS = EnumSet.of(Role.VILLAGE_ASSISTANT, Role.TOWNSHIP_CASEWORKER,
      Role.TOWNSHIP_APPROVER, Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER, Role.SUPERVISOR, Role.AUDITOR);

  /** The person a case is about, by the variable each scheme's models use, first found wins. */
  static final List<String> NAME_VARIABLES = List.of("applicantName", "personName", "childName", "recipientName",
      "payeeName", "subjectName");

  /** Schemes (the model's folder under processes/) in the words of the rules. */
  static final Map<String, String> SCHEME_NAMES = Map.ofEntries(
      Map.entry("dibao", "最低生活保障"), Map.entry("tekun", "特困人员救助供养"), Map.entry("care", "特困人员供养安排"),
      Map.entry("temporary", "临时救助"), Map.entry("unemployed", "未参保失业人员临时救助"),
      Map.entry("child", "儿童基本生活费"), Map.entry("disability", "残疾人两项补贴"), Map.entry("review", "动态管理"),
      Map.entry("watch", "低收入人口监测预警"), Map.entry("outreach", "主动发现"), Map.entry("payment", "资金发放"),
      Map.entry("supervision", "督查"));

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final OpenDeadlines deadlines;
  private final Regions regions;

  public TaskCards(TaskService tasks, RuntimeService runtime, RepositoryService repository, IdentityService identity,
      OpenDeadlines deadlines, Regions regions) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
    this.deadlines = deadlines;
    this.regions = regions;
  }

  /** The cards, in the order of {@code taskIds}. */
  public List<TaskCard> cards(StaffMember caller, List<String> taskIds) {
    List<String> scope = scope(caller);
    if (taskIds.isEmpty() || taskIds.size() > MAX_TASKS) {
      throw new WorklistRequestException(400, "任务编号应有1至" + MAX_TASKS + "个");
    }
    // the caller's region scope decides below; the engine's per-task grants are set aside for these reads (a
    // supervisor has no grant on every task of their region), as for the deadline monitor
    Authentication previous = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read(scope, taskIds);
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      }
    }
  }

  private List<TaskCard> read(List<String> scope, List<String> taskIds) {
    Map<String, Task> byId = new HashMap<>();
    tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list().forEach(t -> byId.put(t.getId(), t));
    Set<String> pids = new LinkedHashSet<>();
    byId.values().forEach(t -> {
      if (t.getProcessInstanceId() != null) {
        pids.add(t.getProcessInstanceId());
      }
    });
    if (pids.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    List<String> names = new ArrayList<>(NAME_VARIABLES);
    names.add(CaseVariables.REGION_CODE);
    for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(pids.toArray(String[]::new))
        .variableNameIn(names.toArray(String[]::new)).disableBinaryFetching().disableCustomObjectDeserialization()
        .list()) {
      // case-wide variables only (a sub-scope's copy of a name must not win over the case's)
      if (v.getProcessInstanceId().equals(v.getExecutionId()) && v.getValue() != null) {
        variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    Set<String> visible = new LinkedHashSet<>();
    for (String pid : pids) {
      Object region = variables.getOrDefault(pid, Map.of()).get(CaseVariables.REGION_CODE);
      if (visible(scope, region == null ? null : region.toString().trim())) {
        visible.add(pid);
      }
    }
    Map<String, List<OpenDeadline>> clocks = new HashMap<>();
    if (!visible.isEmpty()) {
      deadlines.ofCases(visible).forEach(d -> clocks.computeIfAbsent(d.processInstanceId(), k -> new ArrayList<>())
          .add(d));
    }
    List<TaskCard> out = new ArrayList<>();
    for (String id : new LinkedHashSet<>(taskIds)) {
      Task t = byId.get(id);
      if (t == null || !visible.contains(t.getProcessInstanceId())) {
        continue;
      }
      out.add(card(t, variables.getOrDefault(t.getProcessInstanceId(), Map.of()),
          clocks.getOrDefault(t.getProcessInstanceId(), List.of())));
    }
    return out;
  }

  private TaskCard card(Task t, Map<String, Object> vars, List<OpenDeadline> clocks) {
    String name = NAME_VARIABLES.stream().map(vars::get).filter(v -> v != null && !v.toString().isBlank())
        .map(v -> v.toString().trim()).findFirst().orElse(null);
    Object regionValue = vars.get(CaseVariables.REGION_CODE);
    String region = regionValue == null ? null : regionValue.toString().trim();
    ProcessDefinition def = t.getProcessDefinitionId() == null ? null
        : repository.getProcessDefinition(t.getProcessDefinitionId());
    String scheme = def == null ? null : ModelSchemes.of(def.getResourceName());
    String processName = def == null ? null : def.getName();
    String schemeName = scheme == null ? processName : SCHEME_NAMES.getOrDefault(scheme, processName);
    OpenDeadline limit = limit(t, clocks);
    String limitOf = limit == null ? null : own(t, limit) ? "TASK" : "CASE";
    return new TaskCard(t.getId(), t.getProcessInstanceId(), name, region, regionName(region, RegionLevel.COUNTY),
        regionName(region, RegionLevel.TOWNSHIP), regionName(region, RegionLevel.VILLAGE), scheme, schemeName,
        processName, limitOf, limit == null ? null : shanghai(limit.dueAt()),
        limit == null ? null : limit.workingDaysLeft(), limit == null ? null : limit.band().name(),
        limit == null ? null : limit.band().label(), limit == null ? null : limit.calendarDays(),
        limit == null ? null : limit.provisional());
  }

  /** The task's own due clock, else the case's earliest open clock (the list is in due order). */
  private static OpenDeadline limit(Task t, List<OpenDeadline> clocks) {
    return clocks.stream().filter(c -> own(t, c)).findFirst().orElse(clocks.isEmpty() ? null : clocks.get(0));
  }

  private static boolean own(Task t, OpenDeadline c) {
    return c.kind() == DeadlineKind.DUE && t.getTaskDefinitionKey() != null
        && t.getTaskDefinitionKey().equals(c.activityId()) && t.getExecutionId() != null
        && t.getExecutionId().equals(c.executionId());
  }

  private String regionName(String code, RegionLevel level) {
    if (code == null) {
      return null;
    }
    try {
      return regions.ancestorAt(code, level).map(Region::name).orElse(null);
    } catch (RuntimeException unknownRegion) {
      return null;
    }
  }

  /** The regions of the caller's card roles; {@code null} for administrators (everything). */
  private static List<String> scope(StaffMember caller) {
    if (caller.administrator()) {
      return null;
    }
    List<String> scope = new ArrayList<>();
    for (RoleAssignment a : caller.assignments()) {
      if (READERS.contains(a.role()) && !scope.contains(a.regionCode())) {
        scope.add(a.regionCode());
      }
    }
    if (scope.isEmpty()) {
      throw new WorklistRequestException(403, "当前角色不处理个案，无权查看任务卡片信息");
    }
    return scope;
  }

  private boolean visible(List<String> scope, String caseRegion) {
    if (scope == null) {
      return true;
    }
    if (caseRegion == null || caseRegion.isEmpty()) {
      return false;
    }
    try {
      for (String r : scope) {
        if (regions.isWithin(caseRegion, r)) {
          return true;
        }
      }
    } catch (RuntimeException unknownRegion) {
      return false;
    }
    return false;
  }

  private static OffsetDateTime shanghai(Instant t) {
    return t == null ? null : t.atZone(ZONE).toOffsetDateTime();
  }
}
