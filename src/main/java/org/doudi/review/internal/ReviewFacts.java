package org.doudi.review.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.doudi.checkplatform.CheckResult;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Asset;
import org.doudi.household.HouseholdApplication.AssetType;
import org.doudi.household.HouseholdApplication.IncomeType;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdNotFoundException;
import org.doudi.household.Households;
import org.doudi.review.ReportedChange;
import org.doudi.review.persistence.ReviewRepository;
import org.springframework.stereotype.Component;

/**
 * The household as a review sees it, from our evidence only: the case record of the 低保 application the award came
 * from ({@code HH-<application id>}), without the members recorded as dead or moved away (review_change), with the
 * members recorded as born or married in (without income until the platform finds some), and, when a check result is
 * given, with the income and assets the platform found (as the application's 采用核对结果 does).
 */
@Component
public class ReviewFacts {

  private final Households households;
  private final ReviewRepository repository;

  public ReviewFacts(Households households, ReviewRepository repository) {
    this.households = households;
    this.repository = repository;
  }

  /** The application id of a 低保 beneficiary key, if it is one. */
  public static Optional<Long> applicationId(String beneficiaryKey) {
    if (beneficiaryKey == null || !beneficiaryKey.matches("HH-\\d{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(beneficiaryKey.substring(3)));
  }

  /** The stored record as it is (empty: no 低保 record behind the key). */
  public Optional<HouseholdApplication> stored(String beneficiaryKey) {
    Optional<Long> id = applicationId(beneficiaryKey);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(households.load(id.get()));
    } catch (HouseholdNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The household now: the record with the recorded member changes (and the check's findings, if given). */
  public Optional<HouseholdApplication> current(String beneficiaryKey, String scheme, CheckResult found) {
    return stored(beneficiaryKey).map(a -> withChanges(a, repository.changes(beneficiaryKey, scheme), found));
  }

  static HouseholdApplication withChanges(HouseholdApplication a, List<ReportedChange> changes, CheckResult found) {
    Set<String> gone = changes.stream().filter(c -> c.kind().removesMember() && c.memberIdNumber() != null)
        .map(c -> c.memberIdNumber().toUpperCase()).collect(Collectors.toSet());
    if (found != null) {
      found.members().stream().filter(m -> m.deceasedOn() != null && m.idNumber() != null)
          .forEach(m -> gone.add(m.idNumber().toUpperCase()));
    }
    List<Member> members = new ArrayList<>();
    for (Member m : a.memberList()) {
      if (m.idNumber() != null && !gone.contains(m.idNumber().toUpperCase())) {
        members.add(m);
      }
    }
    for (ReportedChange c : changes) {
      if (c.kind().addsMember() && c.memberIdNumber() != null && members.stream()
          .noneMatch(m -> c.memberIdNumber().equalsIgnoreCase(m.idNumber()))) {
        members.add(new Member(c.memberName(), c.memberIdNumber().toUpperCase(), relation(c.memberRelation()), null,
            null, null, null, false, false, false, null, null));
      }
    }
    if (!members.isEmpty() && members.stream().noneMatch(m -> m.relation() == Relation.SELF)) {
      // the applicant died or left: the first remaining member stands for the household
      Member f = members.get(0);
      members.set(0, new Member(f.name(), f.idNumber(), Relation.SELF, f.hukouCountyCode(), f.hukouUrbanRural(),
          f.disabilityCategory(), f.disabilityGrade(), f.seriousIllness(), f.ableToWork(), f.student(),
          f.monthlyIncome(), f.rigidExpenses()));
    }
    List<Asset> assets = a.assetList();
    if (found != null) {
      Map<String, CheckResult.MemberFindings> byId = new LinkedHashMap<>();
      found.members().forEach(m -> byId.put(String.valueOf(m.idNumber()).toUpperCase(), m));
      members = members.stream().map(m -> {
        CheckResult.MemberFindings f = byId.get(String.valueOf(m.idNumber()).toUpperCase());
        if (f == null) {
          return m;
        }
        Map<IncomeType, BigDecimal> income = new EnumMap<>(IncomeType.class);
        f.monthlyIncome().forEach((type, value) -> income.put(IncomeType.valueOf(type), value));
        return new Member(m.name(), m.idNumber(), m.relation(), m.hukouCountyCode(), m.hukouUrbanRural(),
            m.disabilityCategory(), m.disabilityGrade(), m.seriousIllness(), m.ableToWork(), m.student(), income,
            m.rigidExpenses());
      }).collect(Collectors.toCollection(ArrayList::new));
      assets = found.assets().stream().map(x -> new Asset(AssetType.valueOf(x.type()), x.description(), x.value()))
          .toList();
    }
    return new HouseholdApplication(a.countyCode(), a.regionCode(), a.urbanRural(), a.address(), a.contactPhone(),
        List.copyOf(members), assets, a.authorisationSigned(), a.pledgeSigned(), a.agent(), a.bankAccount(),
        a.separateRegistration(), a.separateRegistrationNote());
  }

  private static Relation relation(String s) {
    try {
      return s == null ? Relation.OTHER : Relation.valueOf(s);
    } catch (IllegalArgumentException e) {
      return Relation.OTHER;
    }
  }

  /**
   * 有劳动能力且收入不固定: a member able to work whose counted income is not wages alone (business, property,
   * transfers, other) or who has no counted income at all (flexible or seasonal work).
   */
  public static boolean ableBodiedIrregularIncome(HouseholdApplication a) {
    return a.memberList().stream().filter(Member::ableToWork).anyMatch(m -> {
      BigDecimal wage = m.income(IncomeType.WAGE);
      BigDecimal other = BigDecimal.ZERO;
      for (IncomeType t : IncomeType.values()) {
        if (t.counted() && t != IncomeType.WAGE) {
          other = other.add(m.income(t));
        }
      }
      return other.signum() > 0 || wage.signum() == 0;
    });
  }

  /** 无劳动能力成员且有重病、重残成员: nobody able to work, and someone severely disabled or seriously ill. */
  public static boolean stableHardship(HouseholdApplication a) {
    return a.memberList().stream().noneMatch(Member::ableToWork)
        && a.memberList().stream().anyMatch(m -> m.severelyDisabled() || m.seriousIllness());
  }
}
