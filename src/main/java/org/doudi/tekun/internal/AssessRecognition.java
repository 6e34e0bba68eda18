package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunRecognitionVariables.*;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.tekun.TekunAssessment;
import org.doudi.tekun.TekunEligibility;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.persistence.TekunCaseRepository;
import org.doudi.tekun.persistence.TekunCaseRepository.StoredCase;

/**
 * 认定条件审查、确定供养标准: the stored facts (investigation and information check) of today through
 * {@link TekunEligibility}; the assessment is stored with the case (the award's amounts are read from there, never
 * from a form) and summarised for the forms.
 */
@ProcessBean("tekunAssess")
public class AssessRecognition implements JavaDelegate {

  private final TekunCaseRepository cases;
  private final TekunEligibility eligibility;
  private final CaseJson json;

  public AssessRecognition(TekunCaseRepository cases, TekunEligibility eligibility, CaseJson json) {
    this.cases = cases;
    this.eligibility = eligibility;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.caseId(execution);
    StoredCase c = cases.find(id).orElseThrow();
    TekunFacts f = json.facts(c.factsJson() != null ? c.factsJson() : c.declaredJson());
    TekunFacts on = new TekunFacts(f.fullName(), f.idNumber(), f.countyCode(), f.urbanRural(), EngineContext.today(),
        f.disabilityCategory(), f.disabilityGrade(), f.impossibleItems(), f.incomes(), f.assets(), f.supporter(),
        f.schooling(), f.childStatus(), f.choosesChildSubsidy());
    TekunAssessment a = eligibility.assess(on);
    boolean eligible = a.eligible();
    cases.storeAssessment(id, json.write(a), a.outcome().name(), a.careLevel() == null ? null : a.careLevel().name(),
        eligible ? a.basicStandard() : null, eligible ? a.careStandard() : null, eligible ? a.monthlyAmount() : null,
        EngineContext.now());
    String reasons = a.reasons().stream().map(r -> r.text() + "（" + r.citation() + "）")
        .collect(Collectors.joining("；"));
    String amount = eligible ? "基本生活标准" + a.basicStandard().toPlainString() + "元（当地低保标准"
        + a.dibaoStandard().toPlainString() + "元）＋照料护理标准" + a.careStandard().toPlainString() + "元"
        + (a.sampleStandard() ? "（示例标准）" : "") : "";
    cases.insertRecord(id, "ASSESSMENT", (eligible ? "符合特困人员认定条件：" + amount + "，每月" + a.monthlyAmount()
        .toPlainString() + "元。" : "不符合特困人员认定条件（" + a.outcome() + "）。") + reasons, eligible
        ? a.monthlyAmount() : null, null, EngineContext.now());
    execution.setVariable(ELIGIBLE, eligible);
    execution.setVariable(ELIGIBILITY_REASONS, reasons);
    execution.setVariable(CARE_LEVEL_LABEL, a.careLevel() == null ? "" : a.careLevel().label());
    execution.setVariable(MONTHLY_AMOUNT, eligible ? a.monthlyAmount().toPlainString() : "0");
    execution.setVariable(AMOUNT_TEXT, amount);
  }
}
