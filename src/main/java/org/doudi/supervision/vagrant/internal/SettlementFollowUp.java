package org.doudi.supervision.vagrant.internal;

import static org.doudi.supervision.vagrant.VagrantVariables.*;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.dibao.DibaoCases;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.eligibility.DibaoEligibility;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.BankAccount;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;
import org.doudi.household.InvalidApplicationException;
import org.doudi.supervision.vagrant.persistence.VagrantRepository;
import org.doudi.tekun.CareMode;
import org.doudi.tekun.TekunApplication;
import org.doudi.tekun.TekunAssessment;
import org.doudi.tekun.TekunEligibility;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.TekunRecognitions;
import org.doudi.supervision.vagrant.VagrantVariables;

/**
 * 特困、低保资格审查并申请 after 落户安置 (吉民发〔2020〕40号 四(四): 为符合条件的落实社会保障政策): the settled person is
 * assessed for 特困 first (no supporter is known; income as the settlement recorded it); if 特困 fits, a 特困
 * recognition is started as 主动发现 ({@link TekunRecognitions#apply}); otherwise, if the one-person household fits
 * 低保, a 低保 application is started ({@link DibaoCases#apply}); otherwise the person is settled only. Those modules
 * run their own investigation and decision: this step only files the application. The outcome is recorded on the
 * case in the same transaction, so a retry after a failure starts nothing twice. The settlement's personal data
 * (ID number, account) leave the process variables.
 */
@ProcessBean("vagrantSettlementFollowUp")
public class SettlementFollowUp implements JavaDelegate {

  /** The settlement form's fields this step reads and then removes. */
  static final List<String> APPLICATION_KEYS = List.of("registeredName", "registeredIdNumber", "settlementRegionCode",
      "urbanRural", "careMode", "address", "contactPhone", "ableToWork", "monthlyIncome", "disabilityCategory",
      "disabilityGrade", "bankName", "accountNumber", "authorisationSigned", "settledBy");

  private final VagrantRepository repository;
  private final TekunEligibility tekunEligibility;
  private final TekunRecognitions tekun;
  private final DibaoEligibility dibaoEligibility;
  private final DibaoCases dibao;

