package org.doudi.child;

import static org.doudi.child.ChildVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.child.persistence.ChildRepository;
import org.doudi.child.persistence.ChildRepository.StandardRow;
import org.doudi.child.persistence.ChildRepository.Stored;
import org.doudi.child.persistence.ChildRepository.Support;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.register.AlreadyRegisteredException;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Holding;
import org.doudi.register.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 儿童基本生活费 from outside the engine (docs/child.md): the guardian's application (stored, the child claimed in the
 * one-person register and the case started in one transaction), the case file, the county standards and the daily
 * start of due reviews (yearly, and the 18th birthday).
 */
@Service
public class ChildSubsidies {

  /** The register's scheme and the payroll's: the same name. */
  public static final String SCHEME = Scheme.CHILD_SUBSIDY.name();
  /** No monthly standard above this is believed (a typing error is refused instead of paid). */
  static final BigDecimal SANITY_LIMIT = new BigDecimal("5000.00");

  private final ChildRepository repository;
  private final BenefitRegister register;
  private final Awards awards;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final Regions regions;
  private final jakarta.validation.Validator validator;
  private final org.springframework.context.ApplicationEventPublisher events;

  public ChildSubsidies(ChildRepository repository, BenefitRegister register, Awards awards, RuntimeService runtime,
      EngineAsSystem asSystem, Regions regions, jakarta.validation.Validator validator,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.validator = validator;
    this.repository = repository;
    this.register = register;
    this.awards = awards;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.regions = regions;
  }

  /** The award's beneficiary key: the child ({@code P-<idNumber>}, as the disability subsidies). */
  public static String beneficiaryKey(String idNumber) {
    return "P-" + idNumber;
  }

  /** The register's holder of the child while the application and the support last. */
  public static String holderKey(long applicationId) {
    return "CH-" + applicationId;
  }

  public record StartedCase(long applicationId, String processInstanceId) {}

  public record CaseRecord(String kind, String content, BigDecimal amount, String createdBy,
      OffsetDateTime createdAt) {}

  /** The stored application, its support (once granted) and its records. */
  public record CaseFile(long applicationId, String childName, String idNumberMasked, String regionCode,
      String category, String categoryLabel, String careMode, String careModeLabel, String status,
      BigDecimal monthlyAmount, String amountBasis, String supportStatus, LocalDate nextReviewOn, LocalDate adultOn,
      String processInstanceId, List<CaseRecord> records) {}

