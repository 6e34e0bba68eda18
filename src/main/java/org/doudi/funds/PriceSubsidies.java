package org.doudi.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.engine.EngineAsSystem;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 价格临时补贴 (price-linkage mechanism): a monthly CPI figure is recorded append-only; when the trigger decision
 * ({@code processes/rules/price-subsidy-trigger.dmn}) fires, the subsidy of every recipient active in that month
 * under a scheme listed in {@code price-subsidy-amount.dmn} is added to that month's payroll as CREATED ledger rows
 * of scheme PRICE_SUBSIDY with key {@code price:<yyyy-MM>:<beneficiaryKey>}, in bulk SQL, once per month and
 * region (a second figure for the month never adds anything again).
 */
@Service
public class PriceSubsidies {

  public static final String TRIGGER_DECISION = "price-subsidy-trigger";
  public static final String AMOUNT_DECISION = "price-subsidy-amount";

  /** The figure as entered. Percentages with at most two decimals; food CPI optional. */
  public record CpiFigure(YearMonth month, String regionCode, BigDecimal cpiYoy, BigDecimal foodCpiYoy,
      String source) {}

  /** One eligible group from the amount decision: scheme, PER_PERSON or PER_HOUSEHOLD, monthly amount. */
  public record Rule(String scheme, String basis, BigDecimal amount) {
    public String text() {
      return scheme + ":" + basis + ":" + amount.toPlainString();
    }
  }

  /** What a computation added (or had added before, when {@code alreadyComputed}). */
  public record Subsidy(YearMonth month, String regionCode, boolean alreadyComputed, int households, int persons,
      BigDecimal total, List<Rule> rules) {}

  public record Outcome(long figureId, boolean triggered, String reason, Optional<Subsidy> subsidy) {}

  private final JdbcTemplate jdbc;
  private final DecisionService decisions;
  private final EngineAsSystem asSystem;

  public PriceSubsidies(JdbcTemplate jdbc, DecisionService decisions, EngineAsSystem asSystem) {
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.asSystem = asSystem;
  }

