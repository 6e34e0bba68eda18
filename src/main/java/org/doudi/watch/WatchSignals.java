package org.doudi.watch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.engine.EngineContext;
import org.doudi.engine.RulesInForce;
import org.doudi.watch.WatchList.InvalidWatchInputException;
import org.doudi.watch.WatchList.Raised;
import org.doudi.watch.WatchList.Subject;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signals reported to the watch list from outside (REST, other systems): large medical spending — an alert when DMN
 * {@code watch-alert-rules} says so — and a death. Each is one alert per person and event (the report's own
 * reference), whatever the number of reports.
 */
@Service
public class WatchSignals {

  public static final String DECISION_KEY = "watch-alert-rules";

  /** What the rules said of a reported amount; {@code alert} is empty when no alert was raised. */
  public record Assessed(boolean raise, String basis, java.util.Optional<Raised> alert) {}

  private final WatchList watch;
  private final DecisionService decisions;
  private final RulesInForce rulesInForce;
  private final EngineAsSystem asSystem;

  public WatchSignals(WatchList watch, DecisionService decisions, RulesInForce rulesInForce, EngineAsSystem asSystem) {
    this.watch = watch;
    this.decisions = decisions;
    this.rulesInForce = rulesInForce;
    this.asSystem = asSystem;
  }

  /**
   * Medical spending the household paid itself ({@code amount}, yuan, in the 12 months up to {@code reportedOn}),
   * with the household's yearly income when known. Raises MEDICAL_EXPENSE when the rules in force say so.
   *
   * @param reference the report's own reference (a hospital bill number, a 医保 record id): one alert per reference
   */
  @Transactional
  public Assessed medicalExpense(Subject subject, BigDecimal amount, BigDecimal annualIncome, String reference,
      String description) {
    if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("100000000")) >= 0) {
      throw new InvalidWatchInputException("amount", "医疗费用须为大于0、最多两位小数的金额（元）");
    }
    if (annualIncome != null && (annualIncome.signum() < 0 || annualIncome.scale() > 2)) {
      throw new InvalidWatchInputException("annualIncome", "家庭年收入须为不小于0、最多两位小数的金额（元）");
    }
    requireReference(reference);
    watch.check(subject);
    Map<String, Object> in = new HashMap<>();
    in.put("rule", AlertRule.MEDICAL_EXPENSE.name());
    in.put("amount", amount);
    in.put("incomeShare", annualIncome == null || annualIncome.signum() == 0 ? null
        : amount.divide(annualIncome, 4, RoundingMode.HALF_UP));
    DmnDecisionRuleResult r = asSystem.call(() -> decisions.evaluateDecisionTableById(
        rulesInForce.decisionDefinitionId(DECISION_KEY)).variables(in).evaluate().getFirstResult());
    boolean raise = r != null && Boolean.TRUE.equals(r.get("raise"));
    String basis = r == null ? "未达到预警条件" : String.valueOf(r.get("basis"));
    if (!raise) {
      watch.check(subject); // a bad report is refused whether or not it reaches the threshold
      return new Assessed(false, basis, java.util.Optional.empty());
    }
    Raised raised = watch.raise(AlertRule.MEDICAL_EXPENSE, subject, "medical:" + reference.strip(),
        "报告大额医疗支出：近12个月自付 " + amount.setScale(2) + " 元" + (annualIncome == null ? ""
            : "，家庭年收入 " + annualIncome.setScale(2) + " 元") + "（" + basis + "）"
            + (description == null || description.isBlank() ? "" : "。" + description.strip())
            + "。请核实是否符合支出型临时救助、低保或医疗救助条件");
    return new Assessed(true, basis, java.util.Optional.of(raised));
  }

  /** A death of the person (civil registry, hospital, a caseworker's report): one alert per person. */
  @Transactional
  public Raised death(Subject subject, LocalDate diedOn, String source) {
    if (diedOn == null || diedOn.isAfter(EngineContext.today())) {
      throw new InvalidWatchInputException("diedOn", "死亡日期不能为空，也不能晚于今天");
    }
    String id = subject == null || subject.idNumber() == null ? "" : subject.idNumber().strip().toUpperCase();
    return watch.raise(AlertRule.DEATH, subject, "death:" + id, "报告死亡：" + diedOn + "（来源："
        + (source == null || source.isBlank() ? "未注明" : source.strip()) + "）。请在3个月内对家庭进行复核，调整或停发救助"
        + "（民政部等 2022 通知：家庭成员死亡的，3个月内复核）");
  }

  private static void requireReference(String reference) {
    if (reference == null || reference.isBlank() || reference.strip().length() > 100) {
      throw new InvalidWatchInputException("reference", "请填写报告编号（1到100个字符，如票据号、医保结算单号）");
    }
  }
}
