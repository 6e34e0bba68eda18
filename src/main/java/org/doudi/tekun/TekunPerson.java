package org.doudi.tekun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A person's 特困 support record (table {@code tekun_person}): who, where, care level and mode, the amounts in force
 * (basic living + care, from the stored assessment) and the award paying them, and the state.
 *
 * @param status SUPPORTED (being supported), ENDING (termination decided or in its 公示), ENDED
 * @param inSchool whether a person aged 16+ is in compulsory education, 普通高中 or 中职 (support past 18)
 */
public record TekunPerson(long id, String idNumber, String fullName, LocalDate birthDate, String countyCode,
    String regionCode, String urbanRural, CareLevel careLevel, CareMode careMode, BigDecimal basicAmount,
    BigDecimal careAmount, Long caseId, String awardKey, YearMonth supportFrom, YearMonth lastSupportedMonth,
    Boolean inSchool, String status, String endReasonCode) {

  public BigDecimal monthlyAmount() {
    return basicAmount.add(careAmount);
  }
}
