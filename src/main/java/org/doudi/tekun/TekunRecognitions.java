package org.doudi.tekun;

import static org.doudi.tekun.TekunRecognitionVariables.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardGrant;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.ExitAssessment;
import org.doudi.payroll.Exits;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Holding;
import org.doudi.register.Person;
import org.doudi.tekun.internal.CaseJson;
import org.doudi.tekun.persistence.TekunCaseRepository;
import org.doudi.tekun.persistence.TekunCaseRepository.NewCase;
import org.doudi.tekun.persistence.TekunCaseRepository.StoredCase;
import org.doudi.tekun.persistence.TekunPersonRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 特困人员认定 (docs/tekun.md "Recognition"): the application stored and process {@code tekun-recognition} started in
 * one transaction; the case file; and the confirmation, in one transaction: the support record, the register, the
 * monthly award (scheme TEKUN, beneficiary {@code P-<idNumber>}) and the 低保 household's award without the person.
 */
@Service
public class TekunRecognitions {

  /** Who the recognition's own steps write as. */
  public static final String SYSTEM = "system";

  public record StartedCase(long caseId, String processInstanceId) {}

  public record CaseRecord(String kind, String content, BigDecimal amount, String createdBy, Instant createdAt) {}

  public record CaseFile(long caseId, String fullName, String idNumberMasked, String regionCode, String regionName,
      String source, String applicantRole, String careMode, String status, String outcome, String careLevel,
      BigDecimal basicAmount, BigDecimal careAmount, BigDecimal monthlyAmount, String authority, Boolean spotChecked,
      Long tekunPersonId, String processInstanceId, List<CaseRecord> records) {}

  private final TekunCaseRepository cases;
  private final TekunPersonRepository persons;
  private final TekunPersons supported;
  private final CaseJson json;
  private final Regions regions;
  private final BenefitRegister register;
  private final Awards awards;
  private final Exits exits;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final ApplicationEventPublisher events;

  public TekunRecognitions(TekunCaseRepository cases, TekunPersonRepository persons, TekunPersons supported,
      CaseJson json, Regions regions, BenefitRegister register, Awards awards, Exits exits, RuntimeService runtime,
      EngineAsSystem asSystem, ApplicationEventPublisher events) {
    this.cases = cases;
    this.persons = persons;
    this.supported = supported;
    this.json = json;
    this.regions = regions;
    this.register = register;
    this.awards = awards;
    this.exits = exits;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.events = events;
  }

  /**
   * Checks what Bean Validation cannot (the ID's check digit, the place, the guardian, who already is supported or
   * has an open case or holds a 特困 place), stores the case and starts {@code tekun-recognition} (business key =
   * case id) in one transaction: a refusal stores nothing.
   *
   * @throws InvalidApplicationException with every problem (Chinese), for a 400
   */
  @Transactional
  public StartedCase apply(TekunApplication a, String user) {
    Registered r = register(a, user);
    String pid = asSystem.call(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(String.valueOf(r.caseId())).setVariables(r.variables()).execute().getId());
    cases.attachProcess(r.caseId(), pid);
    return new StartedCase(r.caseId(), pid);
  }

  /** A stored case and the variables its process starts with. */
  public record Registered(long caseId, Map<String, Object> variables) {}

