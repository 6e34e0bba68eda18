package org.doudi.care;

import static org.doudi.care.CareVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.care.CareRecords.Agreement;
import org.doudi.care.CareRecords.AgreementFile;
import org.doudi.care.CareRecords.Institution;
import org.doudi.care.CareRecords.Placement;
import org.doudi.care.CareRecords.Request;
import org.doudi.care.CareRecords.RequestView;
import org.doudi.care.persistence.CareRepository;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.identity.CaseVariables;
import org.doudi.operations.Masking;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.CareMode;
import org.doudi.tekun.TekunCareLevelChanged;
import org.doudi.tekun.TekunPersons;
import org.doudi.tekun.TekunRecognised;
import org.doudi.tekun.TekunSupportEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care arrangements of supported 特困 people (docs/care.md). 集中供养: a request looks for a free bed of the type the
 * person needs in the county's institutions, then in the city's (notice 三(二): 县域内供养服务机构无法满足集中供养需求的，可由
 * 市级民政部门统筹调配); without one it waits on the city's list, 完全丧失 first, then by date. Whatever frees or adds a
 * bed, or changes a person's needs, runs {@link #rebalance} under the city's lock: the waiting requests, in list
 * order, take the free beds they fit. 分散供养: a three-party agreement entered by the township, visits and renewal
 * (process {@code care-agreement}). Everything here is idempotent: an event delivered twice changes nothing twice.
 */
@Service
public class CareArrangements {

  private static final Logger log = LoggerFactory.getLogger(CareArrangements.class);

  private final CareRepository repository;
  private final Regions regions;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final TekunPersons persons;

