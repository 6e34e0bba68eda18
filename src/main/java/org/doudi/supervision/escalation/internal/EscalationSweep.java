package org.doudi.supervision.escalation.internal;

import static org.doudi.supervision.escalation.EscalationVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.doudi.calendar.DeadlineKind;
import org.doudi.calendar.OverdueDeadlines;
import org.doudi.calendar.OverdueDeadlines.Overdue;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.CaseVariables;
import org.doudi.supervision.escalation.EscalationSettings;
import org.doudi.supervision.escalation.persistence.EscalationRepository;
import org.doudi.supervision.escalation.persistence.EscalationRepository.EscalationRow;
import org.doudi.supervision.escalation.persistence.EscalationRepository.NewEscalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep of {@code supervision-escalation-sweep}: each page (one transaction, one job) looks at the passed limits
 * of the calendar and starts one 督办 per missed limit; then it tells the open 督办 whose late step has finished
 * meanwhile. A limit counts as missed once a working day of the case's region has begun after its due day, so a limit
 * due on Friday is not escalated on Saturday or Sunday, but on Monday, with 1 working day overdue (docs/escalation.md).
 * Today's model calls the steps through {@link EscalationDelegates}; older model versions by expression.
 */
@ProcessBean("escalationSweep")
public class EscalationSweep {

