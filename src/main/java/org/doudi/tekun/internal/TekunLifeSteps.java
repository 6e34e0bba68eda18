package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunChangeVariables.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.TekunCareLevelChanged;
import org.doudi.tekun.TekunChanges;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.TekunPerson;
import org.doudi.tekun.persistence.TekunChangeRepository;
import org.doudi.tekun.persistence.TekunChangeRepository.Change;
import org.doudi.tekun.persistence.TekunPersonRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.doudi.tekun.TekunChangeVariables;

/**
 * The service steps of {@code tekun-reassessment}, {@code tekun-termination}, {@code tekun-age-review} and
 * {@code tekun-schedule}, called by the models' delegates ({@link TekunLifeDelegates}) and, in versions deployed before
 * them, by expression ({@code ${tekunLife.applyNewLevel(execution)}} and so on). Each reads the case
 * (tekun_change, the business key) and the support record, never a request; each is safe to retry (a closed case or
 * a written record is not written again).
 */
@ProcessBean("tekunLife")
public class TekunLifeSteps {

  private final TekunChangeRepository changes;
  private final TekunPersonRepository persons;
  private final CareStandards standards;
  private final Awards awards;
  private final SupportEnding ending;
  private final TekunChanges service;
  private final ApplicationEventPublisher events;
  private final int leadMonths;
  private final int chunk;

  public TekunLifeSteps(TekunChangeRepository changes, TekunPersonRepository persons, CareStandards standards,
      Awards awards, SupportEnding ending, TekunChanges service, ApplicationEventPublisher events,
      @Value("${doudi.tekun.age-review-lead-months:2}") int leadMonths,
      @Value("${doudi.tekun.age-review-chunk:200}") int chunk) {
    this.changes = changes;
    this.persons = persons;
    this.standards = standards;
    this.awards = awards;
    this.ending = ending;
    this.service = service;
    this.events = events;
    this.leadMonths = leadMonths;
    this.chunk = chunk;
  }

  /** A task past its deadline: written in the case file (the task stays open, now overdue in Tasklist). */
  public void overdue(DelegateExecution execution, String kind) {
    long id = changeId(execution);
    String what = switch (kind) {
      case "REASSESSMENT_OVERDUE" -> "生活自理能力复评超过10个工作日期限（特困人员认定办法）";
      case "OBJECTION_OVERDUE" -> "对终止公示异议的调查核实和决定超过15个工作日期限（《特困人员认定办法》第二十六条）";
      case "AGE_REVIEW_OVERDUE" -> "年满18周岁前的就学情况核查逾期";
      default -> throw new IllegalArgumentException("unknown overdue kind " + kind);
    };
    changes.record(id, kind, "逾期：" + what + "，请尽快办理", null, EngineContext.now());
  }

  // re-assessment

  public void unchanged(DelegateExecution execution) {
    long id = changeId(execution);
    changes.record(id, "UNCHANGED", "复评结论：生活自理能力等级未变化（" + string(execution, NEW_LEVEL_TEXT) + "），救助供养金额不变",
        string(execution, ASSESSED_BY), EngineContext.now());
    changes.close(id, "UNCHANGED", null, EngineContext.now());
  }

  /** The new level's care standard from the rules, stored on the case for the county's confirmation. */
  public void priceNewLevel(DelegateExecution execution) {
    Change c = changes.find(changeId(execution)).orElseThrow();
    TekunPerson p = persons.find(c.tekunPersonId()).orElseThrow();
    CareStandards.Priced priced = standards.price(p, items(c.impossibleItems()), EngineContext.today());
    changes.setAmounts(c.id(), priced.basicAmount(), priced.careAmount(), EngineContext.now());
    execution.setVariable(NEW_AMOUNT_TEXT, "基本生活" + priced.basicAmount().toPlainString() + "元 + 照料护理"
        + priced.careAmount().toPlainString() + "元 = " + priced.monthly().toPlainString() + "元/月"
        + (priced.sample() ? "（示例标准）" : ""));
  }

  public void notConfirmed(DelegateExecution execution) {
    long id = changeId(execution);
    changes.close(id, "UNCHANGED", null, EngineContext.now());
  }

