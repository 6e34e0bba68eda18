package org.doudi.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.eligibility.internal.AssessmentCalculator;
import org.doudi.eligibility.internal.Facts;
import org.doudi.household.ApplicationValidator;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.InvalidApplicationException;
import org.springframework.stereotype.Service;

/**
 * Assesses a household for 低保 (issue 3 item 5): per-capita counted income against the local standard in force on
 * the date, per-capita cash assets against {@code assetLimitMonths ×} the standard, the gap amount plus supplements
 * (DMN {@code dibao-supplement}), or 单人户 inclusion of a 低收入家庭's 重残/重病 members (DMN
 * {@code dibao-single-person-ratio}). Nothing is stored; the result carries its reasons with citations.
 */
@Service
public class DibaoEligibility {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final DibaoStandards standards;
  private final AssessmentCalculator calculator;
  private final ApplicationValidator validator;

  public DibaoEligibility(DibaoStandards standards, AssessmentCalculator calculator, ApplicationValidator validator) {
    this.standards = standards;
    this.calculator = calculator;
    this.validator = validator;
  }

  /**
   * The assessment on {@code date} (the standard in force that day; ages on that day); null means today.
   *
   * @throws InvalidApplicationException the application breaks a validation rule (every violation listed)
   * @throws StandardNotFoundException   no standard is recorded for the county, urban/rural type and date
   */
  public DibaoAssessment assess(HouseholdApplication application, LocalDate date) {
    validator.validate(application);
    if (date == null) {
      date = today();
    }
    String urbanRural = application.urbanRural().name();
    DibaoStandard standard = standards.require(application.countyCode(), urbanRural, date);
    return calculator.assess(facts(application), standard, date);
  }

  /** The assessment today (China time, engine clock). */
  public DibaoAssessment assess(HouseholdApplication application) {
    return assess(application, today());
  }

  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
  }

  static Facts facts(HouseholdApplication a) {
    return new Facts(a.countyCode(), a.urbanRural().name(),
        a.memberList().stream().map(m -> {
          Map<String, BigDecimal> income = new LinkedHashMap<>();
          Map<IncomeType, BigDecimal> given = m.monthlyIncome() == null ? new EnumMap<>(IncomeType.class)
              : m.monthlyIncome();
          given.forEach((type, value) -> {
            if (type != null) {
              income.put(type.name(), value == null ? BigDecimal.ZERO : value);
            }
          });
          return new Facts.Member(m.name(), m.idNumber(), m.birthDate(),
              m.disabilityCategory() == null ? null : m.disabilityCategory().name(), m.disabilityGrade(),
              m.seriousIllness(), income, m.rigidExpensesOrZero());
        }).toList(),
        a.assetList().stream().map(x -> new Facts.Asset(x.type().name(), x.description(), x.value())).toList());
  }
}
