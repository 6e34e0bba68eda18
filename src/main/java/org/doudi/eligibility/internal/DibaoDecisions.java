package org.doudi.eligibility.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.doudi.eligibility.ApprovalAuthority;
import org.springframework.stereotype.Component;

/** The three 低保 decision tables in {@code processes/rules/}, evaluated with typed inputs and outputs. */
@Component
public class DibaoDecisions {

  public static final String SUPPLEMENT = "dibao-supplement";
  public static final String SINGLE_PERSON_RATIO = "dibao-single-person-ratio";
  public static final String APPROVAL_AUTHORITY = "dibao-approval-authority";

  /** {@code percent} of the standard; category NONE with 0 when nothing applies. */
  public record Ratio(String category, int percent, String citation) {}

  private final DecisionSource source;
  private final DmnEngineHolder engine;

  public DibaoDecisions(DecisionSource source, DmnEngineHolder engine) {
    this.source = source;
    this.engine = engine;
  }

  /**
   * The supplement and 单人户 tables in the versions in force now, looked up once: a bulk caller's evaluations all
   * use the same versions (an approval taking effect meanwhile does not split a batch between two), and each
   * evaluation is the table alone, not two queries for the version first.
   */
  public RatioTables inForce() {
    return new RatioTables(source.decision(SUPPLEMENT), source.decision(SINGLE_PERSON_RATIO));
  }

  /** The two ratio tables of one moment ({@link #inForce}). */
  public final class RatioTables {

    private final DmnDecision supplement;
    private final DmnDecision singlePerson;

    private RatioTables(DmnDecision supplement, DmnDecision singlePerson) {
      this.supplement = supplement;
      this.singlePerson = singlePerson;
    }

    public Ratio supplement(String countyCode, int age, boolean seriousIllness, String disabilityCategory,
        Integer disabilityGrade) {
      Map<String, Object> in = new HashMap<>();
      in.put("countyCode", countyCode);
      in.put("age", age);
      in.put("seriousIllness", seriousIllness);
      in.put("disabilityCategory", disabilityCategory);
      in.put("disabilityGrade", disabilityGrade);
      return first(supplement, in).map(DibaoDecisions::ratio).orElse(new Ratio("NONE", 0, null));
    }

    /** Empty when the member cannot be included as a 单人户. */
    public Optional<Ratio> singlePerson(String countyCode, boolean seriousIllness, String disabilityCategory,
        Integer disabilityGrade) {
      Map<String, Object> in = new HashMap<>();
      in.put("countyCode", countyCode);
      in.put("seriousIllness", seriousIllness);
      in.put("disabilityCategory", disabilityCategory);
      in.put("disabilityGrade", disabilityGrade);
      return first(singlePerson, in).map(DibaoDecisions::ratio);
    }
  }

  /**
   * The highest {@code percent} the supplement table can give a member of the county: the largest percent of every
   * rule whose county column admits the county (an empty cell admits every county), whatever the rule's other
   * columns say. Read from the table itself (the version in force), so a county row an analyst adds raises it
   * as soon as that version is in force. An upper bound: with hit policy FIRST a rule below a wider one may never be reached. The percent cells
   * must be numbers (a FEEL literal or an expression of no input); a cell that is not refuses, rather than guesses.
   *
   * @throws IllegalStateException the table has no countyCode input or percent output, or a percent is not a number
   */
  public int maxSupplementPercent(String countyCode) {
    DmnDecision decision = source.decision(SUPPLEMENT);
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      throw new IllegalStateException(SUPPLEMENT + " is not a decision table");
    }
    int county = -1;
    for (int i = 0; i < table.getInputs().size(); i++) {
      DmnDecisionTableInputImpl in = table.getInputs().get(i);
      if ("countyCode".equals(in.getInputVariable()) || (in.getExpression() != null
          && "countyCode".equals(in.getExpression().getExpression()))) {
        county = i;
      }
    }
    int percent = -1;
    for (int i = 0; i < table.getOutputs().size(); i++) {
      DmnDecisionTableOutputImpl out = table.getOutputs().get(i);
      if ("percent".equals(out.getOutputName())) {
        percent = i;
      }
    }
    if (county < 0 || percent < 0) {
      throw new IllegalStateException(SUPPLEMENT + " needs a countyCode input and a percent output to bound amounts");
    }
    FeelEngine feel = ((DefaultDmnEngineConfiguration) engine.get().getConfiguration()).getFeelEngine();
    String variable = table.getInputs().get(county).getInputVariable();
    int max = 0;
    for (DmnDecisionTableRuleImpl rule : table.getRules()) {
      DmnExpressionImpl cell = rule.getConditions().get(county);
      if (!blank(cell) && !feel(cell)) {
        throw new IllegalStateException(SUPPLEMENT + " rule " + rule.getId() + ": county cell not in FEEL");
      }
      if (!blank(cell) && !feel.evaluateSimpleUnaryTests(cell.getExpression(), variable,
          Variables.createVariables().putValue(variable, countyCode).asVariableContext())) {
        continue;
      }
      DmnExpressionImpl out = rule.getConclusions().get(percent);
      if (blank(out)) {
        continue;
      }
      Object value;
      try {
        value = feel(out) ? feel.evaluateSimpleExpression(out.getExpression(),
            Variables.createVariables().asVariableContext()) : null;
      } catch (RuntimeException e) {
        value = null;
      }
      if (!(value instanceof Number n)) {
        throw new IllegalStateException(SUPPLEMENT + " rule " + rule.getId() + ": percent '" + out.getExpression()
            + "' is not a number, so no ceiling can be computed");
      }
      max = Math.max(max, n.intValue());
    }
    return max;
  }

  private static boolean blank(DmnExpressionImpl e) {
    return e == null || e.getExpression() == null || e.getExpression().isBlank() || e.getExpression().trim().equals("-");
  }

  private static boolean feel(DmnExpressionImpl e) {
    String language = e.getExpressionLanguage();
    // null: the table's default, FEEL; otherwise "feel" or one of the FEEL namespace URIs
    return language == null || language.toLowerCase(java.util.Locale.ROOT).contains("feel");
  }

  public ApprovalAuthority authority(String countyCode, boolean separateRegistration, boolean hasComplaint) {
    Map<String, Object> in = new HashMap<>();
    in.put("countyCode", countyCode);
    in.put("separateRegistration", separateRegistration);
    in.put("hasComplaint", hasComplaint);
    DmnDecisionRuleResult r = first(APPROVAL_AUTHORITY, in)
        .orElseThrow(() -> new IllegalStateException(APPROVAL_AUTHORITY + " gave no result for " + in));
    return new ApprovalAuthority(ApprovalAuthority.Authority.valueOf((String) r.get("authority")),
        Boolean.TRUE.equals(r.get("countyHomeVisitRequired")),
        ((Number) r.get("overallLimitWorkingDays")).intValue(), (String) r.get("basis"));
  }

  private Optional<DmnDecisionRuleResult> first(String key, Map<String, Object> in) {
    return first(source.decision(key), in);
  }

  private Optional<DmnDecisionRuleResult> first(DmnDecision decision, Map<String, Object> in) {
    DmnDecisionTableResult result = engine.get().evaluateDecisionTable(decision, in);
    return Optional.ofNullable(result.getFirstResult());
  }

  private static Ratio ratio(DmnDecisionRuleResult r) {
    return new Ratio((String) r.get("category"), ((Number) r.get("percent")).intValue(), (String) r.get("citation"));
  }
}
