package org.doudi.citizen.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.audit.AuditTrail;
import org.doudi.calendar.CaseClock;
import org.doudi.calendar.CaseDeadline;
import org.doudi.calendar.CaseDeadlines;
import org.doudi.citizen.persistence.CitizenRepository;
import org.doudi.dibao.DibaoCases;
import org.doudi.dibao.DibaoEvidence;
import org.doudi.dibao.DibaoVariables;
import org.doudi.document.DocumentContent;
import org.doudi.document.Documents;
import org.doudi.document.MaterialType;
import org.doudi.document.StoredDocument;
import org.doudi.engine.EngineAsSystem;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.ApplicationSummary;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.Households;
import org.doudi.household.IdNumber;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payments;
import org.doudi.temporary.ExpenditureApplicantActions;
import org.doudi.temporary.TemporaryVariables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's own cases. Who sees a case (docs/citizen.md, "Binding"): a 低保 case filed online is shown to every
 * person its application named with the phone given for them; a case filed at the counter to the members of its
 * household record (applicant or member by ID number) signed in with the household's contact phone. Anything else
 * answers 404 as if the case did not exist. Every read and action goes through the owning modules' public APIs; the
 * engine is called without a staff authentication (this module has checked the citizen).
 */
@Service
public class CitizenCases {


  private final CitizenRepository repository;
  private final Households households;
  private final DibaoCases dibao;
  private final DibaoEvidence evidence;
  private final Payments payments;
  private final CaseDeadlines deadlines;
  private final CaseClock clock;
  private final Documents documents;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final EngineAsSystem asSystem;
  private final AuditTrail audit;
  private final ExpenditureApplicantActions expenditure;

  public CitizenCases(CitizenRepository repository, Households households, DibaoCases dibao, DibaoEvidence evidence,
      Payments payments, CaseDeadlines deadlines, CaseClock clock, Documents documents, RuntimeService runtime,
      TaskService tasks, HistoryService history, EngineAsSystem asSystem, AuditTrail audit,
      ExpenditureApplicantActions expenditure) {
    this.expenditure = expenditure;
    this.repository = repository;
    this.households = households;
    this.dibao = dibao;
    this.evidence = evidence;
    this.payments = payments;
    this.deadlines = deadlines;
    this.clock = clock;
    this.documents = documents;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.asSystem = asSystem;
    this.audit = audit;
  }

  public record PersonView(String name, String idNumber, String relation, boolean you) {}

  public record DeadlineView(String step, Instant dueAt, String state) {}

  /** A 低保 decision has a monthly amount from a month on; a 支出型 one a total, paid in one or more instalments. */
  public record DecisionView(String decision, String decisionLabel, LocalDate decidedOn, BigDecimal monthlyAmount,
      LocalDate paymentFrom, String reasons, BigDecimal totalAmount, Integer instalments) {}

  public record PaymentView(LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, String status,
      String statusLabel) {}

  public record DocumentView(long id, String materialType, String materialLabel, String fileName, long size,
      Instant uploadedAt, boolean notice, boolean yours) {}

  public record MaterialView(String materialType, String label) {}

  public record CaseView(String processInstanceId, String businessKey, String scheme, String schemeLabel,
      String channel, String regionName, String applicantName, Instant startedAt, boolean running, String stage,
      List<String> openSteps, List<DeadlineView> deadlines, boolean clockStopped, List<MaterialView> missingMaterials,
      String checkSummary, List<PersonView> persons, List<DecisionView> decisions, List<PaymentView> payments,
      List<DocumentView> documents, boolean canWithdraw, boolean canObject, boolean canAskRecheck,
      boolean canUpload) {}

  public record Upload(StoredDocument document, boolean resumed) {}

  /** The process instances of the citizen's cases (online ones first, then the counter's). */
  @Transactional(readOnly = true)
  public List<String> visible(Citizen c) {
    Set<String> ids = new LinkedHashSet<>(repository.onlineCases(c.idNumber(), c.phone()));
    for (ApplicationStatus s : ApplicationStatus.values()) {
      for (ApplicationSummary a : households.withMember(c.idNumber(), s)) {
        if (a.processInstanceId() != null && c.phone().equals(households.load(a.id()).contactPhone())) {
          ids.add(a.processInstanceId());
        }
      }
    }
    return new ArrayList<>(ids);
  }

  @Transactional(readOnly = true)
  public List<CaseView> list(Citizen c) {
    return visible(c).stream().map(pid -> view(c, pid)).toList();
  }

