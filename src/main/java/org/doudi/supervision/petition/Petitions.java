package org.doudi.supervision.petition;

import static org.doudi.supervision.petition.PetitionVariables.*;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Scheme;
import org.doudi.payroll.Awards;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.supervision.petition.persistence.PetitionRepository;
import org.doudi.supervision.petition.persistence.PetitionRepository.CaseRef;
import org.doudi.supervision.petition.persistence.PetitionRepository.Stored;
import org.doudi.tekun.TekunPersons;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信访 petitions and 监督举报 complaints from outside the engine (docs/petitions.md): registration (the row, its
 * concerned cases and the {@code petition} process in one transaction), the petition file, the petitions of a case,
 * and the petitioner's requests for 复查 and 复核, refused after their 30-day window and, for 复核, a second time on
 * the same claim.
 */
@Service
public class Petitions {

  /** 信访工作条例: limits in calendar days. */
  public static final int ROUTE_DAYS = 15;
  public static final int ACCEPT_DAYS = 15;
  public static final int HANDLING_DAYS_LIMIT = 60;
  public static final int MAX_EXTENSION_DAYS = 30;
  public static final int REQUEST_WINDOW_DAYS = 30;
  public static final int REPLY_DAYS = 30;
  /** Working days: a body objecting to its jurisdiction over a transferred petition. */
  public static final int OBJECTION_WORKING_DAYS = 5;

  private final PetitionRepository repository;
  private final Regions regions;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final EngineAsSystem asSystem;
  private final Awards awards;
  private final TekunPersons tekunPersons;
  private final Validator validator;

  public Petitions(PetitionRepository repository, Regions regions, RuntimeService runtime, HistoryService history,
      TaskService tasks, EngineAsSystem asSystem, Awards awards, TekunPersons tekunPersons, Validator validator) {
    this.repository = repository;
    this.regions = regions;
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.asSystem = asSystem;
    this.awards = awards;
    this.tekunPersons = tekunPersons;
    this.validator = validator;
  }

  public record Registered(long petitionId, String processInstanceId) {}

  public record Event(String kind, String content, String actor, OffsetDateTime at) {}

  /** The petition file: what was claimed, where it stands, its legal limits and its history. */
  public record PetitionFile(long petitionId, String kind, String kindLabel, String channel, String channelLabel,
      String petitionerName, String idNumberMasked, String contact, String claim, String regionCode, String regionName,
      String status, Long previousPetitionId, LocalDate receivedOn, LocalDate routeBy, LocalDate routedOn,
      String handlingRole, LocalDate acceptanceBy, LocalDate acceptedOn, Integer extensionDays,
      String extensionReason, LocalDate concludeBy, LocalDate repliedOn, LocalDate reexaminationRequestBy,
      LocalDate reexaminationRequestedOn, LocalDate reexaminationReplyBy, LocalDate reexaminationRepliedOn,
      LocalDate finalReviewRequestBy, LocalDate finalReviewRequestedOn, int hearingDays, LocalDate finalReviewReplyBy,
      LocalDate finalReviewRepliedOn, String hardshipProcessId, String processInstanceId,
      List<ConcernedCase> concernedCases, List<Event> events) {}

  /** One line of a list of petitions (a case's petitions). */
  public record PetitionSummary(long petitionId, String kindLabel, String status, String petitionerName,
      String regionCode, LocalDate receivedOn, String processInstanceId) {}

  /** A validated registration: the parts stored. */
  record Checked(PetitionKind kind, PetitionChannel channel, String name, String idNumber, String contact,
      String claim, String regionCode, Region county, Optional<Region> city, List<CaseRef> cases, Long previous) {}

