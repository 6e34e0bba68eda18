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
 * caller's transaction rollback-only.
 */
@Service
@Transactional(noRollbackFor = {AlreadyClaimedException.class, InvalidPaymentException.class})
public class OnceOnly {

  private final LedgerRepository repository;
  private final Regions regions;
  private final TransactionTemplate savepoint;

  public OnceOnly(LedgerRepository repository, Regions regions, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.regions = regions;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Claims the person's once-only entitlement for this case. The same case claiming again (a retried job) gets its
   * own claim back.
   *
   * @throws AlreadyClaimedException another case holds the claim; names where and when
   */
  public Claim claim(String personIdNumber, Scheme scheme, String periodKey, String caseRef, String regionCode,
      String actor) {
    validate(personIdNumber, scheme, periodKey, caseRef, regionCode, actor, null, false);
    List<Claim> earlier = repository.claims(personIdNumber, scheme, periodKey);
    Optional<Claim> own = ofCase(earlier, caseRef);
    if (own.isPresent()) {
      return own.get();
    }
    if (!earlier.isEmpty()) {
      throw already(earlier.get(earlier.size() - 1));
    }
    try {
      savepoint.executeWithoutResult(s -> repository.insertClaim(personIdNumber, scheme, periodKey, 0, caseRef,
          regionCode, Payments.now(), actor, null));
    } catch (DuplicateKeyException raced) {
      List<Claim> now = repository.claims(personIdNumber, scheme, periodKey);
      if (now.isEmpty()) {
        throw raced;
      }
      Optional<Claim> sameCase = ofCase(now, caseRef);
      if (sameCase.isPresent()) {
        return sameCase.get();
      }
      throw already(now.get(now.size() - 1));
    }
    return ofCase(repository.claims(personIdNumber, scheme, periodKey), caseRef).orElseThrow();
  }

  /**
   * A supervisor lets a further case pay despite an earlier claim; the reason is recorded with the claim.
   *
   * @throws InvalidPaymentException no reason, or nothing to override
   * @throws AlreadyClaimedException  another override was recorded at the same moment
   */
  public Claim override(String personIdNumber, Scheme scheme, String periodKey, String caseRef, String regionCode,
      String supervisor, String reason) {
    validate(personIdNumber, scheme, periodKey, caseRef, regionCode, supervisor, reason, true);
    List<Claim> earlier = repository.claims(personIdNumber, scheme, periodKey);
    Optional<Claim> own = ofCase(earlier, caseRef);
    if (own.isPresent()) {
      return own.get();
    }
    if (earlier.isEmpty()) {
      throw new InvalidPaymentException(List.of("该人员尚无领取记录，无需越权审批"));
    }
    Claim latest = earlier.get(earlier.size() - 1);
    try {
      savepoint.executeWithoutResult(s -> repository.insertClaim(personIdNumber, scheme, periodKey,
          latest.overrideSeq() + 1, caseRef, regionCode, Payments.now(), supervisor, reason.trim()));
    } catch (DuplicateKeyException raced) {
      List<Claim> now = repository.claims(personIdNumber, scheme, periodKey);
      throw already(now.get(now.size() - 1));
    }
    return ofCase(repository.claims(personIdNumber, scheme, periodKey), caseRef).orElseThrow();
  }

  /** The latest claim, if any. */
  public Optional<Claim> find(String personIdNumber, Scheme scheme, String periodKey) {
    List<Claim> all = repository.claims(personIdNumber, scheme, periodKey);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  public List<Claim> history(String personIdNumber, Scheme scheme, String periodKey) {
    return repository.claims(personIdNumber, scheme, periodKey);
  }

  private AlreadyClaimedException already(Claim c) {
    return new AlreadyClaimedException(c, regions.find(c.regionCode()).map(Region::name).orElse("区划" + c.regionCode()));
  }

  private static Optional<Claim> ofCase(List<Claim> claims, String caseRef) {
    return claims.stream().filter(c -> c.caseRef().equals(caseRef)).findFirst();
  }

  private static void validate(String person, Scheme scheme, String periodKey, String caseRef, String regionCode,
      String actor, String reason, boolean isOverride) {
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
    if (isOverride && (reason == null || reason.isBlank() || reason.length() > 500)) {
      p.add("越权审批必须填写理由（不超过500字）");
    }
    if (!p.isEmpty()) {
      throw new InvalidPaymentException(p);
    }
  }
}