  @Transactional(readOnly = true)
  public CaseView one(Citizen c, String processInstanceId) {
    requireOwn(c, processInstanceId);
    return view(c, processInstanceId);
  }

  public void withdraw(Citizen c, String processInstanceId, String reason) {
    requireOwn(c, processInstanceId);
    if (isExpenditure(processInstanceId)) {
      try {
        expenditure.withdraw(processInstanceId, reason, c.actor());
      } catch (ExpenditureApplicantActions.NotAllowedNow e) {
        throw new CitizenRefusal(HttpStatus.CONFLICT, e.getMessage());
      } catch (ExpenditureApplicantActions.InvalidRequest e) {
        throw new CitizenRefusal(HttpStatus.BAD_REQUEST, e.getMessage());
      }
      record(c, processInstanceId, "citizen.withdrew", "申请人在网上撤回支出型临时救助申请：" + reason.strip());
      return;
    }
    try {
      dibao.withdraw(processInstanceId, reason, c.actor());
    } catch (DibaoCases.NotAcceptedNowException e) {
      throw new CitizenRefusal(HttpStatus.CONFLICT, "案件已经办结，不能撤回");
    } catch (NoSuchElementException e) {
      throw new CitizenRefusal(HttpStatus.CONFLICT, "案件已经办结，不能撤回");
    }
    record(c, processInstanceId, "citizen.withdrew", "申请人在网上撤回申请");
  }

  public int object(Citizen c, String processInstanceId, String content) {
    requireOwn(c, processInstanceId);
    if (isExpenditure(processInstanceId)) {
      int round;
      try {
        round = expenditure.fileObjection(processInstanceId, new ExpenditureApplicantActions.Objection(
            expenditureName(c, processInstanceId), c.phone(), content), c.actor());
      } catch (ExpenditureApplicantActions.NotAllowedNow e) {
        throw new CitizenRefusal(HttpStatus.CONFLICT, e.getMessage());
      } catch (ExpenditureApplicantActions.InvalidRequest e) {
        throw new CitizenRefusal(HttpStatus.BAD_REQUEST, e.getMessage());
      }
      record(c, processInstanceId, "citizen.objected", "申请人在网上对支出型临时救助第" + round + "次公示提出异议");
      return round;
    }
    String name = nameOf(c, processInstanceId);
    int round;
    try {
      round = dibao.fileObjection(processInstanceId, new DibaoCases.Objection(name, c.phone(), content), c.actor());
    } catch (DibaoCases.NotAcceptedNowException | NoSuchElementException e) {
      throw new CitizenRefusal(HttpStatus.CONFLICT, "案件当前不在公示期，不能登记异议");
    }
    record(c, processInstanceId, "citizen.objected", "申请人在网上对公示提出异议");
    return round;
  }

  public void askRecheck(Citizen c, String processInstanceId, String reasons) {
    requireOwn(c, processInstanceId);
    try {
      dibao.requestRecheck(processInstanceId, reasons, c.actor());
    } catch (DibaoCases.NotAcceptedNowException e) {
      throw new CitizenRefusal(HttpStatus.CONFLICT, "案件当前没有待您答复的核对结果，不能申请复查");
    }
    record(c, processInstanceId, "citizen.recheck-requested", "申请人在网上对核对结果提出异议并申请复查");
  }