  /**
   * Validates the registration, stores the petition with its cases and starts {@code petition} (business key = the
   * petition id), in one transaction.
   *
   * @throws InvalidApplicationException with the violations (Chinese); nothing is stored
   */
  @Transactional
  public Registered register(PetitionRegistration r, String user) {
    Checked c = check(r);
    long id = store(c, user, null);
    Map<String, Object> vars = variables(c, id, user);
    String pid = asSystem.call(() -> runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(String.valueOf(id))
        .setVariables(vars).execute().getId());
    repository.attachProcess(id, pid, EngineContext.now());
    return new Registered(id, pid);
  }

  /**
   * The start form's registration (Tasklist): called by the start listener with the form's values; the petition is
   * stored with this process instance. Returns the variables to set.
   */
  public Map<String, Object> registerStarted(PetitionRegistration r, String user, String processInstanceId) {
    Checked c = check(r);
    long id = store(c, user, processInstanceId);
    return variables(c, id, user);
  }

  /** Bean Validation and the checks beyond it: ID number, region, concerned cases, a claim already re-reviewed. */
  Checked check(PetitionRegistration r) {
    if (r == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交信访登记JSON");
    }
    Set<ConstraintViolation<PetitionRegistration>> bean = validator.validate(r);
    List<Violation> v = new ArrayList<>();
    bean.stream().sorted(Comparator.comparing(x -> x.getPropertyPath().toString()))
        .forEach(x -> v.add(new Violation(x.getPropertyPath().toString(), x.getMessage())));
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    String id = r.idNumber().strip().toUpperCase();
    if (!IdNumber.isValid(id)) {
      v.add(new Violation("idNumber", "信访人身份证号码" + id + "无效（校验位或出生日期不正确）"));
    }
    String regionCode = r.regionCode().strip();
    Optional<Region> county = regions.find(regionCode).flatMap(x -> regions.ancestorAt(x.code(), RegionLevel.COUNTY));
    if (county.isEmpty()) {
      v.add(new Violation("regionCode", "行政区划代码" + regionCode + "不存在或不在县（市、区）及以下"));
    }
    List<CaseRef> cases = new ArrayList<>();
    List<ConcernedCase> given = r.concernedCases() == null ? List.of() : r.concernedCases();
    for (int i = 0; i < given.size(); i++) {
      ConcernedCase c = given.get(i);
      String ref = c.ref().strip();
      String problem = missing(c.type(), ref);
      if (problem != null) {
        v.add(new Violation("concernedCases[" + i + "]", problem));
      } else {
        cases.add(new CaseRef(c.type(), ref));
      }
    }
    Long previous = r.previousPetitionId();
    if (previous != null) {
      Optional<Stored> p = repository.find(previous);
      if (p.isEmpty()) {
        v.add(new Violation("previousPetitionId", "没有找到信访编号" + previous));
      } else if (p.get().finalReviewRequestedOn() != null) {
        v.add(new Violation("previousPetitionId", "同一信访事项已于" + p.get().finalReviewRequestedOn()
            + "申请复核（信访编号" + previous + "）：复核后就同一事项再次提出的，不再受理（《信访工作条例》）"));
      }
    }
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    return new Checked(PetitionKind.valueOf(r.kind()), PetitionChannel.valueOf(r.channel()),
        r.petitionerName().strip(), id, r.contact().strip(), r.claim().strip(), regionCode, county.get(),
        regions.ancestorAt(regionCode, RegionLevel.CITY), List.copyOf(new LinkedHashSet<>(cases)), previous);
  }

  /** Null when the case exists in its owning module, else why not (Chinese). */
  private String missing(String type, String ref) {
    switch (type) {
      case "PROCESS_INSTANCE" -> {
        long n = asSystem.call(() -> history.createHistoricProcessInstanceQuery().processInstanceId(ref).count());
        return n > 0 ? null : "没有找到案件（流程实例）" + ref;
      }
      case "AWARD" -> {
        int slash = ref.indexOf('/');
        Scheme scheme = slash < 1 ? null : scheme(ref.substring(0, slash));
        if (scheme == null) {
          return "待遇编号应为“救助项目/对象编号”，如 DIBAO/H-12，现为" + ref;
        }
        return awards.latest(ref.substring(slash + 1), scheme).isPresent() ? null : "没有找到待遇" + ref;
      }
      case "TEKUN_PERSON" -> {
        if (!ref.matches("\\d{1,18}")) {
          return "特困人员编号应为数字，现为" + ref;
        }
        return tekunPersons.find(Long.parseLong(ref)).isPresent() ? null : "没有找到特困人员编号" + ref;
      }
      default -> {
        return "未知的案件类型" + type;
      }
    }
  }