  /**
   * Validates the application (beyond Bean Validation: codes, check digits, age, place), refuses a child already in
   * an open application, in this subsidy, in 特困 or covered by a 低保 household, stores it, claims the child in the
   * register and starts {@code child-subsidy} (business key = application id) in one transaction.
   *
   * @throws InvalidApplicationException with the violations (Chinese); nothing is stored
   */
  @Transactional
  public StartedCase apply(ChildApplication a, String user) {
    if (a == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请JSON");
    }
    validate(a);
    List<Violation> v = new ArrayList<>();
    ParentSituation father = situation(v, "fatherSituation", "父亲情况", a.fatherSituation());
    ParentSituation mother = situation(v, "motherSituation", "母亲情况", a.motherSituation());
    CareMode care = careMode(v, "careMode", a.careMode());
    String id = a.idNumber().strip().toUpperCase();
    String guardianId = a.guardianIdNumber().strip().toUpperCase();
    LocalDate today = EngineContext.today();
    if (!IdNumber.isValid(id)) {
      v.add(new Violation("idNumber", "儿童身份证号码" + id + "无效（校验位或出生日期不正确）"));
    } else if (IdNumber.parse(id).ageOn(today) >= 18) {
      v.add(new Violation("idNumber", "儿童已满18周岁（出生日期" + IdNumber.parse(id).birthDate()
          + "），不属于儿童基本生活费保障范围"));
    }
    if (!IdNumber.isValid(guardianId)) {
      v.add(new Violation("guardianIdNumber", "监护人身份证号码" + guardianId + "无效（校验位或出生日期不正确）"));
    } else if (guardianId.equals(id)) {
      v.add(new Violation("guardianIdNumber", "监护人不能是儿童本人"));
    }
    String regionCode = a.regionCode().strip();
    Optional<Region> region = regions.find(regionCode);
    Optional<Region> county = region.flatMap(r -> regions.ancestorAt(r.code(), RegionLevel.COUNTY));
    if (region.isEmpty() || county.isEmpty() || region.get().level() == RegionLevel.COUNTY) {
      v.add(new Violation("regionCode", "行政区划代码" + regionCode + "不存在或不是乡镇（街道）、村（社区）"));
    } else if (region.get().closedForNewCases() != null) {
      v.add(new Violation("regionCode", region.get().closedForNewCases()));
    }
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    refuseWhenHeld(id);
    Stored draft = new Stored(0, a.childName().strip(), id, IdNumber.parse(id).birthDate(), county.get().code(),
        regionCode, urbanRural(region.get()), father.name(), mother.name(), null, care.name(), a.guardianName().strip(),
        guardianId, a.guardianRelation().strip(), a.guardianPhone().strip(), a.bankName().strip(),
        a.accountNumber().strip(), "REGISTERED", null, null, null, blankToNull(a.note()), user, null);
    long appId;
    try {
      appId = repository.insert(draft, EngineContext.now());
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new InvalidApplicationException("idNumber", "该儿童已有办理中的儿童基本生活费申请，不能重复申请");
    }
    try {
      register.claim(holderKey(appId), SCHEME, holderKey(appId), county.get().code(), regionCode,
          List.of(new Person(id, draft.childName())), user);
    } catch (AlreadyRegisteredException e) {
      throw new InvalidApplicationException("idNumber", e.getMessage());
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(APPLICATION_ID, appId);
    vars.put(CaseVariables.REGION_CODE, regionCode);
    vars.put(COUNTY_CODE, county.get().code());
    vars.put(CHILD_NAME, draft.childName());
    vars.put(ID_NUMBER_MASKED, IdNumber.parse(id).masked());
    vars.put(REGION_NAME, regions.fullName(regionCode));
    vars.put(PARENTS_TEXT, "父亲：" + father.label() + "；母亲：" + mother.label());
    vars.put(GUARDIAN_TEXT, draft.guardianName() + "（" + draft.guardianRelation() + "，电话" + draft.guardianPhone()
        + "）");
    vars.put(CARE_MODE_LABEL, care.label());
    vars.put(REGISTERED_BY, user);
    String pid = asSystem.call(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(String.valueOf(appId)).setVariables(vars).execute().getId());
    repository.attachProcess(appId, pid);
    return new StartedCase(appId, pid);
  }

  /**
   * One child, one basic-living benefit: a child in an open application or in this subsidy, in 特困 or covered by a
   * 低保 household's award is refused, naming where. 低保: the conservative choice (docs/child.md) — the national
   * rule on a child who is both could not be verified, so the household's change (减员) comes first.
   */
  private void refuseWhenHeld(String id) {
    repository.open(id).ifPresent(o -> {
      throw new InvalidApplicationException("idNumber", "该儿童已有办理中的儿童基本生活费申请（编号" + o.id() + "），不能重复申请");
    });
    repository.activeSupport(id).ifPresent(s -> {
      throw new InvalidApplicationException("idNumber", "该儿童正在享受儿童基本生活费（申请" + s.applicationId()
          + "），不能重复申请");
    });
    Optional<AwardRow> award = awards.latest(beneficiaryKey(id), Scheme.CHILD_SUBSIDY);
    if (award.isPresent() && award.get().active()) {
      throw new InvalidApplicationException("idNumber", "该儿童正在享受儿童基本生活费（每月"
          + award.get().monthlyAmount().toPlainString() + "元），不能重复申请");
    }
    Optional<Holding> held = register.find(id);
    if (held.isEmpty()) {
      return;
    }
    Holding h = held.get();
    String message = switch (h.scheme()) {
      case "DIBAO" -> "该儿童是低保家庭" + h.holderKey() + "（" + regions.fullName(h.regionCode()) + "，" + h.status().label()
          + "）的保障成员。同一儿童不同时享受低保和儿童基本生活费：请先办理该家庭的低保变更（将该儿童减员），再申请儿童基本生活费。"
          + register.describe(h);
      case "TEKUN" -> "该儿童已纳入特困人员救助供养（" + h.holderKey() + "，" + h.status().label() + "）。纳入孤儿、事实无人抚养儿童"
          + "基本生活保障的，不再适用特困人员救助供养政策（吉民发〔2020〕40号 三（三）），二者只能选择一项：如选择儿童基本生活费，"
          + "请先终止特困人员救助供养。" + register.describe(h);
      default -> register.describe(h);
    };
    throw new InvalidApplicationException("idNumber", message);
  }

  @Transactional(readOnly = true)
  public CaseFile caseFile(long applicationId) {
    Stored s = repository.find(applicationId).orElseThrow(() -> new NoSuchElementException(
        "没有找到儿童基本生活费申请 " + applicationId));
    Optional<Support> support = repository.support(applicationId);
    List<CaseRecord> records = repository.records(applicationId).stream().map(r -> new CaseRecord(
        (String) r.get("kind"), (String) r.get("content"), (BigDecimal) r.get("amount"), (String) r.get("created_by"),
        toOffset(r.get("created_at")))).toList();
    return new CaseFile(s.id(), s.childName(), IdNumber.parse(s.idNumber()).masked(), s.regionCode(), s.category(),
        s.category() == null ? null : ChildCategory.valueOf(s.category()).label(), s.careMode(),
        CareMode.valueOf(s.careMode()).label(), s.status(), s.monthlyAmount(), s.amountBasis(),
        support.map(Support::status).orElse(null), support.map(Support::nextReviewOn).orElse(null),
        support.map(Support::adultOn).orElse(null), s.processInstanceId(), records);
  }

  /** The region of an application (for the caller's jurisdiction). */
  @Transactional(readOnly = true)
  public Optional<String> regionOfApplication(long applicationId) {
    return repository.find(applicationId).map(Stored::regionCode);
  }

  // standards

  /** Every standard of the county, by care mode and date (the history). */
  @Transactional(readOnly = true)
  public List<ChildStandard> standards(String countyCode) {
    return repository.standards(countyCode).stream().map(ChildSubsidies::view).toList();
  }

  /**
   * Adds a standard (a new row; the history is kept): a known county, a care mode, a positive amount with at most two
   * decimals up to {@link #SANITY_LIMIT}, from the first day of a month not before the current one, one per county,
   * care mode and date.
   *
   * @throws InvalidApplicationException with the violations (Chinese); nothing is stored
   */
  @Transactional
  public ChildStandard addStandard(NewChildStandard n, String user) {
    if (n == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交标准JSON");
    }
    validate(n);
    List<Violation> v = new ArrayList<>();
    if (regions.find(n.countyCode()).filter(r -> r.level() == RegionLevel.COUNTY).isEmpty()) {
      v.add(new Violation("countyCode", "县（市、区）行政区划代码" + n.countyCode() + "不存在"));
    }
    CareMode care = careMode(v, "careMode", n.careMode());
    BigDecimal amount = n.monthlyAmount();
    if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(SANITY_LIMIT) > 0) {
      v.add(new Violation("monthlyAmount", "每月标准须大于0、最多两位小数且不超过" + SANITY_LIMIT.toPlainString() + "元"));
    }
    LocalDate thisMonth = EngineContext.today().withDayOfMonth(1);
    if (n.effectiveFrom().getDayOfMonth() != 1) {
      v.add(new Violation("effectiveFrom", "执行日期须为某月1日"));
    } else if (n.effectiveFrom().isBefore(thisMonth)) {
      v.add(new Violation("effectiveFrom", "执行日期不能早于本月1日（" + thisMonth + "）：已发放的月份不追溯调整"));
    }
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    StandardRow row = new StandardRow(0, n.countyCode(), care.name(), amount.setScale(2), n.effectiveFrom(),
        n.sample(), n.sourceNote().strip(), user);
    ChildStandard before = repository.standardOn(n.countyCode(), care.name(), n.effectiveFrom())
        .map(ChildSubsidies::view).orElse(null);
    try {
      long id = repository.insertStandard(row, EngineContext.now());
      ChildStandard added = view(new StandardRow(id, row.countyCode(), row.careMode(), row.monthlyAmount(),
          row.effectiveFrom(), row.sample(), row.sourceNote(), user));
      events.publishEvent(new ChildStandardAdded(user, added.countyCode(), "child_standard " + id, before, added));
      return added;
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new InvalidApplicationException("effectiveFrom", "该县" + care.label() + "自" + n.effectiveFrom()
          + "起的标准已经存在；标准只能新增，不能修改");
    }
  }

