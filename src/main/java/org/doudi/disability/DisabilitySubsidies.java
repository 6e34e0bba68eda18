package org.doudi.disability;

import static org.doudi.disability.DisabilityVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.dibao.DibaoStandings;
import org.doudi.disability.internal.DisabilityEligibility;
import org.doudi.disability.persistence.DisabilityRepository;
import org.doudi.disability.persistence.DisabilityRepository.Candidate;
import org.doudi.disability.persistence.DisabilityRepository.NewApplication;
import org.doudi.disability.persistence.DisabilityRepository.Stored;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.household.DisabledMember;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.Households;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.identity.CaseVariables;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.region.Regions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two disability subsidies from outside the engine (docs/disability.md): applications, the proactive discovery
 * over the household records (主动发现) with its list of candidates, the re-check of the subsidies granted (stop from
 * the next month when the basis ended: 低保 or 低收入 status gone, 特困 instead) and the hook for a death.
 */
@Service
public class DisabilitySubsidies {

  private final DisabilityRepository repository;
  private final DisabilityEligibility eligibility;
  private final Households households;
  private final Awards awards;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final Regions regions;
  private final int declinedQuietMonths;

  public DisabilitySubsidies(DisabilityRepository repository, DisabilityEligibility eligibility,
      Households households, Awards awards, RuntimeService runtime, EngineAsSystem asSystem, Regions regions,
      @Value("${doudi.disability.declined-quiet-months:12}") int declinedQuietMonths) {
    if (declinedQuietMonths < 0 || declinedQuietMonths > 60) {
      throw new IllegalArgumentException("doudi.disability.declined-quiet-months must be 0..60: "
          + declinedQuietMonths);
    }
    this.repository = repository;
    this.eligibility = eligibility;
    this.households = households;
    this.awards = awards;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.regions = regions;
    this.declinedQuietMonths = declinedQuietMonths;
  }

  public record StartedCase(long applicationId, String processInstanceId) {}

  /** One written record of a case. */
  public record CaseRecord(String kind, String content, java.math.BigDecimal amount, String createdBy,
      OffsetDateTime createdAt) {}

  /** The stored application and its records. */
  public record CaseFile(long applicationId, String kind, String kindLabel, String fullName, String idNumberMasked,
      String regionCode, String source, String status, java.math.BigDecimal monthlyAmount, String amountBasis,
      String processInstanceId, List<CaseRecord> records) {}

  /** One discovered person (ID number masked). */
  public record CandidateView(String idNumberMasked, String fullName, String kind, String kindLabel,
      String countyCode, String regionCode, String regionName, String disability, String standing,
      Long applicationId, OffsetDateTime foundAt, OffsetDateTime lastSeenAt) {}

  public record CandidatePage(int total, int page, int size, List<CandidateView> items) {}

  /** What a discovery run did. */
  public record DiscoveryResult(int personsScanned, int candidates, int casesOpened, int resolved, int stopped) {}

  /** The region of the person's latest household record with a disability (for the caller's jurisdiction). */
  @Transactional(readOnly = true)
  public Optional<String> regionOf(String idNumber) {
    if (idNumber == null || !IdNumber.isValid(idNumber.strip())) {
      return Optional.empty();
    }
    return households.disabilityRecords(idNumber.strip()).stream().findFirst().map(DisabledMember::regionCode);
  }

