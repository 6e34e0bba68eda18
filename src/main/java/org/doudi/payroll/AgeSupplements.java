package org.doudi.payroll;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.doudi.eligibility.SupplementRules;
import org.doudi.engine.EngineContext;
import org.doudi.payroll.persistence.AgeStepRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年龄段变化自动调整 (issue 15 item 3): a covered member who turns 18 or 70 — or crosses any age band of the supplement
 * rules (dibao-supplement, version in force) — changes the award's supplement from the month after the birthday,
 * without anyone deciding: the rule was decided (and, as a money rule, approved by a second person) when it was
 * deployed, and the birth date is our evidence, so there is nothing for a second person to judge. Each change is
 * written once (award_age_change's key) with its reason, visible in the award's history and over the API.
 *
 * <p>Run for month T during month T−1 (the monthly payroll's dispatch does it before the rosters, every day of its
 * window; a repeat writes nothing): members born in T−1's month (of earlier years) have their age at the end of
 * T−1; the rules are evaluated once per distinct (county, age, illness, disability) and compared with the
 * supplement applied so far; the awards whose amount changes get an INCREASE or DECREASE row from T, in one
 * statement.
 */
@Service
@Transactional
public class AgeSupplements {

  /** The result of a step: member changes found (this run) and award rows written. */
  public record Step(YearMonth target, int memberChanges, int awardRows, int catchUpPayments) {}

  private final AgeStepRepository repository;
  private final SupplementRules rules;
  private final RosterCatchUp catchUp;

  private final org.springframework.context.ApplicationEventPublisher events;

  public AgeSupplements(AgeStepRepository repository, SupplementRules rules, RosterCatchUp catchUp,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.repository = repository;
    this.rules = rules;
    this.catchUp = catchUp;
  }

  /** The changes from {@code target} on (members born in the month before). Idempotent. */
  public Step apply(YearMonth target, String actor) {
    LocalDate t = target.atDay(1);
    LocalDate birthMonth = target.minusMonths(1).atDay(1);
    List<Object[]> evaluated = new ArrayList<>();
    SupplementRules.InForce inForce = rules.inForce(); // one version of the table for the month's batch
    java.util.Map<String, SupplementRules.Ratio> byClass = new java.util.HashMap<>();
    repository.distinctInputs(birthMonth, rs -> {
      String county = rs.getString("county_code");
      int age = rs.getInt("age");
      boolean illness = rs.getBoolean("serious_illness");
      String cat = rs.getString("cat");
      int grade = rs.getInt("grade");
      // once per class of counties the table answers alike (usually all of them), not per county
      SupplementRules.Ratio r = byClass.computeIfAbsent(inForce.countyClass(county) + "|" + age + "|" + illness + "|"
          + cat + "|" + grade, k -> inForce.supplement(county, age, illness, "-".equals(cat) ? null : cat,
              grade < 0 ? null : grade));
      evaluated.add(new Object[] {county, age, illness, cat, grade, r.category(), r.percent()});
    });
    repository.replaceRules(t, evaluated);
    var at = EngineContext.now();
    int members = repository.insertChanges(birthMonth, t, at);
    List<String> counties = new ArrayList<>();
    int rows = repository.insertAwardRows(t, actor, at);
    repository.markApplied(t);
    int paid = 0;
    if (rows > 0) {
      counties.addAll(repository.countiesWithChanges(t));
      var increases = repository.appliedIncreases(t);
      for (String county : counties) {
        List<YearMonth> made = catchUp.lockRuns(county, t, at, actor);
        if (!made.isEmpty()) {
          paid += catchUp.payDifferences(made, increases.stream().filter(a -> a.countyCode().equals(county))
              .toList(), "age-supplement", "分类施保年龄段变化", actor);
        }
      }
    }
    if (members > 0 || rows > 0) {
      events.publishEvent(new AgeStepsApplied(actor, "award_age_change " + target, members, rows, paid, counties));
    }
    return new Step(target, members, rows, paid);
  }

  /** The member changes from {@code target} in the counties whose codes start with a prefix (at most 1000). */
  @Transactional(readOnly = true)
  public List<AgeStepRepository.Change> changes(YearMonth target, List<String> countyPrefixes) {
    return repository.changes(target.atDay(1), countyPrefixes);
  }
}