  /**
   * The confirmed level in one transaction: the award's amount from the month after today (Awards.adjust, from the
   * amounts stored on the case), the support record, the case closed and {@link TekunCareLevelChanged} published.
   */
  public void applyNewLevel(DelegateExecution execution) {
    Change c = changes.lock(changeId(execution));
    if (!"OPEN".equals(c.status())) {
      return; // a retried job: applied already
    }
    TekunPerson p = persons.lock(c.tekunPersonId()).orElseThrow();
    if (c.toLevel() == null || c.newCareAmount() == null) {
      throw new IllegalStateException("复评案件" + c.id() + "缺少复评结果，无法生效");
    }
    if (!"SUPPORTED".equals(p.status())) { // support ended or in its termination notice meanwhile (e.g. a death)
      changes.record(c.id(), "NOT_APPLIED", "复评结论未生效：救助供养已终止或正在终止公示中", null, EngineContext.now());
      changes.close(c.id(), "UNCHANGED", null, EngineContext.now());
      return;
    }
    CareLevel to = CareLevel.valueOf(c.toLevel());
    java.math.BigDecimal monthly = c.newBasicAmount().add(c.newCareAmount());
    String actor = string(execution, CONFIRMED_BY);
    LocalDate today = EngineContext.today();
    String effect;
    if (monthly.compareTo(p.monthlyAmount()) != 0) {
      AwardRow row = awards.adjust(SupportEnding.awardKey(p), Scheme.TEKUN, monthly, 1, "tekun-change-" + c.id(), today,
          "生活自理能力复评：" + p.careLevel().label() + "→" + to.label(), actor);
      effect = "自" + YearMonth.from(row.effectiveFrom()) + "起每月" + monthly.toPlainString() + "元";
    } else {
      effect = "救助供养金额不变（每月" + monthly.toPlainString() + "元）";
    }
    persons.changeCare(p.id(), to, c.newBasicAmount(), c.newCareAmount(), EngineContext.now());
    changes.setDecision(c.id(), today, actor, EngineContext.now());
    changes.close(c.id(), "CHANGED", null, EngineContext.now());
    changes.record(c.id(), "CHANGED", "生活自理能力等级由“" + p.careLevel().label() + "”变为“" + to.label() + "”，"
        + effect + "（基本生活" + c.newBasicAmount().toPlainString() + "元，照料护理" + c.newCareAmount().toPlainString()
        + "元）", actor, EngineContext.now());
    events.publishEvent(new TekunCareLevelChanged(p.id(), p.idNumber(), p.countyCode(), p.regionCode(),
        p.careLevel(), to, p.careMode()));
  }

  // termination

  /** WITHDRAWN (the township does not propose) or REJECTED (the county does not terminate): support continues. */
  public void close(DelegateExecution execution, String status) {
    long id = changeId(execution);
    String text = switch (status) {
      case "WITHDRAWN" -> "乡镇（街道）经调查核实不提出终止，继续救助供养：" + string(execution, "proposalFacts");
      case "REJECTED" -> "县级民政部门不予终止，继续救助供养：" + string(execution, "decisionReasons");
      default -> throw new IllegalArgumentException("unknown closing status " + status);
    };
    changes.record(id, status, text, null, EngineContext.now());
    changes.close(id, status, null, EngineContext.now());
  }

  /**
   * 公示 of the intended termination (NOTICE) or of the decision after an objection (REPOST), 7 days in the person's
   * village (community) or care institution (特困人员认定办法第二十六条). The record becomes ENDING (no new case while
   * the 公示 runs); the township records its outcome once the 7 days are over.
   */
  public void postNotice(DelegateExecution execution, String kind) {
    long id = changeId(execution);
    Change c = changes.find(id).orElseThrow();
    if ("NOTICE".equals(kind)) {
      persons.moveStatus(c.tekunPersonId(), "SUPPORTED", "ENDING", EngineContext.now());
    }
    LocalDate ends = EngineContext.today().plusDays(7);
    changes.setNotice(id, ends, EngineContext.now());
    execution.setVariable(NOTICE_ENDS_ON, ends.toString());
    execution.setVariable(NOTICE_DUE, Date.from(ends.atStartOfDay(EngineContext.CHINA).toInstant()));
    changes.record(id, kind, ("REPOST".equals(kind) ? "重新公示（异议不成立，拟终止救助供养）：" : "终止救助供养公示：")
        + string(execution, PERSON_NAME) + "，" + string(execution, GROUND_TEXT) + "。公示期7天，至" + ends + "。",
        null, EngineContext.now());
  }

