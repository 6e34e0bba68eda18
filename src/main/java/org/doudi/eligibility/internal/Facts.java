package org.doudi.eligibility.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the assessment needs of a household; type codes as in the shared application JSON. */
public record Facts(String countyCode, String urbanRural, List<Member> members, List<Asset> assets) {

  public record Member(String name, String idNumber, LocalDate birthDate, String disabilityCategory,
      Integer disabilityGrade, boolean seriousIllness, Map<String, BigDecimal> monthlyIncome,
      BigDecimal rigidExpenses) {}

  public record Asset(String type, String description, BigDecimal value) {}
}
