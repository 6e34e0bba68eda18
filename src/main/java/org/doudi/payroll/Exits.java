package org.doudi.payroll;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Scheme;
import org.doudi.payroll.internal.PayrollProperties;
import org.doudi.payroll.internal.RelapseRisk;
import org.doudi.payroll.persistence.ExitRepository;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.doudi.register.AlreadyRegisteredException;
import org.doudi.register.BenefitRegister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退出与渐退 (issue 15, item 4; docs/payroll.md "退出与渐退"). Every stop of an award is an exit decision made here:
 * the reason, and — except for death, fraud or moving away — the household's relapse-risk assessment (返贫风险评估,
 * level from decision table {@code dibao-relapse-risk}); a written notice in Chinese (停发告知书 / 渐退告知书: the
 * reasons, the month payment ends, the right to object to the county within the stated period and to 行政复议 /
 * 行政诉讼); and the STOP of the award. When employment lifted the income above the standard (最低生活保障审核确认办法
 * 第33条) the award is paid unchanged for {@code doudi.payroll.exit.phase-out-months} more months (渐退期, at most 6)
 * and then stops: one STOP row effective after those months, which the rosters obey by the rule of the award in force.
 * When an award ends — at once, or when the phase-out is over ({@link #endPhaseOuts}) — {@link AwardEnded} is
 * published in that transaction. An objection ({@link #object}) opens process {@code exit-objection}; an upheld one
 * reinstates the award from the month it was stopped (no gap). Refusals are {@link InvalidAwardException}s in Chinese,
 * before anything is written.
 */
@Service
@Transactional(noRollbackFor = InvalidAwardException.class)
public class Exits {

  public static final String OBJECTION_PROCESS = "exit-objection";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

  private final Awards awards;
  private final ExitRepository repository;
  private final RelapseRisk relapseRisk;
  private final PayrollProperties properties;
  private final WorkingDayCalendar calendar;
  private final Regions regions;
  private final BenefitRegister register;
  private final ApplicationEventPublisher events;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;

  public Exits(Awards awards, ExitRepository repository, RelapseRisk relapseRisk, PayrollProperties properties,
      WorkingDayCalendar calendar, Regions regions, BenefitRegister register, ApplicationEventPublisher events,
      RuntimeService runtime, EngineAsSystem asSystem) {
    this.awards = awards;
    this.repository = repository;
    this.relapseRisk = relapseRisk;
    this.properties = properties;
    this.calendar = calendar;
    this.regions = regions;
    this.register = register;
    this.events = events;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  /** {@link #decide(String, Scheme, ExitAssessment, String, String, LocalDate, String, Long)} without a reason text. */
  public ExitDecision decide(String beneficiaryKey, Scheme scheme, ExitAssessment assessment, String caseRef,
      LocalDate decidedOn, String actor) {
    return decide(beneficiaryKey, scheme, assessment, caseRef, null, decidedOn, actor, null);
  }

  /**
   * Decides the exit of an active award: stores the assessment, its risk level and the notice, and writes the STOP
   * (from the month after {@code decidedOn}; for INCOME_ABOVE_STANDARD_EMPLOYMENT after the phase-out months). The
   * same decision again (same case, day and reason, or the same change request) returns the stored one.
   *
   * @param reason          the facts the notice states (optional; the reason's label and the assessor's note else)
   * @param changeRequestId the four-eyes request it was approved through, if any
   * @throws InvalidAwardException missing or invalid assessment, no active award (nothing stored)
   */
  public ExitDecision decide(String beneficiaryKey, Scheme scheme, ExitAssessment assessment, String caseRef,
      String reason, LocalDate decidedOn, String actor, Long changeRequestId) {
    Optional<ExitDecision> same = existing(beneficiaryKey, scheme, assessment, caseRef, decidedOn, changeRequestId);
    if (same.isPresent()) {
      return same.get();
    }
    AwardRow current = check(beneficiaryKey, scheme, assessment, caseRef, reason, decidedOn, actor);
    ExitAssessment a = normalised(assessment);
    RelapseRisk.Level risk = a.exempt() ? null : relapseRisk.assess(a);
    Optional<ExitDecision> phasingOut = phaseOutRunning(beneficiaryKey, scheme);
    int months = phasingOut.isEmpty() && ExitAssessment.EMPLOYMENT.equals(a.exitReasonCode())
        ? properties.getExit().getPhaseOutMonths() : 0;
    String facts = facts(a, reason);
    String stopReason = clip("退出（" + a.reasonLabel() + "）" + (months > 0 ? "，渐退" + months + "个月" : "")
        + (phasingOut.isPresent() ? "，渐退期内提前停发" : "") + "：" + facts, 500);
    AwardRow stop;
    if (phasingOut.isPresent()) {
      // death, fraud or moving away during a 渐退期: the phase-out ends early, without its own AwardEnded
      stop = awards.stopEarly(awards.latest(beneficiaryKey, scheme).orElseThrow(), caseRef.trim(), decidedOn,
          stopReason, actor);
      repository.markEnded(phasingOut.get().id(), EngineContext.now());
    } else {
      stop = awards.stop(beneficiaryKey, scheme, caseRef.trim(), decidedOn, months, stopReason, actor);
    }
    YearMonth lastPaid = YearMonth.from(stop.effectiveFrom()).minusMonths(1);
    // a year whose holiday notice is not loaded yet counts Monday–Friday (the notice states the day it computed)
    LocalDate deadline = calendar.addWorkingDaysProvisionally(decidedOn,
        properties.getExit().getObjectionWorkingDays(), current.countyCode()).date();
    ExitDecision d = new ExitDecision(0, beneficiaryKey, scheme, current.countyCode(), current.regionCode(),
        caseRef.trim(), changeRequestId, a, risk == null ? null : risk.level(), risk == null ? null : risk.basis(),
        facts, decidedOn, actor, EngineContext.now(), months, lastPaid, stop.effectiveFrom(), stop.id(),
        months > 0 ? ExitDecision.Status.PHASING_OUT : ExitDecision.Status.STOPPED, null, null, deadline);
    d = withNotice(d, current);
    long id;
    try {
      id = repository.insert(d, risk == null ? null : risk.decisionDefinitionId());
    } catch (DuplicateKeyException raced) {
      return repository.byStopAward(stop.id()).orElseThrow(() -> raced);
    }
    if (months == 0) {
      ended(d);
    }
    return repository.find(id).orElseThrow();
  }

  /**
   * The checks of {@link #decide} without writing: the assessment (complete unless the reason is exempt), the
   * fields, an active award. For a STOP change request when it is asked for and when it is approved.
   *
   * @return the award row in force now (what is stopped)
   * @throws InvalidAwardException what is refused
   */
  @Transactional(readOnly = true, noRollbackFor = InvalidAwardException.class)
  public AwardRow check(String beneficiaryKey, Scheme scheme, ExitAssessment assessment, String caseRef,
      String reason, LocalDate decidedOn, String actor) {
    List<String> p = new ArrayList<>();
    if (assessment == null) {
      p.add("停发须附退出评估：退出原因 exitReasonCode（" + String.join("、", ExitAssessment.REASONS.keySet())
          + "），除死亡、骗取救助、迁出外还须返贫风险评估（riskIncomeStability、riskHealth、riskDebts、riskDependants）");
    } else {
      p.addAll(normalised(assessment).problems());
    }
    if (reason != null && reason.strip().length() > 500) {
      p.add("停发原因不能超过500个字");
    }
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    Optional<ExitDecision> phasingOut = phaseOutRunning(beneficiaryKey, scheme);
    if (phasingOut.isPresent()) {
      ExitDecision running = phasingOut.get();
      if (!normalised(assessment).exempt()) {
        throw new InvalidAwardException(beneficiaryKey + "正处于渐退期（至" + running.lastPaidMonth() + "，自"
            + running.stopEffectiveFrom() + "起停发），渐退期内待遇不变；只有死亡、骗取救助或迁出（DEATH、FRAUD、MOVED_AWAY）"
            + "可以提前停发");
      }
      if (decidedOn != null && !Awards.effectiveFrom(decidedOn).isBefore(running.stopEffectiveFrom())) {
        throw new InvalidAwardException("渐退期至" + running.lastPaidMonth() + "，期满即自" + running.stopEffectiveFrom()
            + "起停发，无须提前停发");
      }
      List<AwardRow> h = awards.history(beneficiaryKey, scheme);
      return h.get(h.size() - 2); // the row still paid until the phase-out ends
    }
    // the award's own rules (an active award, case, date, actor): the row a STOP would write, unwritten
    awards.preview(beneficiaryKey, scheme, AwardChange.stop(), caseRef, decidedOn, "退出", actor);
    return awards.latest(beneficiaryKey, scheme).orElseThrow();
  }

  /** The exit whose phase-out is running: PHASING_OUT and its STOP still the award's latest row. */
  private Optional<ExitDecision> phaseOutRunning(String beneficiaryKey, Scheme scheme) {
    if (beneficiaryKey == null || scheme == null) {
      return Optional.empty();
    }
    Optional<AwardRow> latest = awards.latest(beneficiaryKey, scheme);
    if (latest.isEmpty() || latest.get().active()) {
      return Optional.empty();
    }
    return repository.byStopAward(latest.get().id()).filter(d -> d.status() == ExitDecision.Status.PHASING_OUT);
  }

  @Transactional(readOnly = true)
  public Optional<ExitDecision> find(long id) {
    return repository.find(id);
  }

  /** Every exit decision of the beneficiary and scheme, oldest first. */
  @Transactional(readOnly = true)
  public List<ExitDecision> list(String beneficiaryKey, Scheme scheme) {
    return repository.list(beneficiaryKey, scheme);
  }

  /**
   * The phase-outs whose STOP is in force on {@code day}: each becomes ENDED, its persons leave the register and
   * {@link AwardEnded} is published, one by one, each once (a repeat finds none). Called by the monthly payroll
   * dispatch (days 1–9) before the rosters; a phase-out's last month was paid by then, and the next roster pays
   * nothing whether or not this ran (the STOP row decides that).
   *
   * @return how many ended
   */
  public int endPhaseOuts(LocalDate day, String actor) {
    int n = 0;
    for (ExitDecision d : repository.phaseOutsEndedBy(day)) {
      ExitDecision locked = repository.lock(d.id());
      if (locked.status() != ExitDecision.Status.PHASING_OUT || !repository.markEnded(d.id(), EngineContext.now())) {
        continue;
      }
      register.release(d.beneficiaryKey(), "渐退期满停发：" + d.assessment().reasonLabel(), actor);
      ended(d);
      n++;
    }
    return n;
  }

  // objections

  /**
   * Records the household's objection to an exit (异议) and starts process {@code exit-objection}, in which a county
   * approver other than the recorder decides it within {@code objection-decision-working-days} working days.
   *
   * @throws InvalidAwardException no statement, received after the deadline, the exit reinstated already
   * @throws IllegalStateException an objection to this exit exists
   */
  public ExitObjection object(long exitId, LocalDate receivedOn, String statement, String recordedBy) {
    ExitDecision d = repository.find(exitId).orElseThrow(() -> new NoSuchElementException("退出决定" + exitId + "不存在"));
    List<String> p = new ArrayList<>();
    if (statement == null || statement.isBlank()) {
      p.add("请填写异议内容 statement（家庭提出的理由）");
    } else if (statement.strip().length() > 2000) {
      p.add("异议内容不能超过2000个字");
    }
    LocalDate today = EngineContext.today();
    LocalDate received = receivedOn == null ? today : receivedOn;
    if (received.isAfter(today)) {
      p.add("收到异议的日期不能晚于今天");
    } else if (received.isBefore(d.decidedOn())) {
      p.add("收到异议的日期不能早于退出决定日期" + d.decidedOn());
    } else if (received.isAfter(d.objectionDeadline())) {
      p.add("异议期已过：告知书载明的期限为" + d.objectionDeadline() + "，" + received
          + "收到的异议不予受理；家庭仍可依法申请行政复议或提起行政诉讼");
    }
    if (d.status() == ExitDecision.Status.REINSTATED) {
      p.add("该退出决定已撤销（已恢复发放）");
    }
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    repository.objectionOf(exitId).ifPresent(o -> {
      throw new IllegalStateException("该退出决定已有异议（编号" + o.id() + "，" + o.status() + "）");
    });
    LocalDate due = calendar.addWorkingDaysProvisionally(received,
        properties.getExit().getObjectionDecisionWorkingDays(), d.countyCode()).date();
    long id;
    try {
      id = repository.insertObjection(exitId, received, statement.strip(), recordedBy, EngineContext.now(), due);
    } catch (DuplicateKeyException raced) {
      throw new IllegalStateException("该退出决定已有异议", raced);
    }
    Map<String, Object> v = new HashMap<>();
    v.put(ExitVariables.OBJECTION_ID, id);
    v.put(CaseVariables.REGION_CODE, d.countyCode());
    v.put(ExitVariables.BENEFICIARY_KEY, d.beneficiaryKey());
    v.put(ExitVariables.EXIT_SUMMARY, summary(d));
    v.put(ExitVariables.OBJECTION_STATEMENT, statement.strip());
    v.put(ExitVariables.RECORDED_BY, recordedBy);
    v.put(ExitVariables.DUE_DATE, due.toString());
    v.put(ExitVariables.RECEIVED_ON, received.toString());
    v.put(ExitVariables.DECISION_DAYS, properties.getExit().getObjectionDecisionWorkingDays());
    String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(OBJECTION_PROCESS, "exit-objection:" + id, v)
        .getId());
    repository.setObjectionProcess(id, pid);
    return repository.objection(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<ExitObjection> objection(long objectionId) {
    return repository.objection(objectionId);
  }

  @Transactional(readOnly = true)
  public Optional<ExitObjection> objectionOf(long exitId) {
    return repository.objectionOf(exitId);
  }

  /**
   * The county approver's decision on an objection, recorded (not yet applied) after the checks of
   * {@link #checkObjectionDecision}; for the task's complete listener. The next step applies it
   * ({@link #applyObjectionDecision}).
   *
   * @throws InvalidAwardException refused (the task stays open)
   */
  public ExitObjection recordObjectionDecision(long objectionId, String decision, String note, String decidedBy) {
    ExitObjection o = repository.lockObjection(objectionId);
    if (!"OPEN".equals(o.status()) || o.decision() != null) {
      throw new InvalidAwardException("异议" + objectionId + "已经处理，不能再次处理");
    }
    checkObjectionDecision(o, decision, note, decidedBy);
    repository.recordObjectionDecision(objectionId, decision, note.strip(), decidedBy, EngineContext.now());
    return repository.objection(objectionId).orElseThrow();
  }

  /**
   * Applies the recorded decision once, from the stored row (a closed objection is returned as it is). UPHOLD: the
   * award is reinstated from the month it was stopped — as it was before, with every month whose roster was made
   * without it caught up — and the exit becomes REINSTATED. REJECT: the exit stands. An upheld objection that can no
   * longer be applied (the award changed since, a person now held by another household) fails with the reason.
   */
  public ExitObjection applyObjectionDecision(long objectionId) {
    ExitObjection o = repository.lockObjection(objectionId);
    if (!"OPEN".equals(o.status())) {
      return o;
    }
    if (o.decision() == null) {
      throw new IllegalStateException("异议" + objectionId + "没有处理意见，不能执行");
    }
    Long reinstated = null;
    if (ExitVariables.UPHOLD.equals(o.decision())) {
      ExitDecision d = repository.lock(o.exitId());
      AwardRow stopRow = awards.history(d.beneficiaryKey(), d.scheme()).stream()
          .filter(r -> r.id() == d.stopAwardId()).findFirst().orElseThrow();
      LocalDate on = o.decidedAt().atZone(EngineContext.CHINA).toLocalDate();
      try {
        reinstated = awards.reinstate(stopRow, d.caseRef(), on, clip("异议成立，撤销停发，自" + stopRow.effectiveFrom()
            + "起恢复发放：" + o.decisionNote(), 500), o.decidedBy()).id();
      } catch (AlreadyRegisteredException e) {
        throw new InvalidAwardException("不能恢复发放：" + e.getMessage());
      }
      repository.markReinstated(d.id());
    }
    repository.closeObjection(objectionId, reinstated != null ? "UPHELD" : "REJECTED", reinstated);
    return repository.objection(objectionId).orElseThrow();
  }

  /** The checks of a decision on an objection: a reasoned UPHOLD or REJECT by someone other than the recorder. */
  @Transactional(readOnly = true, noRollbackFor = InvalidAwardException.class)
  public void checkObjectionDecision(ExitObjection o, String decision, String note, String decidedBy) {
    List<String> p = new ArrayList<>();
    if (!ExitVariables.UPHOLD.equals(decision) && !ExitVariables.REJECT.equals(decision)) {
      p.add("请选择处理意见：异议成立（恢复发放）或异议不成立（维持停发）");
    }
    if (note == null || note.isBlank()) {
      p.add("请写明处理理由（异议成立或不成立均须说明理由）");
    } else if (note.strip().length() > 1000) {
      p.add("处理理由不能超过1000个字");
    }
    if (decidedBy == null || decidedBy.equals(o.recordedBy())) {
      p.add("异议由" + o.recordedBy() + "登记，须由本县（市、区）另一名审批人员处理");
    }
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    if (ExitVariables.UPHOLD.equals(decision)) {
      ExitDecision d = repository.find(o.exitId()).orElseThrow();
      AwardRow last = awards.latest(d.beneficiaryKey(), d.scheme()).orElseThrow();
      if (last.id() != d.stopAwardId()) {
        throw new InvalidAwardException("停发之后待遇已有新的变更，不能恢复发放；请选择异议不成立并说明，或按新的情况重新申请");
      }
    }
  }

  // helpers

  private Optional<ExitDecision> existing(String key, Scheme scheme, ExitAssessment a, String caseRef,
      LocalDate decidedOn, Long changeRequestId) {
    if (key == null || scheme == null || a == null || caseRef == null) {
      return Optional.empty();
    }
    return repository.list(key, scheme).stream()
        .filter(d -> d.status() != ExitDecision.Status.REINSTATED)
        .filter(d -> changeRequestId != null ? changeRequestId.equals(d.changeRequestId())
            : d.caseRef().equals(caseRef.trim()) && d.decidedOn().equals(decidedOn)
                && d.assessment().exitReasonCode().equals(a.exitReasonCode()))
        .reduce((x, y) -> y);
  }

  private void ended(ExitDecision d) {
    events.publishEvent(new AwardEnded(d.beneficiaryKey(), d.scheme(), d.countyCode(), d.regionCode(),
        d.lastPaidMonth(), d.assessment().exitReasonCode(), d.riskLevel()));
  }

  private static ExitAssessment normalised(ExitAssessment a) {
    return new ExitAssessment(strip(a.exitReasonCode()), strip(a.riskIncomeStability()), strip(a.riskHealth()),
        strip(a.riskDebts()), a.riskDependants(), a.riskNote() == null || a.riskNote().isBlank() ? null
            : a.riskNote().strip());
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String facts(ExitAssessment a, String reason) {
    if (reason != null && !reason.isBlank()) {
      return clip(reason.strip(), 500);
    }
    if ("OTHER".equals(a.exitReasonCode()) && a.riskNote() != null) {
      return clip(a.riskNote(), 500);
    }
    return a.reasonLabel();
  }

  private String countyName(String countyCode) {
    return regions.find(countyCode).map(Region::name).orElse(countyCode);
  }

  private String summary(ExitDecision d) {
    return "退出原因：" + d.assessment().reasonLabel() + "；" + d.reason() + "；决定日期" + d.decidedOn() + "（" + d.decidedBy()
        + "）；" + (d.phaseOutMonths() > 0 ? "渐退" + d.phaseOutMonths() + "个月，" : "") + "最后发放月份"
        + d.lastPaidMonth() + "，自" + d.stopEffectiveFrom() + "起停发；返贫风险" + RelapseRisk.label(d.riskLevel());
  }

  /** The written notice (停发告知书 / 渐退告知书) in Chinese. */
  private ExitDecision withNotice(ExitDecision d, AwardRow award) {
    ExitAssessment a = d.assessment();
    String county = countyName(d.countyCode());
    boolean phase = d.phaseOutMonths() > 0;
    StringBuilder n = new StringBuilder();
    n.append(phase ? "最低生活保障渐退告知书" : d.scheme().label() + "停发告知书").append("\n\n");
    n.append(award.payeeName()).append("（对象编号").append(org.doudi.operations.Masking.key(d.beneficiaryKey()))
        .append("，").append(regions.fullName(d.regionCode())).append("）：\n");
    n.append("经审核，你家因").append(a.reasonLabel());
    if (!d.reason().equals(a.reasonLabel())) {
      n.append("（").append(d.reason()).append("）");
    }
    n.append("，不再符合").append(d.scheme().label()).append("条件。依据《社会救助暂行办法》第十三条");
    if (phase) {
      n.append("和《最低生活保障审核确认办法》第三十三条");
    }
    n.append("，").append(county).append("民政局于").append(DAY.format(d.decidedOn())).append("决定：");
    if (phase) {
      YearMonth first = YearMonth.from(d.decidedOn()).plusMonths(1);
      n.append("给予").append(d.phaseOutMonths()).append("个月渐退期，").append(MONTH.format(first)).append("至")
          .append(MONTH.format(d.lastPaidMonth())).append("继续按每月").append(award.monthlyAmount().toPlainString())
          .append("元发放，自").append(MONTH.format(d.stopEffectiveFrom())).append("起停发。");
    } else {
      n.append("自").append(MONTH.format(d.stopEffectiveFrom())).append("起停发，").append(MONTH.format(d.lastPaidMonth()))
          .append("为最后发放月份。");
    }
    n.append("\n");
    if (!a.exempt()) {
      n.append("返贫风险评估：收入来源").append(ExitAssessment.INCOME_STABILITY.get(a.riskIncomeStability()))
          .append("，健康状况").append(ExitAssessment.HEALTH.get(a.riskHealth())).append("，债务负担")
          .append(ExitAssessment.DEBTS.get(a.riskDebts())).append("，需赡养（抚养、扶养）").append(a.riskDependants())
          .append("人；返贫风险等级：").append(RelapseRisk.label(d.riskLevel()));
      if (d.riskBasis() != null && !d.riskBasis().isBlank()) {
        n.append("（").append(d.riskBasis()).append("）");
      }
      n.append("。停发后你家将纳入低收入人口动态监测，如再遇困难，可随时向乡镇（街道）申请社会救助。\n");
    }
    n.append("如对本决定有异议，可在").append(DAY.format(d.objectionDeadline())).append("前（决定之日起")
        .append(properties.getExit().getObjectionWorkingDays()).append("个工作日内）向").append(county)
        .append("民政局书面提出，县级民政部门自收到之日起").append(properties.getExit().getObjectionDecisionWorkingDays())
        .append("个工作日内作出答复；也可以自知道本决定之日起60日内依法申请行政复议，或者6个月内依法向人民法院提起行政诉讼"
            + "（《社会救助暂行办法》第六十五条）。\n\n");
    n.append(county).append("民政局\n").append(DAY.format(d.decidedOn()));
    return new ExitDecision(d.id(), d.beneficiaryKey(), d.scheme(), d.countyCode(), d.regionCode(), d.caseRef(),
        d.changeRequestId(), a, d.riskLevel(), d.riskBasis(), d.reason(), d.decidedOn(), d.decidedBy(), d.decidedAt(),
        d.phaseOutMonths(), d.lastPaidMonth(), d.stopEffectiveFrom(), d.stopAwardId(), d.status(), d.endedAt(),
        clip(n.toString(), 4000), d.objectionDeadline());
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
