package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow.ChangeKind;
import org.doudi.payment.Channel;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payroll.persistence.AwardRepository;
import org.doudi.payroll.persistence.PayrollRepository;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly benefits and their changes (table benefit_award). Every change is a new row with the next {@code seq};
 * nothing is ever updated. A change decided in month M takes effect from the first day of M+1 (最低生活保障审核确认办法
 * 第21条; 增发、减发、停发 likewise from the following month). All methods join the caller's transaction, so a case
 * decision and its award commit or roll back together. Two concurrent changes of one beneficiary meet at
 * UNIQUE (beneficiary_key, scheme, seq): the loser fails and its job is retried. A refusal
 * ({@link InvalidAwardException}) comes before anything is written and leaves the caller's transaction usable, so an
 * approved change request that can no longer be applied is closed with the reason instead of failing its job.
 */
@Service
@Transactional(noRollbackFor = InvalidAwardException.class)
public class Awards {

  private final AwardRepository repository;
  private final org.doudi.payroll.persistence.AwardBasisRepository bases;
  private final BenefitRegister register;
  private final PayrollRepository runs;
  private final Payroll payroll;
  private final Payments payments;
  private final Regions regions;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Map<Scheme, AwardCeiling> ceilings = new EnumMap<>(Scheme.class);
  /** The benefits a person may hold only one of in the province (the register, docs/integrity.md). */
  static final java.util.Set<Scheme> BASIC_LIVING = java.util.EnumSet.of(Scheme.DIBAO, Scheme.TEKUN);

  public Awards(AwardRepository repository, BenefitRegister register, PayrollRepository runs,
      @org.springframework.context.annotation.Lazy Payroll payroll, Payments payments, Regions regions,
      List<AwardCeiling> ceilings, org.springframework.context.ApplicationEventPublisher events,
      org.doudi.payroll.persistence.AwardBasisRepository bases) {
    this.events = events;
    this.repository = repository;
    this.bases = bases;
    this.register = register;
    this.runs = runs;
    this.payroll = payroll;
    this.payments = payments;
    this.regions = regions;
    for (AwardCeiling c : ceilings) {
      if (this.ceilings.put(c.scheme(), c) != null) {
        throw new IllegalStateException("two award ceilings for " + c.scheme());
      }
    }
  }

  /** The schemes whose awards are bounded by a ceiling ({@link AwardCeiling}). */
  public java.util.Set<Scheme> boundedSchemes() {
    return java.util.Collections.unmodifiableSet(ceilings.keySet());
  }

  /** The first day of the month after {@code decidedOn}: when a decision of that day takes effect. */
  public static LocalDate effectiveFrom(LocalDate decidedOn) {
    return decidedOn.withDayOfMonth(1).plusMonths(1);
  }

  /**
   * Grants a monthly benefit. A retry of the same grant (same case, same amount) returns the existing row; a
   * beneficiary with an active award of the scheme is refused (adjust it instead).
   */
  public AwardRow grant(AwardGrant g, String actor) {
    List<String> p = new ArrayList<>();
    if (g == null) {
      throw new InvalidAwardException("待遇信息为空");
    }
    text(p, g.beneficiaryKey(), "对象编号", 64);
    if (g.scheme() == null) {
      p.add("救助项目不能为空");
    }
    text(p, g.caseRef(), "案件编号", 64);
    if (g.countyCode() == null || !g.countyCode().matches("\\d{6}")) {
      p.add("县（市、区）代码应为6位数字");
    }
    if (g.regionCode() == null || !g.regionCode().matches("\\d{6,12}")) {
      p.add("行政区划代码无效");
    }
    if (g.payee() == null) {
      p.add("领取人信息不能为空");
    } else {
      text(p, g.payee().name(), "领取人姓名", 50);
      text(p, g.payee().idNumber(), "领取人身份证号码", 18);
      text(p, g.payee().bankName(), "开户银行", 100);
      account(p, g.payee().accountNumber());
    }
    amount(p, g.monthlyAmount());
    if (g.decidedOn() == null) {
      p.add("决定日期不能为空");
    }
    text(p, actor, "决定人", 64);
    if (g.covered().isEmpty()) {
      p.add("待遇须写明保障的人员");
    } else if (g.memberCount() != null && g.covered().size() > 1 && g.memberCount() != g.covered().size()) {
      p.add("保障人数（" + g.memberCount() + "）与保障人员名单（" + g.covered().size() + "人）不一致");
    }
    for (Person c : g.covered()) {
      if (c.idNumber() == null || !c.idNumber().matches("\\d{17}[\\dX]")) {
        p.add("保障人员的身份证号码无效");
        break;
      }
    }
    basis(p, g);
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    withinCeiling(g.scheme(), g.countyCode(), g.urbanRural(), g.memberCount(), g.monthlyAmount(), g.decidedOn());
    Optional<AwardRow> latest = repository.latest(g.beneficiaryKey(), g.scheme());
    if (latest.isPresent() && latest.get().active()) {
      AwardRow l = latest.get();
      if (l.changeKind() == ChangeKind.GRANT && l.caseRef().equals(g.caseRef())
          && l.monthlyAmount().compareTo(g.monthlyAmount()) == 0) {
        return l; // the same decision again (a retried job)
      }
      throw new InvalidAwardException(g.beneficiaryKey() + "正在享受" + g.scheme().name() + "待遇（案件" + l.caseRef()
          + "），请办理增发或减发");
    }
    AwardRow row = new AwardRow(0, g.beneficiaryKey(), g.scheme(), nextSeq(latest), ChangeKind.GRANT, g.caseRef(),
        g.countyCode(), g.regionCode(), g.urbanRural(), g.memberCount(), g.payee().name().trim(),
        g.payee().idNumber().trim(), g.payee().bankName().trim(), g.payee().accountNumber().trim(),
        g.monthlyAmount().setScale(2), from(g.decidedOn(), latest), clip(g.reason()), actor, now());
    if (BASIC_LIVING.contains(g.scheme())) {
      // one person, one basic-living benefit: the register's primary key refuses a person held by another household
      register.activate(g.beneficiaryKey(), g.scheme().name(), g.caseRef(), g.countyCode(), g.regionCode(),
          g.covered(), actor);
    }
    AwardRow inserted = insert(row);
    repository.insertCovered(inserted.id(), g.covered());
    if (g.basis() != null) {
      bases.replace(g.beneficiaryKey(), g.scheme(), inserted.id(), g.basis(), now());
    }
    catchUpFirstMonth(inserted, actor);
    return inserted;
  }