  public SettlementFollowUp(VagrantRepository repository, TekunEligibility tekunEligibility, TekunRecognitions tekun,
      DibaoEligibility dibaoEligibility, DibaoCases dibao) {
    this.repository = repository;
    this.tekunEligibility = tekunEligibility;
    this.tekun = tekun;
    this.dibaoEligibility = dibaoEligibility;
    this.dibao = dibao;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = VagrantSteps.caseId(execution);
    VagrantRepository.StoredCase stored = repository.find(caseId).orElseThrow();
    if (stored.followUp() != null) { // a retry after the outcome was recorded
      execution.setVariable(FOLLOW_UP, stored.followUp());
      return;
    }
    String user = VagrantSteps.string(execution, "settledBy");
    String name = VagrantSteps.string(execution, "registeredName");
    String id = VagrantSteps.string(execution, "registeredIdNumber").toUpperCase();
    String region = VagrantSteps.string(execution, "settlementRegionCode");
    String county = region.substring(0, 6);
    String urbanRural = VagrantSteps.string(execution, "urbanRural");
    BigDecimal income = money(execution.getVariable(VagrantVariables.MONTHLY_INCOME));
    DisabilityCategory category = blank(execution, "disabilityCategory") ? null
        : DisabilityCategory.valueOf(VagrantSteps.string(execution, "disabilityCategory"));
    Integer grade = category == null ? null : (int) Double.parseDouble(VagrantSteps.string(execution,
        "disabilityGrade"));
    boolean ableToWork = Boolean.TRUE.equals(execution.getVariable(VagrantVariables.ABLE_TO_WORK));
    String bank = VagrantSteps.string(execution, "bankName");
    String account = VagrantSteps.string(execution, "accountNumber");
    String note = "流浪乞讨人员落户安置（" + VagrantSteps.string(execution, STATION_NAME) + "，救助案件" + caseId + "）";

    String scheme;
    String reference;
    String text;
    try {
      TekunAssessment t = tekunEligibility.assess(new TekunFacts(name, id, county, urbanRural, EngineContext.today(),
          category, grade, Set.of(), income.signum() > 0 ? List.of(new TekunFacts.Income(IncomeType.WAGE, income))
              : List.of(), List.of(), TekunFacts.Supporter.NONE, TekunFacts.Schooling.NONE, TekunFacts.ChildStatus.NONE,
          false));
      if (t.outcome() == TekunAssessment.Outcome.TEKUN) {
        TekunRecognitions.StartedCase c = tekun.apply(new TekunApplication(name, id, region, urbanRural, "DISCOVERY",
            "TOWNSHIP", null, category, grade, income.signum() > 0 ? List.of(new TekunApplication.Income(
                IncomeType.WAGE, income)) : List.of(), List.of(), TekunFacts.Supporter.NONE, TekunFacts.Schooling.NONE,
            TekunFacts.ChildStatus.NONE, false, CareMode.valueOf(VagrantSteps.string(execution, "careMode")), bank,
            account, true, note), user);
        scheme = "TEKUN";
        reference = "tekun-case-" + c.caseId();
        text = "符合特困人员救助供养条件，已作为主动发现提出特困人员认定（案件" + c.caseId() + "），由乡镇（街道）和县级"
            + "民政部门按认定程序办理。审查理由：" + reasons(t.reasons().stream().map(TekunAssessment.Reason::text)
            .toList());
      } else {
        Map<IncomeType, BigDecimal> incomes = new EnumMap<>(IncomeType.class);
        if (income.signum() > 0) {
          incomes.put(IncomeType.WAGE, income);
        }
        HouseholdApplication h = new HouseholdApplication(county, region, UrbanRural.valueOf(urbanRural),
            VagrantSteps.string(execution, "address"), VagrantSteps.string(execution, "contactPhone"),
            List.of(new Member(name, id, Relation.SELF, null, null, category, grade, false, ableToWork, false, incomes,
                BigDecimal.ZERO)), List.of(), true, true, null, new BankAccount(bank, account, name), false, null);
        DibaoAssessment d = dibaoEligibility.assess(h);
        String why = "不符合特困人员条件（" + reasons(t.reasons().stream().map(TekunAssessment.Reason::text).toList())
            + "）";
        if (d.eligible()) {
          DibaoCases.StartedCase c = dibao.apply(h, user);
          scheme = "DIBAO";
          reference = "dibao-application-" + c.applicationId();
          text = why + "；符合最低生活保障条件，已提出低保申请（申请" + c.applicationId() + "），由乡镇（街道）受理审核。";
        } else {
          scheme = "NONE";
          reference = null;
          text = why + "；也不符合最低生活保障条件（" + reasons(d.reasons().stream().map(DibaoAssessment.Reason::text)
              .toList()) + "）：仅落户安置。";
        }
      }
    } catch (InvalidApplicationException e) {
      // the person cannot be applied for now (e.g. already held in another scheme): recorded for the caseworker
      scheme = "NONE";
      reference = null;
      text = "未能提出申请：" + e.getMessage();
    }
    repository.followUp(caseId, scheme, reference, EngineContext.now());
    repository.insertRecord(caseId, "FOLLOW_UP", null, text, user, EngineContext.now());
    execution.setVariable(FOLLOW_UP, scheme);
    execution.setVariable(FOLLOW_UP_TEXT, text);
    execution.removeVariables(List.of("registeredIdNumber", "accountNumber", "bankName", "contactPhone"));
  }

  private static String reasons(List<String> texts) {
    return texts.isEmpty() ? "无" : texts.stream().collect(Collectors.joining("；"));
  }

  private static boolean blank(DelegateExecution execution, String key) {
    String v = VagrantSteps.string(execution, key);
    return v == null || v.isBlank();
  }

  private static BigDecimal money(Object v) {
    if (v == null || v.toString().isBlank()) {
      return BigDecimal.ZERO;
    }
    return new BigDecimal(v.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
