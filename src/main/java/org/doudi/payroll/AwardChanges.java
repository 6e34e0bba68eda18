package org.doudi.payroll;

import static org.doudi.payroll.AwardChangeVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Scheme;
import org.doudi.payroll.internal.ReturnCases;
import org.doudi.payroll.persistence.AwardChangeRepository;
import org.doudi.region.Regions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes on manual award changes (增发/减发, 停发, account, 迁移): a change is asked for here, stored in
 * award_change_request with what it changes from, and approved by another person in process
 * {@code award-change-approval} before {@link Awards} writes it. Only one open request per beneficiary and scheme
 * (a unique key). The request is checked completely when it is made — the award's rules and every
 * {@link AwardCeiling} — so that a request that cannot be applied is refused at once and stores nothing.
 */
@Service
@Transactional
public class AwardChanges {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(EngineContext.CHINA);

  private final Awards awards;
  private final AwardChangeRepository repository;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final Regions regions;
  private final Exits exits;
  private final ApplicationEventPublisher events;

  public AwardChanges(Awards awards, AwardChangeRepository repository, RuntimeService runtime,
      EngineAsSystem asSystem, Regions regions, Exits exits, ApplicationEventPublisher events) {
    this.exits = exits;
    this.events = events;
    this.awards = awards;
    this.repository = repository;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.regions = regions;
  }

  /**
   * Stores the request and starts its approval. {@code caseRef} defaults to the award's case.
   *
   * @throws InvalidAwardException the change is refused (nothing stored)
   * @throws IllegalStateException  the beneficiary has an open request of the scheme already
   */
  public AwardChangeRequest request(String beneficiaryKey, Scheme scheme, AwardChange change, String caseRef,
      String reason, String requestedBy) {
    return request(beneficiaryKey, scheme, change, null, caseRef, reason, requestedBy);
  }

