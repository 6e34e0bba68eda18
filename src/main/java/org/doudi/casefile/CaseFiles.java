package org.doudi.casefile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.doudi.audit.AuditTrail;
import org.doudi.calendar.CaseClock;
import org.doudi.calendar.CaseDeadlines;
import org.doudi.calendar.ModelSchemes;
import org.doudi.casefile.CaseOverview.Summary;
import org.doudi.dibao.DibaoEvidence;
import org.doudi.engine.EngineAsSystem;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.Households;
import org.doudi.identity.CaseVariables;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.operations.Masking;
import org.doudi.payment.Payments;
import org.doudi.payroll.AwardChanges;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.springframework.stereotype.Service;

/**
 * Builds the case overview (案件概况) of any case, found by a task or a process instance of any scheme, read only
 * through the modules' public APIs. Who sees what:
 * <ul>
 *   <li>analysts (and accounts with no case-facing role) get 403: they do not read case files;</li>
 *   <li>a caller whose region covers the case (an administrator, or a case-facing role at the case's region or
 *   above: {@link Staff#worksWithin}) sees it unmasked;</li>
 *   <li>a caller the engine lets read the case (a per-case grant on the historic process instance) without
 *   covering its region sees it masked (ID numbers 6 + 4, names by their first character);</li>
 *   <li>everyone else, and unknown ids, get the same 404: the answer does not tell whether the case exists.</li>
 * </ul>
 */
@Service
public class CaseFiles {

  static final String NOT_FOUND = "未找到该任务或案件，或您无权查看";
  private static final int AUDIT_LIMIT = 200;
  private static final int FACT_LIMIT = 200;
  private static final int DEPTH = 5;

  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final EngineAsSystem asSystem;
  private final Staff staff;
  private final Regions regions;
  private final Households households;
  private final DibaoEvidence dibao;
  private final Awards awards;
  private final AwardChanges awardChanges;
  private final Payments payments;
  private final CaseDeadlines deadlines;
  private final CaseClock clock;
  private final AuditTrail audit;

  public CaseFiles(HistoryService history, RepositoryService repository, IdentityService identity,
      EngineAsSystem asSystem, Staff staff, Regions regions, Households households, DibaoEvidence dibao,
      Awards awards, AwardChanges awardChanges, Payments payments, CaseDeadlines deadlines, CaseClock clock,
      AuditTrail audit) {
    this.history = history;
    this.repository = repository;
    this.identity = identity;
    this.asSystem = asSystem;
    this.staff = staff;
    this.regions = regions;
    this.households = households;
    this.dibao = dibao;
    this.awards = awards;
    this.awardChanges = awardChanges;
    this.payments = payments;
    this.deadlines = deadlines;
    this.clock = clock;
    this.audit = audit;
  }

  /** The case of a task (open or done). */
  public CaseOverview ofTask(StaffMember caller, String taskId) {
    mayReadCases(caller);
    String pid = asSystem.call(() -> {
      HistoricTaskInstance t = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      return t == null ? null : t.getProcessInstanceId();
    });
    if (pid == null) {
      throw new CaseFileException(404, NOT_FOUND);
    }
    return ofProcessInstance(caller, pid);
  }

  /** The case of a process instance (the case itself or one of its sub-processes). */
  public CaseOverview ofProcessInstance(StaffMember caller, String processInstanceId) {
    mayReadCases(caller);
    return asSystem.call(() -> {
      HistoricProcessInstance root = root(processInstanceId);
      if (root == null) {
        throw new CaseFileException(404, NOT_FOUND);
      }
      String region = variables(root.getId()).entrySet().stream()
          .filter(e -> e.getKey().equals(CaseVariables.REGION_CODE) && e.getValue() instanceof String)
          .map(e -> (String) e.getValue()).findFirst().orElse(null);
      boolean covers = staff.worksWithin(caller, region, role -> role != Role.ANALYST);
      if (!covers && !engineLetsRead(caller, root.getId())) {
        throw new CaseFileException(404, NOT_FOUND);
      }
      return build(root, region, !covers);
    });
  }