  /**
   * {@link #apply}'s checks and the stored case, without starting anything: for the process's own first step when a
   * caseworker starts it in Tasklist (主动发现); the caller attaches the process.
   *
   * @throws InvalidApplicationException with every problem (Chinese)
   */
  @Transactional
  public Registered register(TekunApplication a, String user) {
    if (a == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请JSON");
    }
    List<Violation> v = new ArrayList<>();
    String id = a.idNumber().strip().toUpperCase();
    if (!IdNumber.isValid(id)) {
      v.add(new Violation("idNumber", "身份证号码" + id + "无效（校验位不正确）"));
    }
    String regionCode = a.regionCode().strip();
    Optional<Region> region = regions.find(regionCode);
    if (region.isEmpty()) {
      v.add(new Violation("regionCode", "行政区划代码" + regionCode + "不存在"));
    } else if (region.get().level() != RegionLevel.TOWNSHIP && region.get().level() != RegionLevel.VILLAGE) {
      v.add(new Violation("regionCode", "请填写户籍所在乡镇（街道）或村（社区），" + regionCode + "是" + region.get().name()));
    } else if (region.get().closedForNewCases() != null) {
      v.add(new Violation("regionCode", region.get().closedForNewCases()));
    }
    String source = a.source() == null ? "APPLICATION" : a.source();
    if (source.equals("DISCOVERY") != a.applicantRole().equals("TOWNSHIP")) {
      v.add(new Violation("applicantRole", "主动发现（DISCOVERY）的案件由乡镇登记（TOWNSHIP）；本人或监护人申请的案件来源为 APPLICATION"));
    }
    if (a.applicantRole().equals("GUARDIAN") && (a.guardianName() == null || a.guardianName().isBlank())) {
      v.add(new Violation("guardianName", "监护人申请的，请填写监护人姓名"));
    }
    if ((a.disabilityCategory() == null) != (a.disabilityGrade() == null)) {
      v.add(new Violation("disabilityGrade", "残疾类别和残疾等级须同时填写，或都不填"));
    }
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    supported.current(id).ifPresent(p -> {
      throw new InvalidApplicationException("idNumber", "此人已是特困人员（供养记录" + p.id() + "，自" + p.supportFrom()
          + "起），不能重复申请");
    });
    cases.open(id).ifPresent(o -> {
      throw new InvalidApplicationException("idNumber", "此人已有办理中的特困人员认定（案件" + o.id() + "），不能重复申请");
    });
    register.find(id).filter(h -> !"DIBAO".equals(h.scheme())).ifPresent(h -> {
      throw new InvalidApplicationException("idNumber", register.describe(h));
    });
    String countyCode = regionCode.substring(0, 6);
    TekunFacts declared = new TekunFacts(a.fullName().strip(), id, countyCode, a.urbanRural(), null,
        a.disabilityCategory(), a.disabilityGrade(), java.util.Set.of(),
        a.incomes() == null ? List.of() : a.incomes().stream()
            .map(i -> new TekunFacts.Income(i.type(), i.monthlyAmount())).toList(),
        a.assets() == null ? List.of() : a.assets().stream().map(x -> new TekunFacts.Asset(x.type(), x.value()))
            .toList(), a.supporter(), a.schooling() == null ? TekunFacts.Schooling.NONE : a.schooling(),
        a.childStatus() == null ? TekunFacts.ChildStatus.NONE : a.childStatus(), a.choosesChildSubsidy());
    long caseId;
    try {
      caseId = cases.insert(new NewCase(id, a.fullName().strip(), countyCode, regionCode, a.urbanRural(), source,
          a.applicantRole(), blankToNull(a.guardianName()), a.careMode().name(), a.bankName().strip(),
          a.accountNumber(), json.write(declared), blankToNull(a.note()), user), EngineContext.now());
    } catch (DuplicateKeyException e) {
      throw new InvalidApplicationException("idNumber", "此人已有办理中的特困人员认定，不能重复申请");
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(CASE_ID, caseId);
    vars.put(CaseVariables.REGION_CODE, regionCode);
    vars.put(COUNTY_CODE, countyCode);
    vars.put(APPLICANT_NAME, a.fullName().strip());
    vars.put(ID_NUMBER_MASKED, IdNumber.parse(id).masked());
    vars.put(REGION_NAME, regions.fullName(regionCode));
    vars.put(CARE_MODE_LABEL, a.careMode().label());
    vars.put(APPLICANT_TEXT, switch (a.applicantRole()) {
      case "SELF" -> "本人申请";
      case "GUARDIAN" -> "监护人" + a.guardianName().strip() + "代为申请";
      default -> "主动发现（乡镇登记）";
    });
    vars.put(SOURCE, source);
    vars.put(REGISTERED_BY, user);
    return new Registered(caseId, vars);
  }

  /** Links a case registered by the process's first step to its process instance. */
  @Transactional
  public void attachProcess(long caseId, String processInstanceId) {
    cases.attachProcess(caseId, processInstanceId);
  }

  /** The case's region, for the caller's jurisdiction. */
  @Transactional(readOnly = true)
  public Optional<String> regionOf(long caseId) {
    return cases.find(caseId).map(StoredCase::regionCode);
  }

  /** @throws NoSuchElementException no such case */
  @Transactional(readOnly = true)
  public CaseFile caseFile(long caseId) {
    StoredCase c = cases.find(caseId).orElseThrow(() -> new NoSuchElementException("没有找到特困人员认定案件 " + caseId));
    return new CaseFile(c.id(), c.fullName(), IdNumber.parse(c.idNumber()).masked(), c.regionCode(),
        regions.fullName(c.regionCode()), c.source(), c.applicantRole(), c.careMode(), c.status(), c.outcome(),
        c.careLevel(), c.basicAmount(), c.careAmount(), c.monthlyAmount(), c.authority(), c.spotChecked(),
        c.tekunPersonId(), c.processInstanceId(), cases.records(caseId).stream().map(r -> new CaseRecord(r.kind(),
        r.content(), r.amount(), r.createdBy(), r.createdAt())).toList());
  }

  /**
   * 认定: in the caller's transaction (the process's job), all or nothing. From the stored case only: the support
   * record {@code tekun_person} (amounts of the stored assessment), the 低保 household's award without the person
   * (recomputed from its stored basis; a one-person household's award ends, exit reason TEKUN_RECOGNISED), the
   * person's own award (scheme TEKUN, {@code P-<idNumber>}, from the month after {@code decidedOn}, which also holds
   * the person in the register), the case CONFIRMED and {@link TekunRecognised}. A repeat (a retried job, a second
   * click) finds the case CONFIRMED and returns its support record.
   */
  @Transactional
  public TekunPerson confirm(long caseId, LocalDate decidedOn, String decidedBy) {
    StoredCase c = cases.lock(caseId).orElseThrow(() -> new NoSuchElementException("没有找到特困人员认定案件 " + caseId));
    if ("CONFIRMED".equals(c.status()) && c.tekunPersonId() != null) {
      return persons.find(c.tekunPersonId()).orElseThrow();
    }
    if (!"ACCEPTED".equals(c.status()) || !"TEKUN".equals(c.outcome()) || c.monthlyAmount() == null
        || cases.countRecords(caseId, "CONFIRMATION") == 0) {
      throw new IllegalStateException("案件" + caseId + "没有确认记录或认定结论（状态" + c.status() + "，结论" + c.outcome()
          + "），不能认定");
    }
    Instant now = EngineContext.now();
    String caseRef = "TK-" + caseId;
    String key = beneficiaryKey(c.idNumber());
    TekunFacts facts = json.facts(c.factsJson() != null ? c.factsJson() : c.declaredJson());
    leaveDibaoHousehold(c, facts, caseRef, decidedOn, decidedBy);
    YearMonth from = YearMonth.from(Awards.effectiveFrom(decidedOn));
    IdNumber idn = IdNumber.parse(c.idNumber());
    long personId = persons.insert(new TekunPerson(0, c.idNumber(), c.fullName(), idn.birthDate(), c.countyCode(),
        c.regionCode(), c.urbanRural(), CareLevel.valueOf(c.careLevel()), CareMode.valueOf(c.careMode()),
        c.basicAmount(), c.careAmount(), caseId, key, from, null,
        facts.schooling() == null ? null : facts.schooling().continuesPast18(), "SUPPORTED", null), decidedBy, now);
    AwardRow row = awards.grant(new AwardGrant(key, Scheme.TEKUN, caseRef, c.countyCode(), c.regionCode(),
        c.urbanRural(), 1, new Payee(key, c.fullName(), c.idNumber(), c.bankName(), c.accountNumber()),
        c.monthlyAmount(), decidedOn, "特困人员救助供养（认定案件" + caseId + "：基本生活" + c.basicAmount().toPlainString()
        + "元，照料护理" + c.careAmount().toPlainString() + "元）", List.of(new Person(c.idNumber(), c.fullName()))),
        decidedBy);
    cases.confirmed(caseId, personId, now);
    cases.insertRecord(caseId, "RECOGNISED", "认定为特困人员，自" + row.effectiveFrom() + "起按月供养，每月"
        + row.monthlyAmount().toPlainString() + "元（" + CareMode.valueOf(c.careMode()).label() + "，"
        + CareLevel.valueOf(c.careLevel()).label() + "）", row.monthlyAmount(), decidedBy, now);
    TekunPerson p = persons.find(personId).orElseThrow();
    events.publishEvent(new TekunRecognised(personId, p.idNumber(), p.fullName(), p.birthDate(), p.countyCode(),
        p.regionCode(), p.careLevel(), p.careMode(), from));
    return p;
  }

  /**
   * The person held by a 低保 household: the household's award goes on without them (or ends, when they were its
   * only covered person) from the same month their own award starts; the register releases them from the household.
   */
  private void leaveDibaoHousehold(StoredCase c, TekunFacts facts, String caseRef, LocalDate decidedOn,
      String actor) {
    Optional<Holding> held = register.find(c.idNumber());
    if (held.isEmpty() || !"DIBAO".equals(held.get().scheme())) {
      return;
    }
    String household = held.get().holderKey();
    String reason = c.fullName() + "认定为特困人员（认定案件" + c.id() + "），自" + Awards.effectiveFrom(decidedOn)
        + "起退出本户低保，转入特困人员救助供养";
    Optional<AwardRow> award = awards.latest(household, Scheme.DIBAO).filter(AwardRow::active);
    if (award.isEmpty()) {
      register.leave(household, c.idNumber(), reason, actor); // the household's case is still being decided
      cases.insertRecord(c.id(), "DIBAO_HOUSEHOLD", reason + "（该户低保尚未发放）", null, actor, EngineContext.now());
      return;
    }
    List<Person> covered = awards.covered(household, Scheme.DIBAO);
    boolean alone = covered.stream().allMatch(p -> p.idNumber().equals(c.idNumber()));
    if (alone) {
      exits.decide(household, Scheme.DIBAO, ExitAssessment.exempt(ExitAssessment.TEKUN_RECOGNISED), caseRef, reason,
          decidedOn, actor, null);
      cases.insertRecord(c.id(), "DIBAO_HOUSEHOLD", reason + "；该户低保自" + Awards.effectiveFrom(decidedOn)
          + "起停发（本人为唯一保障对象）", null, actor, EngineContext.now());
    } else {
      AwardRow row = awards.memberLeaves(household, Scheme.DIBAO, c.idNumber(), countedIncome(facts), caseRef,
          decidedOn, reason, actor);
      cases.insertRecord(c.id(), "DIBAO_HOUSEHOLD", reason + "；该户低保自" + row.effectiveFrom() + "起调整为每月"
          + row.monthlyAmount().toPlainString() + "元（" + row.memberCount() + "人）", row.monthlyAmount(), actor,
          EngineContext.now());
    }
  }

  /** The person's counted monthly income as the investigation found it (the excluded types count for nothing). */
  private static BigDecimal countedIncome(TekunFacts facts) {
    return facts.incomes().stream().filter(i -> i.type() != null && i.type().counted())
        .map(TekunFacts.Income::monthlyAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The award's and the register holding's key for one person. */
  public static String beneficiaryKey(String idNumber) {
    return "P-" + idNumber.strip().toUpperCase();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
