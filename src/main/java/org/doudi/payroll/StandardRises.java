package org.doudi.payroll;

import static org.doudi.payroll.StandardRiseVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.SupplementRules;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.identity.CaseVariables;
import org.doudi.payroll.persistence.StandardRiseRepository;
import org.doudi.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 标准调整: a new local 低保 standard reaches every award of its county and urban/rural type (issue 15 item 1,
 * docs/standard-rise.md). Entering the standard opens a rise and starts process {@code standard-rise}; its first step
 * recomputes every award in bulk into lines (gap to the new standard on the stored net income, supplements from the
 * rules in force, evaluated once per distinct combination); the county reviews the differences (another person than
 * whoever entered the standard); the approval writes the award rows from the rise's month in one statement. All of
 * it from our tables: the standard (eligibility), the awards and their bases (here).
 */
@Service
@Transactional
public class StandardRises {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StandardRises.class);

  /** Who writes what no person decides (age steps) and the computation. */
  static final String SYSTEM = "system";

  private final StandardRiseRepository repository;
  private final SupplementRules rules;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final Regions regions;
  private final RosterCatchUp catchUp;
  private final org.doudi.payroll.persistence.PayrollRepository runs;

  /** How many parts a day's rises are computed and applied in, side by side (see {@link #compute}). */
  private final int parts;

  public StandardRises(StandardRiseRepository repository, SupplementRules rules, RuntimeService runtime,
      EngineAsSystem asSystem, Regions regions, RosterCatchUp catchUp,
      org.doudi.payroll.persistence.PayrollRepository runs,
      @org.springframework.beans.factory.annotation.Value("${doudi.standard-rise.parts:2}") int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("doudi.standard-rise.parts must be at least 1, not " + parts);
    }
    this.parts = parts;
    this.runs = runs;
    this.repository = repository;
    this.rules = rules;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.regions = regions;
    this.catchUp = catchUp;
  }

  /** The month a standard reaches the awards: its date's month when it starts on the 1st, else the next month. */
  public static LocalDate effectiveMonth(LocalDate standardFrom) {
    return standardFrom.getDayOfMonth() == 1 ? standardFrom : standardFrom.withDayOfMonth(1).plusMonths(1);
  }

  /** Members' ages for a month: on the day before it (a birthday in a month changes the supplement from the next). */
  public static LocalDate ageOn(LocalDate month) {
    return month.minusDays(1);
  }

  /**
   * Opens the rise of a newly recorded standard and starts its process, in the standard's transaction; nothing when
   * no active 低保 award is paid under the county and type. Once per standard (a unique key).
   */
  public Optional<StandardRise> open(DibaoStandard s) {
    Optional<StandardRise> existing = repository.byStandard(s.id());
    if (existing.isPresent()) {
      return existing;
    }
    if (!repository.anyActiveAward(s.countyCode(), s.urbanRural())) {
      return Optional.empty();
    }
    long id = repository.insert(s.id(), s.countyCode(), s.urbanRural(), s.monthlyStandard(), s.effectiveFrom(),
        effectiveMonth(s.effectiveFrom()), s.createdBy(), EngineContext.now());
    Map<String, Object> v = new HashMap<>();
    v.put(RISE_ID, id);
    v.put(CaseVariables.REGION_CODE, s.countyCode());
    v.put(COUNTY_CODE, s.countyCode());
    v.put(COUNTY_NAME, regions.fullName(s.countyCode()));
    v.put(ENTERED_BY, s.createdBy());
    String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, "standard-rise:" + id, v)
        .getId());
    repository.setProcessInstance(id, pid);
    return repository.find(id);
  }

  /**
   * 测算: every award under the rise as a line, in bulk, together with the other rises of its part waiting for their
   * computation (a province whose counties raise their standards on the same day is a pass over its awards per
   * part, not one per county; with two parts, the job executor's two threads compute the halves side by side on two
   * connections, each a single-threaded statement otherwise). The rules are evaluated once per distinct (class of
   * counties the tables answer alike, age, illness, disability) into standard_rise_rule; one INSERT … SELECT makes
   * the lines. Under the rises' row locks: a concurrent job of the same part waits, then finds them computed.
   */
  public StandardRise compute(long riseId) {
    long started = System.nanoTime();
    List<StandardRise> batch = repository.lockPart(StandardRise.Status.COMPUTING, false, riseId, parts);
    if (batch.stream().noneMatch(r -> r.id() == riseId)) {
      return repository.find(riseId).orElseThrow(); // computed by another job's batch
    }
    List<Long> ids = batch.stream().map(StandardRise::id).toList();
    runs.useRosterWorkMem();
    repository.bulkPlans(true);
    repository.clearComputation(ids);
    SupplementRules.InForce inForce = rules.inForce(); // one version of the tables for the whole batch
    Map<String, Object[]> evaluatedByInput = new HashMap<>();
    List<Object[]> rows = new ArrayList<>();
    long[] evaluating = new long[1];
    // the rises by their age day (usually one for the whole batch): a member's age is taken on each day once
    Map<Integer, List<StandardRise>> byAgeDay = new HashMap<>();
    Map<Long, Integer> ageDays = repository.ageDays(ids);
    batch.forEach(r -> byAgeDay.computeIfAbsent(ageDays.get(r.id()), d -> new ArrayList<>()).add(r));
    java.util.Set<String> seen = new java.util.HashSet<>();
    repository.distinctInputs(rs -> {
      java.sql.Date birthDate = rs.getDate("birth_date");
      LocalDate birth = birthDate == null ? null : birthDate.toLocalDate();
      boolean illness = rs.getBoolean("serious_illness");
      String cat = rs.getString("cat");
      int grade = rs.getInt("grade");
      for (Map.Entry<Integer, List<StandardRise>> day : byAgeDay.entrySet()) {
        int age = StandardRiseRepository.ageOn(birth, day.getKey() / 10000, day.getKey() % 10000);
        if (!seen.add(day.getKey() + "|" + age + "|" + illness + "|" + cat + "|" + grade)) {
          continue; // a member born on another day of the same year of age
        }
        for (StandardRise r : day.getValue()) {
          long t = System.nanoTime();
          String county = r.countyCode();
          // once per class of counties the tables answer alike (usually all of them), not per county
          Object[] e = evaluatedByInput.computeIfAbsent(inForce.countyClass(county) + "|" + age + "|" + illness
              + "|" + cat + "|" + grade, k -> {
                String category = "-".equals(cat) ? null : cat;
                Integer g = grade < 0 ? null : grade;
                SupplementRules.Ratio s = inForce.supplement(county, age, illness, category, g);
                Integer single = inForce.singlePerson(county, illness, category, g)
                    .map(SupplementRules.Ratio::percent).orElse(null);
                return new Object[] {s.category(), s.percent(), single};
              });
          evaluating[0] += System.nanoTime() - t;
          rows.add(new Object[] {r.id(), age, illness, cat, grade, e[0], e[1], e[2]});
        }
      }
    });
    repository.insertRules(rows);
    long rulesDone = System.nanoTime();
    int lines = repository.insertLines(ids, EngineContext.now());
    repository.bulkPlans(false);
    LOG.info("standard rises {}: {} rule rows, {} lines; rules {} ms (of which the tables' evaluations {} ms), lines "
        + "and figures {} ms", ids, rows.size(), lines, (rulesDone - started) / 1_000_000, evaluating[0] / 1_000_000,
        (System.nanoTime() - rulesDone) / 1_000_000);
    return repository.find(riseId).orElseThrow();
  }

  /** What the review form shows, from the stored rise and lines. */
  @Transactional(readOnly = true)
  public Map<String, Object> reviewFigures(long riseId) {
    StandardRise r = repository.find(riseId).orElseThrow();
    Map<String, Object> v = new HashMap<>();
    v.put(STANDARD_CHANGE, (DibaoStandard.URBAN.equals(r.urbanRural()) ? "城市" : "农村") + "低保标准调整为 "
        + r.newStandard() + " 元/人·月（自 " + r.standardFrom() + " 起）");
    v.put(EFFECTIVE_MONTH, YearMonth.from(r.effectiveMonth()).toString());
    v.put(LINE_COUNT, r.lineCount());
    v.put(INCREASES, r.increaseCount() + " 户增发，每月共增加 " + r.increaseTotal() + " 元");
    v.put(DECREASE_COUNT, r.decreaseCount());
    v.put(DECREASES, r.decreaseCount() == 0 ? "无" : describe(repository.lines(riseId, "DECREASE", null, 0, 20),
        r.decreaseCount()));
    v.put(UNCHANGED_COUNT, r.unchangedCount());
    v.put(MANUAL, r.manualCount() == 0 ? "无" : describe(repository.lines(riseId, "MANUAL", null, 0, 20),
        r.manualCount()));
    v.put(TOTALS, "调整前每月 " + r.oldTotal() + " 元，调整后每月 " + r.newTotal() + " 元");
    YearMonth from = YearMonth.from(r.effectiveMonth());
    v.put(CATCH_UP_NOTE, "自 " + from + " 起按新金额发放；" + from + " 及以后已生成名册的月份，增发差额在执行时另行补发（每户每月一次）");
    return v;
  }

  private static String describe(List<StandardRiseLine> lines, int count) {
    StringBuilder b = new StringBuilder();
    for (StandardRiseLine l : lines) {
      b.append(l.beneficiaryKey()).append(' ').append(l.payeeName()).append('：').append(l.oldAmount()).append(" → ")
          .append(l.newAmount()).append(" 元；").append(l.reason()).append('\n');
    }
    if (count > lines.size()) {
      b.append("另有 ").append(count - lines.size()).append(" 户，见 GET /api/standard-rises/{id}/lines");
    }
    return b.toString().strip();
  }

  /**
   * 执行: the approved rise's lines as award rows from its month, in one statement, with the 补发 of months whose
   * roster was made already; under the rise's row lock, so a retried or repeated job finds APPLIED and writes
   * nothing, and a failed one leaves nothing (one transaction).
   *
   * @return the award rows written
   */
  public int apply(long riseId) {
    // with every other approved rise of its part not yet applied: one pass over the lines and awards for all of them
    // (the other part's job runs beside it, as in compute)
    List<StandardRise> approved = repository.lockPart(StandardRise.Status.REVIEW, true, riseId, parts);
    StandardRise mine = approved.stream().filter(r -> r.id() == riseId).findFirst().orElse(null);
    if (mine == null) {
      StandardRise r = repository.find(riseId).orElseThrow();
      if (r.status() == StandardRise.Status.APPLIED) {
        return r.appliedCount(); // applied already (by this job before, or another job's batch)
      }
      throw new IllegalStateException("标准调整" + riseId + "没有审核同意的记录，不能执行");
    }
    // one rise per county and type at a time, the oldest first, whichever part it is in (two would write the same
    // award's next row; should the other part apply its older rise meanwhile, the award rows' statement writes
    // nothing for an award that has moved on, and the unique key stops two writers of one row)
    Map<String, StandardRise> first = new java.util.LinkedHashMap<>();
    for (StandardRise r : repository.all(StandardRise.Status.REVIEW, true)) {
      first.putIfAbsent(r.countyCode() + r.urbanRural(), r);
    }
    StandardRise older = first.getOrDefault(mine.countyCode() + mine.urbanRural(), mine);
    if (older.id() != riseId) {
      throw new IllegalStateException("同一县（市、区）同一城乡类别有更早的标准调整（第" + older.id() + "号）尚未执行，"
          + "须先执行该调整");
    }
    List<StandardRise> batch = approved.stream()
        .filter(r -> first.getOrDefault(r.countyCode() + r.urbanRural(), r).id() == r.id()).toList();
    List<Long> ids = batch.stream().map(StandardRise::id).toList();
    var at = EngineContext.now();
    Map<StandardRise, List<YearMonth>> made = new java.util.LinkedHashMap<>();
    for (StandardRise r : batch) {
      made.put(r, catchUp.lockRuns(r.countyCode(), r.effectiveMonth(), at, SYSTEM));
    }
    runs.useRosterWorkMem();
    long started = System.nanoTime();
    repository.bulkPlans(true);
    Map<Long, Integer> counts = repository.writeAwardRows(ids, at);
    long basesDone = System.nanoTime();
    int members = repository.updateMembers(ids, at);
    repository.bulkPlans(false);
    LOG.info("standard rises {} applied: {} award rows and their bases in {} ms, members ({}, −1: none to change) "
        + "in {} ms", ids, counts.values().stream().mapToInt(Integer::intValue).sum(),
        (basesDone - started) / 1_000_000, members, (System.nanoTime() - basesDone) / 1_000_000);
    for (StandardRise r : batch) {
      List<YearMonth> months = made.get(r);
      int paid = months.isEmpty() ? 0 : catchUp.payDifferences(months, repository.appliedIncreases(r.id()),
          "standard-rise:" + r.id(), "低保标准调整为 " + r.newStandard() + " 元", r.reviewedBy());
      repository.markApplied(r.id(), counts.getOrDefault(r.id(), 0), paid, at);
    }
    return counts.getOrDefault(riseId, 0);
  }

  /** 不予执行: the awards stay as they are; the standard stays recorded (docs/standard-rise.md). */
  public void reject(long riseId) {
    StandardRise r = repository.lock(riseId);
    if (r.status() == StandardRise.Status.REVIEW) {
      repository.markRejected(riseId);
    }
  }

  @Transactional(readOnly = true)
  public Optional<StandardRise> find(long id) {
    return repository.find(id);
  }

  /** The rises of counties whose codes start with one of the prefixes, newest first. */
  @Transactional(readOnly = true)
  public List<StandardRise> list(List<String> countyPrefixes, int limit) {
    return repository.list(countyPrefixes, limit);
  }

  /** A page of a rise's lines, of a kind (null: all), in regions whose codes start with a prefix (null: all). */
  @Transactional(readOnly = true)
  public List<StandardRiseLine> lines(long riseId, String kind, List<String> regionPrefixes, int offset, int limit) {
    return repository.lines(riseId, kind, regionPrefixes, offset, limit);
  }

  static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
