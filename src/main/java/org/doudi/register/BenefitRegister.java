package org.doudi.register;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.operations.Masking;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.doudi.register.Holding.Status;
import org.doudi.register.persistence.RegisterRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One person, one basic-living benefit in the province (docs/integrity.md). A 低保 or 特困 case claims its household's
 * persons when the application is registered; the claim follows the case (approved, active, moved) and is released
 * when the case ends without a benefit or the benefit stops. A claim of a person held by another household is refused
 * with where, which case and since when. Every method joins the caller's transaction, so a case and its claim
 * commit or roll back together.
 */
@Service
@Transactional
public class BenefitRegister {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final RegisterRepository repository;
  private final Regions regions;
  private final TransactionTemplate savepoint;

  public BenefitRegister(RegisterRepository repository, Regions regions, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.regions = regions;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Registers the persons of an application (status APPLYING). A person already held by this holder stays as they
   * are (a retried start); held by another, the whole claim is refused.
   *
   * @throws AlreadyRegisteredException naming the first person held elsewhere
   */
  public void claim(String holderKey, String scheme, String caseRef, String countyCode, String regionCode,
      Collection<Person> persons, String actor) {
    enter(holderKey, scheme, caseRef, countyCode, regionCode, persons, Status.APPLYING, actor);
  }

  /**
   * The decision approved the case: the covered persons become APPROVED; the household's other persons (a 单人户
   * decision covers only the severely disabled or ill member) leave the register.
   */
  public void approve(String holderKey, String caseRef, Set<String> coveredIdNumbers, String actor) {
    Instant now = now();
    Set<String> covered = normalise(coveredIdNumbers);
    for (Holding h : repository.ofHolder(holderKey)) {
      if (covered.contains(h.idNumber())) {
        if (h.status() == Status.APPLYING) {
          repository.setStatus(h.idNumber(), Status.APPROVED, caseRef, now);
          repository.event(h, "APPROVED", Status.APPROVED, null, actor, now);
        }
      } else {
        repository.delete(h.idNumber());
        repository.event(h, "RELEASED", null, "确认同意的待遇不包括此人（单人户）", actor, now);
      }
    }
  }

  /**
   * A benefit starts being paid: the covered persons become ACTIVE (entered if the case had not claimed them).
   *
   * @throws AlreadyRegisteredException when a covered person is held by another household
   */
  public void activate(String holderKey, String scheme, String caseRef, String countyCode, String regionCode,
      Collection<Person> covered, String actor) {
    enter(holderKey, scheme, caseRef, countyCode, regionCode, covered, Status.ACTIVE, actor);
  }

  /** The case ended without a benefit (rejected, withdrawn, lapsed) or the benefit stopped: its persons leave. */
  public void release(String holderKey, String reason, String actor) {
    Instant now = now();
    for (Holding h : repository.ofHolder(holderKey)) {
      repository.delete(h.idNumber());
      repository.event(h, "RELEASED", null, clip(reason), actor, now);
    }
  }

  /**
   * One person leaves a holding (a 低保 household member recognised as 特困 moves to their own holding); the others
   * stay. Nothing when the person is not held by this holder (a repeat).
   */
  public void leave(String holderKey, String idNumber, String reason, String actor) {
    Optional<Holding> h = repository.find(idNumber.strip().toUpperCase());
    if (h.isPresent() && h.get().holderKey().equals(holderKey)) {
      repository.delete(h.get().idNumber());
      repository.event(h.get(), "RELEASED", null, clip(reason), actor, now());
    }
  }

  /** The household moved: its persons are held by the new county and region from now on. */
  public void transfer(String holderKey, String countyCode, String regionCode, String reason, String actor) {
    Instant now = now();
    for (Holding h : repository.ofHolder(holderKey)) {
      repository.move(h.idNumber(), countyCode, regionCode, now);
      repository.event(new Holding(h.idNumber(), h.personName(), h.scheme(), h.holderKey(), h.caseRef(), countyCode,
          regionCode, h.status(), h.since()), "TRANSFERRED", h.status(), clip(reason), actor, now);
    }
  }

  @Transactional(readOnly = true)
  public Optional<Holding> find(String idNumber) {
    return idNumber == null ? Optional.empty() : repository.find(idNumber.strip().toUpperCase());
  }

  /** What a refusal tells the caseworker or citizen: who, where, which case, since when. */
  public String describe(Holding h) {
    return h.personName() + "（身份证号码" + Masking.mask(h.idNumber()) + "）已在" + place(h) + "的"
        + h.schemeLabel() + "案件" + h.holderKey() + (h.caseRef().equals(h.holderKey()) ? "" : "（" + h.caseRef() + "）")
        + "中登记，状态：" + h.status().label() + "，自" + LocalDate.ofInstant(h.since(), CHINA)
        + "起；同一人在全省只能享受一项基本生活救助（低保或特困），如户籍或居住地变更请办理转移";
  }

  private void enter(String holderKey, String scheme, String caseRef, String countyCode, String regionCode,
      Collection<Person> persons, Status status, String actor) {
    Instant now = now();
    Map<String, Person> byId = new LinkedHashMap<>();
    persons.forEach(p -> byId.putIfAbsent(p.idNumber(), p));
    // each person read once: held by another holder refuses the whole entry before anything is stored; a claim
    // committed concurrently after this read is refused by the primary key at the insert (see insert)
    Map<String, Optional<Holding>> held = new LinkedHashMap<>();
    for (Person p : byId.values()) {
      Optional<Holding> h = repository.find(p.idNumber());
      if (h.isPresent() && !h.get().holderKey().equals(holderKey)) {
        throw new AlreadyRegisteredException(describe(h.get()), h.get());
      }
      held.put(p.idNumber(), h);
    }
    for (Person p : byId.values()) {
      Optional<Holding> mine = held.get(p.idNumber());
      if (mine.isPresent()) {
        if (status == Status.ACTIVE && mine.get().status() != Status.ACTIVE) {
          repository.setStatus(p.idNumber(), Status.ACTIVE, caseRef, now);
          repository.event(mine.get(), "ACTIVATED", Status.ACTIVE, null, actor, now);
        }
        continue;
      }
      Holding h = new Holding(p.idNumber(), p.name(), scheme, holderKey, caseRef, countyCode, regionCode, status, now);
      insert(h, now);
      repository.event(h, status == Status.ACTIVE ? "ACTIVATED" : "CLAIMED", status, null, actor, now);
    }
  }

  /**
   * The insert in a savepoint: when a concurrent claim of the same person committed first, the primary key refuses
   * this one, the savepoint keeps the transaction usable, and the refusal can say where the person is held.
   */
  private void insert(Holding h, Instant now) {
    try {
      savepoint.executeWithoutResult(s -> repository.insert(h, now));
    } catch (DuplicateKeyException e) {
      Holding other = repository.find(h.idNumber()).orElse(null);
      throw new AlreadyRegisteredException(other == null
          ? h.personName() + "（身份证号码" + Masking.mask(h.idNumber()) + "）正在另一申请中登记；同一人在全省只能享受一项基本生活救助"
          : describe(other), other);
    }
  }

  private String place(Holding h) {
    String county = regions.find(h.countyCode()).map(Region::name).orElse(h.countyCode());
    String region = regions.find(h.regionCode()).map(Region::name).orElse(h.regionCode());
    return county + (h.regionCode().equals(h.countyCode()) ? "" : region) + "（" + h.regionCode() + "）";
  }

  private static Set<String> normalise(Set<String> ids) {
    return Set.copyOf(ids.stream().map(s -> s.strip().toUpperCase()).toList());
  }

  private static String clip(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
