package org.doudi.tekun.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.TekunAssessment;
import org.doudi.tekun.TekunEligibility;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.TekunPerson;
import org.springframework.stereotype.Component;

/**
 * The care standard (照料护理标准) for a re-assessed self-care level, from the 特困 rules ({@link TekunEligibility}: the
 * care standard by level is the rules' DMN, not this module's): the person's stored record (county, 城乡, birth date,
 * schooling) with the six items of the new assessment, on the decision day. The basic living amount in force stays
 * (a standard rise changes it, not a re-assessment). Nothing comes from the request.
 */
@Component
class CareStandards {

  /** The level and amounts a re-assessment gives. */
  record Priced(CareLevel level, BigDecimal basicAmount, BigDecimal careAmount, boolean sample) {
    BigDecimal monthly() {
      return basicAmount.add(careAmount);
    }
  }

  private final TekunEligibility eligibility;

  CareStandards(TekunEligibility eligibility) {
    this.eligibility = eligibility;
  }

  Priced price(TekunPerson p, Set<SelfCareItem> impossible, LocalDate on) {
    TekunEligibility rules = eligibility;
    CareLevel level = CareLevel.ofImpossibleItems(impossible.size());
    TekunFacts.Schooling schooling = p.inSchool() == null ? null
        : p.inSchool() ? TekunFacts.Schooling.SENIOR_HIGH : TekunFacts.Schooling.NONE;
    TekunAssessment a = rules.assess(new TekunFacts(p.fullName(), p.idNumber(), p.countyCode(), p.urbanRural(), on,
        null, null, Set.copyOf(impossible), List.of(), List.of(), TekunFacts.Supporter.NONE, schooling,
        TekunFacts.ChildStatus.NONE, false));
    if (a.careStandard() == null || a.careLevel() != level) {
      throw new IllegalStateException("特困人员认定规则未给出" + level.label() + "的照料护理标准");
    }
    return new Priced(level, p.basicAmount(), a.careStandard().setScale(2), a.sampleStandard());
  }
}
