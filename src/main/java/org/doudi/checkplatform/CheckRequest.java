package org.doudi.checkplatform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A request to check a household's income and assets. The platform receives only the ID numbers and names (and
 * the authorisation); what the household declared stays here and is compared with what the platform found.
 *
 * @param applicationId       our case record's id (a reference for the platform's log)
 * @param authorisationSigned the household's written authorisation (授权书); without it nothing is checked
 * @param members             the members with what they declared (income types as in the application JSON)
 * @param declaredAssets      the household's declared assets
 */
public record CheckRequest(String applicationId, boolean authorisationSigned, List<Member> members,
    List<DeclaredAsset> declaredAssets) {

  public CheckRequest {
    members = List.copyOf(members);
    declaredAssets = declaredAssets == null ? List.of() : List.copyOf(declaredAssets);
  }

  /** {@code declaredMonthlyIncome}: yuan per month by income type (WAGE, BUSINESS, … PENSION_BASIC, …). */
  public record Member(String idNumber, String name, Map<String, BigDecimal> declaredMonthlyIncome) {
    public Member {
      declaredMonthlyIncome = declaredMonthlyIncome == null ? Map.of() : Map.copyOf(declaredMonthlyIncome);
    }
  }

  /** {@code type}: DEPOSIT, SECURITIES, INSURANCE, CLAIM, ONLINE_FINANCE, VEHICLE, REAL_ESTATE, OTHER. */
  public record DeclaredAsset(String type, String description, BigDecimal value) {}
}