  /** The basis, when given: complete, for the covered persons, and giving the granted amount. */
  private static void basis(List<String> p, AwardGrant g) {
    AwardBasis b = g.basis();
    if (b == null) {
      return;
    }
    if (b.outcome() == null || b.netIncome() == null || b.perCapitaIncome() == null || b.standard() == null
        || b.amount() == null || b.source() == null || b.householdSize() < 1 || b.members().isEmpty()) {
      p.add("测算依据不完整");
      return;
    }
    if (g.monthlyAmount() != null && b.amount().compareTo(g.monthlyAmount()) != 0) {
      p.add("测算依据的金额（" + b.amount() + "元）与核定金额（" + g.monthlyAmount() + "元）不一致");
    }
    java.util.Set<String> covered = new java.util.HashSet<>();
    g.covered().forEach(c -> covered.add(c.idNumber()));
    for (AwardBasis.Member m : b.members()) {
      if (!covered.contains(m.idNumber())) {
        p.add("测算依据中的人员不在保障人员名单中");
        return;
      }
      if (b.outcome() == AwardBasis.Outcome.SINGLE_PERSON && m.singlePercent() == null) {
        p.add("单人户测算依据须有保障比例");
        return;
      }
    }
  }

  /** The stored basis of the beneficiary's amount (award_basis), if the grant brought one. */
  @Transactional(readOnly = true)
  public Optional<AwardBasis> basis(String beneficiaryKey, Scheme scheme) {
    return bases.find(beneficiaryKey, scheme);
  }

  /**
   * No month skipped: the award's first month is paid even when the county's roster of that month was made before
   * the award. The month's run row is taken (created if missing) and locked, so a roster being made waits for this
   * decision and then includes it. A roster made but not yet approved is completed with the award's row; an approved
   * (frozen) roster is followed by a 补发: a one-off payment of the month with the roster's own key, which the next
   * daily bank file carries and no later roster can add again. A month that already has that key (a household that
   * moved, whose old county's roster of the month was made first) is paid by that roster and not again.
   */
  private void catchUpFirstMonth(AwardRow a, String actor) {
    catchUp(a, YearMonth.from(a.effectiveFrom()), actor);
  }

  /** {@link #catchUpFirstMonth} for any month of the award from its row on (a reinstatement's missed months). */
  private void catchUp(AwardRow a, YearMonth month, String actor) {
    runs.insertRunIfAbsent(a.countyCode(), month.atDay(1), now(), actor);
    PayrollRun run = runs.lock(runs.find(a.countyCode(), month.atDay(1)).orElseThrow().id()).orElseThrow();
    switch (run.status()) {
      case "OPEN" -> { } // the roster is still to be made, and will include the award
      case "ROSTER" -> payroll.computeRoster(a.countyCode(), month, actor);
      default -> {
        String key = Payroll.rosterKey(a.scheme().name(), a.beneficiaryKey(), month);
        if (payments.byKey(key).isPresent()) {
          return; // the month is paid already (a transfer: the old county's roster had the household)
        }
        payments.record(new PaymentRequest(key,
          a.scheme(), a.caseRef(), new org.doudi.payment.Payee(a.beneficiaryKey(), a.payeeName(), a.payeeIdNumber(),
          a.bankName(), a.accountNumber()), a.countyCode(), a.regionCode(), month.atDay(1), month.atEndOfMonth(),
          a.monthlyAmount(), Channel.BANK, null, "补发" + month + "：待遇自该月起发放，该月名册生成时尚未作出救助决定"
          + (a.effectiveFrom().isBefore(month.atDay(1)) ? "（恢复发放）" : "")),
          PaymentStatus.APPROVED, actor);
      }
    }
  }

  /** 增发 or 减发: the new monthly amount from the month after the decision. */
  public AwardRow adjust(String beneficiaryKey, Scheme scheme, BigDecimal newMonthlyAmount, Integer memberCount,
      String caseRef, LocalDate decidedOn, String reason, String actor) {
    return insert(prepareAdjust(beneficiaryKey, scheme, newMonthlyAmount, memberCount, caseRef, decidedOn, reason,
        actor));
  }

