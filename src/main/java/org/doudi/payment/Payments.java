package org.doudi.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.doudi.engine.EngineContext;
import org.doudi.payment.persistence.LedgerRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way money is recorded. Every method joins the caller's transaction, so a case decision (or an engine job)
 * and its ledger row commit or roll back together: a committed decision is never left unpaid, and a retried job finds
 * the row its earlier attempt committed instead of writing a second one.
 */
@Service
@Transactional(noRollbackFor = InvalidPaymentException.class)
public class Payments {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");
  private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]|\\d{15}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{8,30}");
  private static final Pattern COUNTY = Pattern.compile("\\d{6}");
  private static final Pattern REGION = Pattern.compile("\\d{6,12}");

  private final LedgerRepository repository;
  private final TransactionTemplate savepoint;
  private final ObjectProvider<BatchKeys> batchKeys;
  private final org.springframework.context.ApplicationEventPublisher events;

  public Payments(LedgerRepository repository, PlatformTransactionManager transactions,
      ObjectProvider<BatchKeys> batchKeys, org.springframework.context.ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
    this.batchKeys = batchKeys;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Records a payment. The same key with the same content returns the existing entry (a retry); the same key with
   * different content is refused. Of two transactions recording the same key at once, the unique key lets one
   * write and the other return the winner's row once it has committed.
   *
   * @param initial CREATED (awaits approval), APPROVED (decided in the case) or PAID (RESERVE_FUND only: handed
   *                over on the spot)
   * @throws InvalidPaymentException      every problem of the request, nothing recorded
   * @throws IdempotencyConflictException the key belongs to a different payment
   */
  public LedgerEntry record(PaymentRequest request, PaymentStatus initial, String actor) {
    PaymentRequest r = validate(request, initial, actor);
    Optional<LedgerEntry> existing = repository.byKey(r.idempotencyKey());
    if (existing.isPresent()) {
      return sameOrConflict(existing.get(), r);
    }
    try {
      long id = savepoint.execute(s -> insert(r, "PAYMENT", null, initial, actor));
      return get(id);
    } catch (DuplicateKeyException raced) {
      return sameOrConflict(repository.byKey(r.idempotencyKey()).orElseThrow(() -> raced), r);
    }
  }

  /** What {@link #recordAll} did: payments written, requests already recorded (the same), and the new ones' total. */
  public record Recorded(int created, int existing, BigDecimal createdTotal) {}

  /**
   * {@link #record} for many requests at once (a one-off subsidy for a whole region: up to a million payments),
   * without a round trip per payment: the requests are checked, the keys already there read together (the same
   * request again counts as existing; a different one is refused as by {@code record}), and the new ones written in
   * batches with their history. All or nothing, in the caller's transaction; callers pass a few thousand at a time.
   *
   * @param initial CREATED or APPROVED
   * @throws InvalidPaymentException      a request's problems (the first request with any), nothing recorded
   * @throws IdempotencyConflictException a key belongs to a different payment
   */
  public Recorded recordAll(List<PaymentRequest> requests, PaymentStatus initial, String actor) {
    if (initial != PaymentStatus.CREATED && initial != PaymentStatus.APPROVED) {
      throw new InvalidPaymentException(List.of("批量记录只能是待审批或已审批"));
    }
    java.util.Map<String, PaymentRequest> byKey = new java.util.LinkedHashMap<>();
    for (PaymentRequest request : requests) {
      PaymentRequest r = validate(request, initial, actor);
      PaymentRequest twice = byKey.putIfAbsent(r.idempotencyKey(), r);
      if (twice != null && !twice.equals(r)) {
        throw new InvalidPaymentException(List.of("付款标识" + r.idempotencyKey() + "在同一批中出现两次且内容不同"));
      }
    }
    java.util.Map<String, LedgerEntry> existing = repository.byKeys(byKey.keySet());
    List<PaymentRequest> fresh = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (PaymentRequest r : byKey.values()) {
      LedgerEntry e = existing.get(r.idempotencyKey());
      if (e != null) {
        sameOrConflict(e, r);
      } else {
        fresh.add(r);
        total = total.add(r.amount());
      }
    }
    if (!fresh.isEmpty()) {
      repository.insertAll(fresh, initial, now(), actor);
      events.publishEvent(new LedgerChanged("RECORDED_BULK", null, null, null, null, fresh.size(), total, actor,
          initial.name()));
    }
    return new Recorded(fresh.size(), existing.size(), total);
  }

  /** Which of the keys are recorded already (for a preview of many payments). */
  public java.util.Set<String> existingKeys(java.util.Collection<String> keys) {
    return repository.existingKeys(keys);
  }

  public Optional<LedgerEntry> byKey(String idempotencyKey) {
    return repository.byKey(idempotencyKey);
  }

  /**
   * The beneficiary's latest payment of the scheme recorded on its own (the monthly payroll's batch rows left out:
   * the award says more about those).
   */
  public Optional<LedgerEntry> latestOwn(String beneficiaryKey, Scheme scheme) {
    return repository.latestOwn(beneficiaryKey, scheme);
  }

  /**
   * What the beneficiary was paid (PAID) of the scheme for the months (period starting in one of them): its own rows
   * and its monthly payroll's rows, whose keys the payroll gives ({@link BatchKeys#ofBeneficiary}). Two decimals.
   */
  @Transactional(readOnly = true)
  public BigDecimal paidIn(String beneficiaryKey, Scheme scheme, java.util.Collection<java.time.YearMonth> months) {
    List<String> keys = batchKeys.orderedStream().flatMap(b -> b.ofBeneficiary(beneficiaryKey, scheme, months)
        .stream()).distinct().toList();
    return repository.paidIn(beneficiaryKey, scheme, months, keys).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /** @throws NoSuchElementException no such payment */
  public LedgerEntry get(long id) {
    return repository.byId(id).orElseThrow(() -> new NoSuchElementException("付款" + id + "不存在"));
  }

  public List<LedgerEntry> byCase(String caseRef) {
    return repository.byCase(caseRef, batchKeys.orderedStream().flatMap(b -> b.ofCase(caseRef).stream())
        .distinct().toList());
  }

  public List<StatusChange> history(long id) {
    return repository.history(id);
  }

  /**
   * Moves a payment to {@code to} and records the change. Already there: returned unchanged, so a retried step is
   * harmless. The row is locked first, so concurrent changes of one payment run one after the other.
   *
   * @throws IllegalPaymentTransitionException the change is not allowed from the current status
   */
  public LedgerEntry transition(long id, PaymentStatus to, String actor, String note) {
    Objects.requireNonNull(to, "to");
    requireActor(actor);
    LedgerEntry e = repository.lock(id).orElseThrow(() -> new NoSuchElementException("付款" + id + "不存在"));
    if (e.status() == to) {
      return e;
    }
    boolean bankSkipsSending = e.status() == PaymentStatus.APPROVED && to == PaymentStatus.PAID
        && e.channel() == Channel.BANK;
    if (!e.status().next().contains(to) || bankSkipsSending) {
      throw new IllegalPaymentTransitionException(id, e.status(), to);
    }
    Instant now = now();
    if (!repository.updateStatus(id, e.status(), to, now, actor)) {
      throw new IllegalStateException("付款" + id + "的状态已被同时修改");
    }
    repository.insertChange(id, e.status(), to, now, actor, clip(note));
    events.publishEvent(new LedgerChanged("STATUS", id, e.caseRef(), e.countyCode(), null, 1, e.amount(), actor,
        e.status() + " → " + to));
    return get(id);
  }

  /**
   * Re-issues a payment the bank returned, to a corrected account: a new REISSUE row (approved, like the original)
   * for the same payee, period and amount, which goes into the next bank file. One re-issue per returned row; asking
   * again with the same account returns it.
   */
  public LedgerEntry reissue(long returnedId, String bankName, String accountNumber, String actor, String reason) {
    requireActor(actor);
    LedgerEntry original = repository.lock(returnedId)
        .orElseThrow(() -> new NoSuchElementException("付款" + returnedId + "不存在"));
    List<String> problems = new ArrayList<>();
    if (original.status() != PaymentStatus.RETURNED) {
      problems.add("只有银行退回的付款才能补发（当前状态：" + original.status().label() + "）");
    }
    // a once-only record corrected to another case: that case pays the person, this returned payment never again
    repository.lockClaimsOfCase(original.caseRef(), original.scheme()).stream().filter(c -> !c.active()).findFirst()
        .ifPresent(c -> problems.add("该人员的全省唯一领取记录已由" + c.supersededBy() + "更正到其他案件（"
            + c.supersededReason() + "），本笔退回款不能补发"));
    if (blank(reason)) {
      problems.add("补发原因不能为空");
    }
    bank(bankName, accountNumber, problems);
    if (!problems.isEmpty()) {
      throw new InvalidPaymentException(problems);
    }
    Payee p = original.payee();
    PaymentRequest r = new PaymentRequest("reissue:" + returnedId, original.scheme(), original.caseRef(),
        new Payee(p.beneficiaryKey(), p.name(), p.idNumber(), bankName.trim(), accountNumber.trim()),
        original.countyCode(), original.regionCode(), original.periodStart(), original.periodEnd(), original.amount(),
        Channel.BANK, null, clip("补发：" + reason.trim()));
    Optional<LedgerEntry> existing = repository.byKey(r.idempotencyKey());
    if (existing.isPresent()) {
      return sameOrConflict(existing.get(), r);
    }
    return get(insert(r, "REISSUE", returnedId, PaymentStatus.APPROVED, actor));
  }

  private long insert(PaymentRequest r, String kind, Long relatedId, PaymentStatus initial, String actor) {
    Instant now = now();
    PaymentStatus first = initial == PaymentStatus.PAID ? PaymentStatus.APPROVED : initial;
    long id = repository.insert(r, kind, relatedId, first, now, actor);
    repository.insertChange(id, null, first, now, actor, r.note());
    if (initial == PaymentStatus.PAID) {
      // handed over from the reserve fund: approved and paid in the same moment, both steps on record
      repository.updateStatus(id, first, PaymentStatus.PAID, now, actor);
      repository.insertChange(id, first, PaymentStatus.PAID, now, actor, "备用金当场发放");
    }
    events.publishEvent(new LedgerChanged("REISSUE".equals(kind) ? "REISSUED" : "RECORDED", id, r.caseRef(),
        r.countyCode(), null, 1, r.amount(), actor, initial.name()));
    return id;
  }

  private static LedgerEntry sameOrConflict(LedgerEntry e, PaymentRequest r) {
    List<String> diff = new ArrayList<>();
    compare(diff, "项目", e.scheme(), r.scheme());
    compare(diff, "案件", e.caseRef(), r.caseRef());
    compare(diff, "对象", e.payee().beneficiaryKey(), r.payee().beneficiaryKey());
    compare(diff, "身份证号", e.payee().idNumber(), r.payee().idNumber());
    compare(diff, "区划", e.regionCode(), r.regionCode());
    compare(diff, "期间起", e.periodStart(), r.periodStart());
    compare(diff, "期间止", e.periodEnd(), r.periodEnd());
    compare(diff, "发放方式", e.channel(), r.channel());
    compare(diff, "账号", e.payee().accountNumber(), r.payee().accountNumber());
    compare(diff, "发放月份", e.payrollMonth(), r.payrollMonth());
    if (e.amount().compareTo(r.amount()) != 0) {
      diff.add("金额 " + e.amount() + " ≠ " + r.amount());
    }
    if (!diff.isEmpty()) {
      throw new IdempotencyConflictException(e, String.join("，", diff));
    }
    return e;
  }

  private static void compare(List<String> diff, String label, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      diff.add(label + " " + a + " ≠ " + b);
    }
  }

  private static PaymentRequest validate(PaymentRequest r, PaymentStatus initial, String actor) {
    List<String> p = new ArrayList<>();
    if (r == null) {
      throw new InvalidPaymentException(List.of("付款信息为空"));
    }
    if (blank(actor)) {
      p.add("经办人不能为空");
    }
    if (initial == null || !(initial == PaymentStatus.CREATED || initial == PaymentStatus.APPROVED
        || initial == PaymentStatus.PAID)) {
      p.add("新付款的状态只能是待审批、已审批或（备用金）已发放");
    } else if (initial == PaymentStatus.PAID && r.channel() != Channel.RESERVE_FUND) {
      p.add("只有备用金当场发放的付款可以直接记为已发放");
    }
    if (blank(r.idempotencyKey()) || r.idempotencyKey().length() > 200) {
      p.add("付款标识不能为空且不超过200字");
    }
    if (r.scheme() == null) {
      p.add("救助项目不能为空");
    }
    if (blank(r.caseRef()) || r.caseRef().length() > 64) {
      p.add("案件号不能为空且不超过64字");
    }
    Payee payee = r.payee();
    if (payee == null) {
      p.add("收款人不能为空");
    } else {
      if (blank(payee.beneficiaryKey()) || payee.beneficiaryKey().length() > 64) {
        p.add("救助对象标识不能为空且不超过64字");
      }
      if (blank(payee.name()) || payee.name().length() > 50) {
        p.add("收款人姓名不能为空且不超过50字");
      }
      if (payee.idNumber() == null || !ID_NUMBER.matcher(payee.idNumber()).matches()) {
        p.add("收款人身份证号格式不正确");
      }
    }
    if (r.countyCode() == null || !COUNTY.matcher(r.countyCode()).matches()) {
      p.add("县级区划代码应为6位数字");
    }
    if (r.regionCode() == null || !REGION.matcher(r.regionCode()).matches()
        || (r.countyCode() != null && !r.regionCode().startsWith(r.countyCode()))) {
      p.add("区划代码应为6至12位数字且属于该县");
    }
    if (r.periodStart() == null || r.periodEnd() == null) {
      p.add("救助期间不能为空");
    } else if (r.periodEnd().isBefore(r.periodStart())) {
      p.add("救助期间止日不能早于起日");
    }
    BigDecimal amount = r.amount();
    if (amount == null || amount.signum() <= 0) {
      p.add("金额必须大于0");
    } else if (amount.stripTrailingZeros().scale() > 2) {
      p.add("金额最多保留两位小数（分）");
    } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
      p.add("金额超出上限");
    }
    if (r.channel() == null) {
      p.add("发放方式不能为空");
    } else if (r.channel() == Channel.BANK && payee != null) {
      bank(payee.bankName(), payee.accountNumber(), p);
    }
    LocalDate month = r.payrollMonth();
    if (month != null && month.getDayOfMonth() != 1) {
      p.add("发放月份应为该月1日");
    }
    if (r.note() != null && r.note().length() > 500) {
      p.add("备注不超过500字");
    }
    if (!p.isEmpty()) {
      throw new InvalidPaymentException(p);
    }
    return new PaymentRequest(r.idempotencyKey().trim(), r.scheme(), r.caseRef(), payee, r.countyCode(),
        r.regionCode(), r.periodStart(), r.periodEnd(), amount.setScale(2), r.channel(), month, r.note());
  }

  private static void bank(String bankName, String account, List<String> p) {
    if (blank(bankName) || bankName.trim().length() > 100) {
      p.add("开户银行不能为空且不超过100字");
    }
    if (account == null || !ACCOUNT.matcher(account.trim()).matches()) {
      p.add("银行账号应为8至30位数字");
    }
  }

  private static void requireActor(String actor) {
    if (blank(actor)) {
      throw new InvalidPaymentException(List.of("经办人不能为空"));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String clip(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
  }

  static Instant now() {
    return EngineContext.now();
  }
}