  /**
   * Validates the application, stores it and starts {@code disability-subsidy} (business key = application id) in
   * one transaction: a refusal stores nothing. Eligibility itself is assessed by the process (a refusal with reasons
   * is a written record of the case).
   *
   * @throws InvalidApplicationException with every violation (Chinese)
   */
  @Transactional
  public StartedCase apply(DisabilityApplication a, String user) {
    List<Violation> v = new ArrayList<>();
    if (a == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交申请JSON");
    }
    SubsidyKind kind = null;
    if (a.kind() == null || a.kind().isBlank()) {
      v.add(new Violation("kind", "请选择补贴类别：LIVING 困难残疾人生活补贴或 CARE 重度残疾人护理补贴"));
    } else {
      try {
        kind = SubsidyKind.valueOf(a.kind().strip());
      } catch (IllegalArgumentException e) {
        v.add(new Violation("kind", "补贴类别“" + a.kind() + "”无效，可选：LIVING 困难残疾人生活补贴、CARE 重度残疾人护理补贴"));
      }
    }
    String id = a.idNumber() == null ? null : a.idNumber().strip().toUpperCase();
    if (id == null || id.isEmpty()) {
      v.add(new Violation("idNumber", "请填写残疾人身份证号码"));
    } else if (!IdNumber.isValid(id)) {
      v.add(new Violation("idNumber", "身份证号码" + id + "无效（18位，校验位须正确）"));
    }
    String bank = blankToNull(a.bankName());
    String account = blankToNull(a.accountNumber());
    if ((bank == null) != (account == null)) {
      v.add(new Violation(bank == null ? "bankName" : "accountNumber", "开户银行和银行账号须同时填写，或都不填（按家庭档案中的账户发放）"));
    } else if (account != null && !account.matches("\\d{8,30}")) {
      v.add(new Violation("accountNumber", "银行账号应为8至30位数字"));
    } else if (bank != null && bank.length() > 100) {
      v.add(new Violation("bankName", "开户银行最多100个字"));
    }
    String note = blankToNull(a.note());
    if (note != null && note.length() > 500) {
      v.add(new Violation("note", "备注最多500个字，现有" + note.length() + "个字"));
    }
    if (!v.isEmpty()) {
      throw new InvalidApplicationException(v);
    }
    List<DisabledMember> records = households.disabilityRecords(id);
    if (records.isEmpty()) {
      throw new InvalidApplicationException("idNumber", "户籍档案中没有身份证号码为" + IdNumber.parse(id).masked()
          + "的人员的残疾类别和等级记录（残疾人证），请先在家庭档案中登记");
    }
    DisabledMember m = records.get(0);
    refuseWhenReceivingOrOpen(kind, id);
    if (account == null && m.accountNumber() == null) {
      throw new InvalidApplicationException("accountNumber", "家庭档案中没有银行账户，请填写领取补贴的开户银行和银行账号");
    }
    long appId;
    try {
      appId = repository.insert(new NewApplication(kind.name(), m.name(), id, m.countyCode(), m.regionCode(),
          m.urbanRural().name(), m.applicationId(), m.category().name(), m.grade(), bank != null ? bank : m.bankName(),
          account != null ? account : m.accountNumber(), "APPLICATION", "REGISTERED", note, user), now());
    } catch (org.springframework.dao.DuplicateKeyException e) {
      // a concurrent application (or discovery) of the same person and subsidy committed first: the unique open slot
      throw new InvalidApplicationException("idNumber", "该残疾人已有办理中的" + kind.label() + "申请，不能重复申请");
    }
    return new StartedCase(appId, start(appId, kind, m, "APPLICATION", user));
  }

  private void refuseWhenReceivingOrOpen(SubsidyKind kind, String id) {
    Optional<AwardRow> award = awards.latest(SubsidyKind.beneficiaryKey(id), kind.scheme());
    if (award.isPresent() && award.get().active()) {
      throw new InvalidApplicationException("idNumber", "该残疾人正在享受" + kind.label() + "（每月" + award.get()
          .monthlyAmount().toPlainString() + "元），不能重复申请");
    }
    repository.open(id, kind.name()).ifPresent(o -> {
      throw new InvalidApplicationException("idNumber", "该残疾人已有办理中的" + kind.label() + "申请（编号" + o.id()
          + "），不能重复申请");
    });
  }