  /**
   * 停发 from the month after the decision, without an exit decision. Package-private: every stop of a real award goes
   * through {@link Exits#decide} (the assessment, the notice, the 渐退期, the {@link AwardEnded} event); this stays for
   * {@link Exits} itself and for tests that need a stopped award. Stopping again for the same case returns the
   * existing row.
   */
  AwardRow stop(String beneficiaryKey, Scheme scheme, String caseRef, LocalDate decidedOn, String reason,
      String actor) {
    return stop(beneficiaryKey, scheme, caseRef, decidedOn, 0, reason, actor);
  }

  /**
   * 停发 of an award paid beside a basic-living benefit (the disability subsidies, {@link Scheme#alongsideBasicLiving})
   * or of the children's subsidy ({@link Scheme#stopsWithoutExit}) from the month after the decision. A 低保 or 特困
   * award is refused here: it ends only through {@link Exits#decide} with its assessment and notice.
   */
  public AwardRow stopAlongside(String beneficiaryKey, Scheme scheme, String caseRef, LocalDate decidedOn,
      String reason, String actor) {
    if (scheme == null || !scheme.stopsWithoutExit()) {
      throw new InvalidAwardException((scheme == null ? "救助项目" : scheme.label())
          + "的停发须经退出决定（返贫风险评估与书面告知）");
    }
    return stop(beneficiaryKey, scheme, caseRef, decidedOn, 0, reason, actor);
  }

  /**
   * 停发 after {@code phaseOutMonths} more months paid unchanged (渐退期; 0 = from the month after the decision): one
   * STOP row, effective from the month after the decision plus those months, so every roster up to then pays the
   * award as it is and none after (the rule of the award in force, {@code AwardRepository.IN_FORCE}). The register
   * releases the persons now only without a phase-out; after one, {@link Exits#endPhaseOuts} releases them when the
   * STOP takes effect (until then they are still paid 低保 and may not hold another benefit).
   */
  AwardRow stop(String beneficiaryKey, Scheme scheme, String caseRef, LocalDate decidedOn, int phaseOutMonths,
      String reason, String actor) {
    Optional<AwardRow> latest = repository.latest(beneficiaryKey, scheme);
    if (latest.isPresent() && !latest.get().active() && caseRef != null
        && latest.get().caseRef().equals(caseRef.trim())) {
      return latest.get();
    }
    AwardRow row = prepareStop(beneficiaryKey, scheme, caseRef, decidedOn, reason, actor);
    if (phaseOutMonths > 0) {
      row = new AwardRow(0, row.beneficiaryKey(), row.scheme(), row.seq(), row.changeKind(), row.caseRef(),
          row.countyCode(), row.regionCode(), row.urbanRural(), row.memberCount(), row.payeeName(),
          row.payeeIdNumber(), row.bankName(), row.accountNumber(), row.monthlyAmount(),
          row.effectiveFrom().plusMonths(phaseOutMonths), row.reason(), row.decidedBy(), row.createdAt());
    }
    AwardRow stopped = insert(row);
    if (phaseOutMonths == 0 && BASIC_LIVING.contains(scheme)) { // only these hold persons in the register
      register.release(beneficiaryKey, "停发：" + reason, actor);
    }
    return stopped;
  }

  /**
   * 提前停发 during a 渐退期: the household's phase-out STOP ({@code phaseOutStop}, still the latest row) is brought
   * forward to the month after {@code decidedOn} by a second STOP row (the rule of the award in force takes the row
   * with the highest seq among those in force, so from that month on nothing is paid). Only for the reasons that need
   * no assessment (death, fraud, moving away), decided by {@link Exits}. The persons leave the register now. A repeat
   * (same case) returns the existing row.
   */
  AwardRow stopEarly(AwardRow phaseOutStop, String caseRef, LocalDate decidedOn, String reason, String actor) {
    AwardRow last = repository.latest(phaseOutStop.beneficiaryKey(), phaseOutStop.scheme()).orElseThrow();
    if (last.seq() > phaseOutStop.seq() && last.changeKind() == ChangeKind.STOP && caseRef != null
        && last.caseRef().equals(caseRef.trim())) {
      return last;
    }
    List<String> p = common(caseRef, decidedOn, reason, actor);
    if (last.id() != phaseOutStop.id()) {
      p.add("渐退期的停发记录之后已有新的变更，不能提前停发");
    }
    LocalDate from = decidedOn == null ? null : effectiveFrom(decidedOn);
    if (from != null && !from.isBefore(phaseOutStop.effectiveFrom())) {
      p.add("渐退期至" + phaseOutStop.effectiveFrom().minusMonths(1).getYear() + "年"
          + phaseOutStop.effectiveFrom().minusMonths(1).getMonthValue() + "月，期满即自" + phaseOutStop.effectiveFrom()
          + "起停发，无须提前停发");
    }
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    AwardRow row = new AwardRow(0, last.beneficiaryKey(), last.scheme(), last.seq() + 1, ChangeKind.STOP,
        caseRef.trim(), last.countyCode(), last.regionCode(), last.urbanRural(), last.memberCount(), last.payeeName(),
        last.payeeIdNumber(), last.bankName(), last.accountNumber(), last.monthlyAmount(), from, clip(reason), actor,
        now());
    AwardRow stopped = insert(row);
    register.release(last.beneficiaryKey(), "提前停发：" + reason, actor);
    return stopped;
  }

