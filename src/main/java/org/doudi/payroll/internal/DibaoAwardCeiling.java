package org.doudi.payroll.internal;

import java.time.LocalDate;
import org.doudi.eligibility.DibaoCeilings;
import org.doudi.eligibility.StandardNotFoundException;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardCeiling;
import org.doudi.payroll.InvalidAwardException;
import org.springframework.stereotype.Component;

/** 低保: the local standard × covered persons plus the largest supplements (eligibility's {@link DibaoCeilings}). */
@Component
class DibaoAwardCeiling implements AwardCeiling {

  private final DibaoCeilings ceilings;

  DibaoAwardCeiling(DibaoCeilings ceilings) {
    this.ceilings = ceilings;
  }

  @Override
  public Scheme scheme() {
    return Scheme.DIBAO;
  }

  @Override
  public Limit limit(String countyCode, String urbanRural, Integer coveredPersons, LocalDate decidedOn) {
    if (coveredPersons == null || coveredPersons < 1) {
      throw new InvalidAwardException("低保待遇须注明保障人数（至少1人；单人户为1人），否则无法核定补助上限");
    }
    if (!"URBAN".equals(urbanRural) && !"RURAL".equals(urbanRural)) {
      throw new InvalidAwardException("低保待遇须注明城乡类别（URBAN 城市或 RURAL 农村），否则无法核定补助上限");
    }
    try {
      DibaoCeilings.Ceiling c = ceilings.ceiling(countyCode, urbanRural, coveredPersons, decidedOn);
      return new Limit(c.amount(), c.explanation());
    } catch (StandardNotFoundException e) {
      throw new InvalidAwardException(e.getMessage().replace("，请管理员先录入当地标准", "")
          + "，无法核定补助上限，不能确认同意或调整低保待遇；请管理员先录入当地标准");
    } catch (IllegalArgumentException e) {
      throw new InvalidAwardException(e.getMessage());
    }
  }
}