  /**
   * As {@link #request(String, Scheme, AwardChange, String, String, String)}, with the exit assessment a STOP needs
   * ({@link Exits}: the reason, and the relapse-risk assessment unless the reason is DEATH, FRAUD or MOVED_AWAY). A
   * STOP without it is refused; other kinds ignore it. The approval applies a STOP through {@link Exits#decide}.
   */
  public AwardChangeRequest request(String beneficiaryKey, Scheme scheme, AwardChange change, ExitAssessment exit,
      String caseRef, String reason, String requestedBy) {
    AwardChange c = normalised(change);
    ExitAssessment x = c.kind() == AwardChange.Kind.STOP ? exit : null;
    if (x != null && ExitAssessment.TEKUN_RECOGNISED.equals(x.exitReasonCode())) {
      // exempt from the relapse-risk assessment only because the 特困 confirmation decides it from its own record
      throw new InvalidAwardException("退出原因“" + x.reasonLabel() + "”只能由特困人员认定确认时作出，不能申请停发；"
          + "请按实际情况选择其他退出原因并进行返贫风险评估");
    }
    AwardRow current = current(beneficiaryKey, scheme, x != null && x.exempt());
    String ref = caseRef == null || caseRef.isBlank() ? current.caseRef() : caseRef.trim();
    AwardRow after = check(beneficiaryKey, scheme, c, x, ref, reason, EngineContext.today(), requestedBy);
    Optional<AwardChangeRequest> open = repository.open(beneficiaryKey, scheme);
    if (open.isPresent()) {
      throw alreadyOpen(open.get());
    }
    long id;
    try {
      id = repository.insert(beneficiaryKey, scheme, c, current.countyCode(), current.id(), ref, reason.trim(),
          requestedBy, EngineContext.now());
    } catch (DuplicateKeyException raced) {
      // another request won the unique key just now (its transaction is not ours to read; PostgreSQL's is aborted)
      throw new IllegalStateException(beneficiaryKey + "已有待审批的待遇变更申请，请等审批完成后再申请", raced);
    }
    if (x != null) {
      repository.setExitAssessment(id, x);
    }
    Map<String, Object> v = new HashMap<>();
    v.put(REQUEST_ID, id);
    v.put(CaseVariables.REGION_CODE, current.countyCode()); // the county's staff see it, townships do not
    v.put(COUNTY_CODE, current.countyCode());
    v.put(BENEFICIARY_KEY, beneficiaryKey);
    v.put(PAYEE_NAME, current.payeeName());
    v.put(SCHEME_LABEL, scheme.label());
    v.put(KIND_LABEL, c.kind().label());
    v.put(CHANGE_FROM, describe(current, c.kind()));
    v.put(CHANGE_TO, c.kind() == AwardChange.Kind.STOP ? stopText(x) : describe(after, c.kind()));
    v.put(EFFECTIVE, c.kind() == AwardChange.Kind.TRANSFER
        ? "审批同意后自次月1日起由" + regions.fullName(after.countyCode()) + "发放，" + regions.fullName(
            current.countyCode()) + "发放至审批当月（今天审批则自" + after.effectiveFrom() + "起由迁入地发放）"
        : c.kind() == AwardChange.Kind.STOP ? "审批同意后自次月1日起停发（今天审批则自"
            + Awards.effectiveFrom(EngineContext.today()) + "起）" + (ExitAssessment.EMPLOYMENT.equals(
                x.exitReasonCode()) ? "；因就业收入超过标准，先给予渐退期，期满停发" : "")
        : "审批同意后自次月1日起生效（今天审批则自" + after.effectiveFrom() + "起）");
    v.put(REASON, reason.trim());
    v.put(REQUESTED_BY, requestedBy);
    v.put(REQUESTED_AT, WHEN.format(EngineContext.now()));
    String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, "award-change:" + id, v)
        .getId());
    repository.setProcessInstance(id, pid);
    AwardChangeRequest stored = repository.find(id).orElseThrow();
    // the audit trail: who asked for what, from the award as it is now (四眼: the decision is a second entry)
    events.publishEvent(AwardChangeRequestChanged.of("REQUESTED", v.get(CHANGE_FROM), stored));
    return stored;
  }

  /**
   * Checks a stored request against the award as it is now, as if decided on {@code decidedOn} by {@code actor}:
   * the approval's second look, since the award may have changed since the request.
   *
   * @return the award row the change would write
   * @throws InvalidAwardException the change can no longer be applied
   */
  @Transactional(readOnly = true, noRollbackFor = InvalidAwardException.class)
  public AwardRow recheck(AwardChangeRequest r, LocalDate decidedOn, String actor) {
    return check(r.beneficiaryKey(), r.scheme(), r.change(), exitAssessment(r.id()).orElse(null), r.caseRef(),
        r.reason(), decidedOn, actor);
  }

  /** The exit assessment stored with a STOP request (empty for other kinds, and for STOP requests before V32_1). */
  @Transactional(readOnly = true)
  public Optional<ExitAssessment> exitAssessment(long requestId) {
    return repository.exitAssessment(requestId);
  }

  @Transactional(readOnly = true)
  public Optional<AwardChangeRequest> find(long id) {
    return repository.find(id);
  }

  /** Every request of the beneficiary and scheme, oldest first. */
  @Transactional(readOnly = true)
  public List<AwardChangeRequest> list(String beneficiaryKey, Scheme scheme) {
    return repository.list(beneficiaryKey, scheme);
  }

  /**
   * The award row in force now. During a 渐退期 (the latest row is a STOP effective later) only an exempt stop
   * (death, fraud, moving away: {@code earlyStop}) may be asked for; it is based on the row still paid.
   */
  private AwardRow current(String beneficiaryKey, Scheme scheme, boolean earlyStop) {
    List<AwardRow> h = awards.history(beneficiaryKey, scheme);
    if (!h.isEmpty() && !h.get(h.size() - 1).active()
        && h.get(h.size() - 1).effectiveFrom().isAfter(Awards.effectiveFrom(EngineContext.today()))) {
      if (earlyStop && h.size() > 1 && h.get(h.size() - 2).active()) {
        return h.get(h.size() - 2);
      }
      throw new InvalidAwardException(beneficiaryKey + "正处于渐退期（已决定自" + h.get(h.size() - 1).effectiveFrom()
          + "起停发），渐退期内待遇不变，不能再变更；死亡、骗取救助或迁出的，可申请提前停发（exitReasonCode DEATH、FRAUD、"
          + "MOVED_AWAY）");
    }
    if (h.isEmpty() || !h.get(h.size() - 1).active()) {
      throw new InvalidAwardException(beneficiaryKey + "没有正在享受的" + scheme.label() + "待遇");
    }
    return h.get(h.size() - 1);
  }

  private AwardRow check(String beneficiaryKey, Scheme scheme, AwardChange c, ExitAssessment exit, String caseRef,
      String reason, LocalDate decidedOn, String actor) {
    if (c.kind() == AwardChange.Kind.STOP) {
      // the assessment and the award's rules, as Exits.decide will check them when the request is approved
      // (during a 渐退期 only death, fraud or moving away may stop it early); the row returned is the one in force
      return exits.check(beneficiaryKey, scheme, exit, caseRef, reason, decidedOn, actor);
    }
    // Awards.preview checks everything Awards.apply will, the scheme's ceiling (AwardCeiling) included
    return awards.preview(beneficiaryKey, scheme, c, caseRef, decidedOn, reason, actor);
  }

  private static AwardChange normalised(AwardChange c) {
    if (c == null || c.kind() == null) {
      throw new InvalidAwardException("请提供变更类型 kind：ADJUST、STOP、ACCOUNT 或 TRANSFER");
    }
    return switch (c.kind()) {
      case ADJUST -> AwardChange.adjust(c.monthlyAmount() == null || c.monthlyAmount().stripTrailingZeros().scale() > 2
          ? c.monthlyAmount() : c.monthlyAmount().setScale(2), c.memberCount());
      case STOP -> AwardChange.stop();
      case ACCOUNT -> AwardChange.account(trim(c.bankName()), trim(c.accountNumber()));
      case TRANSFER -> AwardChange.transfer(trim(c.countyCode()), trim(c.regionCode()));
    };
  }

  private static String stopText(ExitAssessment x) {
    String s = "停发（" + x.reasonLabel() + "）";
    if (ExitAssessment.EMPLOYMENT.equals(x.exitReasonCode())) {
      s += "，给予渐退期：审批后继续按原标准发放渐退期月数，期满停发";
    }
    if (!x.exempt()) {
      s += "；返贫风险评估：收入来源" + ExitAssessment.INCOME_STABILITY.get(x.riskIncomeStability()) + "，健康状况"
          + ExitAssessment.HEALTH.get(x.riskHealth()) + "，债务负担" + ExitAssessment.DEBTS.get(x.riskDebts())
          + "，需赡养" + x.riskDependants() + "人" + (x.riskNote() == null ? "" : "；" + x.riskNote());
    }
    return s;
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  private String describe(AwardRow a, AwardChange.Kind kind) {
    if (kind == AwardChange.Kind.ACCOUNT) {
      return a.bankName() + " " + ReturnCases.mask(a.accountNumber());
    }
    String amount = "每月" + a.monthlyAmount().toPlainString() + "元" + (a.memberCount() == null ? ""
        : "（" + a.memberCount() + "人）");
    // a transfer: the place by its names (and code), with the amount that moves unchanged
    return kind == AwardChange.Kind.TRANSFER ? regions.fullName(a.regionCode()) + "（" + a.regionCode() + "），"
        + amount : amount;
  }

  private static IllegalStateException alreadyOpen(AwardChangeRequest open) {
    return new IllegalStateException(open.beneficiaryKey() + "已有待审批的待遇变更申请（编号" + open.id() + "，"
        + open.requestedBy() + "于" + WHEN.format(open.requestedAt()) + "提出），请等审批完成后再申请");
  }

}