  private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);
  static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OverdueDeadlines overdue;
  private final WorkingDayCalendar calendar;
  private final EscalationRepository records;
  private final EscalationSettings settings;
  private final SupervisingOffice offices;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final HistoryService history;

  public EscalationSweep(OverdueDeadlines overdue, WorkingDayCalendar calendar, EscalationRepository records,
      EscalationSettings settings, SupervisingOffice offices, RuntimeService runtime, TaskService tasks,
      RepositoryService repository, HistoryService history) {
    this.overdue = overdue;
    this.calendar = calendar;
    this.records = records;
    this.settings = settings;
    this.offices = offices;
    this.runtime = runtime;
    this.tasks = tasks;
    this.repository = repository;
    this.history = history;
  }

  /** One page of passed limits after {@code sweepAfterId}; sets {@code sweepMore} when a full page was read. */
  public void escalatePage(DelegateExecution execution) {
    Object after = execution.getVariable(SWEEP_AFTER_ID);
    Pass pass = escalateAfter(after instanceof Number n ? n.longValue() : 0L);
    execution.setVariable(SWEEP_AFTER_ID, pass.lastId());
    execution.setVariable(SWEEP_MORE, pass.more());
  }

  /** What one page did: the last deadline id read, whether a full page was read, how many 督办 were started. */
  public record Pass(long lastId, boolean more, int started) {}

  /** One page of passed limits with ids above {@code afterId}, in the caller's transaction. */
  public Pass escalateAfter(long afterId) {
    List<Overdue> page = overdue.passedBefore(EngineContext.now(), afterId, settings.pageSize());
    int started = escalate(page);
    if (started > 0) {
      log.info("Escalation sweep: {} missed limit(s) escalated (deadlines after id {})", started, afterId);
    }
    return new Pass(page.isEmpty() ? afterId : page.get(page.size() - 1).id(), page.size() == settings.pageSize(),
        started);
  }

  /** Escalates the missed limits among {@code page} not escalated yet; returns how many 督办 it started. */
  int escalate(List<Overdue> page) {
    if (page.isEmpty()) {
      return 0;
    }
    Set<String> ofEscalations = records.escalationProcesses(page.stream().map(Overdue::processInstanceId)
        .distinct().toList());
    Set<String> known = records.knownKeys(page.stream().map(EscalationSweep::limitKey).distinct().toList());
    LocalDate today = EngineContext.today();
    int started = 0;
    for (Overdue o : page) {
      // a 督办's own limit is not escalated again: its lateness shows as an open 督办 in the lateness report
      if (ofEscalations.contains(o.processInstanceId()) || known.contains(limitKey(o))) {
        continue;
      }
      int days = workingDaysOverdue(o, today);
      if (days < 1) {
        continue; // the holder's next working day has not begun yet
      }
      if (escalate(o, days)) {
        started++;
        known.add(limitKey(o));
      }
    }
    return started;
  }

  /** A due date and a boundary timer of the same step at the same moment are one limit. */
  static String limitKey(Overdue o) {
    return o.executionId() + "@" + o.dueAt().getEpochSecond();
  }

  /** Working days of the case's region in (due day, today]; the due day is that of the last moment before due. */
  int workingDaysOverdue(Overdue o, LocalDate today) {
    LocalDate dueDay = o.dueAt().minusSeconds(1).atZone(EngineContext.CHINA).toLocalDate();
    return today.isAfter(dueDay) ? calendar.countWorkingDaysProvisionally(dueDay, today, o.regionCode()) : 0;
  }

  private boolean escalate(Overdue o, int days) {
    ProcessInstance late = runtime.createProcessInstanceQuery().processInstanceId(o.processInstanceId())
        .singleResult();
    if (late == null) {
      return false; // ended meanwhile; its deadlines are closed with it
    }
    ProcessDefinition definition = repository.getProcessDefinition(late.getProcessDefinitionId());
    Task task = lateTask(o);
    List<String> groups = new ArrayList<>();
    if (task != null) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    String caseRegion = o.regionCode() != null ? o.regionCode() : str(runtime.getVariable(late.getId(),
        CaseVariables.REGION_CODE));
    String assignee = task == null ? null : task.getAssignee();
    SupervisingOffice.Resolved office = offices.resolve(groups, assignee, caseRegion);
    String activityName = task != null ? task.getName() : name(definition, o.activityId());
    Instant now = EngineContext.now();
    NewEscalation row = new NewEscalation(limitKey(o), o.id(), o.kind().name(), o.dueAt(), rule(o, definition),
        late.getId(), definition.getKey(), definitionName(definition), late.getBusinessKey(), o.executionId(),
        o.activityId(), activityName, task == null ? null : task.getId(), assignee, String.join(",", groups),
        caseRegion, office.officeCode(), office.officeLevel().name(), office.supervisingRegionCode(),
        String.join(",", office.supervisingGroups()), days, EngineContext.today(), now);
    Optional<Long> id = records.insertOnce(row);
    if (id.isEmpty()) {
      return false; // another sweep recorded it first
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(CaseVariables.REGION_CODE, office.supervisingRegionCode());
    vars.put(ESCALATION_ID, id.get());
    vars.put(ESCALATION_GROUPS, String.join(",", office.supervisingGroups()));
    vars.put(LATE_PROCESS_INSTANCE_ID, late.getId());
    vars.put(LATE_PROCESS_NAME, definitionName(definition));
    vars.put(LATE_BUSINESS_KEY, late.getBusinessKey() == null ? "（无）" : late.getBusinessKey());
    vars.put(CASE_REGION_NAME, caseRegion == null ? "（未知）" : offices.regionName(caseRegion) + "（" + caseRegion + "）");
    vars.put(LATE_OFFICE_NAME, offices.regionName(office.officeCode()) + "（" + office.officeCode() + "）");
    vars.put(LATE_ACTIVITY_NAME, activityName);
    vars.put(LIMIT_KIND_LABEL, o.kind() == DeadlineKind.DUE ? "任务办理期限" : "计时器时限");
    vars.put(LIMIT_RULE, row.limitRule());
    vars.put(LIMIT_DUE, DUE_FORMAT.format(o.dueAt().atZone(EngineContext.CHINA)));
    vars.put(WORKING_DAYS_OVERDUE, (long) days);
    vars.put(LATE_HOLDER, holderText(assignee, groups, task));
    vars.put(LATE_STEP_STATE, "逾期未办结");
    String pid = runtime.startProcessInstanceByKey(ESCALATION_PROCESS, "escalation:" + id.get(), vars).getId();
    records.setProcess(id.get(), pid);
    return true;
  }

  /** Open 督办 whose late step finished meanwhile: recorded, and the form says so (the 督办 stays: lateness happened). */
  public void refreshOpen(DelegateExecution execution) {
    refreshOpen();
    refreshHandled();
  }

  /** As above, in the caller's transaction. */
  public void refreshOpen() {
    long after = 0;
    for (int round = 0; round < 100; round++) {
      List<EscalationRow> page = records.openWithStepRunning(after, settings.pageSize());
      for (EscalationRow r : page) {
        if (overdue.stillOpen(r.deadlineId()).orElse(false)) {
          continue;
        }
        Instant doneAt = finishedAt(r).orElse(EngineContext.now());
        if (records.markLateStepDone(r.id(), doneAt) && r.escalationProcessId() != null
            && runtime.createProcessInstanceQuery().processInstanceId(r.escalationProcessId()).count() == 1) {
          runtime.setVariable(r.escalationProcessId(), LATE_STEP_STATE, stepDoneText(doneAt));
        }
      }
      if (page.size() < settings.pageSize()) {
        return;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  /**
   * Handled 督办 whose late step finished meanwhile: recorded, and a 督办 waiting on the holder's 督办期限 is told (its
   * timer, and the clock the deadline monitor shows, end with the wait). In the caller's transaction.
   */
  public void refreshHandled() {
    long after = 0;
    for (int round = 0; round < 100; round++) {
      List<EscalationRow> page = records.handledWithStepRunning(after, settings.pageSize());
      for (EscalationRow r : page) {
        if (overdue.stillOpen(r.deadlineId()).orElse(false)) {
          continue;
        }
        if (records.markLateStepDone(r.id(), finishedAt(r).orElse(EngineContext.now()))
            && r.escalationProcessId() != null) {
          runtime.createMessageCorrelation(LATE_STEP_DONE_MESSAGE).processInstanceId(r.escalationProcessId())
              .correlateAll();
        }
      }
      if (page.size() < settings.pageSize()) {
        return;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  /**
   * The holder's 督办期限 passed (the 督办 process's timer) with the late step still open: one more 督办, for the level
   * above the one that gave the 督办期限, recorded as a missed limit of the same office (counted in its lateness).
   * Nothing when the step finished meanwhile (recorded) or when the 督办 came from the province already.
   *
   * @return the new 督办's id, if one was raised
   */
  public Optional<Long> holderDeadlinePassed(long escalationId, int level) {
    EscalationRow parent = records.find(escalationId).orElseThrow(() -> new IllegalStateException("督办记录"
        + escalationId + "不存在"));
    if (!overdue.stillOpen(parent.deadlineId()).orElse(false)) {
      records.markLateStepDone(parent.id(), finishedAt(parent).orElse(EngineContext.now()));
      return Optional.empty();
    }
    SupervisingOffice.Resolved above = offices.above(parent.supervisingRegionCode());
    if (above.supervisingRegionCode().equals(parent.supervisingRegionCode())) {
      log.info("督办 {}: the holder's 督办期限 passed; it was given by the province, no level above", parent.id());
      return Optional.empty();
    }
    ProcessInstance late = runtime.createProcessInstanceQuery().processInstanceId(parent.lateProcessInstanceId())
        .singleResult();
    if (late == null) {
      return Optional.empty();
    }
    LocalDate today = EngineContext.today();
    LocalDate dueDay = parent.dueAt().minusSeconds(1).atZone(EngineContext.CHINA).toLocalDate();
    int days = today.isAfter(dueDay)
        ? calendar.countWorkingDaysProvisionally(dueDay, today, parent.caseRegionCode()) : 0;
    Instant now = EngineContext.now();
    String rule = "督办期限：第" + level + "次督办（督办编号" + parent.id() + "，" + parent.handledBy() + "）要求于 "
        + parent.holderDueOn() + " 前办结（" + parent.holderWorkingDays() + "个工作日），逾期仍未办结；原时限："
        + parent.limitRule();
    NewEscalation row = new NewEscalation(HOLDER_LIMIT_PREFIX + parent.id(), parent.deadlineId(), HOLDER_KIND, now,
        rule.length() > 1000 ? rule.substring(0, 999) + "…" : rule, parent.lateProcessInstanceId(),
        parent.lateProcessKey(), parent.lateProcessName(), parent.lateBusinessKey(),
        records.lateExecutionId(parent.id()), parent.lateActivityId(), parent.lateActivityName(), parent.lateTaskId(),
        parent.holderAssignee(), parent.holderGroups(), parent.caseRegionCode(), parent.officeCode(),
        parent.officeLevel(), above.supervisingRegionCode(), String.join(",", above.supervisingGroups()), days, today,
        now);
    Optional<Long> id = records.insertOnce(row);
    if (id.isEmpty()) {
      return Optional.empty(); // a retry of this step recorded it already
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(CaseVariables.REGION_CODE, above.supervisingRegionCode());
    vars.put(ESCALATION_ID, id.get());
    vars.put(ESCALATION_LEVEL, level + 1);
    vars.put(ESCALATION_GROUPS, String.join(",", above.supervisingGroups()));
    vars.put(LATE_PROCESS_INSTANCE_ID, late.getId());
    vars.put(LATE_PROCESS_NAME, parent.lateProcessName());
    vars.put(LATE_BUSINESS_KEY, late.getBusinessKey() == null ? "（无）" : late.getBusinessKey());
    vars.put(CASE_REGION_NAME, parent.caseRegionCode() == null ? "（未知）"
        : offices.regionName(parent.caseRegionCode()) + "（" + parent.caseRegionCode() + "）");
    vars.put(LATE_OFFICE_NAME, offices.regionName(parent.officeCode()) + "（" + parent.officeCode() + "）");
    vars.put(LATE_ACTIVITY_NAME, parent.lateActivityName());
    vars.put(LIMIT_KIND_LABEL, "督办期限（第" + level + "次督办后仍未办结，提级督办）");
    vars.put(LIMIT_RULE, row.limitRule());
    vars.put(LIMIT_DUE, parent.holderDueOn() + " 下班前");
    vars.put(WORKING_DAYS_OVERDUE, (long) days);
    vars.put(LATE_HOLDER, parent.holderAssignee() != null ? parent.holderAssignee() : parent.holderGroups());
    vars.put(LATE_STEP_STATE, "逾期未办结（第" + level + "次督办的督办期限已过）");
    String pid = runtime.startProcessInstanceByKey(ESCALATION_PROCESS, "escalation:" + id.get(), vars).getId();
    records.setProcess(id.get(), pid);
    return id;
  }

  /** The limit key of a 督办 raised because the holder let the 督办期限 of 督办 {@code <id>} pass. */
  static final String HOLDER_LIMIT_PREFIX = "holder:";
  /** deadline_kind of such a 督办: the 督办期限 the supervisor gave, not a legal limit of the model. */
  static final String HOLDER_KIND = "HOLDER";

  static String stepDoneText(Instant doneAt) {
    return "已于 " + DUE_FORMAT.format(doneAt.atZone(EngineContext.CHINA)) + " 前后办结（督办前），逾期事实仍须督办记录";
  }

  Optional<Instant> finishedAt(EscalationRow r) {
    if (r.lateTaskId() == null) {
      return Optional.empty();
    }
    HistoricTaskInstance t = history.createHistoricTaskInstanceQuery().taskId(r.lateTaskId()).singleResult();
    return Optional.ofNullable(t).map(HistoricTaskInstance::getEndTime).map(java.util.Date::toInstant);
  }

  private Task lateTask(Overdue o) {
    List<Task> onExecution = tasks.createTaskQuery().executionId(o.executionId()).list();
    if (!onExecution.isEmpty()) {
      return onExecution.stream().filter(t -> o.activityId().equals(t.getTaskDefinitionKey())).findFirst()
          .orElse(onExecution.get(0));
    }
    return tasks.createTaskQuery().processInstanceId(o.processInstanceId()).taskDefinitionKey(o.activityId()).list()
        .stream().findFirst().orElse(null);
  }

  /** The limit as computed, and the step's documentation in the model (where the rule is cited) when it has one. */
  private String rule(Overdue o, ProcessDefinition definition) {
    String count = o.calendarDays() ? "个自然日" : "个工作日";
    String basis = "自 " + o.startDate() + " 起 " + o.days() + count;
    String doc = documentation(definition, o.activityId());
    return doc == null ? basis : basis + "；" + doc;
  }

  private String documentation(ProcessDefinition definition, String activityId) {
    ModelElementInstance e = element(definition, activityId);
    if (!(e instanceof FlowElement flow)) {
      return null;
    }
    String text = docOf(flow);
    if (text == null && flow instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
      text = docOf(boundary.getAttachedTo());
    }
    return text == null ? null : text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }

  private static String docOf(FlowElement flow) {
    for (Documentation d : flow.getDocumentations()) {
      String t = d.getTextContent();
      if (t != null && !t.isBlank()) {
        return t.strip();
      }
    }
    return null;
  }

  private String name(ProcessDefinition definition, String activityId) {
    ModelElementInstance e = element(definition, activityId);
    String name = e instanceof FlowElement f ? f.getName() : null;
    return name == null || name.isBlank() ? activityId : name;
  }

  private ModelElementInstance element(ProcessDefinition definition, String activityId) {
    try {
      return repository.getBpmnModelInstance(definition.getId()).getModelElementById(activityId);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String definitionName(ProcessDefinition d) {
    return d.getName() == null ? d.getKey() : d.getName();
  }

  private String holderText(String assignee, List<String> groups, Task task) {
    if (task == null) {
      return "（该环节没有待办任务）";
    }
    Set<String> parts = new LinkedHashSet<>();
    if (assignee != null) {
      parts.add("办理人 " + assignee);
    }
    for (String g : groups) {
      parts.add("候选组 " + offices.groupName(g));
    }
    return parts.isEmpty() ? "（无人认领，无候选组）" : String.join("；", parts);
  }

  private static String str(Object v) {
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }
}