  /**
   * 恢复发放 after an upheld objection: the award as it was before {@code stopRow} (payee, account, amount, covered
   * persons) again from the STOP's own first month, so that no month is missing. Written as a GRANT row following
   * the STOP (the STOP must still be the latest row); the register holds the persons again; months whose rosters
   * were made without the award are caught up like a grant's first month (the roster under review takes it, an
   * approved one is followed by a 补发). Package-private: for {@link Exits}. A repeat returns the existing row.
   */
  AwardRow reinstate(AwardRow stopRow, String caseRef, LocalDate decidedOn, String reason, String actor) {
    List<AwardRow> h = repository.history(stopRow.beneficiaryKey(), stopRow.scheme());
    AwardRow last = h.get(h.size() - 1);
    if (last.seq() > stopRow.seq() && last.changeKind() == ChangeKind.GRANT
        && last.effectiveFrom().equals(stopRow.effectiveFrom())) {
      return last; // reinstated already (a retried job)
    }
    if (last.id() != stopRow.id()) {
      throw new InvalidAwardException("停发之后待遇已有新的变更（" + last.changeKind().label() + "，"
          + last.effectiveFrom() + "起），不能恢复发放；请按新的情况重新申请");
    }
    AwardRow before = h.stream().filter(r -> r.seq() < stopRow.seq()).reduce((a, b) -> b)
        .orElseThrow(() -> new InvalidAwardException("停发前没有待遇记录，不能恢复发放"));
    List<String> p = common(caseRef, decidedOn, reason, actor);
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    AwardRow row = new AwardRow(0, before.beneficiaryKey(), before.scheme(), last.seq() + 1, ChangeKind.GRANT,
        caseRef.trim(), before.countyCode(), before.regionCode(), before.urbanRural(), before.memberCount(),
        before.payeeName(), before.payeeIdNumber(), before.bankName(), before.accountNumber(),
        before.monthlyAmount(), stopRow.effectiveFrom(), clip(reason), actor, now());
    List<Person> covered = repository.covered(before.beneficiaryKey(), before.scheme());
    if (BASIC_LIVING.contains(before.scheme())) {
      register.activate(before.beneficiaryKey(), before.scheme().name(), caseRef.trim(), before.countyCode(),
          before.regionCode(), covered, actor);
    }
    AwardRow inserted = insert(row);
    repository.insertCovered(inserted.id(), covered);
    YearMonth first = YearMonth.from(inserted.effectiveFrom());
    YearMonth until = YearMonth.from(decidedOn).plusMonths(1);
    for (YearMonth m = first; !m.isAfter(until); m = m.plusMonths(1)) {
      if (m.equals(first) || runs.find(inserted.countyCode(), m.atDay(1)).isPresent()) {
        catchUp(inserted, m, actor);
      }
    }
    return inserted;
  }