  // reviews

  /**
   * Starts the reviews due on {@code today}, at most {@code chunk}: the 18th birthday reached (ADULT) before the
   * yearly review (ANNUAL). Each support row is locked and its review is unique per kind and due date, so a doubled or
   * retried run starts nothing twice.
   *
   * @return the number of supports handled (started or found started)
   */
  @Transactional
  public int startDueReviews(LocalDate today, int chunk) {
    int n = 0;
    for (Support due : repository.due(today, chunk)) {
      Support s = repository.lockSupport(due.applicationId()).orElseThrow();
      n++;
      boolean adult = !s.adultOn().isAfter(today);
      if (!"ACTIVE".equals(s.status()) || (s.openReviewId() != null && !adult)) {
        continue;
      }
      if (s.openReviewId() != null) {
        ChildRepository.Review open = repository.review(s.openReviewId()).orElseThrow();
        if ("ADULT".equals(open.kind())) {
          continue; // started already (a concurrent run)
        }
        // the 18th birthday ends the support: the yearly review still open is no longer needed
        cancel(open, "SUPERSEDED", "年满18周岁，儿童基本生活费终止，年度复核不再进行");
        repository.setOpenReview(s.applicationId(), null);
      }
      String kind = adult ? "ADULT" : "ANNUAL";
      LocalDate dueOn = adult ? s.adultOn() : s.nextReviewOn();
      Optional<ChildRepository.Review> existing = repository.review(s.applicationId(), kind, dueOn);
      if (existing.isPresent()) {
        ChildRepository.Review r = existing.get();
        repository.setOpenReview(s.applicationId(), "OPEN".equals(r.status()) ? r.id() : null);
        continue;
      }
      long reviewId = repository.insertReview(s.applicationId(), kind, dueOn, EngineContext.now());
      repository.setOpenReview(s.applicationId(), reviewId);
      Stored app = repository.find(s.applicationId()).orElseThrow();
      Map<String, Object> vars = new HashMap<>();
      vars.put(REVIEW_ID, reviewId);
      vars.put(APPLICATION_ID, s.applicationId());
      vars.put(REVIEW_KIND, kind);
      vars.put(ADULT_ON, s.adultOn().toString());
      vars.put(CaseVariables.REGION_CODE, s.regionCode());
      vars.put(COUNTY_CODE, s.countyCode());
      vars.put(CHILD_NAME, s.childName());
      vars.put(ID_NUMBER_MASKED, IdNumber.parse(s.idNumber()).masked());
      vars.put(REGION_NAME, regions.fullName(s.regionCode()));
      vars.put(CATEGORY_LABEL, app.category() == null ? "" : ChildCategory.valueOf(app.category()).label());
      vars.put(CARE_MODE_LABEL, CareMode.valueOf(app.careMode()).label());
      vars.put(PARENTS_TEXT, "父亲：" + ParentSituation.valueOf(app.fatherSituation()).label() + "；母亲："
          + ParentSituation.valueOf(app.motherSituation()).label());
      vars.put(MONTHLY_AMOUNT, app.monthlyAmount() == null ? "" : app.monthlyAmount().toPlainString());
      String pid = asSystem.call(() -> runtime.createProcessInstanceByKey(REVIEW_PROCESS_KEY)
          .businessKey(String.valueOf(reviewId)).setVariables(vars).execute().getId());
      repository.attachReviewProcess(reviewId, pid);
    }
    return n;
  }

