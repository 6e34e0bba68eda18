package org.doudi.unemployed.internal;

import static org.doudi.unemployed.UnemployedVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.checkplatform.CheckPlatform;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.engine.ProcessBean;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.ApplicationSummary;
import org.doudi.household.Households;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.unemployed.UnemployedSettings;
import org.doudi.unemployed.persistence.UnemployedRepository;

/**
 * 认定条件 (吉民发〔2020〕40号 二(二)1): no income for three consecutive months because of the epidemic, not covered by
 * unemployment insurance, not on 低保 in Jilin (an APPROVED 低保 case in this system) or elsewhere (declared), and in
 * hardship by the low-income rule (二(一): per-capita income below the configured multiple of the local 低保
 * standard, per-capita financial assets within the standard's asset months). The household's income and assets are
 * checked by the provincial 核对平台 under the signed authorisation. Facts are computed here, the verdict is the
 * decision table {@code unemployed-eligibility}; the findings are stored with their numbers.
 */
@ProcessBean("unemployedAssessEligibility")
public class AssessEligibility implements JavaDelegate {

  private final UnemployedRepository repository;
  private final Households households;
  private final DibaoStandards standards;
  private final CheckPlatform checkPlatform;
  private final UnemployedRules rules;
  private final UnemployedSettings settings;

  public AssessEligibility(UnemployedRepository repository, Households households, DibaoStandards standards,
      CheckPlatform checkPlatform, UnemployedRules rules, UnemployedSettings settings) {
    this.repository = repository;
    this.households = households;
    this.standards = standards;
    this.checkPlatform = checkPlatform;
    this.rules = rules;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.applicationId(execution);
    UnemployedApplication a = repository.find(id).orElseThrow().application();
    LocalDate today = Clock.today();
    int monthsWithoutIncome = (int) ChronoUnit.MONTHS.between(a.lastIncomeMonth(), YearMonth.from(today)) - 1;

    List<ApplicationSummary> onDibao = households.withMember(a.idNumber(), ApplicationStatus.APPROVED);
    DibaoStandard standard = standards.require(a.countyCode(), a.urbanRural().name(), today);
    BigDecimal size = BigDecimal.valueOf(a.householdSize());
    BigDecimal perCapita = a.householdMonthlyIncome().divide(size, 2, RoundingMode.HALF_UP);
    BigDecimal line = standard.monthlyStandard().multiply(settings.getLowIncomeMultiple()).setScale(2, RoundingMode.HALF_UP);
    BigDecimal assetsPerCapita = a.householdFinancialAssets().divide(size, 2, RoundingMode.HALF_UP);
    BigDecimal assetLimit = standard.assetLimit().setScale(2, RoundingMode.HALF_UP);

    // 核对平台: the applicant declared no income of their own (that is the point of the application)
    Map<String, BigDecimal> declared = new LinkedHashMap<>();
    declared.put("WAGE", BigDecimal.ZERO);
    CheckResult check = checkPlatform.check(new CheckRequest("UNEMPLOYED-" + id, a.authorisationSigned(),
        List.of(new CheckRequest.Member(a.idNumber(), a.fullName(), declared)), List.of()));

    Map<String, Object> facts = new HashMap<>();
    facts.put("monthsWithoutIncome", monthsWithoutIncome);
    facts.put("epidemicCause", a.epidemicCause());
    facts.put("unemploymentInsured", a.unemploymentInsured());
    facts.put("dibaoJilin", !onDibao.isEmpty());
    facts.put("dibaoElsewhere", a.dibaoElsewhere());
    facts.put("incomeBelowLine", perCapita.compareTo(line) < 0);
    facts.put("assetsWithinLimit", assetsPerCapita.compareTo(assetLimit) <= 0);
    facts.put("checkPassed", check.passed());

    List<String> reasons = new ArrayList<>();
    for (UnemployedRules.Failure f : rules.failures(facts)) {
      String detail = switch (f.criterion()) {
        case "NO_INCOME_3_MONTHS" -> "（最后有收入的月份" + a.lastIncomeMonth() + "，至今连续无收入" + Math.max(0, monthsWithoutIncome) + "个月）";
        case "DIBAO_JILIN" -> "（本系统低保案卷" + onDibao.get(0).id() + "，" + onDibao.get(0).regionName() + "，已确认同意）";
        case "LOW_INCOME" -> "（家庭人均月收入" + perCapita + "元，低收入标准" + line + "元 = 当地低保标准"
            + standard.monthlyStandard() + "元 × " + settings.getLowIncomeMultiple().stripTrailingZeros().toPlainString() + "）";
        case "ASSETS" -> "（家庭人均金融资产" + assetsPerCapita + "元，限额" + assetLimit + "元 = " + standard.assetLimitMonths()
            + "个月低保标准）";
        case "CHECK" -> "（核对报告" + check.reference() + "：" + String.join("；", check.discrepancies().stream()
            .filter(CheckResult.Discrepancy::material).map(CheckResult.Discrepancy::message).toList()) + "）";
        default -> "";
      };
      reasons.add(f.reason() + detail + "（" + f.citation() + "）");
    }
    boolean eligible = reasons.isEmpty();
    String summary = (eligible ? "符合未参保失业人员临时救助认定条件" : "不符合认定条件：" + String.join("；", reasons))
        + "。家庭人均月收入" + perCapita + "元，低收入标准" + line + "元；核对报告" + check.reference()
        + (standard.sample() ? "；低保标准为示例数值，非官方标准" : "");
    repository.insertRecord(id, execution.getProcessInstanceId(), "ELIGIBILITY", summary, null, null, Clock.now());
    execution.setVariable(ELIGIBLE, eligible);
    execution.setVariable(ELIGIBILITY_REASONS, eligible ? "" : String.join("\n", reasons));
    execution.setVariable(PER_CAPITA_INCOME, perCapita.toPlainString());
    execution.setVariable(LOW_INCOME_LINE, line.toPlainString());
  }
}
