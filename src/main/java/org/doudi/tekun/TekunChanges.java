package org.doudi.tekun;

import static org.doudi.tekun.TekunChangeVariables.*;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.identity.CaseVariables;
import org.doudi.region.Regions;
import org.doudi.tekun.internal.SupportEnding;
import org.doudi.tekun.persistence.TekunChangeRepository;
import org.doudi.tekun.persistence.TekunChangeRepository.Change;
import org.doudi.tekun.persistence.TekunChangeRepository.Record;
import org.doudi.tekun.persistence.TekunPersonRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes and termination of 特困 support (特困人员认定办法 2021 第二十四条至第二十七条; docs/tekun.md "Changes and
 * termination"): a reported change of self-care ability opens a re-assessment (10 working days), a township's ground
 * opens a termination (county decision, 公示 7 days, objections within 15 working days, stop from the next month), a
 * death ends support at once and opens the funeral arrangement (丧葬事宜), and the daily schedule opens the review
 * ahead of the 18th birthday. Every case is a row of tekun_change, its process's business key.
 */
@Service
public class TekunChanges {

  /** A case opened: its id and process instance. */
  public record StartedChange(long changeId, String processInstanceId) {}

  /** A reported change of self-care ability (生活自理能力发生变化). */
  public record ReportedChange(
      @NotNull(message = "请填写报告日期 reportedOn（yyyy-MM-dd）") LocalDate reportedOn,
      @NotBlank(message = "请填写变化情况 note（至少5个字）") String note) {}

  /** A township's request to end support on a ground of {@link TekunChangeVariables#GROUNDS}. */
  public record TerminationRequest(
      @NotBlank(message = "请选择终止情形 ground") @Size(max = 40, message = "终止情形 ground 无效") String ground,
      @NotBlank(message = "请填写终止理由（调查核实的事实） facts（至少5个字）") String facts) {}

  /** A death: the day and how it is known (death certificate, 户籍注销, hospital). */
  public record DeathReport(
      @NotNull(message = "请填写死亡日期 diedOn（yyyy-MM-dd）") LocalDate diedOn,
      @Size(max = 500, message = "死亡依据（如死亡证明、户籍注销） evidence最多500个字") String evidence) {}

  /** What a death changed: support ended after {@code lastSupportedMonth}; the funeral task opened. */
  public record DeathRecorded(long changeId, java.time.YearMonth lastSupportedMonth, String funeralProcessInstanceId) {}

  /** A case and its written records, for the case file. */
  public record ChangeFile(Change change, List<Record> records) {}

  private final TekunPersonRepository persons;
  private final TekunChangeRepository changes;
  private final SupportEnding ending;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final Regions regions;

  public TekunChanges(TekunPersonRepository persons, TekunChangeRepository changes, SupportEnding ending,
      RuntimeService runtime, EngineAsSystem asSystem, Regions regions) {
    this.persons = persons;
    this.changes = changes;
    this.ending = ending;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.regions = regions;
  }

  /** The region of the person's record (for the caller's jurisdiction), if the record exists. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> regionOf(long tekunPersonId) {
    return persons.find(tekunPersonId).map(TekunPerson::regionCode);
  }

  /**
   * 生活自理能力发生变化: opens a re-assessment (process tekun-reassessment) with the township's six-item assessment
   * due within 10 working days of the report.
   *
   * @throws InvalidApplicationException (400, Chinese) bad input, the person not supported, a re-assessment open
   */
  @Transactional
  public StartedChange reportChange(long tekunPersonId, ReportedChange report, String actor) {
    List<Violation> v = new ArrayList<>();
    if (report == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交变化情况");
    }
    LocalDate today = EngineContext.today();
    if (report.reportedOn() == null) {
      v.add(new Violation("reportedOn", "请填写报告日期 reportedOn（yyyy-MM-dd）"));
    } else if (report.reportedOn().isAfter(today)) {
      v.add(new Violation("reportedOn", "报告日期不能晚于今天（" + today + "）"));
    } else if (report.reportedOn().isBefore(today.minusMonths(3))) {
      v.add(new Violation("reportedOn", "报告日期不能早于三个月前"));
    }
    String note = text(v, "note", "变化情况", report.note(), 5, 1000);
    TekunPerson p = supported(tekunPersonId, v);
    throwIf(v);
    long id = open(p, "REASSESSMENT", null, null, report.reportedOn(), note, actor, "该特困人员已有正在办理的生活自理能力复评");
    Map<String, Object> vars = facts(p, id, actor);
    vars.put(REPORTED_ON, report.reportedOn().toString());
    vars.put(REPORT_NOTE, note);
    changes.record(id, "REPORTED", "报告生活自理能力发生变化（" + report.reportedOn() + "）：" + note, actor,
        EngineContext.now());
    return new StartedChange(id, start(REASSESSMENT_PROCESS, id, vars, null));
  }

  /**
   * 拟终止救助供养: opens a termination (process tekun-termination) on one of {@link TekunChangeVariables#GROUNDS}
   * except DEATH (recorded through {@link #recordDeath}): township proposal, county decision, 公示 7 days.
   */
  @Transactional
  public StartedChange proposeTermination(long tekunPersonId, TerminationRequest request, String actor) {
    List<Violation> v = new ArrayList<>();
    if (request == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交终止理由");
    }
    String ground = request.ground() == null ? null : request.ground().strip();
    if (ground == null || ground.isEmpty()) {
      v.add(new Violation("ground", "请选择终止情形 ground（" + String.join("、", GROUNDS.keySet()) + "）"));
    } else if ("DEATH".equals(ground)) {
      v.add(new Violation("ground", "特困人员死亡请通过死亡登记办理（POST /api/tekun/persons/{id}/death），无须公示"));
    } else if (!GROUNDS.containsKey(ground)) {
      v.add(new Violation("ground", "终止情形 ground 无效：" + ground + "（应为" + String.join("、", GROUNDS.keySet()) + "）"));
    }
    String facts = text(v, "facts", "终止理由（调查核实的事实）", request.facts(), 5, 2000);
    TekunPerson p = supported(tekunPersonId, v);
    throwIf(v);
    return startTermination(p, ground, facts, actor);
  }

  /** For the age review: a termination on ground AGE_18 (the person is neither at school nor under 18). */
  public StartedChange startTermination(TekunPerson p, String ground, String facts, String actor) {
    long id = open(p, "TERMINATION", ground, null, EngineContext.today(), facts, actor,
        "该特困人员已有正在办理的终止救助供养");
    Map<String, Object> vars = facts(p, id, actor);
    vars.put(GROUND, ground);
    vars.put(GROUND_TEXT, GROUNDS.get(ground));
    vars.put(REPORT_NOTE, facts);
    vars.put(STOP_NOT_BEFORE, java.util.Date.from(stopNotBefore(p, ground).atStartOfDay(EngineContext.CHINA)
        .toInstant()));
    changes.record(id, "OPENED", "拟终止救助供养：" + GROUNDS.get(ground) + "。" + facts, actor, EngineContext.now());
    return new StartedChange(id, start(TERMINATION_PROCESS, id, vars, null));
  }

  /**
   * 死亡: support ends from the month after today (payroll's exit decision, reason DEATH, no 公示 and no relapse-risk
   * assessment), the person leaves the register, {@link TekunSupportEnded} is published, and the township's funeral
   * arrangement task (丧葬事宜办理, 社会救助暂行办法第十四条第（四）项) opens — all in this transaction.
   */
  @Transactional
  public DeathRecorded recordDeath(long tekunPersonId, DeathReport report, String actor) {
    List<Violation> v = new ArrayList<>();
    if (report == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交死亡日期和依据");
    }
    LocalDate today = EngineContext.today();
    if (report.diedOn() == null) {
      v.add(new Violation("diedOn", "请填写死亡日期 diedOn（yyyy-MM-dd）"));
    } else if (report.diedOn().isAfter(today)) {
      v.add(new Violation("diedOn", "死亡日期不能晚于今天（" + today + "）"));
    }
    String evidence = text(v, "evidence", "死亡依据（如死亡证明、户籍注销）", report.evidence(), 4, 500);
    TekunPerson p = persons.find(tekunPersonId).orElse(null);
    if (p == null) {
      throw new NoSuchElementException("没有找到特困人员记录 " + tekunPersonId);
    }
    if ("ENDED".equals(p.status())) {
      v.add(new Violation("tekunPersonId", p.fullName() + "的救助供养已于" + p.lastSupportedMonth() + "后终止"));
    }
    throwIf(v);
    if (report.diedOn().isBefore(p.supportFrom().atDay(1).minusYears(1))) {
      throw new InvalidApplicationException("diedOn", "死亡日期早于救助供养开始一年以上，请核实");
    }
    String facts = "死亡（" + report.diedOn() + "），依据：" + evidence;
    long id = open(p, "DEATH", "DEATH", null, today, facts, actor, "该特困人员的死亡已登记");
    changes.record(id, "DEATH", facts, actor, EngineContext.now());
    java.time.YearMonth last = ending.end(id, "DEATH", facts, today, actor);
    closeOpenCases(p.id(), id, actor);
    Map<String, Object> vars = facts(p, id, actor);
    vars.put(REPORT_NOTE, facts);
    vars.put(LAST_SUPPORTED_MONTH, last.toString());
    String pid = start(FUNERAL_PROCESS, id, vars, null);
    return new DeathRecorded(id, last, pid);
  }

  /**
   * Starts up to {@code limit} due age reviews (process tekun-age-review): supported minors whose 18th birthday is on
   * or before {@code until} (today plus the lead, {@code doudi.tekun.age-review-lead-months}), and persons past 18
   * still at school whose yearly re-check falls due. Each is opened once (AT18, or Y&lt;year&gt; for the re-check: a
   * unique key), so a repeated or retried run starts nothing twice. One transaction (the schedule's job).
   *
   * @return how many were started
   */
  @Transactional
  public int startDueAgeReviews(LocalDate until, int limit) {
    String yearly = "Y" + until.getYear();
    int n = 0;
    for (long personId : changes.dueAgeReviews(until, yearly, limit)) {
      TekunPerson p = persons.lock(personId).orElseThrow();
      LocalDate adult = p.birthDate().plusYears(18);
      boolean first = adult.isAfter(until.minusYears(1)) && changes.ofPerson(p.id()).stream()
          .noneMatch(c -> "AGE_REVIEW".equals(c.kind()) && "AT18".equals(c.reviewKey()));
      String key = first ? "AT18" : yearly;
      if (changes.ofPerson(p.id()).stream().anyMatch(c -> "AGE_REVIEW".equals(c.kind())
          && (key.equals(c.reviewKey()) || "OPEN".equals(c.status())))) {
        continue; // opened by a concurrent run (the person's row lock serialises them)
      }
      String facts = first ? "年满18周岁（" + adult + "）前核查就学情况" : "年满18周岁后在校就读的年度核查（" + until.getYear() + "年）";
      long id;
      try {
        id = changes.open(p.id(), "AGE_REVIEW", null, key, EngineContext.today(), facts, p.careLevel().name(), "system",
            EngineContext.now());
      } catch (DuplicateKeyException e) {
        continue;
      }
      Map<String, Object> vars = facts(p, id, "system");
      vars.put(BIRTHDAY_18, adult.toString());
      vars.put(REVIEW_KEY, key);
      vars.put(REPORT_NOTE, facts);
      changes.record(id, "OPENED", facts, "system", EngineContext.now());
      start(AGE_REVIEW_PROCESS, id, vars, null);
      n++;
    }
    return n;
  }

  /**
   * After a death: the person's other open cases (a re-assessment, a termination in its 公示, an age review) are
   * closed WITHDRAWN with a record, and their processes deleted, so that no task is left for a dead person.
   */
  private void closeOpenCases(long personId, long deathCaseId, String actor) {
    for (Change c : changes.ofPerson(personId)) {
      if (c.id() == deathCaseId || !"OPEN".equals(c.status())) {
        continue;
      }
      changes.record(c.id(), "WITHDRAWN", "特困人员死亡（案件" + deathCaseId + "），本案件终止办理", actor, EngineContext.now());
      changes.close(c.id(), "WITHDRAWN", null, EngineContext.now());
      if (c.processInstanceId() != null && runtime.createProcessInstanceQuery()
          .processInstanceId(c.processInstanceId()).count() > 0) {
        asSystem.call(() -> {
          runtime.deleteProcessInstance(c.processInstanceId(), "特困人员死亡，案件终止办理");
          return null;
        });
      }
    }
  }

  /** The cases of a person, oldest first. */
  @Transactional(readOnly = true)
  public List<Change> changesOf(long tekunPersonId) {
    return changes.ofPerson(tekunPersonId);
  }

  @Transactional(readOnly = true)
  public ChangeFile changeFile(long changeId) {
    Change c = changes.find(changeId).orElseThrow(() -> new NoSuchElementException("没有找到特困人员变更案件 " + changeId));
    return new ChangeFile(c, changes.records(changeId));
  }

  /** The first day support may stop for the ground: for AGE_18 the 18th birthday (supported until 18), else today. */
  static LocalDate stopNotBefore(TekunPerson p, String ground) {
    LocalDate today = EngineContext.today();
    LocalDate adult = p.birthDate().plusYears(18);
    return "AGE_18".equals(ground) && adult.isAfter(today) ? adult : today;
  }

  // helpers

  private TekunPerson supported(long id, List<Violation> v) {
    TekunPerson p = persons.find(id).orElseThrow(() -> new NoSuchElementException("没有找到特困人员记录 " + id));
    if (!"SUPPORTED".equals(p.status())) {
      v.add(new Violation("tekunPersonId", p.fullName() + "不在救助供养中（状态：" + ("ENDING".equals(p.status())
          ? "终止公示中" : "已终止") + "）"));
    }
    return p;
  }

  private long open(TekunPerson p, String kind, String ground, String reviewKey, LocalDate reportedOn, String facts,
      String actor, String duplicate) {
    try {
      return changes.open(p.id(), kind, ground, reviewKey, reportedOn, facts, p.careLevel().name(), actor,
          EngineContext.now());
    } catch (DuplicateKeyException e) {
      throw new InvalidApplicationException("tekunPersonId", duplicate);
    }
  }

  /** The case facts every task shows. */
  Map<String, Object> facts(TekunPerson p, long changeId, String actor) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(CHANGE_ID, changeId);
    vars.put(TEKUN_PERSON_ID, p.id());
    vars.put(CaseVariables.REGION_CODE, p.regionCode());
    vars.put(COUNTY_CODE, p.countyCode());
    vars.put(PERSON_NAME, p.fullName());
    vars.put(ID_NUMBER_MASKED, IdNumber.parse(p.idNumber()).masked());
    vars.put(REGION_NAME, regions.fullName(p.regionCode()));
    vars.put(CURRENT_LEVEL_TEXT, p.careLevel().label() + "，" + p.careMode().label());
    vars.put(CURRENT_AMOUNT_TEXT, "基本生活" + p.basicAmount().toPlainString() + "元 + 照料护理" + p.careAmount().toPlainString()
        + "元 = " + p.monthlyAmount().toPlainString() + "元/月");
    vars.put(OPENED_BY, actor);
    return vars;
  }

  String start(String processKey, long changeId, Map<String, Object> vars, LocalDate dueOn) {
    String pid = asSystem.call(() -> runtime.createProcessInstanceByKey(processKey)
        .businessKey(String.valueOf(changeId)).setVariables(vars).execute().getId());
    changes.attachProcess(changeId, pid, dueOn);
    return pid;
  }

  private static String text(List<Violation> v, String field, String label, String value, int min, int max) {
    String s = value == null ? "" : value.strip();
    if (s.length() < min) {
      v.add(new Violation(field, "请填写" + label + " " + field + "（至少" + min + "个字）"));
    } else if (s.length() > max) {
      v.add(new Violation(field, label + " " + field + "最多" + max + "个字，现有" + s.length() + "个字"));
    }
    return s;
  }

  private static void throwIf(List<Violation> v) {
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
  }
}