  /**
   * The hook for a reported death (no death data feed exists yet; as the disability module's): the child's subsidy
   * stops from the month after the death, a review still open is cancelled, the support ends and the register lets
   * the child go. Nothing to do (false) when the child has no active support; a repeat changes nothing.
   */
  @Transactional
  public boolean personDied(String idNumber, LocalDate diedOn, String actor) {
    if (idNumber == null || diedOn == null || actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("idNumber, diedOn and actor are required");
    }
    Optional<Support> active = repository.activeSupport(idNumber.strip().toUpperCase());
    if (active.isEmpty()) {
      return false;
    }
    Support s = repository.lockSupport(active.get().applicationId()).orElseThrow();
    if (!"ACTIVE".equals(s.status())) {
      return false;
    }
    String reason = "儿童于" + diedOn + "死亡，儿童基本生活费自次月起终止";
    if (s.openReviewId() != null) {
      cancel(repository.review(s.openReviewId()).orElseThrow(), "ENDED", reason);
    }
    AwardRow stopped = awards.stopAlongside(beneficiaryKey(s.idNumber()), Scheme.CHILD_SUBSIDY,
        "DEATH-" + s.applicationId(), diedOn, reason, actor);
    repository.endSupport(s.applicationId(), diedOn, reason);
    register.release(s.holderKey(), reason, actor);
    repository.insertRecord(s.applicationId(), "END", reason + "（自" + stopped.effectiveFrom() + "起停发）", null, actor,
        EngineContext.now());
    return true;
  }

