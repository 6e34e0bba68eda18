package org.doudi.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.doudi.payment.persistence.LedgerRepository;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Only once in the province" (吉民发〔2020〕40号 四(二)): a claim per person, scheme and period, decided by the unique
 * key of payment_once_only rather than by a query, so two caseworkers approving the same person at the same moment
 * cannot both succeed. The insert runs in a savepoint: the loser's transaction stays usable and can take the
 * duplicate path (e.g. a BPMN error) instead of failing as a whole — which is also why a refusal does not mark the
 * caller's transaction rollback-only. There is no override: a person is paid a second time never; a record whose
 * payment never reached the person (returned, cancelled) may be corrected so that another case pays instead.
 */
@Service
@Transactional(noRollbackFor = {AlreadyClaimedException.class, InvalidPaymentException.class})
public class OnceOnly {

  private final LedgerRepository repository;
  private final Payments payments;
  private final Regions regions;
  private final TransactionTemplate savepoint;

  public OnceOnly(LedgerRepository repository, Payments payments, Regions regions,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.payments = payments;
    this.regions = regions;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Claims the person's once-only entitlement for this case. The same case claiming again (a retried job) gets its
   * own claim back, unless its claim was superseded by a correction (then it is refused like any other case).
   *
   * @throws AlreadyClaimedException another case holds the claim; names where and when
   */
  public Claim claim(String personIdNumber, Scheme scheme, String periodKey, String caseRef, String regionCode,
      String actor) {
    validate(personIdNumber, scheme, periodKey, caseRef, regionCode, actor, null, false);
    List<Claim> earlier = repository.claims(personIdNumber, scheme, periodKey);
    Optional<Claim> own = ofCase(earlier, caseRef).filter(Claim::active);
    if (own.isPresent()) {
      return own.get();
    }
    if (!earlier.isEmpty()) {
      throw already(latest(earlier));
    }
    try {
      savepoint.executeWithoutResult(s -> repository.insertClaim(personIdNumber, scheme, periodKey, 0, caseRef,
          regionCode, Payments.now(), actor, null));
    } catch (DuplicateKeyException raced) {
      List<Claim> now = repository.claims(personIdNumber, scheme, periodKey);
      if (now.isEmpty()) {
        throw raced;
      }
      Optional<Claim> sameCase = ofCase(now, caseRef).filter(Claim::active);
      if (sameCase.isPresent()) {
        return sameCase.get();
      }
      throw already(latest(now));
    }
    return ofCase(repository.claims(personIdNumber, scheme, periodKey), caseRef).orElseThrow();
  }

  /**
   * Corrects the record so that this case holds the person's one claim, when the payment of the case holding it
   * now never reached the person: it has payments in the scheme and every one (re-issues included) is RETURNED or
   * CANCELLED. The earlier claim is superseded (who, when, why) and can no longer be re-issued
   * ({@link Payments#reissue}); this case's claim records the reason. Never a second paid payment: the earlier
   * case's payments are locked while they are checked, and one active claim per person is a unique key. The same
   * case correcting again (a retried job) gets its claim back.
   *
   * @throws InvalidPaymentException no reason, nothing to correct, or the earlier payment is not returned/cancelled
   * @throws AlreadyClaimedException  another correction was recorded at the same moment
   */
  public Claim correct(String personIdNumber, Scheme scheme, String periodKey, String caseRef, String regionCode,
      String supervisor, String reason) {
    validate(personIdNumber, scheme, periodKey, caseRef, regionCode, supervisor, reason, true);
    List<Claim> all = repository.claims(personIdNumber, scheme, periodKey);
    Optional<Claim> own = ofCase(all, caseRef).filter(Claim::active);
    if (own.isPresent()) {
      return own.get();
    }
    Claim held = requireCorrectable(all, caseRef, true);
    String why = reason.trim();
    try {
      savepoint.executeWithoutResult(s -> {
        if (!repository.supersede(held.id(), Payments.now(), supervisor, clip("更正为案件" + caseRef + "发放：" + why))) {
          throw new DuplicateKeyException("claim " + held.id() + " is no longer active");
        }
        int seq = all.get(all.size() - 1).seq() + 1;
        repository.insertClaim(personIdNumber, scheme, periodKey, seq, caseRef, regionCode, Payments.now(),
            supervisor, why);
      });
    } catch (DuplicateKeyException raced) {
      throw already(latest(repository.claims(personIdNumber, scheme, periodKey)));
    }
    return ofCase(repository.claims(personIdNumber, scheme, periodKey), caseRef).orElseThrow();
  }

  /**
   * Whether {@link #correct} would let this case hold the claim; for the form that asks for the correction.
   *
   * @throws InvalidPaymentException why not, in Chinese
   */
  @Transactional(readOnly = true, noRollbackFor = {AlreadyClaimedException.class, InvalidPaymentException.class})
  public void requireCorrectable(String personIdNumber, Scheme scheme, String periodKey, String caseRef) {
    requireCorrectable(repository.claims(personIdNumber, scheme, periodKey), caseRef, false);
  }

  /** The active claim of another case, if its payments are all returned or cancelled (locked when asked). */
  private Claim requireCorrectable(List<Claim> all, String caseRef, boolean lock) {
    Claim held = all.stream().filter(Claim::active).findFirst()
        .orElseThrow(() -> new InvalidPaymentException(List.of("该人员尚无领取记录，无需更正")));
    if (held.caseRef().equals(caseRef)) {
      throw new InvalidPaymentException(List.of("本案件已是该人员的唯一领取记录，无需更正"));
    }
    if (lock) {
      repository.lockClaimsOfCase(held.caseRef(), held.scheme());
    }
    List<String> problems = new ArrayList<>();
    List<LedgerEntry> earlier = payments.byCase(held.caseRef()).stream().filter(e -> e.scheme() == held.scheme())
        .toList();
    if (earlier.isEmpty()) {
      // a claim is recorded with its payment; without one, nothing shows that the person did not receive it
      problems.add("前次领取记录（案件" + held.caseRef() + "）查不到付款，无法核实申请人未收到，不能更正");
    }
    for (LedgerEntry e : earlier) {
      PaymentStatus status = lock ? repository.lock(e.id()).map(LedgerEntry::status).orElse(e.status())
          : e.status();
      if (status != PaymentStatus.RETURNED && status != PaymentStatus.CANCELLED) {
        problems.add("前次付款" + e.id() + "（案件" + held.caseRef() + "，" + e.amount().toPlainString() + "元）状态为"
            + status.label() + "：只有银行退回或已取消、申请人未实际收到的付款才能更正查重记录，全省只能领取一次");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPaymentException(problems);
    }
    return held;
  }

  /** The active claim, if any. */
  public Optional<Claim> find(String personIdNumber, Scheme scheme, String periodKey) {
    return repository.claims(personIdNumber, scheme, periodKey).stream().filter(Claim::active).findFirst();
  }

  public List<Claim> history(String personIdNumber, Scheme scheme, String periodKey) {
    return repository.claims(personIdNumber, scheme, periodKey);
  }

  /** The active claim, else the latest (every claim of a person has been superseded only in a race). */
  private static Claim latest(List<Claim> claims) {
    return claims.stream().filter(Claim::active).findFirst().orElse(claims.get(claims.size() - 1));
  }

  private static String clip(String s) {
    return s.length() <= 500 ? s : s.substring(0, 499) + "…";
  }

  private AlreadyClaimedException already(Claim c) {
    return new AlreadyClaimedException(c, regions.find(c.regionCode()).map(Region::name).orElse("区划" + c.regionCode()));
  }

  private static Optional<Claim> ofCase(List<Claim> claims, String caseRef) {
    return claims.stream().filter(c -> c.caseRef().equals(caseRef)).findFirst();
  }

  private static void validate(String person, Scheme scheme, String periodKey, String caseRef, String regionCode,
      String actor, String reason, boolean isCorrection) {
    List<String> p = new ArrayList<>();
    if (person == null || !person.matches("\\d{17}[\\dX]|\\d{15}")) {
      p.add("身份证号格式不正确");
    }
    if (scheme == null) {
      p.add("救助项目不能为空");
    }
    if (periodKey == null || periodKey.isBlank() || periodKey.length() > 40) {
      p.add("期间标识不能为空且不超过40字");
    }
    if (caseRef == null || caseRef.isBlank() || caseRef.length() > 64) {
      p.add("案件号不能为空且不超过64字");
    }
    if (regionCode == null || !regionCode.matches("\\d{6,12}")) {
      p.add("区划代码应为6至12位数字");
    }
    if (actor == null || actor.isBlank()) {
      p.add("经办人不能为空");
    }
    if (isCorrection && (reason == null || reason.isBlank() || reason.trim().length() > 450)) {
      p.add("更正查重记录必须填写理由（不超过450字）");
    }
    if (!p.isEmpty()) {
      throw new InvalidPaymentException(p);
    }
  }
}
