package org.doudi.disability.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doudi.disability.SubsidyKind;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardCeiling;
import org.doudi.payroll.InvalidAwardException;
import org.springframework.stereotype.Component;

/**
 * The ceilings of the two subsidies' awards ({@link AwardCeiling}, checked by {@code Awards.grant} and
 * {@code adjust}): one person per award, at most the highest amount {@code disability-subsidy-amount} gives for the
 * county over every category and grade. A change request above it is refused like any other scheme's.
 */
final class DisabilityAwardCeilings {

  private DisabilityAwardCeilings() {}

  abstract static class Ceiling implements AwardCeiling {

    private final DisabilityRules rules;
    private final SubsidyKind kind;

    Ceiling(DisabilityRules rules, SubsidyKind kind) {
      this.rules = rules;
      this.kind = kind;
    }

    @Override
    public Scheme scheme() {
      return kind.scheme();
    }

    @Override
    public Limit limit(String countyCode, String urbanRural, Integer coveredPersons, LocalDate decidedOn) {
      if (coveredPersons == null || coveredPersons != 1) {
        throw new InvalidAwardException(kind.label() + "按人发放，保障人数须为1");
      }
      BigDecimal max = null;
      try {
        for (DisabilityCategory c : DisabilityCategory.values()) {
          for (int grade = 1; grade <= 4; grade++) {
            BigDecimal a = rules.amount(countyCode, kind, c.name(), grade).amount();
            max = max == null || a.compareTo(max) > 0 ? a : max;
          }
        }
      } catch (IllegalStateException e) {
        throw new InvalidAwardException("无法核定" + kind.label() + "上限：" + e.getMessage());
      }
      return new Limit(max, "决策表 " + DisabilityRules.AMOUNT + " 中县级区划" + countyCode + "的最高标准");
    }
  }

  @Component
  static class Living extends Ceiling {
    Living(DisabilityRules rules) {
      super(rules, SubsidyKind.LIVING);
    }
  }

  @Component
  static class Care extends Ceiling {
    Care(DisabilityRules rules) {
      super(rules, SubsidyKind.CARE);
    }
  }
}
