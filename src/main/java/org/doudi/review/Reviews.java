package org.doudi.review;

import static org.doudi.review.ReviewVariables.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.checkplatform.CheckNotAuthorisedException;
import org.doudi.checkplatform.CheckPlatform;
import org.doudi.checkplatform.CheckPlatformUnavailableException;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.IdNumber;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardChange;
import org.doudi.payroll.AwardChangeRequest;
import org.doudi.payroll.AwardChanges;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.region.Regions;
import org.doudi.review.internal.ReviewClassRules;
import org.doudi.review.internal.ReviewFacts;
import org.doudi.review.persistence.ReviewRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 动态管理 of 低保 awards (docs/review.md): the review schedule (class from the DMN {@code dibao-review-class}, next
 * review date), reviews opened by the schedule, by another module ({@link #open}) or by a change reported by the
 * household or found by the system ({@link #report}, {@link #compare}). A review is one {@code dibao-review} process
 * instance (business key {@code review:<id>}) in the township's worklist; one open review per award: a further
 * change joins it and, when due earlier, pulls its due date in.
 */
@Service
@Transactional
public class Reviews {

  private static final Logger log = LoggerFactory.getLogger(Reviews.class);
  static final Scheme SCHEME = Scheme.DIBAO;

  private final ReviewRepository repository;
  private final ReviewClassRules rules;
  private final ReviewFacts facts;
  private final Awards awards;
  private final AwardChanges awardChanges;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final WorkingDayCalendar calendar;
  private final Regions regions;
  private final ReviewSettings settings;
  private final CheckPlatform platform;

  /** The model's boundary timer that escalates an overdue review (processes/review/dibao-review.bpmn). */
  static final String OVERDUE_TIMER = "BoundaryEvent_ReviewOverdue";
  private final org.camunda.bpm.engine.TaskService tasks;
  private final org.camunda.bpm.engine.ManagementService management;
  private final org.doudi.calendar.Deadlines deadlines;

  public Reviews(ReviewRepository repository, ReviewClassRules rules, ReviewFacts facts, Awards awards,
      AwardChanges awardChanges, RuntimeService runtime, EngineAsSystem asSystem, WorkingDayCalendar calendar,
      Regions regions, ReviewSettings settings, CheckPlatform platform, org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.ManagementService management, org.doudi.calendar.Deadlines deadlines) {
    this.tasks = tasks;
    this.management = management;
    this.deadlines = deadlines;
    this.repository = repository;
    this.rules = rules;
    this.facts = facts;
    this.awards = awards;
    this.awardChanges = awardChanges;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.calendar = calendar;
    this.regions = regions;
    this.settings = settings;
    this.platform = platform;
  }

  // ---------------------------------------------------------------- schedule

  /**
   * Gives a newly granted award its review class and first review date (the decision day plus the class's months).
   * Called for every GRANT of a 低保 award, in the grant's transaction.
   */
  public ReviewSchedule enrol(AwardRow granted) {
    LocalDate today = EngineContext.today();
    ReviewClassRules.Decided d = rules.decide(granted.countyCode(), granted.urbanRural(),
        facts.current(granted.beneficiaryKey(), granted.scheme().name(), null).orElse(null));
    repository.enrol(granted.beneficiaryKey(), granted.scheme().name(), granted.countyCode(), granted.regionCode(),
        d.reviewClass(), d.basis(), today.plusMonths(d.reviewClass().months()), EngineContext.now());
    return repository.schedule(granted.beneficiaryKey(), granted.scheme().name()).orElseThrow();
  }

  /**
   * Enrols the 低保 awards in force that have no schedule (granted before this module existed, or written without the
   * payroll's event), {@code chunk} awards at a time, each with its class and a first review date as for a grant.
   * Returns how many it enrolled. The daily run calls it once a day before starting due reviews.
   */
  public int enrolMissing(int chunk) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    awards.forEachActive(java.time.YearMonth.from(EngineContext.today()), java.util.EnumSet.of(SCHEME),
        Awards.Places.counties(List.of("")), chunk, rows -> {
          java.util.Set<String> known = repository.scheduled(rows.stream().map(AwardRow::beneficiaryKey).toList(),
              SCHEME.name());
          rows.stream().filter(r -> !known.contains(r.beneficiaryKey())).forEach(r -> {
            enrol(r);
            n.incrementAndGet();
          });
        });
    return n.get();
  }

  @Transactional(readOnly = true)
  public Optional<ReviewSchedule> schedule(String beneficiaryKey) {
    return repository.schedule(beneficiaryKey, SCHEME.name());
  }

  @Transactional(readOnly = true)
  public List<ReviewCase> cases(String beneficiaryKey) {
    return repository.cases(beneficiaryKey, SCHEME.name());
  }

  @Transactional(readOnly = true)
  public List<ReportedChange> changes(String beneficiaryKey) {
    return repository.changes(beneficiaryKey, SCHEME.name());
  }

  @Transactional(readOnly = true)
  public Optional<ReviewCase> find(long reviewCaseId) {
    return repository.findCase(reviewCaseId);
  }

  /** The last day whose reviews are started on {@code today}: {@code lead-working-days} working days ahead. */
  public LocalDate startWindowEnd(LocalDate today, String regionCode) {
    return settings.getLeadWorkingDays() == 0 ? today
        : calendar.addWorkingDaysProvisionally(today, settings.getLeadWorkingDays(), regionCode).date();
  }

  /**
   * Starts up to {@code limit} due reviews: schedules whose next review date lies within the start window and that
   * have no open review, locked for the transaction, each with a review case keyed by award and due date (so a
   * doubled or retried run starts nothing twice). Returns how many it started.
   */
  public int startDue(LocalDate today, int limit) {
    List<ReviewSchedule> due = repository.lockDue(startWindowEnd(today, null), limit);
    for (ReviewSchedule s : due) {
      start(s, Trigger.SCHEDULED, "定期复核（" + s.reviewClass().label() + "），复核日期" + s.nextReviewOn(),
          s.beneficiaryKey() + ":" + s.scheme() + ":" + s.nextReviewOn(), s.nextReviewOn(), "system");
    }
    return due.size();
  }

  // ---------------------------------------------------------------- opening reviews

  /**
   * Opens a review of the award now (a process instance in the township's worklist), due by {@code dueBy}; for other
   * modules. When a review is open already, the reason is added to it and its due date pulled in if earlier.
   *
   * @throws ReviewRefusedException no active 低保 award, or a due date in the past
   */
  public ReviewCase open(String beneficiaryKey, Trigger trigger, String detail, LocalDate dueBy, String actor) {
    if (dueBy == null || dueBy.isBefore(EngineContext.today())) {
      throw new ReviewRefusedException("复核完成期限不能早于今天");
    }
    activeAward(beneficiaryKey);
    ReviewSchedule s = repository.lockSchedule(beneficiaryKey, SCHEME.name())
        .orElseGet(() -> enrol(activeAward(beneficiaryKey)));
    if (s.openCaseId() != null) {
      ReviewCase open = repository.findCase(s.openCaseId()).orElseThrow();
      repository.pullDue(open.id(), dueBy, join(open.triggerDetail(), detail));
      if (dueBy.isBefore(open.dueOn()) && open.processInstanceId() != null) {
        moveClock(open.processInstanceId(), open.dueOn(), dueBy);
      }
      return repository.findCase(open.id()).orElseThrow();
    }
    return start(s, trigger, detail, null, dueBy, actor);
  }

  /**
   * A change that needs the open review sooner moves the running case's clock with its stored due date: the
   * variables the model reads, the township tasks due at the old date, and the overdue timer (one working day after
   * the due date, as the model computes it), so Tasklist and the escalation follow the earlier limit.
   */
  private void moveClock(String pid, LocalDate oldDue, LocalDate newDue) {
    Date oldAt = endOf(oldDue);
    Date newAt = endOf(newDue);
    asSystem.call(() -> {
      runtime.setVariable(pid, DUE_ON, newDue.toString());
      runtime.setVariable(pid, DUE_AT, newAt);
      for (org.camunda.bpm.engine.task.Task t : tasks.createTaskQuery().processInstanceId(pid).list()) {
        if (oldAt.equals(t.getDueDate())) {
          t.setDueDate(newAt);
          tasks.saveTask(t);
        }
      }
      Date overdue = deadlines.workingDaysFrom(newDue.toString(), 1);
      for (org.camunda.bpm.engine.runtime.Job j : management.createJobQuery().processInstanceId(pid).timers()
          .activityId(OVERDUE_TIMER).list()) {
        management.setJobDuedate(j.getId(), overdue);
      }
      return null;
    });
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(17, 0)).atZone(EngineContext.CHINA).toInstant());
  }

  private ReviewCase start(ReviewSchedule s, Trigger trigger, String detail, String scheduledKey, LocalDate dueOn,
      String actor) {
    AwardRow award = awards.latest(s.beneficiaryKey(), Scheme.valueOf(s.scheme())).orElse(null);
    long id = repository.insertCase(s.beneficiaryKey(), s.scheme(), s.countyCode(), s.regionCode(), trigger, detail,
        scheduledKey, dueOn, actor, EngineContext.now());
    Map<String, Object> v = new HashMap<>();
    v.put(REVIEW_CASE_ID, id);
    v.put(BENEFICIARY_KEY, s.beneficiaryKey());
    v.put(COUNTY_CODE, s.countyCode());
    v.put(REGION_CODE, s.regionCode());
    v.put(REGION_NAME, regions.fullName(s.regionCode()));
    v.put(PAYEE_NAME, award == null ? "" : award.payeeName());
    v.put(CURRENT_AMOUNT, award == null ? "" : award.monthlyAmount().toPlainString());
    v.put(REVIEW_CLASS_LABEL, s.reviewClass().label());
    v.put(TRIGGER_LABEL, trigger.label());
    v.put(TRIGGER_DETAIL, detail == null ? "" : detail);
    v.put(DUE_ON, dueOn.toString());
    v.put(DUE_AT, endOf(dueOn));
    String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, "review:" + id, v).getId());
    repository.setProcessInstance(id, pid);
    repository.setOpenCase(s.beneficiaryKey(), s.scheme(), id, EngineContext.now());
    return repository.findCase(id).orElseThrow();
  }

  // ---------------------------------------------------------------- changes

  /**
   * Records a change the household reported (through a caseworker) and acts on it: BANK_ACCOUNT files a four-eyes
   * ACCOUNT change request, MOVE_COUNTY a four-eyes TRANSFER (the old county pays up to the month of the approval, the
   * new county from the next); every other kind opens a review (or joins the open one) due within
   * {@code change-working-days} working days, a death within 3 months of it at the latest.
   *
   * @throws ReviewRefusedException what the rules refuse (nothing stored)
   */
  public ChangeRecorded report(String beneficiaryKey, ChangeReport r, String actor) {
    if (r == null || r.kind() == null) {
      throw new ReviewRefusedException("请填写变化类型 kind");
    }
    if (r.kind() == ChangeKind.VEHICLE || r.kind() == ChangeKind.PROPERTY) {
      throw new ReviewRefusedException("车辆、不动产登记由系统比对发现，家庭申报的财产变化请按收入变化（INCOME）登记并写明");
    }
    String detail = r.detail() == null ? "" : r.detail().trim();
    if (detail.length() < 2) {
      throw new ReviewRefusedException("请写明变化情况 detail");
    }
    AwardRow award = activeAward(beneficiaryKey);
    LocalDate today = EngineContext.today();
    if (r.occurredOn() != null && r.occurredOn().isAfter(today)) {
      throw new ReviewRefusedException("发生日期" + r.occurredOn() + "不能晚于今天");
    }
    String memberId = null;
    String memberName = null;
    String relation = null;
    if (r.kind() == ChangeKind.PAYEE_DEATH) {
      memberId = award.payeeIdNumber();
      memberName = award.payeeName();
    } else if (r.kind().removesMember() || r.kind().addsMember()) {
      memberId = idNumber(r.memberIdNumber());
      HouseholdApplication h = facts.current(beneficiaryKey, SCHEME.name(), null).orElse(null);
      boolean member = h != null && h.memberList().stream().anyMatch(m -> m.idNumber().equalsIgnoreCase(
          r.memberIdNumber().trim()));
      if (r.kind().removesMember() && h != null && !member) {
        throw new ReviewRefusedException("身份证号码为" + memberId + "的人不是该户现有的家庭成员");
      }
      if (r.kind().addsMember()) {
        if (member) {
          throw new ReviewRefusedException("身份证号码为" + memberId + "的人已是该户家庭成员");
        }
        if (r.memberName() == null || r.memberName().isBlank() || r.memberName().trim().length() > 50) {
          throw new ReviewRefusedException("请填写新增成员姓名 memberName（不超过50个字）");
        }
        memberName = r.memberName().trim();
        relation = r.memberRelation() == null ? "OTHER" : r.memberRelation().trim();
        try {
          HouseholdApplication.Relation.valueOf(relation);
        } catch (IllegalArgumentException e) {
          throw new ReviewRefusedException("与申请人关系 memberRelation 应为 SPOUSE、CHILD、PARENT、GRANDPARENT、"
              + "GRANDCHILD、SIBLING 或 OTHER");
        }
      }
    }
    boolean late = r.occurredOn() != null && r.occurredOn().plusMonths(3).isBefore(today);
    String text = r.kind().label() + "：" + detail + (r.occurredOn() == null ? "" : "（发生于" + r.occurredOn() + "）")
        + (late ? "；超过3个月未报告，应予批评教育" : "");
    if (r.kind() == ChangeKind.BANK_ACCOUNT || r.kind() == ChangeKind.MOVE_COUNTY) {
      AwardChange change = r.kind() == ChangeKind.BANK_ACCOUNT ? AwardChange.account(r.bankName(), r.accountNumber())
          : AwardChange.transfer(r.countyCode(), r.regionCode());
      AwardChangeRequest request = awardChanges.request(beneficiaryKey, SCHEME, change, null, text, actor);
      long changeId = repository.insertChange(beneficiaryKey, SCHEME.name(), r.kind(), "HOUSEHOLD", text, null, null,
          null, r.occurredOn(), today, null, late, null, actor, EngineContext.now());
      repository.setChangeRequest(changeId, request.id());
      return new ChangeRecorded(changeId, null, request.processInstanceId(), request.id(), null, late);
    }
    LocalDate dueBy = dueBy(r.kind(), r.occurredOn(), today, award.regionCode());
    long changeId = repository.insertChange(beneficiaryKey, SCHEME.name(), r.kind(), "HOUSEHOLD", text, memberId,
        memberName, relation, r.occurredOn(), today, dueBy, late, null, actor, EngineContext.now());
    ReviewCase c = open(beneficiaryKey, Trigger.REPORTED, text, dueBy, actor);
    repository.attach(changeId, c.id());
    return new ChangeRecorded(changeId, c.id(), c.processInstanceId(), null, c.dueOn(), late);
  }

  /**
   * Compares up to {@code limit} households not compared today with the check platform (oldest comparison first);
   * returns how many were compared.
   */
  public int compareDue(LocalDate today, int limit) {
    List<ReviewSchedule> batch = repository.lockToCompare(today, limit);
    for (ReviewSchedule s : batch) {
      compare(s, today);
    }
    return batch.size();
  }

  /**
   * 系统比对: asks the check platform about the household and records what it finds that we did not know — a death, a
   * vehicle or real estate registered, income above the record — as SYSTEM changes; new findings open one review the
   * same day (within 1 working day of learning them). A platform that cannot be reached leaves the household for the
   * next run.
   *
   * @return the review opened or joined, if anything new was found
   */
  public Optional<ReviewCase> compare(String beneficiaryKey) {
    ReviewSchedule s = repository.lockSchedule(beneficiaryKey, SCHEME.name())
        .orElseThrow(() -> new ReviewRefusedException(beneficiaryKey + "没有复核计划"));
    return compare(s, EngineContext.today());
  }

  private Optional<ReviewCase> compare(ReviewSchedule s, LocalDate today) {
    Optional<HouseholdApplication> household = facts.current(s.beneficiaryKey(), s.scheme(), null);
    if (household.isEmpty() || household.get().memberList().isEmpty()) {
      repository.compared(s.beneficiaryKey(), s.scheme(), today);
      return Optional.empty();
    }
    CheckResult result;
    try {
      result = platform.check(CheckRequest.of("review-" + s.beneficiaryKey(), household.get()));
    } catch (CheckPlatformUnavailableException e) {
      log.warn("Check platform unavailable for {}: {}", s.beneficiaryKey(), e.getMessage());
      return Optional.empty();
    } catch (CheckNotAuthorisedException e) {
      repository.compared(s.beneficiaryKey(), s.scheme(), today);
      return Optional.empty();
    }
    repository.compared(s.beneficiaryKey(), s.scheme(), today);
    AwardRow award = awards.latest(s.beneficiaryKey(), Scheme.valueOf(s.scheme())).orElse(null);
    if (award == null || !award.active()) {
      return Optional.empty();
    }
    List<Long> found = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    LocalDate dueBy = null;
    for (CheckResult.MemberFindings m : result.members()) {
      if (m.deceasedOn() != null) {
        ChangeKind kind = m.idNumber().equalsIgnoreCase(award.payeeIdNumber()) ? ChangeKind.PAYEE_DEATH
            : ChangeKind.MEMBER_DEATH;
        String text = kind.label() + "：" + m.name() + "在户籍记录中已于" + m.deceasedOn() + "死亡（核对平台"
            + result.reference() + "）";
        LocalDate due = dueBy(kind, m.deceasedOn(), today, s.regionCode());
        recordFinding(s, kind, text, m.idNumber(), m.name(), m.deceasedOn(), today, due, "DEATH:" + m.idNumber())
            .ifPresent(id -> {
              found.add(id);
              texts.add(text);
            });
        dueBy = earlier(dueBy, due);
      }
    }
    for (CheckResult.Discrepancy d : result.discrepancies()) {
      if (!d.material()) {
        continue;
      }
      ChangeKind kind = d.field().equals("assets.VEHICLE") ? ChangeKind.VEHICLE
          : d.field().equals("assets.REAL_ESTATE") ? ChangeKind.PROPERTY : ChangeKind.INCOME;
      String text = kind.label() + "：" + d.message() + "（核对平台" + result.reference() + "）";
      LocalDate due = dueBy(kind, null, today, s.regionCode());
      recordFinding(s, kind, text, d.idNumber(), null, null, today, due, kind.name() + ":" + d.field() + ":"
          + d.found()).ifPresent(id -> {
            found.add(id);
            texts.add(text);
          });
      dueBy = earlier(dueBy, due);
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ReviewCase c = open(s.beneficiaryKey(), Trigger.SYSTEM, String.join("；", texts), dueBy, "system");
    found.forEach(id -> repository.attach(id, c.id()));
    return Optional.of(c);
  }

  private Optional<Long> recordFinding(ReviewSchedule s, ChangeKind kind, String text, String memberId,
      String memberName, LocalDate occurredOn, LocalDate today, LocalDate due, String findingKey) {
    String key = findingKey.length() > 200 ? findingKey.substring(0, 200) : findingKey;
    if (repository.findingKnown(s.beneficiaryKey(), s.scheme(), key)) {
      return Optional.empty();
    }
    return Optional.of(repository.insertChange(s.beneficiaryKey(), s.scheme(), kind, "SYSTEM", text, memberId,
        memberName, null, occurredOn, today, due, false, key, "system", EngineContext.now()));
  }

  /**
   * When a review opened by a change is due: {@code change-working-days} working days after learning of it; a death
   * within 3 months of it at the latest, but never before the next working day.
   */
  LocalDate dueBy(ChangeKind kind, LocalDate occurredOn, LocalDate learnedOn, String regionCode) {
    LocalDate due = calendar.addWorkingDaysProvisionally(learnedOn, settings.getChangeWorkingDays(), regionCode)
        .date();
    if (kind.death()) {
      LocalDate limit = (occurredOn == null ? learnedOn : occurredOn).plusMonths(3);
      LocalDate first = calendar.addWorkingDaysProvisionally(learnedOn, 1, regionCode).date();
      due = limit.isBefore(due) ? (limit.isBefore(first) ? first : limit) : due;
    }
    return due;
  }

  private AwardRow activeAward(String beneficiaryKey) {
    return awards.latest(beneficiaryKey, SCHEME).filter(AwardRow::active)
        .orElseThrow(() -> new ReviewRefusedException(beneficiaryKey + "没有正在享受的低保待遇"));
  }

  private static String idNumber(String s) {
    if (s == null || s.isBlank()) {
      throw new ReviewRefusedException("请填写相关家庭成员的身份证号码 memberIdNumber");
    }
    try {
      IdNumber.parse(s.trim());
    } catch (IdNumber.InvalidIdNumberException e) {
      throw new ReviewRefusedException("成员身份证号码无效：" + e.getMessage());
    }
    return s.trim().toUpperCase();
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    return b == null || b.isBlank() || a.contains(b) ? a : a + "；" + b;
  }
}