  public CareArrangements(CareRepository repository, Regions regions, RuntimeService runtime,
      EngineAsSystem asSystem, TekunPersons persons) {
    this.persons = persons;
    this.repository = repository;
    this.regions = regions;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  /** Bad input for a care endpoint or form (field and Chinese message), for a 400. */
  public static class InvalidCareInputException extends RuntimeException {
    private final String field;

    public InvalidCareInputException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  // events of module tekun

  /** A person was recognised: open the care arrangement of the mode chosen (once per person). */
  @Transactional
  public void recognised(TekunRecognised e) {
    open(e.tekunPersonId(), e.idNumber(), e.fullName(), e.birthDate(), e.countyCode(), e.regionCode(), e.careLevel(),
        e.careMode(), "RECOGNISED");
  }

  /**
   * The care level (or the care mode) changed. A waiting request moves in the list (a FULL person goes ahead); a
   * placed person whose bed no longer fits is moved to one that does, at once or when one frees (keeping their bed
   * meanwhile); an agreement plans its next visit again at the new frequency. A change of mode ends one arrangement
   * and opens the other. A supported person without an arrangement gets one (name and birth date from
   * {@link TekunPersons}, tekun's public API).
   */
  @Transactional
  public void careLevelChanged(TekunCareLevelChanged e) {
    Optional<Request> request = repository.openRequest(e.tekunPersonId());
    Optional<Agreement> agreement = repository.openAgreement(e.tekunPersonId());
    if (request.isEmpty() && agreement.isEmpty()) {
      // supported without an arrangement (recognised before this module, or its arrangement ended): open one now
      persons.find(e.tekunPersonId()).filter(p -> !"ENDED".equals(p.status())).ifPresent(p -> open(p.id(),
          p.idNumber(), p.fullName(), p.birthDate(), e.countyCode(), e.regionCode(), e.to(), e.careMode(),
          "LEVEL_CHANGED"));
      return;
    }
    if (e.careMode() == CareMode.DISPERSED && request.isPresent()) {
      Request r = request.get();
      endRequest(r, "MODE_CHANGED");
      open(e.tekunPersonId(), e.idNumber(), r.fullName(), r.birthDate(), e.countyCode(), e.regionCode(), e.to(),
          CareMode.DISPERSED, "MODE_CHANGED");
      return;
    }
    if (e.careMode() == CareMode.CENTRALISED && agreement.isPresent()) {
      Agreement a = agreement.get();
      endAgreement(a, "MODE_CHANGED");
      LocalDate birth = repository.agreementBirthDate(a.id());
      open(e.tekunPersonId(), e.idNumber(), a.fullName(), birth, e.countyCode(), e.regionCode(), e.to(),
          CareMode.CENTRALISED, "MODE_CHANGED");
      return;
    }
    request.ifPresent(r -> {
      boolean transfer = "PLACED".equals(r.status()) && repository.currentPlacement(r.id())
          .map(p -> p.bedType() != BedType.neededFor(e.to())).orElse(false);
      repository.lockCity(r.cityCode());
      repository.setRequestLevel(r.id(), e.to(), transfer);
      setVariable(r.processInstanceId(), CARE_LEVEL_TEXT, e.to().label());
      rebalance(r.cityCode());
    });
    agreement.ifPresent(a -> {
      repository.setAgreementLevel(a.id(), e.to());
      setVariable(a.processInstanceId(), CARE_LEVEL_TEXT, e.to().label());
      if ("ACTIVE".equals(a.status())) {
        correlate(MSG_REPLAN, a.processInstanceId(), Map.of());
      }
    });
  }

  /** Support ended: the placement ends (its bed goes to the waiting list) or the agreement ends; visits stop. */
  @Transactional
  public void supportEnded(TekunSupportEnded e) {
    String reason = "SUPPORT_ENDED" + (e.reasonCode() == null ? "" : ":" + e.reasonCode());
    repository.openRequest(e.tekunPersonId()).ifPresent(r -> endRequest(r, reason));
    repository.openAgreement(e.tekunPersonId()).ifPresent(a -> endAgreement(a, reason));
  }

  private void open(long personId, String idNumber, String fullName, LocalDate birthDate, String countyCode,
      String regionCode, CareLevel level, CareMode mode, String source) {
    if (repository.openRequest(personId).isPresent() || repository.openAgreement(personId).isPresent()) {
      return; // delivered again: the arrangement exists
    }
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.REGION_CODE, regionCode);
    v.put(PERSON_NAME, fullName);
    v.put(ID_NUMBER_MASKED, Masking.idNumber(idNumber));
    v.put(REGION_NAME, regions.fullName(regionCode));
    v.put(CARE_LEVEL_TEXT, level.label());
    Instant now = EngineContext.now();
    if (mode == CareMode.CENTRALISED) {
      String city = cityOf(countyCode);
      InstitutionKind kind = Period.between(birthDate, EngineContext.today()).getYears() < 18
          ? InstitutionKind.CHILD_WELFARE : InstitutionKind.ELDERLY;
      long id = repository.insertRequest(new Request(0, personId, idNumber, fullName, birthDate, countyCode, city,
          regionCode, level, kind, "NEW", false, now.atOffset(java.time.ZoneOffset.UTC), source, null, null));
      v.put(REQUEST_ID, id);
      String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(PLACEMENT_PROCESS, String.valueOf(id), v))
          .getId();
      repository.setRequestProcess(id, pid);
    } else {
      long id = repository.insertAgreement(personId, idNumber, fullName, birthDate, countyCode, regionCode, level, now);
      v.put(AGREEMENT_ID, id);
      String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(AGREEMENT_PROCESS, String.valueOf(id), v))
          .getId();
      repository.setAgreementProcess(id, pid);
    }
  }

  private void endRequest(Request r, String reason) {
    repository.lockCity(r.cityCode());
    Instant now = EngineContext.now();
    repository.currentPlacement(r.id()).ifPresent(p -> repository.endPlacement(p.id(), reason, now));
    if (repository.endRequest(r.id(), reason, now)) {
      correlate(MSG_ENDED, r.processInstanceId(), Map.of());
    }
    rebalance(r.cityCode());
  }

  private void endAgreement(Agreement a, String reason) {
    if (repository.endAgreement(a.id(), reason, EngineContext.now())) {
      correlate(MSG_ENDED, a.processInstanceId(), Map.of());
    }
  }

  // 集中供养

  /** The city of a county (its parent region). */
  public String cityOf(String countyCode) {
    Region county = regions.find(countyCode).filter(r -> r.level() == RegionLevel.COUNTY)
        .orElseThrow(() -> new InvalidCareInputException("countyCode", "县级区划代码" + countyCode + "不存在"));
    return county.parentCode();
  }

  /**
   * The placement step of {@code care-placement}: the request takes a free bed it fits (county first, then city) or
   * joins the waiting list. Returns the current placement, if any.
   */
  @Transactional
  public Optional<Placement> requestBed(long requestId) {
    Request r = repository.request(requestId).orElseThrow();
    repository.lockCity(r.cityCode());
    r = repository.request(requestId).orElseThrow(); // as of the lock
    if ("NEW".equals(r.status())) {
      Optional<Long> bed = repository.freeBed(r.cityCode(), r.countyCode(), r.institutionKind(), r.bedNeeded());
      if (bed.isPresent()) {
        repository.insertPlacement(r.id(), bed.get(), "PLACEMENT", EngineContext.now());
        repository.setRequestStatus(r.id(), "NEW", "PLACED", false);
      } else {
        repository.setRequestStatus(r.id(), "NEW", "WAITING", false);
        log.info("care: request {} waits for a {} in city {}", r.id(), r.bedNeeded(), r.cityCode());
      }
    }
    return repository.currentPlacement(requestId);
  }

  /**
   * Gives the city's free beds to its waiting requests, in list order (完全丧失 first, then by date), each to a bed of
   * its type and institution kind, its own county first. A transfer frees the bed it leaves, which is offered in
   * turn. Runs under the city's lock; bounded (each round places one request or stops).
   *
   * @return the requests placed
   */
  @Transactional
  public List<Long> rebalance(String cityCode) {
    repository.lockCity(cityCode);
    List<Long> placed = new ArrayList<>();
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Request r : repository.queue(cityCode)) {
        Optional<Long> bed = repository.freeBed(cityCode, r.countyCode(), r.institutionKind(), r.bedNeeded());
        if (bed.isEmpty()) {
          continue;
        }
        Instant now = EngineContext.now();
        boolean transfer = "PLACED".equals(r.status());
        if (transfer) {
          repository.currentPlacement(r.id()).ifPresent(p -> repository.endPlacement(p.id(), "TRANSFER", now));
          repository.setRequestStatus(r.id(), "PLACED", "PLACED", false);
        } else {
          repository.setRequestStatus(r.id(), "WAITING", "PLACED", false);
        }
        repository.insertPlacement(r.id(), bed.get(), transfer ? "TRANSFER" : "PLACEMENT", now);
        placed.add(r.id());
        Placement p = repository.currentPlacement(r.id()).orElseThrow();
        correlate(MSG_BED_OFFERED, r.processInstanceId(), placementVariables(p));
        moved = true;
        break; // the list and the free beds changed: start again from the head
      }
    }
    return placed;
  }

  /** The variables the admission form shows for a placement. */
  public Map<String, Object> placementVariables(Placement p) {
    Map<String, Object> v = new HashMap<>();
    v.put(PLACED, true);
    v.put(INSTITUTION_NAME, p.institutionName() + "（" + regions.fullName(p.institutionCounty()) + "）");
    v.put(BED_TEXT, p.bedNo() + "号 " + p.bedType().label());
    v.put(PLACEMENT_KIND_TEXT, "TRANSFER".equals(p.kind()) ? "调整床位（护理等级变化）" : "安置入住");
    v.put(PLACED_ON, p.placedAt().atZoneSameInstant(EngineContext.CHINA).toLocalDate().toString());
    return v;
  }

  /** Registers a care institution of a county. */
  @Transactional
  public Institution registerInstitution(String name, String countyCode, InstitutionKind kind, String by) {
    String city = cityOf(countyCode);
    if (repository.institutions(countyCode).stream().anyMatch(i -> i.name().equals(name))) {
      throw new InvalidCareInputException("name", "本县已登记名为“" + name + "”的供养服务机构");
    }
    long id = repository.insertInstitution(name, countyCode, city, kind, by, EngineContext.now());
    return repository.institution(id).orElseThrow();
  }

  public Optional<Institution> institution(long id) {
    return repository.institution(id);
  }

  public List<Institution> institutions(String regionCode) {
    return repository.institutions(prefix(regionCode));
  }

  /**
   * The code prefix shared by a region and everything below it (GB/T 2260: 省 2 digits, 市 4, 县 6, 乡镇 9, 村 12);
   * a city's own code (220100) is not a prefix of its counties' (220122).
   */
  String prefix(String regionCode) {
    Region r = regions.find(regionCode).orElseThrow(() -> new InvalidCareInputException("regionCode",
        "行政区划代码" + regionCode + "不存在"));
    return switch (r.level()) {
      case PROVINCE -> r.code().substring(0, 2);
      case CITY -> r.code().substring(0, 4);
      case COUNTY -> r.code().substring(0, 6);
      case TOWNSHIP -> r.code().substring(0, Math.min(9, r.code().length()));
      case VILLAGE -> r.code();
    };
  }

  /** Adds beds to an institution and gives them to the waiting list at once. */
  @Transactional
  public Institution addBeds(long institutionId, List<String> bedNos, BedType type, String by) {
    Institution i = repository.institution(institutionId).orElseThrow(
        () -> new NoSuchElementException("没有找到供养服务机构 " + institutionId));
    repository.lockCity(i.cityCode());
    for (String no : bedNos) {
      if (repository.bedExists(institutionId, no)) {
        throw new InvalidCareInputException("bedNos", "床位号" + no + "已登记");
      }
      repository.insertBed(institutionId, no, type, by, EngineContext.now());
    }
    rebalance(i.cityCode());
    return repository.institution(institutionId).orElseThrow();
  }

  /** The open requests of a region (status null), or those of one status; WAITING in list order with positions. */
  @Transactional(readOnly = true)
  public List<RequestView> requests(String regionCode, String status, int page, int size) {
    List<Request> rows = repository.requests(prefix(regionCode), status, page * size, size);
    List<RequestView> out = new ArrayList<>();
    for (Request r : rows) {
      Integer position = null;
      if ("WAITING".equals(r.status()) || r.transferNeeded()) {
        List<Request> queue = repository.queue(r.cityCode());
        for (int k = 0; k < queue.size(); k++) {
          if (queue.get(k).id() == r.id()) {
            position = k + 1;
          }
        }
      }
      out.add(new RequestView(r.id(), r.fullName(), Masking.idNumber(r.idNumber()), r.countyCode(), r.regionCode(),
          r.careLevel(), r.careLevel().label(), r.bedNeeded(), r.status(), r.transferNeeded(), r.requestedAt(),
          position, repository.currentPlacement(r.id()).orElse(null)));
    }
    return out;
  }

  public Optional<Request> request(long id) {
    return repository.request(id);
  }

  public Optional<Placement> currentPlacement(long requestId) {
    return repository.currentPlacement(requestId);
  }

  public List<Placement> placements(long requestId) {
    return repository.placements(requestId);
  }

  // 分散供养

  public Optional<Agreement> agreement(long id) {
    return repository.agreement(id);
  }

  @Transactional(readOnly = true)
  public List<AgreementFile> agreements(String regionCode, boolean openOnly, int page, int size) {
    return repository.agreements(prefix(regionCode), openOnly, page * size, size).stream().map(this::file).toList();
  }

  @Transactional(readOnly = true)
  public AgreementFile agreementFile(long id) {
    return file(repository.agreement(id).orElseThrow(() -> new NoSuchElementException("没有找到三方协议 " + id)));
  }

  private AgreementFile file(Agreement a) {
    return new AgreementFile(a.id(), a.fullName(), Masking.idNumber(a.idNumber()), a.countyCode(), a.regionCode(),
        a.careLevel(), a.careLevel().label(), a.status(), a.caregiverKind(), a.caregiverName(), a.caregiverPhone(),
        a.duties(), a.signedOn(), a.startsOn(), a.endsOn(), a.renewals(), a.visitIntervalMonths(), a.nextVisitOn(),
        a.endedAt(), a.endReason(), repository.visits(a.id()));
  }

  // engine helpers

  private void correlate(String message, String processInstanceId, Map<String, Object> variables) {
    if (processInstanceId == null) {
      return;
    }
    boolean delivered = asSystem.call(() -> !runtime.createMessageCorrelation(message)
        .processInstanceId(processInstanceId).setVariables(variables).correlateAllWithResult().isEmpty());
    if (delivered) {
      return;
    }
    if (MSG_ENDED.equals(message)) {
      // not waiting where the end is caught (e.g. before its first step ran): end the instance itself
      asSystem.call(() -> {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
          runtime.deleteProcessInstance(processInstanceId, "供养安排结束", false, true);
        }
        return null;
      });
    } else if (!variables.isEmpty()) {
      // busy elsewhere (an open admission task): it shows the new bed
      asSystem.call(() -> {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
          runtime.setVariables(processInstanceId, variables);
        }
        return null;
      });
    }
  }

  private void setVariable(String processInstanceId, String name, Object value) {
    if (processInstanceId != null) {
      asSystem.call(() -> {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
          runtime.setVariable(processInstanceId, name, value);
        }
        return null;
      });
    }
  }
}
