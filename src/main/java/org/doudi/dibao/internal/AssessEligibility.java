package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.eligibility.DibaoEligibility;
import org.doudi.engine.ProcessBean;
import org.doudi.household.Households;

/** 评估家庭经济状况和补助金额 with {@link DibaoEligibility} on the current case record; stored in dibao_assessment. */
@ProcessBean("dibaoAssessEligibility")
public class AssessEligibility implements JavaDelegate {

  private final Households households;
  private final DibaoEligibility eligibility;
  private final DibaoRepository records;
  private final ObjectMapper json;

  public AssessEligibility(Households households, DibaoEligibility eligibility, DibaoRepository records,
      ObjectMapper json) {
    this.households = households;
    this.eligibility = eligibility;
    this.records = records;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    long id = CaseContext.applicationId(execution);
    DibaoAssessment a = eligibility.assess(households.load(id), CaseContext.today());
    records.insertAssessment(id, execution.getProcessInstanceId(), a.outcome().name(), a.standard(),
        a.perCapitaIncome(), a.monthlyAmount(), a.assessedOn(), json.writeValueAsString(a), CaseContext.now());
    execution.setVariable(ELIGIBILITY_OUTCOME, a.outcome().name());
    execution.setVariable(ELIGIBILITY_OUTCOME_LABEL, switch (a.outcome()) {
      case DIBAO -> "符合条件，按户纳入低保";
      case SINGLE_PERSON -> "低收入家庭，重残、重病成员参照单人户纳入低保";
      case INELIGIBLE -> "不符合低保条件";
    });
    execution.setVariable(STANDARD, a.standard().toPlainString());
    execution.setVariable(PER_CAPITA_INCOME, a.perCapitaIncome().toPlainString());
    execution.setVariable(MONTHLY_AMOUNT, a.monthlyAmount().toPlainString());
    execution.setVariable(ELIGIBILITY_REASONS, a.reasons().stream()
        .map(r -> r.text() + "（" + r.citation() + "）").collect(Collectors.joining("\n")));
  }
}
