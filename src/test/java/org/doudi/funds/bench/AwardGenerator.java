package org.doudi.funds.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.doudi.funds.bench.JilinCounties.County;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes {@code benefit_award} rows for N households that are active in a given payroll month, plus 3 % more
 * households whose award was stopped before it (the roster must leave them out) and for 6 % of the active ones a
 * later INCREASE/DECREASE row (the roster must take the latest). Rows go in through {@code COPY ... FROM STDIN}
 * in 1 MB chunks generated on the fly, deterministically from the seed.
 *
 * <p>Distribution: counties by {@link JilinCounties} weight; 特困 7 % of households in urban districts, 12 %
 * elsewhere; urban households 95 % in districts, 25 % in counties; 低保 household size 1–5 (40/30/18/8/4 %),
 * 特困 one person; monthly amount per person drawn below sample standards (urban 低保 720, rural 480, 特困
 * basic living 940/620 yuan) — sample values, not the current Jilin standards.
 */
public final class AwardGenerator {

  static final String COLUMNS = "beneficiary_key, scheme, seq, change_kind, case_ref, county_code, region_code, "
      + "urban_rural, member_count, payee_name, payee_id_number, bank_name, account_number, monthly_amount, "
      + "effective_from, reason, decided_by, created_at";

  private static final String[] SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
      + "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
      + "朴金崔").split("");
  private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰建国淑珍凤兰德福长海玉梅树林春生"
      + "文学桂芝秀珍志强亚东海燕红梅立新宝山").split("");
  private static final String[] BANKS = {"中国农业银行", "中国邮政储蓄银行", "吉林农村信用社", "中国建设银行", "中国工商银行",
      "吉林银行"};
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  public enum Scheme { DIBAO, TEKUN }

  /** What was written. */
  public record Stats(int activeHouseholds, int stoppedHouseholds, long rows, long persons, long monthlyTotalFen,
      Map<String, Integer> householdsByCounty, Map<Scheme, Integer> householdsByScheme, long nanos) {}

  private final JilinCounties counties;
  private final long seed;

  public AwardGenerator(JilinCounties counties, long seed) {
    this.counties = counties;
    this.seed = seed;
  }

  /**
   * Generates the awards so that {@code active} households are active in {@code payrollMonth} (first of month).
   * Every effective_from lies before the payroll month, so a change decided in month M (effective M+1) is there.
   */
  public Stats copyInto(Connection connection, int active, LocalDate payrollMonth) throws SQLException, IOException {
    long t0 = System.nanoTime();
    Random random = new Random(seed);
    int stopped = active * 3 / 100;
    Map<String, Integer> byCounty = new HashMap<>();
    Map<Scheme, Integer> byScheme = new EnumMap<>(Scheme.class);
    long rows = 0;
    long persons = 0;
    long totalFen = 0;
    LocalDate firstGrant = payrollMonth.minusYears(6);
    int grantSpan = (int) (firstGrant.until(payrollMonth, java.time.temporal.ChronoUnit.MONTHS)) - 2;
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY benefit_award (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)");
    try {
      StringBuilder buf = new StringBuilder(1 << 21);
      for (int i = 0; i < active + stopped; i++) {
        boolean isActive = i < active;
        County county = counties.pick(random);
        boolean urban = random.nextDouble() < (county.district() ? 0.95 : 0.25);
        Scheme scheme = random.nextDouble() < (county.district() ? 0.07 : 0.12) ? Scheme.TEKUN : Scheme.DIBAO;
        int members = scheme == Scheme.TEKUN ? 1 : memberCount(random);
        int perPersonCap = switch (scheme) {
          case DIBAO -> urban ? 720 : 480;
          case TEKUN -> urban ? 940 : 620;
        };
        int perPerson = scheme == Scheme.TEKUN ? perPersonCap : 150 + random.nextInt(perPersonCap - 150 + 1);
        int amount = perPerson * members;
        String key = "HH-B" + i;
        String caseRef = "bench-" + i;
        String region = county.code() + (urban ? "001" : "100") + String.format("%03d", 1 + random.nextInt(20));
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
            + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String id = idNumber(county.code(), random, i);
        String bank = BANKS[random.nextInt(BANKS.length)];
        String account = "62" + String.format("%017d", Math.floorMod(random.nextLong(), 100_000_000_000_000_000L));
        LocalDate granted = firstGrant.plusMonths(random.nextInt(Math.max(1, grantSpan)));
        int seq = 1;
        row(buf, key, scheme, seq++, "GRANT", caseRef, county.code(), region, urban, members, name, id, bank, account,
            amount, granted, null);
        rows++;
        if (isActive && random.nextInt(100) < 6 && granted.isBefore(payrollMonth.minusMonths(1))) {
          boolean up = random.nextBoolean();
          amount = Math.max(50, amount + (up ? 1 : -1) * (20 + random.nextInt(100)));
          LocalDate changed = granted.plusMonths(1 + random.nextInt(
              (int) granted.until(payrollMonth, java.time.temporal.ChronoUnit.MONTHS) - 1));
          row(buf, key, scheme, seq++, up ? "INCREASE" : "DECREASE", caseRef, county.code(), region, urban, members,
              name, id, bank, account, amount, changed, up ? "收入减少，增发" : "收入增加，减发");
          rows++;
        }
        if (!isActive) {
          LocalDate stop = granted.plusMonths(1).isBefore(payrollMonth) ? payrollMonth.minusMonths(random.nextInt(2))
              : payrollMonth;
          if (!stop.isAfter(granted)) {
            stop = granted.plusMonths(1);
          }
          if (stop.isAfter(payrollMonth)) {
            stop = payrollMonth;
          }
          row(buf, key, scheme, seq, "STOP", caseRef, county.code(), region, urban, members, name, id, bank, account,
              amount, stop, "家庭经济状况好转，停发");
          rows++;
        } else {
          byCounty.merge(county.code(), 1, Integer::sum);
          byScheme.merge(scheme, 1, Integer::sum);
          persons += members;
          totalFen += amount * 100L;
        }
        if (buf.length() > (1 << 20)) {
          flush(copy, buf);
        }
      }
      flush(copy, buf);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    return new Stats(active, stopped, rows, persons, totalFen, byCounty, byScheme, System.nanoTime() - t0);
  }

  private static int memberCount(Random r) {
    int u = r.nextInt(100);
    return u < 40 ? 1 : u < 70 ? 2 : u < 88 ? 3 : u < 96 ? 4 : 5;
  }

  private static String idNumber(String county, Random r, int i) {
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(r.nextInt(65 * 365));
    String first17 = county + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
        + String.format("%03d", i % 1000);
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (first17.charAt(k) - '0') * WEIGHTS[k];
    }
    return first17 + CHECK[sum % 11];
  }

  private static void row(StringBuilder b, String key, Scheme scheme, int seq, String kind, String caseRef,
      String county, String region, boolean urban, int members, String name, String id, String bank, String account,
      int amountYuan, LocalDate effective, String reason) {
    b.append(key).append(',').append(scheme).append(',').append(seq).append(',').append(kind).append(',')
        .append(caseRef).append(',').append(county).append(',').append(region).append(',')
        .append(urban ? "URBAN" : "RURAL").append(',').append(members).append(',').append(name).append(',')
        .append(id).append(',').append(bank).append(',').append(account).append(',').append(amountYuan).append(".00,")
        .append(effective).append(',');
    if (reason != null) {
      b.append(reason);
    }
    b.append(",bench,").append(effective.minusDays(10)).append(" 09:00:00+08\n");
  }

  private static void flush(CopyIn copy, StringBuilder buf) throws SQLException {
    if (buf.isEmpty()) {
      return;
    }
    byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buf.setLength(0);
  }
}
