package org.doudi.tekun;

import java.time.YearMonth;

/**
 * Spring application event: a person's 特困 support has ended (termination after its 公示, death, reaching 18 out of
 * school, moving away). {@code lastSupportedMonth} is the last month paid; {@code reasonCode} names the ground
 * (e.g. DEATH, AGE_18, NO_LONGER_ELIGIBLE, MOVED_AWAY, DECLINED). Published in the transaction that ends it; module
 * {@code care} ends the placement or agreement, module {@code watch} may follow the person.
 */
public record TekunSupportEnded(long tekunPersonId, String idNumber, String countyCode, String regionCode,
    YearMonth lastSupportedMonth, String reasonCode) {}