  /**
   * Stores a material of the citizen's own running case through the document module (type by content, size,
   * checksum); when it completes what the 一次性告知 listed, the wait ends as the caseworker's 已补齐 does.
   */
  public Upload upload(Citizen c, String processInstanceId, String materialType, String fileName, byte[] bytes) {
    requireOwn(c, processInstanceId);
    if (MaterialType.NOTICE.name().equals(materialType)) {
      // notices are the office's documents (the notices work adds MaterialType.NOTICE): never uploaded by a citizen
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "通知书由民政部门出具，不能由申请人上传");
    }
    MaterialType type;
    try {
      type = MaterialType.valueOf(materialType == null ? "" : materialType);
    } catch (IllegalArgumentException e) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "请选择材料类别");
    }
    Map<String, Object> facts = facts(processInstanceId);
    if (!running(processInstanceId)) {
      throw new CitizenRefusal(HttpStatus.CONFLICT, "案件已经办结，不能再上传材料");
    }
    String region = (String) facts.get(CaseVariables.REGION_CODE);
    StoredDocument d = documents.store(new Documents.CaseLink(processInstanceId, businessKey(processInstanceId),
        region), type, fileName, bytes, c.actor());
    record(c, processInstanceId, "citizen.uploaded", "申请人上传材料：" + type.label() + "（" + d.sha256() + "）");
    boolean resumed = dibao.materialsSupplied(processInstanceId, c.actor());
    if (resumed) {
      record(c, processInstanceId, "citizen.materials-supplied", "一次性告知所列材料已补齐，恢复计时，案件回到受理");
    }
    return new Upload(d, resumed);
  }

  /** A document of the citizen's own case (404 for any other). */
  public DocumentContent document(Citizen c, long documentId) {
    StoredDocument d = documents.find(documentId).orElseThrow(CitizenRefusal::notYours);
    if (!visible(c).contains(d.processInstanceId())) {
      throw CitizenRefusal.notYours();
    }
    DocumentContent content = documents.open(documentId);
    audit.record(new AuditRecord(AuditKind.EXPORT, "citizen.document-downloaded", c.actor(), d.processInstanceId(),
        d.businessKey(), d.regionCode(), "case_document " + documentId, null, d.materialLabel(), c.idNumber()));
    return content;
  }

  private void requireOwn(Citizen c, String processInstanceId) {
    if (processInstanceId == null || !processInstanceId.matches("[A-Za-z0-9._:-]{1,64}")
        || !visible(c).contains(processInstanceId)) {
      throw CitizenRefusal.notYours();
    }
  }

  private void record(Citizen c, String pid, String action, String text) {
    Map<String, Object> f = facts(pid);
    audit.record(new AuditRecord(AuditKind.CHANGE, action, c.actor(), pid, businessKey(pid),
        (String) f.get(CaseVariables.REGION_CODE), "citizen case " + pid, null, text, c.idNumber()));
  }

  private CaseView view(Citizen c, String pid) {
    return asSystem.call(() -> {
      HistoricProcessInstance hpi = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
      Map<String, Object> f = facts(pid);
      boolean running = hpi.getEndTime() == null;
      List<Task> open = running ? tasks.createTaskQuery().processInstanceId(pid).active().list() : List.of();
      List<String> steps = open.stream().map(Task::getName).toList();
      Map<String, String> names = new HashMap<>();
      for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(pid).list()) {
        if (a.getActivityName() != null) {
          names.put(a.getActivityId(), a.getActivityName());
        }
      }
      List<DeadlineView> dl = new ArrayList<>();
      for (CaseDeadline d : deadlines.of(List.of(pid))) {
        if ("OPEN".equals(d.status())) {
          dl.add(new DeadlineView(names.getOrDefault(d.activityId(), "办理时限"), d.dueAt(), "进行中"));
        }
      }
      boolean stopped = clock.stops(pid).stream().anyMatch(s -> s.resumedAt() == null);
      List<MaterialView> missing = dibao.awaitedMaterials(pid).stream()
          .map(t -> new MaterialView(t.name(), t.label())).toList();
      ApplicationStatus status = null;
      List<PersonView> persons = new ArrayList<>();
      String applicantName = (String) f.get(DibaoVariables.APPLICANT_NAME);
      var appId = households.findByProcessInstance(pid);
      if (appId.isPresent()) {
        status = households.summary(appId.get()).status();
        HouseholdApplication a = households.load(appId.get());
        for (HouseholdApplication.Member m : a.memberList()) {
          boolean you = c.idNumber().equals(m.idNumber());
          persons.add(new PersonView(m.name(), you ? m.idNumber() : IdNumber.parse(m.idNumber()).masked(),
              m.relation() == null ? "" : m.relation().label(), you));
        }
      }
      String stage = running ? (steps.isEmpty() ? "系统正在处理" : String.join("、", steps))
          : status == null ? "已办结" : status.label();
      List<PaymentView> pays = payments.byCase(pid).stream().map((LedgerEntry e) -> new PaymentView(e.periodStart(),
          e.periodEnd(), e.amount(), e.status().name(), e.status().label())).toList();
      List<DocumentView> docs = documents.listForCase(pid).stream().map(d -> new DocumentView(d.id(),
          d.materialType().name(), d.materialLabel(), d.fileName(), d.size(), d.uploadedAt().toInstant(),
          d.materialType() == MaterialType.NOTICE,
          c.actor().equals(d.uploadedBy()))).toList();
      boolean canRecheck = open.stream().anyMatch(t -> "Task_RecordCheckResponse".equals(t.getTaskDefinitionKey()));
      boolean expenditure = TemporaryVariables.EXPENDITURE_PROCESS.equals(hpi.getProcessDefinitionKey());
      List<DecisionView> decisions;
      boolean canWithdraw;
      boolean canObject;
      if (expenditure) {
        // 支出型临时救助: no 低保 household record; its decisions (also sent as notices) from the temporary module.
        // Withdrawal until the decision and objections during the 公示: the temporary module says when.
        applicantName = (String) f.get(TemporaryVariables.RECIPIENT_NAME);
        decisions = this.expenditure.decisions(pid).stream().map(d -> new DecisionView(d.decision(), d.label(),
            d.decidedOn(), null, null, d.reasons(), d.totalAmount(), d.instalments())).toList();
        canWithdraw = running && this.expenditure.canWithdraw(pid);
        canObject = running && this.expenditure.canObject(pid);
      } else {
        decisions = evidence.decisions(pid).stream().map(d -> new DecisionView(d.decision(),
            "APPROVE".equals(d.decision()) ? "确认同意" : "不予确认同意", d.decidedOn(), d.monthlyAmount(),
            d.paymentFrom(), d.reasons(), null, null)).toList();
        canWithdraw = running && runtime.createEventSubscriptionQuery().processInstanceId(pid)
            .eventName(DibaoVariables.MESSAGE_WITHDRAWAL).count() > 0;
        canObject = running && runtime.createEventSubscriptionQuery().processInstanceId(pid)
            .eventName(DibaoVariables.MESSAGE_OBJECTION).count() > 0;
      }
      String channel = expenditure ? (String) f.get(TemporaryVariables.REPORT_CHANNEL)
          : (String) f.get(DibaoVariables.CHANNEL);
      if (expenditure && !running) {
        String outcome = this.expenditure.outcomeLabel(pid);
        stage = outcome == null ? stage : outcome;
      }
      return new CaseView(pid, hpi.getBusinessKey(), expenditure ? "TEMPORARY_EXPENDITURE" : "DIBAO",
          expenditure ? "支出型临时救助" : "最低生活保障",
          DibaoVariables.CHANNEL_ONLINE.equals(channel) ? "网上申请" : "窗口申请",
          (String) f.get(expenditure ? TemporaryVariables.REGION_NAME : DibaoVariables.REGION_NAME), applicantName, hpi.getStartTime().toInstant(), running, stage,
          steps, dl, stopped, missing, canRecheck ? (String) f.get(DibaoVariables.CHECK_SUMMARY) : null, persons,
          decisions, pays, docs, canWithdraw, canObject, canRecheck, running);
    });
  }

  private boolean isExpenditure(String pid) {
    return asSystem.call(() -> {
      HistoricProcessInstance h = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
      return h != null && TemporaryVariables.EXPENDITURE_PROCESS.equals(h.getProcessDefinitionKey());
    });
  }

  /** The objector's name: the applicant's own when the citizen is the applicant, else who filed it for them. */
  private String expenditureName(Citizen c, String pid) {
    return asSystem.call(() -> {
      Map<String, Object> v = new HashMap<>();
      for (HistoricVariableInstance h : history.createHistoricVariableInstanceQuery().processInstanceId(pid)
          .variableNameIn(TemporaryVariables.RECIPIENT_NAME, TemporaryVariables.RECIPIENT_ID_NUMBER).list()) {
        v.put(h.getName(), h.getValue());
      }
      return c.idNumber().equals(v.get(TemporaryVariables.RECIPIENT_ID_NUMBER))
          ? String.valueOf(v.get(TemporaryVariables.RECIPIENT_NAME)) : "申请人的家庭成员（网上申请提交人）";
    });
  }

  private String nameOf(Citizen c, String pid) {
    return households.findByProcessInstance(pid).map(households::load)
        .flatMap(a -> a.memberList().stream().filter(m -> c.idNumber().equals(m.idNumber())).findFirst())
        .map(HouseholdApplication.Member::name).orElse("申请人");
  }

  private boolean running(String pid) {
    return asSystem.call(() -> runtime.createProcessInstanceQuery().processInstanceId(pid).count() > 0);
  }

  private String businessKey(String pid) {
    return asSystem.call(() -> {
      HistoricProcessInstance h = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
      return h == null ? null : h.getBusinessKey();
    });
  }

  private Map<String, Object> facts(String pid) {
    return asSystem.call(() -> {
      Map<String, Object> out = new HashMap<>();
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(pid)
          .variableNameIn(CaseVariables.REGION_CODE, DibaoVariables.APPLICANT_NAME, DibaoVariables.REGION_NAME,
              DibaoVariables.CHANNEL, DibaoVariables.CHECK_SUMMARY, TemporaryVariables.RECIPIENT_NAME,
              TemporaryVariables.REPORT_CHANNEL).list()) {
        out.put(v.getName(), v.getValue());
      }
      return out;
    });
  }
}
