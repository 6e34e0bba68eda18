package org.doudi.watch;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.household.IdNumber;
import org.doudi.identity.CaseVariables;
import org.doudi.operations.Masking;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.watch.persistence.WatchRepository;
import org.doudi.watch.persistence.WatchRepository.AlertRow;
import org.doudi.watch.persistence.WatchRepository.EntryRow;
import org.doudi.watch.persistence.WatchRepository.NewAlert;
import org.doudi.watch.persistence.WatchRepository.NewEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The watch list (低收入人口监测预警): puts people in the register and raises alerts. Both join the caller's
 * transaction and are idempotent: an entry is one per category, source event and person, an alert one per rule and
 * event key (unique keys; a concurrent second writer finds the first one's row). Each new alert starts process
 * {@code watch-alert}: a task for the caseworkers of the township containing the subject's region (county
 * caseworkers when the region lies above a township), due in 10 working days.
 */
@Service
public class WatchList {

  /** The person an entry or alert is about: ID number (GB 11643), name and the region they live in. */
  public record Subject(String idNumber, String name, String regionCode) {}

  /** An alert raised now ({@code created}) or found raised before for the same rule and event. */
  public record Raised(long alertId, boolean created, String processInstanceId) {}

  /** Refused input (unknown region, invalid ID number): nothing was written. */
  public static class InvalidWatchInputException extends IllegalArgumentException {
    private final String field;

    public InvalidWatchInputException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private final WatchRepository records;
  private final Regions regions;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final TransactionTemplate savepoint;

  public WatchList(WatchRepository records, Regions regions, RuntimeService runtime, EngineAsSystem asSystem,
      PlatformTransactionManager transactions) {
    this.records = records;
    this.regions = regions;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Puts the subject in the register (or returns the entry made before for the same category, source and person).
   * The person stays until {@code enteredOn} plus the category's months ({@link WatchCategory#months()}), counted
   * from {@code from} when given (the last paid month of a benefit that ended). REJECTED entries carry the day of
   * their 漏保 re-check ({@code recheckDue}).
   *
   * @return the entry id
   * @throws InvalidWatchInputException invalid ID number or unknown region
   */
  public long enter(WatchCategory category, Subject subject, String householdKey, String sourceRef, String detail,
      LocalDate from, LocalDate recheckDue, String actor) {
    Subject s = normalise(subject);
    Region region = region(s.regionCode());
    Optional<EntryRow> existing = records.entry(category.name(), sourceRef, s.idNumber());
    if (existing.isPresent()) {
      return existing.get().id();
    }
    LocalDate today = EngineContext.today();
    LocalDate start = from == null ? today : from;
    NewEntry e = new NewEntry(s.idNumber(), s.name(), householdKey, county(region), region.code(), category.name(),
        sourceRef, clip(detail, 1000), today, start.plusMonths(category.months()), recheckDue, EngineContext.now(),
        actor == null ? "system" : actor);
    return once(() -> records.insertEntry(e), () -> records.entry(category.name(), sourceRef, s.idNumber())
        .map(EntryRow::id));
  }

  /**
   * Raises an alert for the subject unless one was raised for the same rule and event key (a retried job, a second
   * node, the same event published again): a watch_alert row and a {@code watch-alert} case with its township task.
   *
   * @param eventKey what makes this alert distinct (e.g. the returned ledger row, the second case), at most 160
   * @throws InvalidWatchInputException invalid ID number or unknown region
   */
  public Raised raise(AlertRule rule, Subject subject, String eventKey, String detail) {
    Subject s = normalise(subject);
    Region region = region(s.regionCode());
    if (eventKey == null || eventKey.isBlank() || eventKey.length() > 160) {
      throw new InvalidWatchInputException("eventKey", "预警事件标识须为1到160个字符");
    }
    Optional<AlertRow> existing = records.alert(rule.name(), eventKey);
    if (existing.isPresent()) {
      return new Raised(existing.get().id(), false, existing.get().processInstanceId());
    }
    LocalDate today = EngineContext.today();
    Long entryId = records.activeEntries(s.idNumber(), today).stream().findFirst().map(EntryRow::id).orElse(null);
    String text = clip(detail == null || detail.isBlank() ? rule.label() : detail.strip(), 2000);
    NewAlert a = new NewAlert(rule.name(), eventKey, s.idNumber(), s.name(), county(region), region.code(), entryId,
        text, EngineContext.now(), today);
    boolean[] created = {false};
    long id = once(() -> {
      long inserted = records.insertAlert(a);
      created[0] = true;
      return inserted;
    }, () -> records.alert(rule.name(), eventKey).map(AlertRow::id));
    if (!created[0]) {
      return new Raised(id, false, records.alert(id).map(AlertRow::processInstanceId).orElse(null));
    }
    Map<String, Object> v = new HashMap<>();
    v.put(WatchVariables.ALERT_ID, id);
    v.put(WatchVariables.RULE_CODE, rule.name());
    v.put(WatchVariables.RULE_LABEL, rule.label());
    v.put(WatchVariables.SUBJECT_NAME, s.name());
    v.put(WatchVariables.SUBJECT_ID_MASKED, Masking.idNumber(s.idNumber()));
    v.put(WatchVariables.ALERT_DETAIL, Masking.mask(text));
    v.put(WatchVariables.ALERT_ROLE, regions.ancestorAt(region.code(), RegionLevel.TOWNSHIP).isPresent()
        ? "TOWNSHIP_CASEWORKER" : "COUNTY_CASEWORKER");
    v.put(CaseVariables.REGION_CODE, region.code());
    String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(WatchVariables.ALERT_PROCESS,
        "watch-alert:" + id, v).getId());
    records.setProcessInstance(id, pid);
    return new Raised(id, true, pid);
  }

