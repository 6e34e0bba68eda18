package org.doudi.eligibility.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
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

  public Ratio supplement(String countyCode, int age, boolean seriousIllness, String disabilityCategory,
      Integer disabilityGrade) {
    Map<String, Object> in = new HashMap<>();
    in.put("countyCode", countyCode);
    in.put("age", age);
    in.put("seriousIllness", seriousIllness);
    in.put("disabilityCategory", disabilityCategory);
    in.put("disabilityGrade", disabilityGrade);
    return first(SUPPLEMENT, in).map(DibaoDecisions::ratio).orElse(new Ratio("NONE", 0, null));
  }

  /** Empty when the member cannot be included as a 单人户. */
  public Optional<Ratio> singlePerson(String countyCode, boolean seriousIllness, String disabilityCategory,
      Integer disabilityGrade) {
    Map<String, Object> in = new HashMap<>();
    in.put("countyCode", countyCode);
    in.put("seriousIllness", seriousIllness);
    in.put("disabilityCategory", disabilityCategory);
    in.put("disabilityGrade", disabilityGrade);
    return first(SINGLE_PERSON_RATIO, in).map(DibaoDecisions::ratio);
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
    DmnDecisionTableResult result = engine.get().evaluateDecisionTable(source.decision(key), in);
    return Optional.ofNullable(result.getFirstResult());
  }

  private static Ratio ratio(DmnDecisionRuleResult r) {
    return new Ratio((String) r.get("category"), ((Number) r.get("percent")).intValue(), (String) r.get("citation"));
  }
}
