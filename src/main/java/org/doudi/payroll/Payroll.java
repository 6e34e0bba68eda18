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
import org.doudi.payment.BatchReview;
import org.doudi.payment.LedgerBulk;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payroll.persistence.AnomalyRepository;
import org.doudi.payroll.persistence.AwardRepository;
import org.doudi.payroll.persistence.PayrollRepository;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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

  /** The idempotency key of a beneficiary's regular payroll row of a month (month first: see V12_2). */
  public static String rosterKey(String scheme, String beneficiaryKey, YearMonth month) {
    return PayrollRepository.PAYROLL_KEY_PREFIX + month + ":" + scheme + ":" + beneficiaryKey;
  }

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
  private final Payments payments;
  private final TransactionTemplate newTransaction;
  private final int rosterParallelism;
  private final AnomalyRepository anomalies;
  private final BigDecimal changeShare;
  private final BatchReview review;

  public Payroll(PayrollRepository runs, AwardRepository awards, LedgerBulk ledger, Regions regions,
      RuntimeService runtime, EngineAsSystem asSystem, ObjectProvider<PayrollCheckpoint> checkpoints,
      PlatformTransactionManager transactions, Payments payments, AnomalyRepository anomalies, BatchReview review,
      @Value("${doudi.payroll.roster-parallelism:2}") int rosterParallelism,
      @Value("${doudi.payroll.anomaly-change-share:0.5}") BigDecimal changeShare) {
    this.payments = payments;
    this.review = review;
    if (changeShare.signum() <= 0 || changeShare.compareTo(BigDecimal.TEN) > 0) {
      throw new IllegalArgumentException("doudi.payroll.anomaly-change-share must be above 0 and at most 10 (0.5 = 50 %): "
          + changeShare);
    }
    this.anomalies = anomalies;
    this.changeShare = changeShare;
    if (rosterParallelism < 1 || rosterParallelism > 16) {
      throw new IllegalArgumentException("doudi.payroll.roster-parallelism must be 1..16: " + rosterParallelism);
    }
    this.rosterParallelism = rosterParallelism;
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
          .setVariables(Map.of(CaseVariables.REGION_CODE, countyCode, PayrollVariables.COUNTY_CODE, countyCode,
              PayrollVariables.COUNTY_NAME, regions.get(countyCode).name(),
              PayrollVariables.PAYROLL_MONTH, month.toString(), PayrollVariables.RUN_ID, id))
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
    Object[] all;
    if (run.status().equals("OPEN") || run.status().equals("ROSTER")) {
      Instant now = Awards.now();
      long batch = ledger.openBatch(countyCode, month.atDay(1), now, actor);
      inserted = insertRoster(Map.of(countyCode, batch), month, now, actor).values().stream()
          .mapToInt(LedgerBulk.Added::count).sum();
      all = totals(countyCode, month);
      runs.setRoster(id, (int) all[0], (BigDecimal) all[1], now);
      checkpoint("roster", id);
    } else {
      all = totals(countyCode, month);
    }
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
   * {@link #computeRoster} for every county with awards, in {@code doudi.payroll.roster-parallelism} groups of
   * counties balanced by their number of awards, each group one transaction and one INSERT … SELECT (one pass over
   * benefit_award; a county's rows are spread over the whole table, so a statement per county would read it once per
   * county) on a thread of its own, so that the database uses more than one core. A group that fails leaves its
   * counties as they were and the others done; a repeat completes it. Runs already approved are left alone. Beside
   * the groups, in a transaction and on a thread of its own, the month's province-wide anomaly sets are made current
   * ({@link AnomalyRepository#refreshSets}), so the counties' reviews find them ready; a failure there fails the call
   * as a group's does (the rosters stay, a repeat or the first review computes the sets). Returns one summary per
   * county.
   */
  public List<RosterSummary> computeRosterAll(YearMonth month, String actor) {
    Map<String, Integer> sizes = awards.countsByCounty();
    for (String county : sizes.keySet()) {
      requireCounty(county);
      ensureRun(county, month, actor);
    }
    List<List<String>> groups = balance(sizes, rosterParallelism);
    Map<String, Integer> inserted = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(groups.size() + 1);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      // the month's province-wide anomaly sets beside the rosters (they read only the awards): made here, no county's
      // review waits for them while the other reviews' threads stand idle
      done.add(pool.submit(() -> newTransaction.executeWithoutResult(s -> anomalies.refreshSets(month.atDay(1)))));
      for (List<String> group : groups) {
        done.add(pool.submit(() -> newTransaction.executeWithoutResult(s ->
            inserted.putAll(rosterOfGroup(group, month, actor)))));
      }
      RuntimeException failure = null;
      for (java.util.concurrent.Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("名册生成被中断", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdown();
    }
    if (!inserted.isEmpty()) {
      ledger.analyze();
    }
    Map<String, Object[]> totals = totalsByCounty(sizes.keySet(), month);
    List<RosterSummary> out = new ArrayList<>();
    for (String county : sizes.keySet()) {
      long id = runs.find(county, month.atDay(1)).orElseThrow().id();
      Object[] all = totals.getOrDefault(county, NONE);
      out.add(new RosterSummary(id, county, month, inserted.getOrDefault(county, 0), (int) all[0],
          (BigDecimal) all[1], (int) all[2], (BigDecimal) all[3]));
    }
    return out;
  }

  /** The roster of a group of counties in the caller's transaction; returns the rows inserted per county. */
  private Map<String, Integer> rosterOfGroup(List<String> counties, YearMonth month, String actor) {
    List<PayrollRun> open = new ArrayList<>();
    for (String county : counties) {
      PayrollRun run = runs.lock(runs.find(county, month.atDay(1)).orElseThrow().id()).orElseThrow();
      if (run.status().equals("OPEN") || run.status().equals("ROSTER")) {
        open.add(run);
      }
    }
    if (open.isEmpty()) {
      return Map.of();
    }
    List<String> codes = open.stream().map(PayrollRun::countyCode).toList();
    Instant now = Awards.now();
    Map<String, Long> batches = new java.util.HashMap<>();
    for (String county : codes) {
      batches.put(county, ledger.openBatch(county, month.atDay(1), now, actor));
    }
    Map<Long, LedgerBulk.Added> added = insertRoster(batches, month, now, actor);
    Map<String, Object[]> after = totalsByCounty(codes, month);
    Map<String, Integer> inserted = new java.util.HashMap<>();
    for (PayrollRun run : open) {
      Object[] all = after.getOrDefault(run.countyCode(), NONE);
      runs.setRoster(run.id(), (int) all[0], (BigDecimal) all[1], now);
      LedgerBulk.Added own = added.get(batches.get(run.countyCode()));
      inserted.put(run.countyCode(), own == null ? 0 : own.count());
      checkpoint("roster", run.id());
    }
    return inserted;
  }

  /**
   * The roster of the counties' batches ({@code batches}: county → its batch of the month, opened and locked) in one
   * statement: the payment module writes a ledger row for every award in force that {@link AwardRepository#payable}
   * selects, key {@link #rosterKey}. Returns what went into each batch.
   */
  private Map<Long, LedgerBulk.Added> insertRoster(Map<String, Long> batches, YearMonth month, Instant now,
      String actor) {
    runs.useRosterWorkMem();
    return ledger.insertRoster(batches, month.atDay(1), PayrollRepository.PAYROLL_KEY_PREFIX + month + ":",
        AwardRepository.payable(month.atDay(1)), now, actor);
  }

  /** Counties in {@code n} groups of about equal size (largest first, each to the smallest group so far). */
  static List<List<String>> balance(Map<String, Integer> sizes, int n) {
    List<List<String>> groups = new ArrayList<>();
    long[] load = new long[Math.max(1, Math.min(n, sizes.size()))];
    for (int i = 0; i < load.length; i++) {
      groups.add(new ArrayList<>());
    }
    sizes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e -> {
      int min = 0;
      for (int i = 1; i < load.length; i++) {
        min = load[i] < load[min] ? i : min;
      }
      groups.get(min).add(e.getKey());
      load[min] += e.getValue();
    });
    groups.removeIf(List::isEmpty);
    return groups;
  }

  private static final Object[] NONE = {0, BigDecimal.ZERO.setScale(2), 0, BigDecimal.ZERO.setScale(2)};

  /** [count, total, extras count, extras total] of the county's month, not cancelled. */
  private Object[] totals(String county, YearMonth month) {
    return totalsByCounty(List.of(county), month).getOrDefault(county, NONE);
  }

  /**
   * [count, total, extras count, extras total] per county of a payroll month, not cancelled (extras: rows not from
   * the roster, i.e. not written with the county's batch), from the batches' figures (LedgerBulk.monthParts).
   */
  private Map<String, Object[]> totalsByCounty(java.util.Collection<String> counties, YearMonth month) {
    Map<String, Object[]> m = new java.util.HashMap<>();
    ledger.monthParts(counties, month.atDay(1)).forEach((county, parts) -> m.put(county, totalsOf(parts)));
    return m;
  }

  private static Object[] totalsOf(List<LedgerBulk.Part> parts) {
    LedgerBulk.Totals all = LedgerBulk.sum(parts, p -> !p.status().equals("CANCELLED"));
    LedgerBulk.Totals extras = LedgerBulk.sum(parts, p -> !p.batch() && !p.status().equals("CANCELLED"));
    return new Object[] {all.count(), all.total(), extras.count(), extras.total()};
  }

  private List<LedgerBulk.Part> parts(String county, YearMonth month) {
    return ledger.monthParts(List.of(county), month.atDay(1)).getOrDefault(county, List.of());
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
      LedgerBulk.Step step = ledger.approveMonth(run.countyCode(), run.month().atDay(1), at, actor,
          "县级审核通过 " + run.month());
      LedgerBulk.Totals approved = LedgerBulk.sum(parts(run.countyCode(), run.month()),
          p -> p.status().equals("APPROVED"));
      runs.setApproved(runId, approved.count(), approved.total(), at, actor);
      // the batch approved now: every approved row of the month was approved by this call (before it they were
      // CREATED, with the batch or one by one)
      now = step.batch() ? approved.count() : step.rows();
      checkpoint("approve", runId);
    }
    PayrollRun after = runs.find(runId).orElseThrow();
    return new ApprovalSummary(runId, now, after.approvedCount(), after.approvedTotal());
  }

  /**
   * 剔除: takes one payment out of the county's roster before approval (the beneficiary died after the roster, an
   * account is known to be closed…), with a reason: the payment is CANCELLED (it leaves its batch; docs/payments.md),
   * the run's totals and the review task's figures are recomputed, so the reviewer confirms the new total. A repeat
   * for the same payment changes nothing.
   *
   * @throws IllegalArgumentException no reason, or the payment is not in this run
   * @throws IllegalStateException    the run is not under review (no roster yet, or already approved)
   */
  @Transactional
  public RosterSummary exclude(long runId, long paymentId, String reason, String actor) {
    PayrollRun run = runs.lock(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    RosterSummary after = cancel(run, List.of(paymentId), reason, actor);
    if (run.processInstanceId() != null) {
      // the open review task shows the new figures (the Tasklist path sets them on its own execution instead)
      Map<String, Object> figures = reviewFigures(runId);
      asSystem.call(() -> {
        runtime.setVariables(run.processInstanceId(), figures);
        return null;
      });
    }
    return after;
  }

  /**
   * The open payments (CREATED) of the run for each beneficiary key, as the reviewer names them (the keys in the
   * differences list). Read-only: the review form checks them before anything changes.
   *
   * @throws IllegalArgumentException no key, too many, or a key without an open payment in this run
   */
  @Transactional(readOnly = true)
  public Map<String, List<Long>> paymentsToExclude(long runId, List<String> beneficiaryKeys) {
    PayrollRun run = runs.find(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    if (beneficiaryKeys.isEmpty() || beneficiaryKeys.size() > 50) {
      throw new IllegalArgumentException("请填写要剔除的对象编号（1至50个，用逗号分隔）");
    }
    Map<String, List<Long>> out = new java.util.LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String key : beneficiaryKeys) {
      List<Long> ids = review.openPayments(run.countyCode(), run.month().atDay(1), key);
      if (ids.isEmpty()) {
        unknown.add(key);
      }
      out.put(key, ids);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("以下对象本月名册中没有待审批的付款：" + String.join("、", unknown));
    }
    return out;
  }

  /**
   * {@link #exclude} for every open payment of the named beneficiaries (the review task's 剔除); the caller sets the
   * task's figures ({@link #reviewFigures}).
   */
  @Transactional
  public RosterSummary excludeBeneficiaries(long runId, List<String> beneficiaryKeys, String reason, String actor) {
    PayrollRun run = runs.lock(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    return cancel(run, paymentsToExclude(runId, beneficiaryKeys).values().stream().flatMap(List::stream).toList(),
        reason, actor);
  }

  /** The payments cancelled (those cancelled already left alone), then the run's totals once. Run locked by caller. */
  private RosterSummary cancel(PayrollRun run, List<Long> paymentIds, String reason, String actor) {
    if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
      throw new IllegalArgumentException("请填写剔除原因（不超过200字）");
    }
    if (!run.status().equals("ROSTER")) {
      throw new IllegalStateException("发放批次" + run.id() + (run.status().equals("OPEN") ? "的名册尚未生成" : "已审批")
          + "，不能剔除付款");
    }
    boolean changed = false;
    for (long paymentId : paymentIds) {
      LedgerEntry e = payments.get(paymentId);
      if (!e.countyCode().equals(run.countyCode()) || e.payrollMonth() == null
          || !YearMonth.from(e.payrollMonth()).equals(run.month())) {
        throw new IllegalArgumentException("付款" + paymentId + "不在发放批次" + run.id() + "（" + run.countyCode() + " "
            + run.month() + "）中");
      }
      if (e.status() != PaymentStatus.CANCELLED) {
        payments.transition(paymentId, PaymentStatus.CANCELLED, actor, "剔除：" + reason.strip());
        changed = true;
      }
    }
    Object[] all = totals(run.countyCode(), run.month());
    if (changed) {
      runs.setRoster(run.id(), (int) all[0], (BigDecimal) all[1], Awards.now());
    }
    return new RosterSummary(run.id(), run.countyCode(), run.month(), 0, (int) all[0], (BigDecimal) all[1],
        (int) all[2], (BigDecimal) all[3]);
  }

  /**
   * What the review task shows (process variables): the roster's totals, the differences to last month and the
   * anomalies. Writes only the month's anomaly sets, when they are out of date ({@link #anomalies}).
   */
  @Transactional
  public Map<String, Object> reviewFigures(long runId) {
    PayrollRun run = runs.find(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    List<LedgerBulk.Part> now = parts(run.countyCode(), run.month());
    Object[] all = totalsOf(now);
    RosterDifferences d = differences(run, now);
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put(PayrollVariables.ROSTER_COUNT, all[0]);
    v.put(PayrollVariables.ROSTER_TOTAL, ((BigDecimal) all[1]).toPlainString());
    v.put(PayrollVariables.EXTRAS_COUNT, all[2]);
    v.put(PayrollVariables.EXTRAS_TOTAL, ((BigDecimal) all[3]).toPlainString());
    v.put(PayrollVariables.LAST_MONTH_COUNT, d.lastMonthCount());
    v.put(PayrollVariables.LAST_MONTH_TOTAL, d.lastMonthTotal().toPlainString());
    v.put(PayrollVariables.NEW_COUNT, d.newCount());
    v.put(PayrollVariables.STOPPED_COUNT, d.stoppedCount());
    v.put(PayrollVariables.CHANGED_COUNT, d.changedCount());
    v.put(PayrollVariables.DIFFERENCES, d.text());
    RosterAnomalies a = anomalies(run, changeShare, 0, FORM_ANOMALIES);
    v.put("anomalyCount", a.total());
    v.put("anomalies", a.text(runId));
    return v;
  }

  /**
   * The payroll month that a payment belonging to {@code month} joins in the county (a price subsidy, decided after
   * the month): that month, or, when the county has already approved the payroll of that month or a later one, the
   * month after its last approved payroll, so that the payment is never left out of every bank file.
   */
  @Transactional(readOnly = true)
  public YearMonth openMonth(String countyCode, YearMonth month) {
    return runs.lastApprovedFrom(countyCode, month.atDay(1)).map(d -> YearMonth.from(d).plusMonths(1)).orElse(month);
  }

  /** Anomalies listed in the review task's form (all of them: {@link #anomalies}). */
  static final int FORM_ANOMALIES = 20;

  /**
   * The anomalies of the run's regular payroll ({@link RosterAnomalies}): every kind counted, the page from
   * {@code offset} (over the kinds in their order) with at most {@code limit} (1..1000) items. The province-wide
   * kinds come from the month's sets, computed once for the province and kept (payroll_anomaly_set): the roster's
   * dispatch makes them ({@link #computeRosterAll}); a review that finds them missing or older than an award effective
   * by the month computes them in this transaction (a few seconds for a province; concurrent reviews wait for it), the
   * others only join their rows with them.
   */
  @Transactional
  public RosterAnomalies anomalies(long runId, int offset, int limit) {
    return anomalies(runId, changeShare, offset, limit);
  }

  /** {@link #anomalies(long, int, int)} with another threshold for the amount changes (0.5 = 50 %). */
  @Transactional
  public RosterAnomalies anomalies(long runId, BigDecimal changeShare, int offset, int limit) {
    PayrollRun run = runs.find(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("offset 不能为负数，limit 应在1至1000之间");
    }
    if (changeShare == null || changeShare.signum() <= 0) {
      throw new IllegalArgumentException("金额变化比例应大于0");
    }
    return anomalies(run, changeShare, offset, limit);
  }

  /** The number of anomalies of the run (the review form's check). */
  @Transactional
  public int anomalyCount(long runId) {
    return anomalies(runId, 0, 1).total();
  }

  private RosterAnomalies anomalies(PayrollRun run, BigDecimal changeShare, int offset, int limit) {
    java.time.LocalDate month = run.month().atDay(1);
    anomalies.refreshSets(month);
    Map<RosterAnomalies.Kind, Integer> counts = new java.util.EnumMap<>(RosterAnomalies.Kind.class);
    List<RosterAnomalies.Anomaly> items = new ArrayList<>();
    int skip = offset;
    for (RosterAnomalies.Kind kind : RosterAnomalies.Kind.values()) {
      int want = limit - items.size();
      AnomalyRepository.Page page = switch (kind) {
        case DUPLICATE_ID -> anomalies.duplicateIds(run.countyCode(), month, skip, want);
        case SHARED_ACCOUNT -> anomalies.sharedAccounts(run.countyCode(), month, skip, want);
        case AMOUNT_CHANGE -> anomalies.amountChanges(run.countyCode(), month, changeShare, skip, want);
      };
      counts.put(kind, page.count());
      items.addAll(want > 0 ? page.items() : List.of());
      skip = Math.max(0, skip - page.count());
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    return new RosterAnomalies(changeShare, total, counts, offset, List.copyOf(items));
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
    return differences(run, parts(run.countyCode(), run.month()));
  }

  /** The run's regular payroll (its batch's rows, not cancelled; {@code now}: its month's parts) against the last. */
  private RosterDifferences differences(PayrollRun run, List<LedgerBulk.Part> now) {
    BatchReview.Differences d = review.differences(run.countyCode(), run.month().atDay(1),
        run.month().minusMonths(1).atDay(1), 200);
    LedgerBulk.Totals regular = LedgerBulk.sum(now, Payroll::regular);
    LedgerBulk.Totals last = LedgerBulk.sum(parts(run.countyCode(), run.month().minusMonths(1)), Payroll::regular);
    return new RosterDifferences(regular.count(), regular.total(), last.count(), last.total(),
        d.counts().getOrDefault("NEW", 0), d.counts().getOrDefault("STOPPED", 0),
        d.counts().getOrDefault("CHANGED", 0), d.first().stream().map(l -> new RosterDifferences.Line(l.kind(),
            l.beneficiaryKey(), l.scheme(), l.payeeName(), l.before(), l.after())).toList());
  }

  /** A part of the regular payroll: written with the batch (the roster), not cancelled. */
  private static boolean regular(LedgerBulk.Part p) {
    return p.batch() && !p.status().equals("CANCELLED");
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