  /**
   * {@link #raise(AlertRule, Subject, String, String)} for a change found by the system about a person (a death
   * from the civil registry, a change found by a review): one alert per rule, person and day.
   */
  public Raised raise(AlertRule rule, Subject subject, String detail) {
    Subject s = normalise(subject);
    return raise(rule, s, s.idNumber() + ":" + EngineContext.today(), detail);
  }

  /** The person's entries in the register that are active today. */
  public List<EntryRow> activeEntries(String idNumber) {
    return records.activeEntries(idNumber == null ? "" : idNumber.strip().toUpperCase(), EngineContext.today());
  }

  /**
   * The subject as the register stores it (ID number upper case, name trimmed).
   *
   * @throws InvalidWatchInputException invalid ID number or unknown region
   */
  public Subject check(Subject subject) {
    Subject s = normalise(subject);
    region(s.regionCode());
    return s;
  }

  private long once(Supplier<Long> insert, Supplier<Optional<Long>> find) {
    try {
      return savepoint.execute(status -> insert.get());
    } catch (DuplicateKeyException raced) {
      return find.get().orElseThrow(() -> raced);
    }
  }

  private Subject normalise(Subject s) {
    if (s == null) {
      throw new InvalidWatchInputException("subject", "缺少当事人");
    }
    String id = s.idNumber() == null ? "" : s.idNumber().strip().toUpperCase();
    if (!IdNumber.isValid(id)) {
      throw new InvalidWatchInputException("idNumber", "身份证号码“" + Masking.idNumber(id) + "”无效");
    }
    String name = s.name() == null || s.name().isBlank() ? "（未登记姓名）" : clip(s.name().strip(), 50);
    return new Subject(id, name, s.regionCode() == null ? null : s.regionCode().strip());
  }

  private Region region(String code) {
    return regions.find(code).orElseThrow(() -> new InvalidWatchInputException("regionCode",
        "行政区划代码“" + code + "”不存在"));
  }

  private String county(Region region) {
    return regions.ancestorAt(region.code(), RegionLevel.COUNTY).map(Region::code).orElse(null);
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