  /** An objection upheld: support continues (ENDING back to SUPPORTED), the written notice states why. */
  public void keepSupport(DelegateExecution execution) {
    long id = changeId(execution);
    Change c = changes.find(id).orElseThrow();
    persons.moveStatus(c.tekunPersonId(), "ENDING", "SUPPORTED", EngineContext.now());
    changes.record(id, "KEPT", "书面告知：经调查核实，异议成立，不予终止，继续救助供养。理由：" + string(execution, "objectionReasons"),
        string(execution, DECIDED_BY), EngineContext.now());
    changes.close(id, "KEPT", null, EngineContext.now());
  }

  /** Support ends from the next month ({@link SupportEnding}); the decision is the county's. */
  public void endSupport(DelegateExecution execution) {
    long id = changeId(execution);
    Change c = changes.find(id).orElseThrow();
    YearMonth last = ending.end(id, c.ground(), c.facts(), EngineContext.today(), string(execution, DECIDED_BY));
    execution.setVariable(LAST_SUPPORTED_MONTH, last.toString());
  }

  // age review

  /** Still at school past 18: support continues, re-checked each year. */
  public void continueInSchool(DelegateExecution execution) {
    long id = changeId(execution);
    Change c = changes.find(id).orElseThrow();
    persons.setInSchool(c.tekunPersonId(), true, EngineContext.now());
    changes.setDecision(id, EngineContext.today(), string(execution, ASSESSED_BY), EngineContext.now());
    changes.record(id, "CONTINUED", "年满18周岁后仍在校就读（" + string(execution, "schoolName") + "），继续救助供养，每年核查一次"
        + "（《特困人员认定办法》第二十四条）", string(execution, ASSESSED_BY), EngineContext.now());
    changes.close(id, "CONTINUED", null, EngineContext.now());
  }

  /** Not at school: a termination on ground AGE_18 (stop not before the 18th birthday), then a 低保 check. */
  public void proposeAgeTermination(DelegateExecution execution) {
    long id = changeId(execution);
    Change c = changes.lock(id);
    if (!"OPEN".equals(c.status())) {
      return;
    }
    TekunPerson p = persons.find(c.tekunPersonId()).orElseThrow();
    persons.setInSchool(p.id(), false, EngineContext.now());
    changes.setDecision(id, EngineContext.today(), string(execution, ASSESSED_BY), EngineContext.now());
    changes.close(id, "TO_TERMINATE", null, EngineContext.now());
    String facts = "年满18周岁（" + p.birthDate().plusYears(18) + "）时未在接受义务教育或者在普通高中、中等职业学校就读："
        + string(execution, "schoolingNote");
    changes.record(id, "TO_TERMINATE", facts, string(execution, ASSESSED_BY), EngineContext.now());
    if (changes.openOf(p.id(), "TERMINATION").isEmpty()) {
      service.startTermination(p, "AGE_18", facts, "system");
    }
  }

  /** One chunk of the due age reviews; {@code moreDue} when the chunk was full. */
  public void startDueAgeReviews(DelegateExecution execution) {
    int started = service.startDueAgeReviews(EngineContext.today().plusMonths(leadMonths), chunk);
    execution.setVariable(TekunChangeVariables.MORE_DUE, started >= chunk);
  }

  // helpers

  static long changeId(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key != null && key.matches("\\d{1,18}")) {
      return Long.parseLong(key);
    }
    return Long.parseLong(string(execution, CHANGE_ID));
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString().strip();
  }

  static Set<SelfCareItem> items(String stored) {
    if (stored == null || stored.isBlank()) {
      return EnumSet.noneOf(SelfCareItem.class);
    }
    return Arrays.stream(stored.split(",")).map(String::strip).map(SelfCareItem::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SelfCareItem.class)));
  }
}
