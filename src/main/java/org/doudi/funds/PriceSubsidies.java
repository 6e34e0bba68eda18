package org.doudi.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.RulesInForce;
import org.doudi.payment.Channel;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.Payroll;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 价格临时补贴 (price-linkage mechanism): a monthly CPI figure is recorded append-only; when the trigger decision
 * ({@code processes/rules/price-subsidy-trigger.dmn}) fires, the subsidy of every recipient active in that month
 * under a scheme listed in {@code price-subsidy-amount.dmn} is added to that month's payroll as CREATED ledger rows
 * of scheme PRICE_SUBSIDY with key {@code price:<yyyy-MM>:<beneficiaryKey>}, once per month and region (a second
 * figure for the month never adds anything again). The awards are the payroll module's and the ledger the payment
 * module's: read and written through their APIs only.
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

  /** Payments written per {@link Payments#recordAll} call. */
  static final int CHUNK = 5000;

  private final JdbcTemplate jdbc;
  private final DecisionService decisions;
  private final EngineAsSystem asSystem;
  private final RulesInForce rulesInForce;
  private final Awards awards;
  private final Payroll payroll;
  private final Payments payments;
  private final org.springframework.context.ApplicationEventPublisher events;

  public PriceSubsidies(JdbcTemplate jdbc, DecisionService decisions, EngineAsSystem asSystem,
      RulesInForce rulesInForce, Awards awards, Payroll payroll, Payments payments,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.asSystem = asSystem;
    this.rulesInForce = rulesInForce;
    this.awards = awards;
    this.payroll = payroll;
    this.payments = payments;
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
    Outcome outcome = enterFigure(figure, actor);
    events.publishEvent(new CpiFigureEntered(actor, figure.regionCode(), "funds_cpi_figure " + outcome.figureId(),
        figure, outcome));
    return outcome;
  }

  private Outcome enterFigure(CpiFigure figure, String actor) {
    validate(figure);
    Map<String, Object> in = new HashMap<>();
    in.put("cpiYoy", figure.cpiYoy());
    in.put("foodCpiYoy", figure.foodCpiYoy());
    DmnDecisionResult trigger = asSystem.call(() ->
        decisions.evaluateDecisionById(rulesInForce.decisionDefinitionId(TRIGGER_DECISION)).variables(in).evaluate());
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
        decisions.evaluateDecisionById(rulesInForce.decisionDefinitionId(AMOUNT_DECISION)).variables(in).evaluate());
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

  /**
   * The subsidy of every recipient in force in the month under a scheme of the rules, in the counties of the region:
   * the awards read through the payroll ({@link Awards#forEachActive}, its rule of "in force"), the payments written
   * through {@link Payments#recordAll} a chunk at a time (a province is up to a million households; memory holds one
   * chunk). A household on two schemes is paid once, by the first rule in the decision's order; a household that
   * already has the month's subsidy (a province's figure, then a city's) is left out.
   */
  private Subsidy compute(YearMonth ym, String regionCode, long figureId, List<Rule> rules, String actor,
      Instant now) {
    Map<Scheme, Rule> byScheme = new LinkedHashMap<>();
    for (Rule r : rules) {
      Arrays.stream(Scheme.values()).filter(s -> s.name().equals(r.scheme())).findFirst()
          .ifPresent(s -> byScheme.put(s, r));
    }
    List<Scheme> order = List.copyOf(byScheme.keySet());
    String keyPrefix = "price:" + ym + ":";
    String note = "价格临时补贴 " + ym;
    Map<String, YearMonth> payrollMonths = new HashMap<>();
    int[] counts = new int[2];
    BigDecimal[] total = {BigDecimal.ZERO.setScale(2)};
    awards.forEachActive(ym, byScheme.keySet(), Awards.Places.counties(List.of(countyPrefix(regionCode))), CHUNK,
        chunk -> {
          Map<String, AwardRow> chosen = new LinkedHashMap<>();
          for (AwardRow a : chunk) {
            chosen.merge(a.beneficiaryKey(), a, (x, y) -> order.indexOf(x.scheme()) <= order.indexOf(y.scheme()) ? x : y);
          }
          Set<String> there = payments.existingKeys(chosen.keySet().stream().map(k -> keyPrefix + k).toList());
          List<PaymentRequest> fresh = new ArrayList<>();
          int persons = 0;
          for (AwardRow a : chosen.values()) {
            if (there.contains(keyPrefix + a.beneficiaryKey())) {
              continue;
            }
            Rule rule = byScheme.get(a.scheme());
            int n = a.memberCount() == null ? 1 : a.memberCount();
            // paid with the month's payroll, or, when the county already approved that payroll (CPI is published
            // after the month), with the first payroll after the county's last approved one: never with none
            YearMonth payrollMonth = payrollMonths.computeIfAbsent(a.countyCode(), c -> payroll.openMonth(c, ym));
            fresh.add(new PaymentRequest(keyPrefix + a.beneficiaryKey(), Scheme.PRICE_SUBSIDY, a.caseRef(),
                new Payee(a.beneficiaryKey(), a.payeeName(), a.payeeIdNumber(), a.bankName(), a.accountNumber()),
                a.countyCode(), a.regionCode(), ym.atDay(1), ym.atEndOfMonth(),
                rule.basis().equals("PER_PERSON") ? rule.amount().multiply(BigDecimal.valueOf(n)) : rule.amount(),
                Channel.BANK, payrollMonth.atDay(1), note));
            persons += n;
          }
          Payments.Recorded done = payments.recordAll(fresh, PaymentStatus.CREATED, actor);
          if (done.existing() != 0) {
            throw new IllegalStateException("价格临时补贴的付款被同时写入，请重试");
          }
          counts[0] += done.created();
          counts[1] += persons;
          total[0] = total[0].add(done.createdTotal());
        });
    return record(ym, regionCode, figureId, rules, counts[0], counts[1], total[0], actor, now);
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
