package org.doudi.tekun;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Spring application event: a person has been recognised as 特困 (county confirmation, or the township's where the
 * county delegated it) and their support record {@code tekun_person} is written. Published in the transaction that
 * writes it; listen with {@code @TransactionalEventListener} to act after the commit (module {@code care} opens the
 * care arrangement the person chose). {@code supportFrom} is the month after confirmation.
 */
public record TekunRecognised(long tekunPersonId, String idNumber, String fullName, LocalDate birthDate,
    String countyCode, String regionCode, CareLevel careLevel, CareMode careMode, YearMonth supportFrom) {}
