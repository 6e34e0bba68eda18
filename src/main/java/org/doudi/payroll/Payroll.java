package org.doudi.payroll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.LedgerBulk;
import org.doudi.payroll.persistence.AwardRepository;
import org.doudi.payroll.persistence.PayrollRepository;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly payroll of a county: the run (one per county and month), the roster computed in bulk SQL, the county's
 * approval. Each method is one transaction (or joins the engine's when called from a delegate) and may be repeated:
 * a repeat changes nothing that is already done. See docs/payroll.md for the exactly-once design.
 */
@Service
public class Payroll {

  /** Message that starts a county's run of process monthly-payroll. */
  public static final String COUNTY_RUN_MESSAGE = "PayrollCountyRun";
  public static final String PROCESS_KEY = "monthly-payroll";

  private final PayrollRepository runs;
  private final AwardRepository awards;
  private final LedgerBulk ledger;
  private final Regions regions;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final ObjectProvider<PayrollCheckpoint> checkpoints;
  private final TransactionTemplate newTransaction;

  public Payroll(PayrollRepository runs, AwardRepository awards, LedgerBulk ledger, Regions regions,
      RuntimeService runtime, EngineAsSystem asSystem, ObjectProvider<PayrollCheckpoint> checkpoints,
      PlatformTransactionManager transactions) {
    this.runs = runs;
    this.awards = awards;
    this.ledger = ledger;
    this.regions = regions;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.checkpoints = checkpoints;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Starts process monthly-payroll for the county and month (the timer does this for every county). The run is
   * unique per county and month: asking again returns the existing run and starts nothing.
   */
  @Transactional
  public PayrollRun start(String countyCode, YearMonth month, String actor) {
    requireCounty(countyCode);
    regions.get(countyCode); // a process needs a known region (visibility, candidate groups)
    long id = ensureRun(countyCode, month, actor);
    PayrollRun run = runs.lock(id).orElseThrow();
    if (run.processInstanceId() == null) {
      String pid = asSystem.call(() -> runtime.createMessageCorrelation(COUNTY_RUN_MESSAGE)
          .processInstanceBusinessKey("payroll:" + countyCode + ":" + month)
          .setVariables(Map.of(CaseVariables.REGION_CODE, countyCode, "countyCode", countyCode,
              "countyName", regions.get(countyCode).name(), "payrollMonth", month.toString(), "runId", id))
          .correlateStartMessage().getId());
      runs.setProcess(id, pid);
    }
    return runs.find(id).orElseThrow();
  }

  /**
   * The roster of the county's month in bulk: creates the run row if missing (no process), opens the county's
   * batch of the month and inserts a ledger row per active recipient not yet in the ledger (rows follow the batch:
   * no history row per payment). After approval the roster is frozen and this only reports it.
   */
  @Transactional
  public RosterSummary computeRoster(String countyCode, YearMonth month, String actor) {
    requireCounty(countyCode);
    long id = ensureRun(countyCode, month, actor);
    PayrollRun run = runs.lock(id).orElseThrow();
    int inserted = 0;
    if (run.status().equals("OPEN") || run.status().equals("ROSTER")) {
      Instant now = Awards.now();
      long batch = ledger.openBatch(countyCode, month.atDay(1), now, actor);
      inserted = runs.insertRoster(countyCode, batch, month, now, actor);
      Object[] all = runs.totals(countyCode, month.atDay(1), false, null);
      runs.setRoster(id, (int) all[0], (BigDecimal) all[1], now);
      checkpoint("roster", id);
    }
    Object[] all = totals(countyCode, month);
    return new RosterSummary(id, countyCode, month, inserted, (int) all[0], (BigDecimal) all[1], (int) all[2],
        (BigDecimal) all[3]);
  }

  /**
   * The roster of the county's month as the county's process needs it: computed ({@link #computeRoster}) unless the
   * run already has one — the monthly dispatch computes every county's in one pass ({@link #computeRosterAll}) before
   * it starts their processes.
   */
  @Transactional
  public RosterSummary rosterOf(String countyCode, YearMonth month, String actor) {
    Optional<PayrollRun> run = runs.find(countyCode, month.atDay(1));
    if (run.isEmpty() || run.get().status().equals("OPEN")) {
      return computeRoster(countyCode, month, actor);
    }
    Object[] all = totals(countyCode, month);
    return new RosterSummary(run.get().id(), countyCode, month, 0, (int) all[0], (BigDecimal) all[1], (int) all[2],
        (BigDecimal) all[3]);
  }

  /**
   * {@link #computeRoster} for every county with awards, in one transaction and one INSERT … SELECT (one pass over
   * benefit_award; a county's rows are spread over the whole table, so a statement per county would read it once per
   * county). Runs already approved are left alone. Returns one summary per county.
   */
  @Transactional
  public List<RosterSummary> computeRosterAll(YearMonth month, String actor) {
    List<String> counties = awards.counties();
    List<PayrollRun> open = new ArrayList<>();
    for (String county : counties) {
      requireCounty(county);
      PayrollRun run = runs.lock(ensureRun(county, month, actor)).orElseThrow();
      if (run.status().equals("OPEN") || run.status().equals("ROSTER")) {
        open.add(run);
      }
    }
    Map<String, Object[]> before = Map.of();
    Map<String, Object[]> after = Map.of();
    List<String> codes = open.stream().map(PayrollRun::countyCode).toList();
    if (!open.isEmpty()) {
      boolean probe = codes.stream().anyMatch(c -> runs.hasRosterRows(c, month.atDay(1)));
      Instant now = Awards.now();
      Map<String, Long> batches = new java.util.HashMap<>();
      for (String county : codes) {
        batches.put(county, ledger.openBatch(county, month.atDay(1), now, actor));
      }
      before = runs.totalsByCounty(codes, month.atDay(1));
      runs.insertRoster(batches, probe, month, now, actor);
      after = runs.totalsByCounty(codes, month.atDay(1));
      for (PayrollRun run : open) {
        Object[] all = after.getOrDefault(run.countyCode(), NONE);
        runs.setRoster(run.id(), (int) all[0], (BigDecimal) all[1], now);
        checkpoint("roster", run.id());
      }
    }
    List<RosterSummary> out = new ArrayList<>();
    for (String county : counties) {
      long id = runs.find(county, month.atDay(1)).orElseThrow().id();
      Object[] all = codes.contains(county) ? after.getOrDefault(county, NONE) : totals(county, month);
      int inserted = (int) all[0] - (int) before.getOrDefault(county, NONE)[0];
      out.add(new RosterSummary(id, county, month, codes.contains(county) ? inserted : 0, (int) all[0],
          (BigDecimal) all[1], (int) all[2], (BigDecimal) all[3]));
    }
    return out;
  }

  private static final Object[] NONE = {0, BigDecimal.ZERO.setScale(2), 0, BigDecimal.ZERO.setScale(2)};

  /** [count, total, extras count, extras total] of the county's month, not cancelled. */
  private Object[] totals(String county, YearMonth month) {
    return runs.totalsByCounty(List.of(county), month.atDay(1)).getOrDefault(county, NONE);
  }

  /** The county's approval: its batch and every other CREATED row of its payroll month → APPROVED, in bulk. */
  @Transactional
  public ApprovalSummary approve(long runId, String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("actor is required");
    }
    PayrollRun run = runs.lock(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    int now = 0;
    if (run.status().equals("OPEN")) {
      throw new IllegalStateException("发放批次" + runId + "的名册尚未生成，不能审批");
    }
    if (run.status().equals("ROSTER")) {
      Instant at = Awards.now();
      now = ledger.approveMonth(run.countyCode(), run.month().atDay(1), at, actor, "县级审核通过 " + run.month());
      Object[] approved = runs.totals(run.countyCode(), run.month().atDay(1), false, "APPROVED");
      runs.setApproved(runId, (int) approved[0], (BigDecimal) approved[1], at, actor);
      checkpoint("approve", runId);
    }
    PayrollRun after = runs.find(runId).orElseThrow();
    return new ApprovalSummary(runId, now, after.approvedCount(), after.approvedTotal());
  }

  @Transactional(readOnly = true)
  public Optional<PayrollRun> run(long runId) {
    return runs.find(runId);
  }

  @Transactional(readOnly = true)
  public Optional<PayrollRun> run(String countyCode, YearMonth month) {
    return runs.find(countyCode, month.atDay(1));
  }

  /** Runs of the counties within a region (a county, a city or the province), newest month first. */
  @Transactional(readOnly = true)
  public List<PayrollRun> runs(String withinRegion, YearMonth month) {
    return runs.list(countyPrefix(withinRegion), month == null ? null : month.atDay(1));
  }

  @Transactional(readOnly = true)
  public RosterDifferences differences(long runId) {
    PayrollRun run = runs.find(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    return runs.differences(run.countyCode(), run.month());
  }

  void checkpoint(String step, long id) {
    checkpoints.orderedStream().forEach(c -> c.reached(step, id));
  }

  private long ensureRun(String countyCode, YearMonth month, String actor) {
    Optional<PayrollRun> existing = runs.find(countyCode, month.atDay(1));
    if (existing.isPresent()) {
      return existing.get().id();
    }
    try {
      // its own short transaction: a concurrent insert of the same run fails only this, not the caller's work
      newTransaction.executeWithoutResult(s -> runs.insertRunIfAbsent(countyCode, month.atDay(1), Awards.now(), actor));
    } catch (DuplicateKeyException concurrent) {
      // the other one won; use its run
    }
    return runs.find(countyCode, month.atDay(1)).orElseThrow().id();
  }

  /** A 6-digit code; when the region table knows it, it must be a county (bulk callers may use unlisted codes). */
  private void requireCounty(String countyCode) {
    if (countyCode == null || !countyCode.matches("\\d{6}")) {
      throw new IllegalArgumentException("县（市、区）代码应为6位数字：" + countyCode);
    }
    Region r = regions.find(countyCode).orElse(null);
    if (r != null && r.level() != RegionLevel.COUNTY) {
      throw new IllegalArgumentException("不是县级行政区划：" + countyCode);
    }
  }

  /** A county's code is the first 6 digits of everything in it; a city's, the first 4; the province's, 2. */
  static String countyPrefix(String regionCode) {
    if (regionCode == null) {
      return "";
    }
    if (regionCode.length() == 6 && regionCode.endsWith("0000")) {
      return regionCode.substring(0, 2);
    }
    if (regionCode.length() == 6 && regionCode.endsWith("00")) {
      return regionCode.substring(0, 4);
    }
    return regionCode.length() >= 6 ? regionCode.substring(0, 6) : regionCode;
  }
}
