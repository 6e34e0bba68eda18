package org.doudi.supervision.vagrant;

import static org.doudi.supervision.vagrant.VagrantVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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
import org.doudi.identity.CaseVariables;
import org.doudi.supervision.vagrant.persistence.VagrantRepository;
import org.doudi.supervision.vagrant.persistence.VagrantRepository.NewCase;
import org.doudi.supervision.vagrant.persistence.VagrantRepository.Station;
import org.doudi.supervision.vagrant.persistence.VagrantRepository.StoredCase;
import org.doudi.supervision.vagrant.persistence.VagrantRepository.StoredRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流浪乞讨人员救助管理 (docs/vagrants.md): a person's intake at an assistance station stored and process
 * {@code vagrant-assistance} started in one transaction (a refusal stores nothing); the case file and a station's
 * list. The case's region is the station's county: the station's staff are that county's caseworkers.
 */
@Service
public class VagrantCases {

  public record StartedCase(long caseId, String processInstanceId) {}

  /** A stored case and the variables its process starts with. */
  public record Registered(long caseId, Map<String, Object> variables) {}

  public record CaseRecord(String kind, String method, String content, String createdBy, OffsetDateTime createdAt) {}

  public record CaseFile(long caseId, String stationCode, String stationName, String countyCode, String fullName,
      String idNumberMasked, String sex, int approximateAge, String foundPlace, String broughtBy, String healthState,
      OffsetDateTime intakeAt, long daysInStation, String status, String identifiedName, OffsetDateTime stayFiledAt,
      String settlementRegion, String followUp, String followUpRef, String processInstanceId,
      List<CaseRecord> records, Long previousCaseId, OffsetDateTime firstIntakeAt, Long continuedByCaseId) {}

  public record CaseSummary(long caseId, String personText, String sex, int approximateAge, OffsetDateTime intakeAt,
      long daysInStation, String status, boolean stayFiled, String followUp) {}

  private final VagrantRepository repository;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;