  /** The engine clock (tests move it), as everywhere in the application. */
  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * Records the figure and, if it triggers, computes the subsidy for the month in the same transaction. The
   * caller has checked that {@code actor} may act for the figure's region.
   */
  @Transactional
  public Outcome enter(CpiFigure figure, String actor) {
    validate(figure);
    Map<String, Object> in = new HashMap<>();
    in.put("cpiYoy", figure.cpiYoy());
    in.put("foodCpiYoy", figure.foodCpiYoy());
    DmnDecisionResult trigger = asSystem.call(() ->
        decisions.evaluateDecisionByKey(TRIGGER_DECISION).variables(in).evaluate());
    boolean triggered = trigger.getFirstResult() != null
        && Boolean.TRUE.equals(trigger.getFirstResult().getEntry("triggered"));
    String reason = trigger.getFirstResult() == null ? "未达到启动条件"
        : String.valueOf(trigger.getFirstResult().<Object>getEntry("reason"));
    Instant now = now();
    Date month = Date.valueOf(figure.month().atDay(1));
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    Object[] values = {month, figure.regionCode(), figure.cpiYoy(), figure.foodCpiYoy(), figure.source(), triggered,
        reason, actor, Timestamp.from(now)};
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO funds_cpi_figure (month, region_code, cpi_yoy, food_cpi_yoy, source,"
          + " triggered, trigger_reason, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      new ArgumentPreparedStatementSetter(values).setValues(ps);
      return ps;
    }, keys);
    long figureId = keys.getKey().longValue();
    // one computation per region at a time: a second figure entered at the same moment waits here and then finds
    // the first one's subsidy instead of computing next to it
    jdbc.query("SELECT code FROM region WHERE code = ? FOR UPDATE", rs -> { }, figure.regionCode());
    Optional<Subsidy> existing = computed(figure.month(), figure.regionCode());
    if (existing.isPresent()) {
      return new Outcome(figureId, triggered, reason, existing);
    }
    if (!triggered) {
      return new Outcome(figureId, false, reason, Optional.empty());
    }
    List<Rule> rules = rules(in);
    return new Outcome(figureId, true, reason,
        Optional.of(compute(figure.month(), figure.regionCode(), figureId, rules, actor, now)));
  }

  /** The subsidy computed for the month and region, if any. */
  @Transactional(readOnly = true)
  public Optional<Subsidy> computed(YearMonth month, String regionCode) {
    return jdbc.query("SELECT households, persons, total, rules FROM funds_price_subsidy WHERE month = ? "
            + "AND region_code = ?", (rs, i) -> new Subsidy(month, regionCode, true, rs.getInt(1), rs.getInt(2),
            rs.getBigDecimal(3), parseRules(rs.getString(4))),
        Date.valueOf(month.atDay(1)), regionCode).stream().findFirst();
  }

  private List<Rule> rules(Map<String, Object> in) {
    DmnDecisionResult result = asSystem.call(() ->
        decisions.evaluateDecisionByKey(AMOUNT_DECISION).variables(in).evaluate());
    List<Rule> rules = new ArrayList<>();
    result.getResultList().forEach(r -> {
      String scheme = String.valueOf(r.get("scheme"));
      String basis = String.valueOf(r.get("basis"));
      BigDecimal amount = new BigDecimal(String.valueOf(r.get("amount"))).setScale(2, RoundingMode.HALF_UP);
      if (!scheme.matches("[A-Z_]{1,30}") || !(basis.equals("PER_PERSON") || basis.equals("PER_HOUSEHOLD"))
          || amount.signum() <= 0) {
        throw new IllegalStateException("price-subsidy-amount.dmn 返回了无效的规则：" + r);
      }
      if (rules.stream().noneMatch(x -> x.scheme().equals(scheme))) {
        rules.add(new Rule(scheme, basis, amount));
      }
    });
    return rules;
  }

  private Subsidy compute(YearMonth ym, String regionCode, long figureId, List<Rule> rules, String actor,
      Instant now) {
    Date month = Date.valueOf(ym.atDay(1));
    Date monthEnd = Date.valueOf(ym.atEndOfMonth());
    String prefix = countyPrefix(regionCode);
    String keyPrefix = "price:" + ym + ":";
    if (rules.isEmpty()) {
      return record(ym, regionCode, figureId, rules, 0, 0, BigDecimal.ZERO.setScale(2), actor, now);
    }
    StringBuilder amount = new StringBuilder("CASE a.scheme");
    StringBuilder persons = new StringBuilder("CASE a.scheme");
    List<Object> amountArgs = new ArrayList<>();
    StringBuilder schemes = new StringBuilder();
    List<Object> schemeArgs = new ArrayList<>();
    for (Rule r : rules) {
      amount.append(" WHEN ? THEN CAST(? AS NUMERIC(12,2))")
          .append(r.basis().equals("PER_PERSON") ? " * COALESCE(a.member_count, 1)" : "");
      amountArgs.add(r.scheme());
      amountArgs.add(r.amount());
      schemes.append(schemes.length() == 0 ? "?" : ", ?");
      schemeArgs.add(r.scheme());
    }
    amount.append(" END");
    // the recipients active in the month: latest change with effective_from <= month is not a STOP; one row per
    // beneficiary (the first scheme in the decision's order wins if a household were on two schemes)
    StringBuilder order = new StringBuilder("CASE a.scheme");
    List<Object> orderArgs = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      order.append(" WHEN ? THEN ").append(i);
      orderArgs.add(rules.get(i).scheme());
    }
    order.append(" END");
    String active = "SELECT a.*, " + amount + " AS subsidy, COALESCE(a.member_count, 1) AS persons,"
        + " ROW_NUMBER() OVER (PARTITION BY a.beneficiary_key ORDER BY " + order + ") AS rn"
        + " FROM benefit_award a"
        + " WHERE a.scheme IN (" + schemes + ") AND a.county_code LIKE ? AND a.effective_from <= ?"
        + " AND a.change_kind <> 'STOP'"
        + " AND a.seq = (SELECT MAX(b.seq) FROM benefit_award b WHERE b.beneficiary_key = a.beneficiary_key"
        + "   AND b.scheme = a.scheme AND b.effective_from <= ?)";
    List<Object> activeArgs = new ArrayList<>(amountArgs);
    activeArgs.addAll(orderArgs);
    activeArgs.addAll(schemeArgs);
    activeArgs.add(prefix + "%");
    activeArgs.add(month);
    activeArgs.add(month);

    List<Object> args = new ArrayList<>();
    args.add(keyPrefix);
    args.add(month);
    args.add(monthEnd);
    args.add(month);
    args.add(month);
    args.add("价格临时补贴 " + ym);
    args.add(Timestamp.from(now));
    args.add(actor);
    args.addAll(activeArgs);
    args.add(keyPrefix);
    int inserted = jdbc.update("INSERT INTO payment_ledger (idempotency_key, scheme, kind, related_id, case_ref,"
        + " beneficiary_key, payee_name, payee_id_number, county_code, region_code, period_start, period_end, amount,"
        + " channel, bank_name, account_number, payroll_month, bank_file_id, status, approved_at, approved_by, note,"
        + " created_at, created_by)"
        + " SELECT ? || x.beneficiary_key, 'PRICE_SUBSIDY', 'PAYMENT', NULL, x.case_ref, x.beneficiary_key,"
        + " x.payee_name, x.payee_id_number, x.county_code, x.region_code, ?, ?, x.subsidy, 'BANK', x.bank_name,"
        // paid with the month's payroll, or — when the county already approved that payroll (CPI is published
        // after the month) — with the first payroll after the county's last approved one, never with none
        + " x.account_number, CAST(COALESCE((SELECT MAX(r.payroll_month) FROM payroll_run r"
        + "   WHERE r.county_code = x.county_code AND r.payroll_month >= ? AND r.status NOT IN ('OPEN', 'ROSTER'))"
        + "   + INTERVAL '1' MONTH, ?) AS DATE), NULL, 'CREATED', NULL, NULL, ?, ?, ?"
        + " FROM (" + active + ") x"
        + " WHERE x.rn = 1 AND NOT EXISTS (SELECT 1 FROM payment_ledger p WHERE p.idempotency_key = ? || x.beneficiary_key)",
        args.toArray());
    // the rows just written, by their keys' prefix (a range of the unique key's index, not a scan of the ledger)
    jdbc.update("INSERT INTO payment_status_change (ledger_id, from_status, to_status, changed_at, changed_by, note)"
        + " SELECT l.id, NULL, 'CREATED', ?, ?, ? FROM payment_ledger l"
        + " WHERE l.idempotency_key LIKE ? AND l.created_at = ? AND l.created_by = ?"
        + " AND NOT EXISTS (SELECT 1 FROM payment_status_change c WHERE c.ledger_id = l.id)",
        Timestamp.from(now), actor, "价格临时补贴 " + ym, keyPrefix + "%", Timestamp.from(now), actor);
    Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS households, COALESCE(SUM(x.persons), 0) AS"
        + " persons, COALESCE(SUM(x.subsidy), 0) AS total FROM (" + active + ") x WHERE x.rn = 1"
        + " AND EXISTS (SELECT 1 FROM payment_ledger p WHERE p.idempotency_key = ? || x.beneficiary_key"
        + " AND p.created_at = ?)", concat(activeArgs, keyPrefix, Timestamp.from(now)));
    int households = ((Number) totals.get("households")).intValue();
    if (households != inserted) {
      throw new IllegalStateException("价格临时补贴行数不一致：插入" + inserted + "，统计" + households);
    }
    return record(ym, regionCode, figureId, rules, households, ((Number) totals.get("persons")).intValue(),
        new BigDecimal(totals.get("total").toString()).setScale(2, RoundingMode.HALF_UP), actor, now);
  }

  private Subsidy record(YearMonth ym, String regionCode, long figureId, List<Rule> rules, int households,
      int persons, BigDecimal total, String actor, Instant now) {
    String text = String.join(",", rules.stream().map(Rule::text).toList());
    jdbc.update("INSERT INTO funds_price_subsidy (month, region_code, cpi_figure_id, rules, households, persons,"
            + " total, computed_by, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        Date.valueOf(ym.atDay(1)), regionCode, figureId, text.isEmpty() ? "-" : text, households, persons, total,
        actor, Timestamp.from(now));
    return new Subsidy(ym, regionCode, false, households, persons, total, rules);
  }

  private static Object[] concat(List<Object> args, Object... more) {
    List<Object> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray();
  }

  private static List<Rule> parseRules(String text) {
    List<Rule> rules = new ArrayList<>();
    if (text == null || text.equals("-")) {
      return rules;
    }
    for (String part : text.split(",")) {
      String[] f = part.split(":");
      rules.add(new Rule(f[0], f[1], new BigDecimal(f[2])));
    }
    return rules;
  }

  /** 220000 → 22, 220100 → 2201; the figure is published for a province or a city. */
  static String countyPrefix(String regionCode) {
    if (regionCode.endsWith("0000")) {
      return regionCode.substring(0, 2);
    }
    if (regionCode.endsWith("00")) {
      return regionCode.substring(0, 4);
    }
    throw new FundsRequestException("CPI数据只能按省或市（州）录入：" + regionCode);
  }

  private void validate(CpiFigure f) {
    if (f.month() == null) {
      throw new FundsRequestException("请填写月份（yyyy-MM）");
    }
    if (f.month().isAfter(YearMonth.from(now().atZone(java.time.ZoneId.of("Asia/Shanghai"))))) {
      throw new FundsRequestException("不能录入未来月份的CPI：" + f.month());
    }
    if (f.regionCode() == null || !f.regionCode().matches("\\d{6}")) {
      throw new FundsRequestException("请填写6位省或市（州）区划代码");
    }
    countyPrefix(f.regionCode());
    percent(f.cpiYoy(), "CPI同比涨幅", true);
    percent(f.foodCpiYoy(), "食品价格同比涨幅", false);
    if (f.source() != null && f.source().length() > 200) {
      throw new FundsRequestException("数据来源不能超过200字");
    }
  }

  private static void percent(BigDecimal v, String label, boolean required) {
    if (v == null) {
      if (required) {
        throw new FundsRequestException("请填写" + label + "（百分数，如 3.6）");
      }
      return;
    }
    if (v.scale() > 2 || v.compareTo(new BigDecimal("-50")) < 0 || v.compareTo(new BigDecimal("100")) > 0) {
      throw new FundsRequestException(label + "应在 -50 至 100 之间，最多两位小数：" + v.toPlainString());
    }
  }
}