  private void mayReadCases(StaffMember caller) {
    boolean caseRole = caller.administrator()
        || caller.assignments().stream().anyMatch(a -> a.role() != Role.ANALYST && a.role() != Role.ADMIN);
    if (!caseRole) {
      throw new CaseFileException(403, "当前角色不查看案件档案（业务分析员等运维角色无权查看案件概况）");
    }
  }

  private HistoricProcessInstance root(String pid) {
    HistoricProcessInstance p = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
    for (int i = 0; p != null && p.getSuperProcessInstanceId() != null && i < DEPTH; i++) {
      p = history.createHistoricProcessInstanceQuery().processInstanceId(p.getSuperProcessInstanceId())
          .singleResult();
    }
    return p;
  }

  /** The engine's own check, with the caller's identity: READ on the historic instance or READ_HISTORY. */
  private boolean engineLetsRead(StaffMember caller, String rootId) {
    var before = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.userId(), List.copyOf(caller.groupIds()));
    try {
      return history.createHistoricProcessInstanceQuery().processInstanceId(rootId).count() > 0;
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }

  private Map<String, Object> variables(String pid) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(pid)
        .disableBinaryFetching().disableCustomObjectDeserialization().orderByVariableName().asc().list()) {
      if (v.getExecutionId() == null || v.getExecutionId().equals(pid) || !out.containsKey(v.getName())) {
        out.put(v.getName(), v.getValue());
      }
    }
    return out;
  }

  private CaseOverview build(HistoricProcessInstance root, String regionCode, boolean masked) {
    List<String> pids = new ArrayList<>();
    pids.add(root.getId());
    collectChildren(root.getId(), pids, 0);
    Map<String, Object> vars = variables(root.getId());
    List<String> notes = new ArrayList<>();
    Masker m = new Masker(masked);

    // persons and household first: their names are masked wherever they appear
    Optional<Long> applicationId = households.findByProcessInstance(root.getId());
    HouseholdApplication household = applicationId.map(households::load).orElse(null);
    List<CaseOverview.Person> persons = new ArrayList<>();
    if (household != null) {
      for (HouseholdApplication.Member member : household.memberList()) {
        m.knowName(member.name());
        persons.add(new CaseOverview.Person(member.relation() == HouseholdApplication.Relation.SELF ? "申请人"
            : "家庭成员", member.name(), member.idNumber(), member.relation() == null ? null
            : member.relation().label()));
      }
    } else {
      persons.addAll(Persons.fromVariables(vars));
      persons.forEach(p -> m.knowName(p.name()));
      notes.add("本业务未建立家庭档案（household_application），人员信息取自案件记录的流程变量。");
    }
    List<CaseOverview.Person> shownPersons = persons.stream().map(p -> new CaseOverview.Person(p.role(),
        m.name(p.name()), m.id(p.idNumber()), p.relation())).toList();

    CaseOverview.Household shownHousehold = household == null ? null : household(applicationId.get(), household, m);
    ProcessDefinition definition = repository.getProcessDefinition(root.getProcessDefinitionId());
    String scheme = ModelSchemes.of(definition.getResourceName());

    CaseOverview.Assessment assessment = dibao.latestAssessment(root.getId())
        .map(a -> new CaseOverview.Assessment(a.outcome().name(), (String) vars.get("eligibilityOutcomeLabel"),
            a.assessedOn(), a.standard(), a.perCapitaIncome(), a.monthlyAmount(), a.reasons().stream()
            .map(r -> new CaseOverview.Reason(r.code(), m.text(r.text()), r.citation())).toList(),
            "低保评估记录（dibao_assessment）"))
        .orElseGet(() -> Sections.assessmentFromVariables(vars, m));
    if (assessment == null) {
      notes.add("本案尚无评估结果。");
    }

    List<CaseOverview.Decision> decisions = new ArrayList<>(dibao.decisions(root.getId()).stream()
        .map(d -> new CaseOverview.Decision(d.decision(), Sections.decisionLabel(d.decision()), d.authority(),
            d.decidedBy(), d.decidedAt(), d.monthlyAmount(), d.paymentFrom(), m.text(d.reasons()),
            "低保审批记录（dibao_decision）")).toList());
    if (decisions.isEmpty()) {
      Sections.decisionFromVariables(vars, m).ifPresent(decisions::add);
    }

    List<AwardRow> awardRows = new ArrayList<>();
    pids.forEach(pid -> awardRows.addAll(awards.ofCase(pid)));
    List<CaseOverview.Award> awardList = awardRows.stream().distinct().map(a -> new CaseOverview.Award(
        a.scheme().name(), a.scheme().label(), m.key(a.beneficiaryKey()), a.seq(), a.changeKind().name(),
        a.changeKind().label(), a.effectiveFrom(), a.monthlyAmount(), a.memberCount(), m.name(a.payeeName()),
        m.text(a.reason()), a.decidedBy(), a.caseRef())).toList();
    Set<String> awardKeys = new LinkedHashSet<>();
    awardRows.forEach(a -> awardKeys.add(a.scheme().name() + "\u0000" + a.beneficiaryKey()));
    List<CaseOverview.AwardChangeRequest> changes = new ArrayList<>();
    for (AwardRow a : awardRows) {
      if (!awardKeys.remove(a.scheme().name() + "\u0000" + a.beneficiaryKey())) {
        continue;
      }
      awardChanges.list(a.beneficiaryKey(), a.scheme()).forEach(r -> changes.add(
          new CaseOverview.AwardChangeRequest(r.id(), r.scheme().name(), m.key(r.beneficiaryKey()),
              r.change().kind().name(), r.change().kind().label(), r.change().monthlyAmount(), r.status().name(),
              Sections.requestStatusLabel(r.status().name()), m.text(r.reason()), r.requestedBy(),
              r.requestedAt(), r.decidedBy(), r.decidedAt())));
    }

    List<CaseOverview.Payment> paymentList = new ArrayList<>();
    Set<Long> seenPayments = new LinkedHashSet<>();
    for (String pid : pids) {
      payments.byCase(pid).stream().filter(p -> seenPayments.add(p.id())).forEach(p -> paymentList.add(
          new CaseOverview.Payment(p.id(), p.scheme().name(), p.scheme().label(), p.kind(), p.amount(),
              p.periodStart(), p.periodEnd(), p.payee() == null ? null : m.name(p.payee().name()),
              p.payee() == null ? null : Masking.account(p.payee().accountNumber()),
              p.channel() == null ? null : p.channel().name(), p.status().name(), p.status().label(),
              payments.history(p.id()).stream().map(s -> new CaseOverview.StatusStep(
                  s.from() == null ? null : s.from().name(), s.to().name(), s.to().label(), s.at(), s.by(),
                  m.text(s.note()))).toList())));
    }

    Map<String, String> activityNames = new LinkedHashMap<>();
    List<CaseOverview.Step> steps = new ArrayList<>();
    List<String> openTasks = new ArrayList<>();
    for (String pid : pids) {
      for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(pid)
          .list()) {
        if (a.getActivityName() != null) {
          activityNames.putIfAbsent(a.getActivityId(), a.getActivityName());
        }
      }
      for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pid)
          .orderByHistoricActivityInstanceStartTime().asc().list()) {
        steps.add(new CaseOverview.Step(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(),
            instant(t.getStartTime()), instant(t.getEndTime()), instant(t.getDueDate()),
            Sections.taskOutcome(t.getEndTime() != null, t.getDeleteReason())));
        if (t.getEndTime() == null) {
          openTasks.add(t.getName());
        }
      }
    }
    steps.sort(java.util.Comparator.comparing(CaseOverview.Step::startedAt,
        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));

    List<CaseOverview.Deadline> deadlineList = deadlines.of(pids).stream().map(d -> new CaseOverview.Deadline(
        d.processInstanceId(), d.activityId(), activityNames.get(d.activityId()), d.kind().name(), d.startDate(),
        d.days(), d.calendarDays(), d.extensionDays(), d.dueAt(), d.status(), Sections.deadlineStatusLabel(d.status())))
        .toList();
    List<CaseOverview.ClockStop> stops = new ArrayList<>();
    pids.forEach(pid -> clock.stops(pid).forEach(s -> stops.add(new CaseOverview.ClockStop(m.text(s.reason()),
        s.suspendedOn(), s.suspendedBy(), s.resumedOn(), s.resumedBy(), s.suspendedWorkingDays()))));

    List<CaseOverview.AuditLine> auditLines = audit.ofProcessInstances(pids, AUDIT_LIMIT).stream()
        .map(e -> new CaseOverview.AuditLine(e.id(), e.recordedAt(), e.kind() == null ? null : e.kind().name(),
            e.action(), e.actor(), m.text(e.subject()), m.text(e.before()), m.text(e.after()))).toList();
    if (auditLines.size() == AUDIT_LIMIT) {
      notes.add("审计记录仅显示最近 " + AUDIT_LIMIT + " 条，完整记录请在审计检索中按案件查询。");
    }

    List<CaseOverview.Fact> facts = Sections.facts(vars, m, FACT_LIMIT);
    if (awardList.isEmpty()) {
      notes.add("本案没有待遇发放记录。");
    }
    if (paymentList.isEmpty()) {
      notes.add("本案没有付款记录。");
    }

    String regionName = regionCode == null ? null : regions.find(regionCode).map(Region::name).orElse(null);
    String state = root.getState();
    Summary summary = new Summary(root.getId(), root.getProcessDefinitionKey(),
        definition.getName() == null ? root.getProcessDefinitionKey() : definition.getName(), scheme,
        Sections.schemeLabel(scheme), m.key(root.getBusinessKey()), regionCode, regionName, state,
        Sections.stateLabel(state), instant(root.getStartTime()), instant(root.getEndTime()),
        pids.subList(1, pids.size()), openTasks);
    return new CaseOverview(summary, masked, shownPersons, shownHousehold, assessment, decisions, awardList, changes,
        paymentList, deadlineList, stops, steps, facts, auditLines, notes);
  }

  private void collectChildren(String pid, List<String> out, int depth) {
    if (depth >= DEPTH) {
      return;
    }
    for (HistoricProcessInstance child : history.createHistoricProcessInstanceQuery().superProcessInstanceId(pid)
        .orderByProcessInstanceStartTime().asc().list()) {
      out.add(child.getId());
      collectChildren(child.getId(), out, depth + 1);
    }
  }

  private CaseOverview.Household household(long id, HouseholdApplication h, Masker m) {
    String status = households.summary(id).status().label();
    List<CaseOverview.Member> members = h.memberList().stream().map(x -> new CaseOverview.Member(m.name(x.name()),
        m.id(x.idNumber()), x.relation() == null ? null : x.relation().label(), x.severelyDisabled(),
        x.seriousIllness(), x.ableToWork(), x.monthlyIncome() == null ? BigDecimal.ZERO
        : x.monthlyIncome().values().stream().filter(java.util.Objects::nonNull)
            .reduce(BigDecimal.ZERO, BigDecimal::add))).toList();
    List<CaseOverview.Asset> assets = h.assetList().stream().map(a -> new CaseOverview.Asset(
        a.type() == null ? null : a.type().label(), m.text(a.description()), a.value())).toList();
    String regionName = h.regionCode() == null ? null : regions.find(h.regionCode()).map(Region::name).orElse(null);
    return new CaseOverview.Household(id, status, h.countyCode(), h.regionCode(), regionName,
        h.urbanRural() == null ? null : h.urbanRural().label(), m.text(h.address()), members.size(), members, assets,
        h.bankAccount() == null ? null : h.bankAccount().bankName(),
        h.bankAccount() == null ? null : Masking.account(h.bankAccount().accountNumber()));
  }

  static java.time.Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  /** Masks for a caller outside the case's region; passes everything through otherwise (accounts always masked). */
  static final class Masker {
    private final boolean on;
    private final Set<String> names = new LinkedHashSet<>();

    Masker(boolean on) {
      this.on = on;
    }

    void knowName(String name) {
      if (name != null && name.strip().length() >= 2) {
        names.add(name.strip());
      }
    }

    String id(String id) {
      return on ? Masking.idNumber(id) : id;
    }

    String name(String name) {
      return on ? Masking.name(name) : name;
    }

    String key(String key) {
      return on ? Masking.key(key) : key;
    }

    /** Free text: ID numbers and account numbers masked, and the case's person names when masking. */
    String text(String text) {
      if (text == null) {
        return null;
      }
      if (!on) {
        return text;
      }
      String s = Masking.mask(text);
      for (String n : names) {
        s = s.replace(n, Masking.name(n));
      }
      return s;
    }

    UnaryOperator<String> texts() {
      return this::text;
    }
  }
}
