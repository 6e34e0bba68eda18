package org.doudi.tekun;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.doudi.household.TestApplications;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardGrant;
import org.doudi.payroll.Awards;
import org.doudi.tekun.persistence.TekunPersonRepository;

/**
 * A supported 特困 person for the tests of changes and termination (the recognition process is another branch's):
 * a tekun_person row and its monthly TEKUN award granted through payroll's public API (beneficiary P-&lt;idNumber&gt;,
 * the person held in the register), in 农安县 农安镇 宝塔村. ID numbers are unique per JVM.
 */
public final class TekunLifeFixture {

  private static final AtomicInteger SEQ = new AtomicInteger(700);

  private TekunLifeFixture() {}

  public static String idNumber(LocalDate birth) {
    return TestApplications.id("220122" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
        + String.format("%03d", SEQ.getAndIncrement()));
  }

  /** Supported since the month after {@code decidedOn} (which must not lie in the future). */
  public static TekunPerson supported(TekunPersonRepository repository, Awards awards, LocalDate birth,
      CareLevel level, String basic, String care, LocalDate decidedOn, Boolean inSchool) {
    String id = idNumber(birth);
    String key = "P-" + id;
    BigDecimal b = new BigDecimal(basic);
    BigDecimal c = new BigDecimal(care);
    YearMonth from = YearMonth.from(decidedOn).plusMonths(1);
    TekunPerson p = new TekunPerson(0, id, "王特困", birth, "220122", "220122100201", "RURAL", level,
        CareMode.DISPERSED, b, c, null, key, from, null, inSchool, "SUPPORTED", null);
    long rowId = repository.insert(p, "test", Instant.now());
    awards.grant(new AwardGrant(key, Scheme.TEKUN, "tekun-recognition-" + rowId, "220122", "220122100201", "RURAL", 1,
        new Payee(key, "王特困", id, "农安县农村商业银行", "6230000000" + String.format("%06d", rowId)), b.add(c),
        decidedOn, "特困人员救助供养（测试夹具）"), "test");
    return repository.find(rowId).orElseThrow();
  }
}