  /** Closes an open review and ends its process, if it still runs. */
  private void cancel(ChildRepository.Review open, String outcome, String reason) {
    if (open.processInstanceId() != null && asSystem.call(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(open.processInstanceId()).count()) > 0) {
      asSystem.call(() -> {
        runtime.deleteProcessInstance(open.processInstanceId(), reason);
        return null;
      });
    }
    repository.closeReview(open.id(), outcome, EngineContext.now());
  }

  /** The request record's own constraints (also when called without the web layer's {@code @Valid}). */
  private <T> void validate(T request) {
    List<Violation> v = validator.validate(request).stream()
        .sorted(java.util.Comparator.comparing(c -> c.getPropertyPath().toString()))
        .map(c -> new Violation(c.getPropertyPath().toString(), c.getMessage())).toList();
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
  }

  private static ChildStandard view(StandardRow r) {
    return new ChildStandard(r.id(), r.countyCode(), r.careMode(), CareMode.valueOf(r.careMode()).label(),
        r.monthlyAmount(), r.effectiveFrom(), r.sample(), r.sourceNote(), r.createdBy());
  }

  private static ParentSituation situation(List<Violation> v, String field, String label, String code) {
    try {
      return ParentSituation.valueOf(code.strip());
    } catch (IllegalArgumentException e) {
      v.add(new Violation(field, label + "“" + code + "”无效，可选：" + ParentSituation.CODES));
      return null;
    }
  }

  private static CareMode careMode(List<Violation> v, String field, String code) {
    try {
      return CareMode.valueOf(code.strip());
    } catch (IllegalArgumentException e) {
      v.add(new Violation(field, "养育方式“" + code + "”无效，可选：INSTITUTION 集中养育、HOME 社会散居"));
      return null;
    }
  }

  /** The place's own urban/rural mark, else the nearest above it (village → township → county), else RURAL. */
  private String urbanRural(Region r) {
    return regions.chain(r.code()).stream().map(Region::urbanRural).filter(u -> u != null).findFirst()
        .orElse("RURAL");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static OffsetDateTime toOffset(Object o) {
    if (o instanceof OffsetDateTime t) {
      return t;
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
    }
    if (o instanceof java.time.Instant i) {
      return i.atOffset(java.time.ZoneOffset.ofHours(8));
    }
    return null;
  }
}