  /**
   * One covered person leaves a household's award (a 低保 member recognised as 特困, who is paid by their own award
   * from the same month): the amount is recomputed from the award's stored basis without them, as a standard rise
   * computes it (HOUSEHOLD: ROUND((n − 1) × S − net income') + Σ ROUND(S × percent / 100) of the others, net income'
   * = the stored net income less {@code memberIncome}, not below 0; SINGLE_PERSON: Σ ROUND(MIN(S × single,
   * S × (100 + percent)) / 100) of the others), written as an INCREASE/DECREASE row from the month after the decision
   * with one person fewer, the basis replaced, and the person released from the household's place in the register.
   * The same change again (same case) returns its row.
   *
   * @throws InvalidAwardException no stored basis, the person not in it, nobody left (an exit decision instead) or
   *     nothing left to pay
   */
  public AwardRow memberLeaves(String beneficiaryKey, Scheme scheme, String idNumber, BigDecimal memberIncome,
      String caseRef, LocalDate decidedOn, String reason, String actor) {
    Optional<AwardRow> latest = repository.latest(beneficiaryKey, scheme);
    if (latest.isPresent() && caseRef != null && latest.get().caseRef().equals(caseRef.trim())
        && (latest.get().changeKind() == ChangeKind.INCREASE || latest.get().changeKind() == ChangeKind.DECREASE)) {
      return latest.get(); // a retried job
    }
    AwardRow l = activeLatest(beneficiaryKey, scheme);
    List<String> p = common(caseRef, decidedOn, reason, actor);
    AwardBasis b = bases.find(beneficiaryKey, scheme).orElse(null);
    if (b == null) {
      p.add(beneficiaryKey + "的待遇没有测算依据，不能按成员退出重新计算，请先经县级核定");
    }
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    String id = idNumber.strip().toUpperCase();
    List<AwardBasis.Member> others = b.members().stream().filter(m -> !m.idNumber().equals(id)).toList();
    if (others.size() == b.members().size()) {
      throw new InvalidAwardException("测算依据中没有此人，不能按成员退出重新计算");
    }
    if (others.isEmpty()) {
      throw new InvalidAwardException("成员退出后没有保障人员，须作出退出决定");
    }
    BigDecimal s = b.standard();
    BigDecimal net = b.netIncome();
    int size = b.householdSize();
    BigDecimal amount;
    if (b.outcome() == AwardBasis.Outcome.HOUSEHOLD) {
      size = Math.max(1, b.householdSize() - 1);
      net = b.netIncome().subtract(memberIncome == null ? BigDecimal.ZERO : memberIncome).max(BigDecimal.ZERO);
      amount = s.multiply(BigDecimal.valueOf(size)).subtract(net).setScale(2, java.math.RoundingMode.HALF_UP);
      for (AwardBasis.Member m : others) {
        amount = amount.add(s.multiply(BigDecimal.valueOf(m.supplementPercent()))
            .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP));
      }
    } else {
      amount = BigDecimal.ZERO.setScale(2);
      for (AwardBasis.Member m : others) {
        BigDecimal single = s.multiply(BigDecimal.valueOf(m.singlePercent()));
        BigDecimal cap = s.multiply(BigDecimal.valueOf(100L + m.supplementPercent()));
        amount = amount.add(single.min(cap).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP));
      }
    }
    if (amount.signum() <= 0) {
      throw new InvalidAwardException("成员退出后家庭人均收入不低于低保标准（月补助" + amount + "元），须作出退出决定");
    }
    Integer members = l.memberCount() == null ? null : Math.max(1, l.memberCount() - 1);
    withinCeiling(scheme, l.countyCode(), l.urbanRural(), members, amount, decidedOn);
    ChangeKind kind = amount.compareTo(l.monthlyAmount()) > 0 ? ChangeKind.INCREASE : ChangeKind.DECREASE;
    AwardRow inserted = insert(next(l, kind, caseRef, decidedOn, reason, actor, members, l.bankName(),
        l.accountNumber(), amount));
    BigDecimal perCapita = net.divide(BigDecimal.valueOf(size), 2, java.math.RoundingMode.HALF_UP);
    bases.replace(beneficiaryKey, scheme, inserted.id(), new AwardBasis(b.outcome(), size, net, perCapita, s, amount,
        clip(b.source() + "；" + org.doudi.operations.Masking.mask(id) + "退出（" + caseRef.trim() + "）"), others), now());
    register.leave(beneficiaryKey, id, reason, actor);
    return inserted;
  }

  /** A new bank account for the payments from the month after the decision. */
  public AwardRow changeAccount(String beneficiaryKey, Scheme scheme, String bankName, String accountNumber,
      String caseRef, LocalDate decidedOn, String reason, String actor) {
    AwardRow l = activeLatest(beneficiaryKey, scheme);
    return prepareAccount(l, bankName, accountNumber, caseRef, decidedOn, reason, actor).map(this::insert)
        .orElse(l);
  }

  /**
   * The row a change would write, without writing it: the same checks as {@link #apply}, and a change that changes
   * nothing is refused. For a change request, so that it is refused when asked for rather than when approved.
   *
   * @throws InvalidAwardException what the rules refuse
   */
  @Transactional(readOnly = true, noRollbackFor = InvalidAwardException.class)
  public AwardRow preview(String beneficiaryKey, Scheme scheme, AwardChange c, String caseRef, LocalDate decidedOn,
      String reason, String actor) {
    if (c == null || c.kind() == null) {
      throw new InvalidAwardException("变更类型不能为空");
    }
    return switch (c.kind()) {
      case ADJUST -> prepareAdjust(beneficiaryKey, scheme, c.monthlyAmount(), c.memberCount(), caseRef, decidedOn,
          reason, actor);
      case STOP -> prepareStop(beneficiaryKey, scheme, caseRef, decidedOn, reason, actor);
      case ACCOUNT -> prepareAccount(activeLatest(beneficiaryKey, scheme), c.bankName(), c.accountNumber(), caseRef,
          decidedOn, reason, actor).orElseThrow(() -> new InvalidAwardException("新的开户银行和账号与现在相同"));
      case TRANSFER -> prepareTransfer(beneficiaryKey, scheme, c.countyCode(), c.regionCode(), caseRef, decidedOn,
          reason, actor);
    };
  }

  /**
   * Writes a change: {@link #adjust}, {@link #changeAccount} or {@link #transfer} by its kind. A STOP is refused: it
   * is an exit decision ({@link Exits#decide}).
   */
  public AwardRow apply(String beneficiaryKey, Scheme scheme, AwardChange c, String caseRef, LocalDate decidedOn,
      String reason, String actor) {
    return switch (c.kind()) {
      case ADJUST -> adjust(beneficiaryKey, scheme, c.monthlyAmount(), c.memberCount(), caseRef, decidedOn, reason,
          actor);
      case STOP -> throw new InvalidAwardException("停发须作出退出决定（返贫风险评估和告知书），请经 Exits.decide 办理");
      case ACCOUNT -> changeAccount(beneficiaryKey, scheme, c.bankName(), c.accountNumber(), caseRef, decidedOn,
          reason, actor);
      case TRANSFER -> transfer(beneficiaryKey, scheme, c.countyCode(), c.regionCode(), caseRef, decidedOn, reason,
          actor);
    };
  }

  private AwardRow prepareAdjust(String beneficiaryKey, Scheme scheme, BigDecimal newMonthlyAmount,
      Integer memberCount, String caseRef, LocalDate decidedOn, String reason, String actor) {
    AwardRow l = activeLatest(beneficiaryKey, scheme);
    List<String> p = common(caseRef, decidedOn, reason, actor);
    amount(p, newMonthlyAmount);
    if (p.isEmpty() && newMonthlyAmount.compareTo(l.monthlyAmount()) == 0) {
      p.add("新的月补助金额与现在相同（" + l.monthlyAmount() + "元）");
    }
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    Integer members = memberCount == null ? l.memberCount() : memberCount;
    withinCeiling(scheme, l.countyCode(), l.urbanRural(), members, newMonthlyAmount, decidedOn);
    ChangeKind kind = newMonthlyAmount.compareTo(l.monthlyAmount()) > 0 ? ChangeKind.INCREASE : ChangeKind.DECREASE;
    return next(l, kind, caseRef, decidedOn, reason, actor, members, l.bankName(), l.accountNumber(),
        newMonthlyAmount.setScale(2));
  }

  private AwardRow prepareStop(String beneficiaryKey, Scheme scheme, String caseRef, LocalDate decidedOn,
      String reason, String actor) {
    AwardRow l = activeLatest(beneficiaryKey, scheme);
    List<String> p = common(caseRef, decidedOn, reason, actor);
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    return next(l, ChangeKind.STOP, caseRef, decidedOn, reason, actor, l.memberCount(), l.bankName(),
        l.accountNumber(), l.monthlyAmount());
  }

  /**
   * 迁移: the household moved to another county or township. From the month after the decision the new county pays
   * (the award in force is one row per beneficiary, so no month is paid by both counties or by neither; the new
   * county's first month is caught up like a grant's), and the register holds its persons in the new place. The
   * amount stays until the new county decides a change, so it must lie within the new county's ceiling (above it,
   * the old county decides a 减发 first). The new place is a known township or village of a known county, other than
   * the award's. The same transfer again (same case, same place; a retried job) returns its row.
   */
  public AwardRow transfer(String beneficiaryKey, Scheme scheme, String countyCode, String regionCode,
      String caseRef, LocalDate decidedOn, String reason, String actor) {
    Optional<AwardRow> latest = repository.latest(beneficiaryKey, scheme);
    if (latest.isPresent() && latest.get().changeKind() == ChangeKind.TRANSFER && caseRef != null
        && latest.get().caseRef().equals(caseRef.trim()) && latest.get().countyCode().equals(countyCode)
        && latest.get().regionCode().equals(regionCode)) {
      return latest.get();
    }
    AwardRow moved = insert(prepareTransfer(beneficiaryKey, scheme, countyCode, regionCode, caseRef, decidedOn,
        reason, actor));
    if (BASIC_LIVING.contains(scheme)) { // only these hold persons in the register
      register.transfer(beneficiaryKey, moved.countyCode(), moved.regionCode(), "迁移：" + moved.reason(), actor);
    }
    catchUpFirstMonth(moved, actor);
    return moved;
  }

  private AwardRow prepareTransfer(String beneficiaryKey, Scheme scheme, String countyCode, String regionCode,
      String caseRef, LocalDate decidedOn, String reason, String actor) {
    AwardRow l = activeLatest(beneficiaryKey, scheme);
    List<String> p = common(caseRef, decidedOn, reason, actor);
    Region county = null;
    if (countyCode == null || countyCode.isBlank()) {
      p.add("请填写迁入县（市、区）代码 countyCode");
    } else {
      county = regions.find(countyCode).orElse(null);
      if (county == null || county.level() != RegionLevel.COUNTY) {
        p.add("迁入县（市、区）代码" + countyCode + (county == null ? "不存在" : "是" + county.name() + "，不是县（市、区）"));
        county = null;
      }
    }
    if (regionCode == null || regionCode.isBlank()) {
      p.add("请填写迁入地（乡镇（街道）或村（社区））代码 regionCode");
    } else {
      Region place = regions.find(regionCode).orElse(null);
      if (place == null) {
        p.add("迁入地代码" + regionCode + "不存在");
      } else if (place.level() != RegionLevel.TOWNSHIP && place.level() != RegionLevel.VILLAGE) {
        p.add("迁入地须为乡镇（街道）或村（社区），" + place.name() + "（" + regionCode + "）是" + place.level().label());
      } else if (county != null && !regions.isWithin(regionCode, county.code())) {
        p.add("迁入地" + regions.fullName(regionCode) + "（" + regionCode + "）不属于" + county.name() + "（"
            + county.code() + "）");
      } else if (regionCode.equals(l.regionCode())) {
        p.add("迁入地与现在的发放地相同（" + regions.fullName(regionCode) + "，" + regionCode + "）");
      }
    }
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    // a transfer keeps the amount: the receiving county's ceiling must allow it, else the old county lowers it first
    Optional<AwardCeiling.Limit> above = aboveCeiling(scheme, countyCode, l.urbanRural(), l.memberCount(),
        l.monthlyAmount(), decidedOn);
    if (above.isPresent()) {
      AwardCeiling.Limit limit = above.get();
      throw new InvalidAwardException("迁移不改变月补助金额：现在每月 " + l.monthlyAmount() + " 元，超过迁入地"
          + county.name() + "的" + scheme.label() + "上限 " + limit.amount() + " 元（" + limit.basis() + "），不予迁移；"
          + "请先申请减发（kind ADJUST，每月不超过 " + limit.amount() + " 元），审批同意后再申请迁移");
    }
    AwardRow row = next(l, ChangeKind.TRANSFER, caseRef, decidedOn, reason, actor, l.memberCount(), l.bankName(),
        l.accountNumber(), l.monthlyAmount());
    return new AwardRow(0, row.beneficiaryKey(), row.scheme(), row.seq(), row.changeKind(), row.caseRef(),
        countyCode, regionCode, row.urbanRural(), row.memberCount(), row.payeeName(), row.payeeIdNumber(),
        row.bankName(), row.accountNumber(), row.monthlyAmount(), row.effectiveFrom(), row.reason(), row.decidedBy(),
        row.createdAt());
  }

  /** The persons an award covers (its GRANT's list). */
  @Transactional(readOnly = true)
  public List<Person> covered(String beneficiaryKey, Scheme scheme) {
    return repository.covered(beneficiaryKey, scheme);
  }

  /** The new ACCOUNT row, or empty when bank and account are those of the award already. */
  private Optional<AwardRow> prepareAccount(AwardRow l, String bankName, String accountNumber, String caseRef,
      LocalDate decidedOn, String reason, String actor) {
    List<String> p = common(caseRef, decidedOn, reason, actor);
    text(p, bankName, "开户银行", 100);
    account(p, accountNumber);
    if (!p.isEmpty()) {
      throw new InvalidAwardException(p);
    }
    if (l.accountNumber().equals(accountNumber.trim()) && Objects.equals(l.bankName(), bankName.trim())) {
      return Optional.empty();
    }
    return Optional.of(next(l, ChangeKind.ACCOUNT, caseRef, decidedOn, reason, actor, l.memberCount(),
        bankName.trim(), accountNumber.trim(), l.monthlyAmount()));
  }

  /** The row in force in the month (the latest effective by its first day), which may be a STOP. */
  @Transactional(readOnly = true)
  public Optional<AwardRow> current(String beneficiaryKey, Scheme scheme, YearMonth month) {
    return repository.inForce(beneficiaryKey, scheme, month.atDay(1));
  }

  /** The active awards of a county in a month (for screens and tests; the payroll itself works in bulk SQL). */
  @Transactional(readOnly = true)
  public List<AwardRow> activeIn(Scheme scheme, String countyCode, YearMonth month) {
    return repository.activeIn(scheme, countyCode, month.atDay(1));
  }

  /** Where the awards of a bulk read are (either list may be empty; both empty: nowhere). */
  public record Places(List<String> countyPrefixes, List<String> regionCodes) {

    /** Counties by code prefix: "22" a province, "2201" a city, a county's own code that county. */
    public static Places counties(List<String> countyPrefixes) {
      return new Places(List.copyOf(countyPrefixes), List.of());
    }

    /** Exactly these regions (townships, villages), not what lies below them. */
    public static Places regions(List<String> regionCodes) {
      return new Places(List.of(), List.copyOf(regionCodes));
    }
  }

  /**
   * Every award of the schemes in force and not stopped in the month, in the places, in order of beneficiary and
   * scheme, to {@code each} at most about {@code chunk} at a time, with a beneficiary's awards (one per scheme) always
   * in the same chunk, so that the caller can choose between them. The rows are streamed from the database: memory
   * holds one chunk, not a province. Joins the caller's transaction, and {@code each} may write in it as it goes (a
   * one-off subsidy through {@code Payments.recordAll}). This is how other modules read awards (one-off and price
   * subsidies); "in force" is the payroll's own rule (docs/payroll.md, "Awards").
   */
  public void forEachActive(YearMonth month, Set<Scheme> schemes, Places places, int chunk,
      Consumer<List<AwardRow>> each) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be positive: " + chunk);
    }
    List<AwardRow> buffer = new ArrayList<>();
    repository.streamActive(month.atDay(1), schemes, places.countyPrefixes(), places.regionCodes(),
        Math.min(chunk, 10_000), row -> {
      if (buffer.size() >= chunk && !buffer.get(buffer.size() - 1).beneficiaryKey().equals(row.beneficiaryKey())) {
        each.accept(List.copyOf(buffer));
        buffer.clear();
      }
      buffer.add(row);
    });
    if (!buffer.isEmpty()) {
      each.accept(List.copyOf(buffer));
    }
  }

  /** The beneficiary's latest change of the scheme (which may be a STOP, or take effect only later). */
  @Transactional(readOnly = true)
  public Optional<AwardRow> latest(String beneficiaryKey, Scheme scheme) {
    return repository.latest(beneficiaryKey, scheme);
  }

  /**
   * The whole history (every change, by scheme, beneficiary and seq) of each award that this case granted or changed
   * ({@code caseRef} = the case's process instance id): the case overview's awards and their changes.
   */
  @Transactional(readOnly = true)
  public List<AwardRow> ofCase(String caseRef) {
    return repository.ofCase(caseRef);
  }

  @Transactional(readOnly = true)
  public List<AwardRow> history(String beneficiaryKey, Scheme scheme) {
    return repository.history(beneficiaryKey, scheme);
  }

  /**
   * Refuses an amount above the scheme's ceiling for this household on the decision date (nothing stored); a scheme
   * without an {@link AwardCeiling} has no ceiling of its own. At the ceiling is allowed.
   */
  private void withinCeiling(Scheme scheme, String countyCode, String urbanRural, Integer coveredPersons,
      BigDecimal amount, LocalDate decidedOn) {
    aboveCeiling(scheme, countyCode, urbanRural, coveredPersons, amount, decidedOn).ifPresent(limit -> {
      throw new InvalidAwardException("月补助金额 " + amount.setScale(2) + " 元超过" + scheme.label() + "上限 "
          + limit.amount() + " 元（" + limit.basis() + "），不予保存；请核对金额或保障人数");
    });
  }

  /** The ceiling the amount exceeds, if any ({@link AwardCeiling#limit} refuses when none can be determined). */
  private Optional<AwardCeiling.Limit> aboveCeiling(Scheme scheme, String countyCode, String urbanRural,
      Integer coveredPersons, BigDecimal amount, LocalDate decidedOn) {
    AwardCeiling ceiling = ceilings.get(scheme);
    if (ceiling == null) {
      return Optional.empty();
    }
    AwardCeiling.Limit limit = ceiling.limit(countyCode, urbanRural, coveredPersons, decidedOn);
    return amount.compareTo(limit.amount()) > 0 ? Optional.of(limit) : Optional.empty();
  }

  private AwardRow activeLatest(String beneficiaryKey, Scheme scheme) {
    if (beneficiaryKey == null || scheme == null) {
      throw new InvalidAwardException("对象编号和救助项目不能为空");
    }
    Optional<AwardRow> latest = repository.latest(beneficiaryKey, scheme);
    if (latest.isPresent() && !latest.get().active()
        && latest.get().effectiveFrom().isAfter(effectiveFrom(now().atZone(org.doudi.engine.EngineContext.CHINA)
            .toLocalDate()))) {
      throw new InvalidAwardException(beneficiaryKey + "正处于渐退期（已决定自" + latest.get().effectiveFrom()
          + "起停发），渐退期内待遇不变，不能再变更；死亡、骗取救助或迁出的，可申请提前停发（exitReasonCode DEATH、FRAUD、"
          + "MOVED_AWAY）");
    }
    return latest.filter(AwardRow::active)
        .orElseThrow(() -> new InvalidAwardException(beneficiaryKey + "没有正在享受的" + scheme.name() + "待遇"));
  }

  private AwardRow next(AwardRow l, ChangeKind kind, String caseRef, LocalDate decidedOn, String reason, String actor,
      Integer memberCount, String bankName, String accountNumber, BigDecimal amount) {
    return new AwardRow(0, l.beneficiaryKey(), l.scheme(), l.seq() + 1, kind, caseRef.trim(), l.countyCode(),
        l.regionCode(), l.urbanRural(), memberCount, l.payeeName(), l.payeeIdNumber(), bankName, accountNumber, amount,
        from(decidedOn, Optional.of(l)), clip(reason), actor, now());
  }

  private AwardRow insert(AwardRow row) {
    try {
      long id = repository.insert(row);
      AwardRow inserted = repository.byId(id);
      // in the caller's transaction: other modules (the review schedule) follow the award without payroll knowing them
      events.publishEvent(new AwardRecorded(inserted));
      return inserted;
    } catch (DuplicateKeyException e) {
      throw new IllegalStateException("对象" + row.beneficiaryKey() + "的待遇正被同时修改，请重试", e);
    }
  }

  private static int nextSeq(Optional<AwardRow> latest) {
    return latest.map(l -> l.seq() + 1).orElse(1);
  }

  /** Effective from the month after the decision, never before the change it follows. */
  private static LocalDate from(LocalDate decidedOn, Optional<AwardRow> latest) {
    LocalDate f = effectiveFrom(decidedOn);
    return latest.map(l -> l.effectiveFrom().isAfter(f) ? l.effectiveFrom() : f).orElse(f);
  }

  private static List<String> common(String caseRef, LocalDate decidedOn, String reason, String actor) {
    List<String> p = new ArrayList<>();
    text(p, caseRef, "案件编号", 64);
    if (decidedOn == null) {
      p.add("决定日期不能为空");
    }
    text(p, reason, "变更原因", 500);
    text(p, actor, "决定人", 64);
    return p;
  }

  private static void text(List<String> p, String v, String label, int max) {
    if (v == null || v.isBlank()) {
      p.add(label + "不能为空");
    } else if (v.trim().length() > max) {
      p.add(label + "不能超过" + max + "个字");
    }
  }

  private static void account(List<String> p, String accountNumber) {
    if (accountNumber == null || !accountNumber.trim().matches("\\d{8,30}")) {
      p.add("银行账号应为8至30位数字");
    }
  }

  private static void amount(List<String> p, BigDecimal a) {
    if (a == null) {
      p.add("月补助金额不能为空");
    } else if (a.signum() <= 0) {
      p.add("月补助金额必须大于0");
    } else if (a.stripTrailingZeros().scale() > 2) {
      p.add("月补助金额最多两位小数");
    } else if (a.compareTo(new BigDecimal("9999999999.99")) > 0) {
      p.add("月补助金额过大");
    }
  }

  private static String clip(String s) {
    return s == null ? null : s.length() <= 500 ? s.trim() : s.substring(0, 499) + "…";
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
