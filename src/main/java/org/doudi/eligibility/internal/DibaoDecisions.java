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

    private final Map<String, String> countyClasses = new HashMap<>();

    private RatioTables(DmnDecision supplement, DmnDecision singlePerson) {
      this.supplement = supplement;
      this.singlePerson = singlePerson;
    }

    /**
     * A name shared by the counties for which both tables give the same answers whatever the other inputs: the
     * county enters a table only through its county column, so two counties admitted by the same rules' county
     * cells match the same rules for every age, illness and disability. A bulk caller (a province's rise: sixty
     * counties, a hundred ages) evaluates once per class instead of once per county. The county itself — no
     * sharing — when a table reads the county anywhere else (another cell, an output, an input expression), is not
     * a plain decision table, or a county cell cannot be decided on the county alone.
     */
    public String countyClass(String countyCode) {
      return countyClasses.computeIfAbsent(countyCode,
          c -> admittedBy(supplement, c) + "/" + admittedBy(singlePerson, c));
    }

    public Ratio supplement(String countyCode, int age, boolean seriousIllness, String disabilityCategory,
        Integer disabilityGrade) {
      Map<String, Object> in = member(countyCode, seriousIllness, disabilityCategory, disabilityGrade);
      in.put("age", age);
      return first(supplement, in).map(DibaoDecisions::ratio).orElse(new Ratio("NONE", 0, null));
    }

    /** Empty when the member cannot be included as a 单人户. */
    public Optional<Ratio> singlePerson(String countyCode, boolean seriousIllness, String disabilityCategory,
        Integer disabilityGrade) {
      return first(singlePerson, member(countyCode, seriousIllness, disabilityCategory, disabilityGrade))
          .map(DibaoDecisions::ratio);
    }
  }

  /** The inputs both ratio tables take of a member. */
  private static Map<String, Object> member(String countyCode, boolean seriousIllness, String disabilityCategory,
      Integer disabilityGrade) {
    Map<String, Object> in = new HashMap<>();
    in.put("countyCode", countyCode);
    in.put("seriousIllness", seriousIllness);
    in.put("disabilityCategory", disabilityCategory);
    in.put("disabilityGrade", disabilityGrade);
    return in;
  }

  /** The county input of a table (its variable or expression {@code countyCode}), −1 when it has none. */
  private static int countyInput(DmnDecisionTableImpl table) {
    for (int i = 0; i < table.getInputs().size(); i++) {
      DmnDecisionTableInputImpl in = table.getInputs().get(i);
      if ("countyCode".equals(in.getInputVariable()) || (in.getExpression() != null
          && "countyCode".equals(in.getExpression().getExpression()))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the county cell of a rule admits the county (an empty cell admits every county); FEEL only. */
  private boolean admits(String key, DmnDecisionTableImpl table, int county, DmnDecisionTableRuleImpl rule,
      String countyCode) {
    DmnExpressionImpl cell = rule.getConditions().get(county);
    if (blank(cell)) {
      return true;
    }
    if (!feel(cell)) {
      throw new IllegalStateException(key + " rule " + rule.getId() + ": county cell not in FEEL");
    }
    FeelEngine feel = feelEngine();
    String variable = table.getInputs().get(county).getInputVariable();
    return feel.evaluateSimpleUnaryTests(cell.getExpression(), variable,
        Variables.createVariables().putValue(variable, countyCode).asVariableContext());
  }

  /**
   * {@link RatioTables#countyClass}'s part for one table: the rules whose county cell admits the county, as a string
   * of 0 and 1; the county itself when the table could tell two counties with the same string apart.
   */
  private String admittedBy(DmnDecision decision, String countyCode) {
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)
        || !decision.getRequiredDecisions().isEmpty()) {
      return countyCode;
    }
    int county = countyInput(table);
    if (county >= 0 && (table.getInputs().get(county).getExpression() == null
        || !"countyCode".equals(table.getInputs().get(county).getExpression().getExpression()))) {
      return countyCode; // an expression of the county: its cells test that, not the code
    }
    for (int i = 0; i < table.getInputs().size(); i++) {
      if (i != county && mentionsCounty(table.getInputs().get(i).getExpression())) {
        return countyCode;
      }
    }
    StringBuilder admitted = new StringBuilder();
    for (DmnDecisionTableRuleImpl rule : table.getRules()) {
      for (int i = 0; i < rule.getConditions().size(); i++) {
        if (i != county && mentionsCounty(rule.getConditions().get(i))) {
          return countyCode;
        }
      }
      for (DmnExpressionImpl out : rule.getConclusions()) {
        if (mentionsCounty(out)) {
          return countyCode;
        }
      }
      if (county >= 0) {
        try {
          admitted.append(admits(decision.getKey(), table, county, rule, countyCode) ? '1' : '0');
        } catch (RuntimeException e) {
          return countyCode; // e.g. a county cell reading another input: the evaluation itself decides
        }
      }
    }
    return admitted.toString();
  }

  private FeelEngine feelEngine() {
    return ((DefaultDmnEngineConfiguration) engine.get().getConfiguration()).getFeelEngine();
  }

  private static boolean mentionsCounty(DmnExpressionImpl e) {
    return e != null && e.getExpression() != null && e.getExpression().contains("countyCode");
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
    int county = countyInput(table);
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
    FeelEngine feel = feelEngine();
    int max = 0;
    for (DmnDecisionTableRuleImpl rule : table.getRules()) {
      if (!admits(SUPPLEMENT, table, county, rule, countyCode)) {
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
