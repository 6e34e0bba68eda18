package org.doudi.dibao.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.checkplatform.CheckResult;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.Households;

/**
 * 采用核对结果: the case record's income and assets become what the platform found (the declaration stays stored as
 * revision 0). Skipped by the model when a 复查 upheld the declaration.
 */
@ProcessBean("dibaoApplyCheckFindings")
public class ApplyCheckFindings implements JavaDelegate {

  private final Households households;
  private final DibaoRepository records;
  private final ObjectMapper json;

  public ApplyCheckFindings(Households households, DibaoRepository records, ObjectMapper json) {
    this.households = households;
    this.records = records;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    long id = CaseContext.applicationId(execution);
    String stored = records.latestCheckJson(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No information check recorded for case " + id));
    CheckResult result = json.readValue(stored, CheckResult.class);
    for (CheckResult.MemberFindings m : result.members()) {
      Map<IncomeType, BigDecimal> income = new EnumMap<>(IncomeType.class);
      m.monthlyIncome().forEach((type, value) -> income.put(IncomeType.valueOf(type), value));
      households.replaceMemberIncome(id, m.idNumber(), income);
    }
    households.replaceAssets(id, result.assets().stream()
        .map(a -> new Asset(AssetType.valueOf(a.type()), a.description(), a.value())).toList());
  }
}