  public VagrantCases(VagrantRepository repository, RuntimeService runtime, EngineAsSystem asSystem) {
    this.repository = repository;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  /**
   * Checks what Bean Validation cannot (the station, the ID number's check digit), stores the intake and starts
   * {@code vagrant-assistance} (business key = case id) in one transaction.
   *
   * @throws InvalidApplicationException with the problem (Chinese), for a 400
   */
  @Transactional
  public StartedCase intake(VagrantIntake intake, String user) {
    Registered r = register(intake, user);
    String pid = asSystem.call(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(String.valueOf(r.caseId())).setVariables(r.variables()).execute().getId());
    repository.attachProcess(r.caseId(), pid);
    return new StartedCase(r.caseId(), pid);
  }

  /** {@link #intake}'s checks and the stored case without starting anything (the Tasklist start's first step). */
  @Transactional
  public Registered register(VagrantIntake a, String user) {
    if (a == null) {
      throw new InvalidApplicationException("", "请求内容为空，请提交入站登记JSON");
    }
    Station station = station(a.stationCode());
    String id = blankToNull(a.idNumber());
    if (id != null) {
      id = id.toUpperCase();
      if (!IdNumber.isValid(id)) {
        throw new InvalidApplicationException("idNumber", "身份证号码" + id + "无效（校验位不正确）；不知道的请不填");
      }
    }
    String name = blankToNull(a.fullName());
    StoredCase previous = a.previousCaseId() == null ? null : previous(a.previousCaseId(), station);
    long caseId;
    try {
      caseId = repository.insert(new NewCase(station.code(), station.countyCode(), name, id, a.sex().name(),
          a.approximateAge(), a.foundPlace().strip(), a.broughtBy().name(), a.healthState().name(),
          blankToNull(a.note()), user, previous == null ? null : previous.id(),
          previous == null ? null : firstIntake(previous).toInstant()), EngineContext.now());
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      // another intake linked the same case just now (the unique key on previous_case_id)
      throw new InvalidApplicationException("previousCaseId", "原案件" + a.previousCaseId() + "已由其他入站登记接续");
    }
    StoredCase stored = repository.find(caseId).orElseThrow();
    OffsetDateTime intakeAt = stored.intakeAt().atZoneSameInstant(EngineContext.CHINA).toOffsetDateTime();
    OffsetDateTime firstIntakeAt = firstIntake(stored).atZoneSameInstant(EngineContext.CHINA).toOffsetDateTime();
    String person = (name == null ? "姓名不详" : name) + "，" + a.sex().label() + "，约" + a.approximateAge() + "岁"
        + (id == null ? "，身份证号码不详" : "，身份证号码" + IdNumber.parse(id).masked());
    String intakeText = "发现地点：" + a.foundPlace().strip() + "；" + a.broughtBy().label() + "；健康状况："
        + a.healthState().label() + (blankToNull(a.note()) == null ? "" : "；" + a.note().strip())
        + (previous == null ? "" : "；由" + repository.station(previous.stationCode()).map(Station::name)
            .orElse(previous.stationCode()) + "转来（原案件编号" + previous.id() + "，首次入站"
            + firstIntakeAt.toLocalDate() + "，3个月落户安置时限自首次入站起算）");
    repository.insertRecord(caseId, "INTAKE", null, "入站登记：" + person + "。" + intakeText, user, EngineContext.now());
    Map<String, Object> vars = new HashMap<>();
    vars.put(CASE_ID, caseId);
    vars.put(CaseVariables.REGION_CODE, station.countyCode());
    vars.put(STATION_CODE, station.code());
    vars.put(STATION_NAME, station.name());
    vars.put(PERSON_TEXT, person);
    vars.put(INTAKE_TEXT, intakeText);
    vars.put(INTAKE_AT, intakeAt.toString());
    vars.put(FIRST_INTAKE_AT, firstIntakeAt.toString());
    vars.put(SETTLEMENT_DAYS, settlementDays(firstIntakeAt.toLocalDate()));
    vars.put(REGISTERED_BY, user);
    vars.put(SEARCH_COUNT, 0);
    return new Registered(caseId, vars);
  }

  /**
   * The earlier case a new intake continues: the same person at another station whose stay there ended by leaving
   * (转送 or 离站) while still unidentified, and that no other intake continues yet. A 400 naming the field otherwise.
   */
  private StoredCase previous(long previousId, Station station) {
    StoredCase p = repository.find(previousId).orElseThrow(() -> new InvalidApplicationException("previousCaseId",
        "原救助管理站案件编号" + previousId + "不存在"));
    if (p.stationCode().equals(station.code())) {
      throw new InvalidApplicationException("previousCaseId", "案件" + previousId + "是本站的案件；只有从其他救助管理站转来的"
          + "人员才关联原案件");
    }
    if (!"LEFT".equals(p.status())) {
      throw new InvalidApplicationException("previousCaseId", "原案件" + previousId + "的状态为" + statusLabel(p.status())
          + "：只能关联已在原救助管理站结束救助（离站、转送）且身份仍未查明的案件；仍在站的，请原救助管理站先结束救助");
    }
    if (p.identifiedIdNumber() != null || p.identifiedName() != null) {
      throw new InvalidApplicationException("previousCaseId", "原案件" + previousId + "的身份已查明，不按未查明身份人员转站处理");
    }
    repository.continuedBy(previousId).ifPresent(other -> {
      throw new InvalidApplicationException("previousCaseId", "原案件" + previousId + "已由案件" + other + "接续");
    });
    return p;
  }

  /** The person's first intake: the case's own, or the first of the chain it continues. */
  private static OffsetDateTime firstIntake(StoredCase c) {
    return c.firstIntakeAt() != null ? c.firstIntakeAt() : c.intakeAt();
  }

  private static String statusLabel(String status) {
    return switch (status) {
      case "IN_STATION" -> "在站救助中";
      case "RETURNED" -> "已返乡";
      case "SETTLED" -> "已落户安置";
      default -> status;
    };
  }

  /** Calendar days from the intake day to the same day {@value VagrantVariables#SETTLEMENT_MONTHS} months later. */
  public static int settlementDays(LocalDate intakeDay) {
    return (int) ChronoUnit.DAYS.between(intakeDay, intakeDay.plusMonths(SETTLEMENT_MONTHS));
  }

  /** The station, or a 400 naming the field. */
  public Station station(String code) {
    String c = code == null ? "" : code.strip();
    return repository.station(c).orElseThrow(() -> new InvalidApplicationException("stationCode",
        "救助管理站" + c + "不存在"));
  }

  /** The station's county (its staff's region), if the station exists. */
  @Transactional(readOnly = true)
  public Optional<String> stationCounty(String code) {
    return code == null ? Optional.empty() : repository.station(code.strip()).map(Station::countyCode);
  }

  @Transactional
  public void attachProcess(long caseId, String processInstanceId) {
    repository.attachProcess(caseId, processInstanceId);
  }

  /** The case's region (the station's county), for the caller's jurisdiction. */
  @Transactional(readOnly = true)
  public Optional<String> regionOf(long caseId) {
    return repository.find(caseId).map(StoredCase::countyCode);
  }

  @Transactional(readOnly = true)
  public CaseFile caseFile(long caseId) {
    StoredCase c = repository.find(caseId).orElseThrow(() -> new NoSuchElementException("没有找到救助案件 " + caseId));
    Station s = repository.station(c.stationCode()).orElseThrow();
    List<CaseRecord> records = repository.records(caseId).stream()
        .map((StoredRecord r) -> new CaseRecord(r.kind(), r.method(), r.content(), r.createdBy(), r.createdAt()))
        .toList();
    String shownId = c.identifiedIdNumber() != null ? c.identifiedIdNumber() : c.idNumber();
    return new CaseFile(c.id(), c.stationCode(), s.name(), c.countyCode(), c.fullName(),
        shownId == null ? null : IdNumber.parse(shownId).masked(), c.sex(), c.approximateAge(), c.foundPlace(),
        c.broughtBy(), c.healthState(), c.intakeAt(), days(c), c.status(), c.identifiedName(), c.stayFiledAt(),
        c.settlementRegion(), c.followUp(), c.followUpRef(), c.processInstanceId(), records, c.previousCaseId(),
        c.firstIntakeAt() != null ? c.firstIntakeAt() : c.intakeAt(), repository.continuedBy(caseId).orElse(null));
  }

  /** A station's cases, newest first (at most 500); {@code status} null = every status. */
  @Transactional(readOnly = true)
  public List<CaseSummary> list(String stationCode, String status) {
    station(stationCode);
    return repository.byStation(stationCode.strip(), status, 500).stream().map(c -> new CaseSummary(c.id(),
        (c.identifiedName() != null ? c.identifiedName() : c.fullName() == null ? "姓名不详" : c.fullName()),
        c.sex(), c.approximateAge(), c.intakeAt(), days(c), c.status(), c.stayFiledAt() != null, c.followUp()))
        .toList();
  }

  /** Days in the station: from the intake day to today, or to the closing day. */
  private static long days(StoredCase c) {
    LocalDate from = c.intakeAt().atZoneSameInstant(EngineContext.CHINA).toLocalDate();
    LocalDate to = c.closedAt() == null ? EngineContext.today()
        : c.closedAt().atZoneSameInstant(EngineContext.CHINA).toLocalDate();
    return ChronoUnit.DAYS.between(from, to);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
