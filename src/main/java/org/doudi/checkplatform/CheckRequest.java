package org.doudi.checkplatform;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doudi.household.HouseholdApplication;

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

  /** The request for a stored application: members in order with their declared income, the declared assets. */
  public static CheckRequest of(String applicationId, HouseholdApplication a) {
    return new CheckRequest(applicationId, a.authorisationSigned(), a.memberList().stream().map(m -> {
      Map<String, BigDecimal> income = new LinkedHashMap<>();
      if (m.monthlyIncome() != null) {
        m.monthlyIncome().forEach((type, value) -> {
          if (type != null && value != null) {
            income.put(type.name(), value);
          }
        });
      }
      return new Member(m.idNumber(), m.name(), income);
    }).toList(), a.assetList().stream()
        .map(x -> new DeclaredAsset(x.type().name(), x.description(), x.value())).toList());
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