  private String start(long appId, SubsidyKind kind, DisabledMember m, String source, String user) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(APPLICATION_ID, appId);
    vars.put(CaseVariables.REGION_CODE, m.regionCode());
    vars.put(SUBSIDY_KIND, kind.name());
    vars.put(SUBSIDY_LABEL, kind.label());
    vars.put(APPLICANT_NAME, m.name());
    vars.put(ID_NUMBER_MASKED, IdNumber.parse(m.idNumber()).masked());
    vars.put(COUNTY_CODE, m.countyCode());
    vars.put(REGION_NAME, regions.fullName(m.regionCode()));
    vars.put(DISABILITY_TEXT, m.category().label() + gradeText(m.grade()));
    vars.put(SOURCE, source);
    vars.put(REGISTERED_BY, user);
    String pid = asSystem.call(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(String.valueOf(appId)).setVariables(vars).execute().getId());
    repository.attachProcess(appId, pid);
    return pid;
  }

  /**
   * 主动发现: every person with a disability in the household records (of the counties whose code starts with
   * {@code countyPrefix}; "22" the province) is assessed for each subsidy; one eligible who neither receives it nor
   * has an open application (nor declined it or was refused it within {@code doudi.disability.declined-quiet-months})
   * becomes an open
   * candidate and gets a case that starts with the township's task to help them apply (协助申请). A repeat opens
   * nothing twice (one open application per person and subsidy: a unique key). Candidates who now receive the
   * subsidy, or no longer qualify, are resolved. Then the granted subsidies are re-checked ({@link #reviewAwards}).
   * One transaction (the discovery job's): a county at a time for a large province.
   */
  @Transactional
  public DiscoveryResult discover(String countyPrefix, String actor) {
    String prefix = countyPrefix == null || countyPrefix.isBlank() ? "" : countyPrefix.strip();
    LocalDate today = EngineContext.today();
    Set<String> seen = new HashSet<>();
    int candidates = 0;
    int opened = 0;
    int resolved = 0;
    long after = 0;
    while (true) {
      List<DisabledMember> batch = households.disabledMembers(after, 500);
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).memberId();
      for (DisabledMember member : batch) {
        // a row of another county is not this run's (the person's latest record decides below)
        if (!member.countyCode().startsWith(prefix) || !seen.add(member.idNumber())) {
          continue;
        }
        for (SubsidyKind kind : SubsidyKind.values()) {
          DisabilityEligibility.Finding f = eligibility.assess(kind, member.idNumber(), today);
          DisabledMember m = f.record().orElse(member);
          if (!m.countyCode().startsWith(prefix)) {
            continue;
          }
          Optional<AwardRow> award = awards.latest(SubsidyKind.beneficiaryKey(m.idNumber()), kind.scheme());
          boolean receiving = award.isPresent() && award.get().active();
          if (!f.eligible() || receiving) {
            if (repository.candidate(m.idNumber(), kind.name()).filter(c -> c.status().equals("OPEN")).isPresent()) {
              repository.resolveCandidate(m.idNumber(), kind.name(), receiving ? "已享受" + kind.label()
                  : "不再符合条件：" + f.reasons());
              resolved++;
            }
            continue;
          }
          Optional<Stored> declined = repository.latestWithStatus(m.idNumber(), kind.name(), "DECLINED")
              .filter(d -> declinedRecently(d, today));
          Optional<Stored> refused = repository.latestWithStatus(m.idNumber(), kind.name(), "REJECTED")
              .filter(d -> declinedRecently(d, today));
          if ((declined.isPresent() || refused.isPresent()) && repository.open(m.idNumber(), kind.name()).isEmpty()) {
            repository.resolveCandidate(m.idNumber(), kind.name(), declined.isPresent()
                ? "本人（监护人）已表示不申请（申请" + declined.get().id() + "）"
                : "经审核不予批准（申请" + refused.get().id() + "），暂不再次开启");
            continue;
          }
          candidates++;
          Optional<Stored> open = repository.open(m.idNumber(), kind.name());
          Long appId = open.map(Stored::id).orElse(null);
          if (open.isEmpty()) {
            appId = repository.insert(new NewApplication(kind.name(), m.name(), m.idNumber(), m.countyCode(),
                m.regionCode(), m.urbanRural().name(), m.applicationId(), m.category().name(), m.grade(),
                m.bankName(), m.accountNumber(), "DISCOVERY", "ASSISTING", "主动发现：" + f.standing().kind().label(),
                actor), now());
            start(appId, kind, m, "DISCOVERY", actor);
            opened++;
          }
          repository.upsertCandidate(new Candidate(m.idNumber(), kind.name(), m.name(), m.countyCode(),
              m.regionCode(), m.applicationId(), m.category().name(), m.grade(), f.standing().kind().name(), "OPEN",
              appId, null, null, null), now());
        }
      }
    }
    int stopped = reviewAwards(prefix, today, actor);
    return new DiscoveryResult(seen.size(), candidates, opened, resolved, stopped);
  }

  private boolean declinedRecently(Stored declined, LocalDate today) {
    return declinedQuietMonths > 0 && declined.registeredAt() != null
        && !declined.registeredAt().toLocalDate().plusMonths(declinedQuietMonths).isBefore(today);
  }

  /**
   * Re-checks every granted subsidy of the counties with the prefix against the records and rules of today: one that
   * no longer qualifies (the household left 低保 and is not 低收入, the person became 特困, the record changed) is
   * stopped from the next month ({@link Awards#stop}, case reference {@code DS-STOP-<applicationId>}, so a repeat
   * stops nothing twice), with the reasons as a record of the case. Returns the number stopped.
   */
  @Transactional
  public int reviewAwards(String countyPrefix, LocalDate on, String actor) {
    String prefix = countyPrefix == null ? "" : countyPrefix;
    int stopped = 0;
    long after = 0;
    while (true) {
      List<Stored> granted = repository.withStatus("GRANTED", after, 500);
      if (granted.isEmpty()) {
        return stopped;
      }
      after = granted.get(granted.size() - 1).id();
      for (Stored s : granted) {
        if (!s.countyCode().startsWith(prefix)) {
          continue;
        }
        SubsidyKind kind = SubsidyKind.valueOf(s.kind());
        DisabilityEligibility.Finding f = eligibility.assess(kind, s.idNumber(), on);
        if (!f.eligible()) {
          stop(s, on, "不再符合条件：" + f.reasons(), actor);
          stopped++;
        }
      }
    }
  }

  /**
   * The hook for a reported death (no death data feed exists yet; the civil-affairs death data of 民发〔2022〕83号 is
   * to call it): both subsidies of the person stop from the month after the death.
   */
  @Transactional
  public int personDied(String idNumber, LocalDate diedOn, String actor) {
    int n = 0;
    for (SubsidyKind kind : SubsidyKind.values()) {
      Optional<Stored> s = repository.latestWithStatus(idNumber, kind.name(), "GRANTED");
      if (s.isPresent()) {
        stop(s.get(), diedOn, "本人于" + diedOn + "死亡", actor);
        n++;
      }
    }
    return n;
  }

  private void stop(Stored s, LocalDate on, String reason, String actor) {
    SubsidyKind kind = SubsidyKind.valueOf(s.kind());
    String key = SubsidyKind.beneficiaryKey(s.idNumber());
    if (awards.latest(key, kind.scheme()).filter(AwardRow::active).isPresent()) {
      AwardRow row = awards.stopAlongside(key, kind.scheme(), "DS-STOP-" + s.id(), on, reason, actor);
      repository.insertRecord(s.id(), "STOP", "自" + row.effectiveFrom() + "起停发" + kind.label() + "：" + reason, null,
          actor, now());
    }
    repository.setStatus(s.id(), "STOPPED", now());
  }

  /** Open candidates in the region and below, a page (size 1–200). */
  @Transactional(readOnly = true)
  public CandidatePage candidates(String regionCode, int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new InvalidApplicationException("size", "分页参数无效：page 不小于0，size 为1到200");
    }
    String prefix = regionPrefix(regionCode);
    List<CandidateView> items = repository.openCandidates(prefix, page * size, size).stream().map(c ->
        new CandidateView(IdNumber.parse(c.idNumber()).masked(), c.fullName(), c.kind(),
            SubsidyKind.valueOf(c.kind()).label(), c.countyCode(), c.regionCode(), regions.fullName(c.regionCode()),
            DisabilityCategory.valueOf(c.category()).label() + gradeText(c.grade()),
            DibaoStandings.Kind.valueOf(c.standing()).label(), c.applicationId(), c.foundAt(), c.lastSeenAt()))
        .toList();
    return new CandidatePage(repository.countOpenCandidates(prefix), page, size, items);
  }

  /** A region's code without the trailing zeros of its level ("220000" → "22"), for prefix matching. */
  static String regionPrefix(String regionCode) {
    String c = regionCode;
    if (c.length() == 6) {
      c = c.replaceFirst("(0000|00)$", "");
    }
    return c;
  }

  /**
   * The case file of an application.
   *
   * @throws NoSuchElementException no such application
   */
  @Transactional(readOnly = true)
  public CaseFile caseFile(long applicationId) {
    Stored s = repository.find(applicationId)
        .orElseThrow(() -> new NoSuchElementException("没有找到残疾人两项补贴申请 " + applicationId));
    List<CaseRecord> records = repository.records(applicationId).stream().map(r -> new CaseRecord(
        String.valueOf(r.get("kind")), String.valueOf(r.get("content")), (java.math.BigDecimal) r.get("amount"),
        (String) r.get("created_by"), toOffset(r.get("created_at")))).toList();
    return new CaseFile(s.id(), s.kind(), SubsidyKind.valueOf(s.kind()).label(), s.fullName(),
        IdNumber.parse(s.idNumber()).masked(), s.regionCode(), s.source(), s.status(), s.monthlyAmount(),
        s.amountBasis(), s.processInstanceId(), records);
  }

  private static String gradeText(int grade) {
    return switch (grade) {
      case 1 -> "一级";
      case 2 -> "二级";
      case 3 -> "三级";
      default -> "四级";
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Instant now() {
    return EngineContext.now();
  }

  private static OffsetDateTime toOffset(Object o) {
    if (o instanceof OffsetDateTime t) {
      return t;
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.ofHours(8));
    }
    return o == null ? null : OffsetDateTime.parse(o.toString());
  }
}