  private static Scheme scheme(String name) {
    try {
      return Scheme.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private long store(Checked c, String user, String processInstanceId) {
    LocalDate today = EngineContext.today();
    Stored draft = new Stored(0, c.kind().name(), c.channel().name(), c.name(), c.idNumber(), c.contact(), c.claim(),
        c.regionCode(), c.county().code(), c.previous(), "REGISTERED", today, null, null, null, null, null, null,
        null, null, null, null, 0, null, processInstanceId, user, null);
    long id = repository.insert(draft, c.cases(), EngineContext.now());
    repository.event(id, "REGISTERED", c.kind().label() + "登记（" + c.channel().label() + "）：" + c.claim()
        + (c.cases().isEmpty() ? "" : "。涉及案件：" + String.join("，", c.cases().stream()
            .map(x -> x.type() + ":" + x.ref()).toList())), user, EngineContext.now());
    return id;
  }

  private Map<String, Object> variables(Checked c, long id, String user) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(PETITION_ID, id);
    vars.put(CaseVariables.REGION_CODE, c.regionCode());
    vars.put(COUNTY_CODE, c.county().code());
    vars.put(CITY_CODE, c.city().map(Region::code).orElse(c.county().code()));
    vars.put(KIND, c.kind().name());
    vars.put(KIND_LABEL, c.kind().label());
    vars.put(CHANNEL, c.channel().name());
    vars.put(PETITIONER_NAME, c.name());
    vars.put(ID_NUMBER, IdNumber.parse(c.idNumber()).masked());
    vars.put(CONTACT, c.contact());
    vars.put(CLAIM, c.claim());
    vars.put(SUMMARY, c.kind().label() + "（" + c.channel().label() + "）" + c.name() + "，" + regions.fullName(
        c.regionCode()) + "：" + c.claim());
    vars.put(RECEIVED_ON, EngineContext.today().toString());
    vars.put(HANDLING_DAYS, HANDLING_DAYS_LIMIT);
    vars.put(FINAL_REVIEW_DAYS, REPLY_DAYS);
    vars.put(OBJECTION_WINDOW_CLOSED, false);
    vars.put(REGISTERED_BY, user);
    return vars;
  }

  // reading

  @Transactional(readOnly = true)
  public Optional<String> regionOf(long petitionId) {
    return repository.find(petitionId).map(Stored::regionCode);
  }

  @Transactional(readOnly = true)
  public PetitionFile file(long petitionId) {
    Stored s = repository.find(petitionId).orElseThrow(() -> new NoSuchElementException("没有找到信访编号 "
        + petitionId));
    int handling = HANDLING_DAYS_LIMIT + (s.extensionDays() == null ? 0 : s.extensionDays());
    return new PetitionFile(s.id(), s.kind(), PetitionKind.valueOf(s.kind()).label(), s.channel(),
        PetitionChannel.valueOf(s.channel()).label(), s.petitionerName(), IdNumber.parse(s.idNumber()).masked(),
        s.contact(), s.claim(), s.regionCode(), regions.fullName(s.regionCode()), s.status(), s.previousPetitionId(),
        s.receivedOn(), s.receivedOn().plusDays(ROUTE_DAYS), s.routedOn(), s.handlingRole(),
        plus(s.routedOn(), ACCEPT_DAYS), s.acceptedOn(), s.extensionDays(), s.extensionReason(),
        plus(s.acceptedOn(), handling), s.repliedOn(), plus(s.repliedOn(), REQUEST_WINDOW_DAYS),
        s.reexaminationRequestedOn(), plus(s.reexaminationRequestedOn(), REPLY_DAYS), s.reexaminationRepliedOn(),
        plus(s.reexaminationRepliedOn(), REQUEST_WINDOW_DAYS), s.finalReviewRequestedOn(), s.hearingDays(),
        plus(s.finalReviewRequestedOn(), REPLY_DAYS + s.hearingDays()), s.finalReviewRepliedOn(),
        s.hardshipProcessId(), s.processInstanceId(),
        repository.cases(petitionId).stream().map(c -> new ConcernedCase(c.type(), c.ref())).toList(),
        repository.events(petitionId).stream().map(e -> new Event(e.kind(), e.content(), e.actor(), e.createdAt()))
            .toList());
  }

  private static LocalDate plus(LocalDate d, int days) {
    return d == null ? null : d.plusDays(days);
  }

  /** The petitions concerning a case (newest first). */
  @Transactional(readOnly = true)
  public List<PetitionSummary> concerning(String type, String ref) {
    return repository.concerning(type, ref.strip()).stream().map(s -> new PetitionSummary(s.id(),
        PetitionKind.valueOf(s.kind()).label(), s.status(), s.petitionerName(), s.regionCode(), s.receivedOn(),
        s.processInstanceId())).toList();
  }

  // the petitioner's requests: registered in Tasklist (登记复查申请 / 登记复核申请, whose form check calls
  // reexaminationRegistered / finalReviewRegistered) or through the API, which completes the same task; instances of
  // the model's first version wait in a receive task for a message instead

  /**
   * 复查: within 30 days of the written reply, once. Refused (400, nothing changed) before the reply, after the
   * window, or a second time.
   */
  @Transactional
  public void requestReexamination(long petitionId, PetitionRequest request, String user) {
    Stored s = lockOrThrow(petitionId);
    String reason = reason(request);
    checkReexamination(s);
    if (!completeRequestTask(s, TASK_AWAIT_REEXAMINATION, reason, user)) {
      LocalDate today = recordReexamination(petitionId, reason, user);
      correlate(s, MESSAGE_REEXAMINATION, REEXAMINATION_REQUESTED_ON, today);
    }
  }

  /** The form check of 登记复查申请: the same checks; answers the request's day. */
  @Transactional
  public LocalDate reexaminationRegistered(long petitionId, String reason, String user) {
    Stored s = lockOrThrow(petitionId);
    String checked = reason(new PetitionRequest(reason));
    checkReexamination(s);
    return recordReexamination(petitionId, checked, user);
  }

  private static void checkReexamination(Stored s) {
    if (s.reexaminationRequestedOn() != null) {
      throw new InvalidApplicationException("reason", "该信访事项已于" + s.reexaminationRequestedOn()
          + "申请复查，不能重复申请");
    }
    if (s.repliedOn() == null) {
      throw new InvalidApplicationException("reason", "NOT_ACCEPTED".equals(s.status())
          ? "该信访事项不予受理，没有书面答复意见，不能申请复查"
          : "该信访事项尚未出具书面答复意见，不能申请复查");
    }
    LocalDate last = s.repliedOn().plusDays(REQUEST_WINDOW_DAYS);
    if (EngineContext.today().isAfter(last)) {
      throw new InvalidApplicationException("reason", "复查申请期限已过：应自收到书面答复意见之日（" + s.repliedOn()
          + "）起30日内提出，即最迟" + last + "；该信访事项已办结");
    }
  }

  private LocalDate recordReexamination(long petitionId, String reason, String user) {
    LocalDate today = EngineContext.today();
    repository.reexaminationRequested(petitionId, today, EngineContext.now());
    repository.event(petitionId, "REEXAMINATION_REQUESTED", "信访人申请复查：" + reason, user, EngineContext.now());
    return today;
  }

  /**
   * 复核: within 30 days of the 复查 reply, once per claim. Refused (400, nothing changed) before the 复查 reply,
   * after the window, or when the claim was already re-reviewed.
   */
  @Transactional
  public void requestFinalReview(long petitionId, PetitionRequest request, String user) {
    Stored s = lockOrThrow(petitionId);
    String reason = reason(request);
    checkFinalReview(s);
    if (!completeRequestTask(s, TASK_AWAIT_FINAL_REVIEW, reason, user)) {
      LocalDate today = recordFinalReview(petitionId, reason, user);
      correlate(s, MESSAGE_FINAL_REVIEW, FINAL_REVIEW_REQUESTED_ON, today);
    }
  }

  /** The form check of 登记复核申请: the same checks; answers the request's day. */
  @Transactional
  public LocalDate finalReviewRegistered(long petitionId, String reason, String user) {
    Stored s = lockOrThrow(petitionId);
    String checked = reason(new PetitionRequest(reason));
    checkFinalReview(s);
    return recordFinalReview(petitionId, checked, user);
  }

  private static void checkFinalReview(Stored s) {
    if (s.finalReviewRequestedOn() != null) {
      throw new InvalidApplicationException("reason", "该信访事项已于" + s.finalReviewRequestedOn()
          + "申请复核：同一信访事项不再受理复核申请（《信访工作条例》）");
    }
    if (s.reexaminationRepliedOn() == null) {
      throw new InvalidApplicationException("reason", "该信访事项尚未出具复查意见，不能申请复核（应先申请复查）");
    }
    LocalDate last = s.reexaminationRepliedOn().plusDays(REQUEST_WINDOW_DAYS);
    if (EngineContext.today().isAfter(last)) {
      throw new InvalidApplicationException("reason", "复核申请期限已过：应自收到复查意见之日（" + s.reexaminationRepliedOn()
          + "）起30日内提出，即最迟" + last + "；该信访事项已办结");
    }
  }

  private LocalDate recordFinalReview(long petitionId, String reason, String user) {
    LocalDate today = EngineContext.today();
    repository.finalReviewRequested(petitionId, today, EngineContext.now());
    repository.event(petitionId, "FINAL_REVIEW_REQUESTED", "信访人申请复核：" + reason, user, EngineContext.now());
    return today;
  }

  /**
   * Completes the instance's 登记…申请 task for the API's caller, with the form's one field; its form check records
   * the request. False for an instance of the first model version (a receive task waits instead).
   */
  private boolean completeRequestTask(Stored s, String taskKey, String reason, String user) {
    return asSystem.call(() -> {
      Task task = tasks.createTaskQuery().processInstanceId(s.processInstanceId()).taskDefinitionKey(taskKey)
          .singleResult();
      if (task == null) {
        return false;
      }
      tasks.setAssignee(task.getId(), user);
      tasks.complete(task.getId(), Map.of(REQUEST_REASON, reason));
      return true;
    });
  }

  private Stored lockOrThrow(long petitionId) {
    return repository.lock(petitionId).orElseThrow(() -> new NoSuchElementException("没有找到信访编号 " + petitionId));
  }

  private static String reason(PetitionRequest request) {
    if (request == null || request.reason() == null || request.reason().isBlank()) {
      throw new InvalidApplicationException("reason", "请填写申请理由");
    }
    if (request.reason().strip().length() > 2000) {
      throw new InvalidApplicationException("reason", "申请理由最多2000个字");
    }
    return request.reason().strip();
  }

  private void correlate(Stored s, String message, String dateVariable, LocalDate on) {
    asSystem.call(() -> runtime.createMessageCorrelation(message).processInstanceId(s.processInstanceId())
        .setVariable(dateVariable, on.toString()).correlateWithResult());
  }
}
