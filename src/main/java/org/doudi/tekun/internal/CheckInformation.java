package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunRecognitionVariables.CHECK_TEXT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.checkplatform.CheckPlatform;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.persistence.TekunCaseRepository;
import org.doudi.tekun.persistence.TekunCaseRepository.StoredCase;

/**
 * 信息核对: the person's income and assets through the 核对平台 (the application carried the signed authorisation). What
 * the platform found replaces the declaration in the case's facts (the declaration stays in declared_json); the
 * result is a record of the case. A technical failure is an exception, so the job retries.
 */
@ProcessBean("tekunCheckInformation")
public class CheckInformation implements JavaDelegate {

  private final TekunCaseRepository cases;
  private final CheckPlatform platform;
  private final CaseJson json;

  public CheckInformation(TekunCaseRepository cases, CheckPlatform platform, CaseJson json) {
    this.cases = cases;
    this.platform = platform;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.caseId(execution);
    StoredCase c = cases.find(id).orElseThrow();
    TekunFacts f = json.facts(c.factsJson() != null ? c.factsJson() : c.declaredJson());
    Map<String, BigDecimal> declared = new LinkedHashMap<>();
    f.incomes().forEach(i -> declared.merge(i.type().name(), i.monthlyAmount(), BigDecimal::add));
    CheckResult r = platform.check(new CheckRequest("TK-" + id, true, List.of(new CheckRequest.Member(c.idNumber(),
        c.fullName(), declared)), f.assets().stream().map(a -> new CheckRequest.DeclaredAsset(a.type().name(),
        a.type().name(), a.value())).toList()));
    List<TekunFacts.Income> incomes = new ArrayList<>();
    r.members().stream().filter(m -> m.idNumber().equals(c.idNumber())).findFirst()
        .ifPresent(m -> m.monthlyIncome().forEach((type, value) -> incomeType(type)
            .ifPresent(t -> incomes.add(new TekunFacts.Income(t, value)))));
    List<TekunFacts.Asset> assets = r.assets().stream().filter(a -> c.idNumber().equals(a.ownerIdNumber()))
        .map(a -> new TekunFacts.Asset(assetType(a.type()), a.value())).toList();
    TekunFacts found = new TekunFacts(f.fullName(), f.idNumber(), f.countyCode(), f.urbanRural(), f.assessedOn(),
        f.disabilityCategory(), f.disabilityGrade(), f.impossibleItems(), r.members().isEmpty() ? f.incomes() : incomes,
        r.members().isEmpty() ? f.assets() : assets, f.supporter(), f.schooling(), f.childStatus(),
        f.choosesChildSubsidy());
    cases.storeFacts(id, json.write(found), EngineContext.now());
    String discrepancies = r.discrepancies().stream().map(CheckResult.Discrepancy::message)
        .collect(Collectors.joining("；"));
    String text = "核对报告" + r.reference() + "：" + (discrepancies.isEmpty() ? "未发现与申报不符的情况" : discrepancies)
        + "（核对结果已代替申报数据）";
    cases.insertRecord(id, "INFORMATION_CHECK", text, null, null, EngineContext.now());
    execution.setVariable(CHECK_TEXT, text);
  }

  private static java.util.Optional<IncomeType> incomeType(String name) {
    try {
      return java.util.Optional.of(IncomeType.valueOf(name));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static AssetType assetType(String name) {
    try {
      return AssetType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return AssetType.OTHER;
    }
  }
}
