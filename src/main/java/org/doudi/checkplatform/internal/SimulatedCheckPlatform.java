package org.doudi.checkplatform.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.doudi.checkplatform.CheckNotAuthorisedException;
import org.doudi.checkplatform.CheckPlatform;
import org.doudi.checkplatform.CheckPlatformUnavailableException;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.checkplatform.CheckResult.FoundAsset;
import org.doudi.checkplatform.CheckResult.MemberFindings;

/**
 * A local stand-in for the provincial platform (demo and tests), deterministic by ID number. The platform's
 * records agree with the declaration (the income each member declared; the declared assets, registered to the
 * applicant), except for these special cases, chosen by the ID number's sequence code (digits 15–17):
 * <ul>
 *   <li>last sequence digit <b>7</b>: an undeclared car (小型轿车, 80 000 yuan) is registered to the member;</li>
 *   <li>last sequence digit <b>8</b>: an undeclared deposit of 60 000 yuan (定期存款) in the member's name;</li>
 *   <li>last sequence digit <b>9</b>: 3 000 yuan/month of undeclared wages (社保缴费记录 of an employer);</li>
 *   <li>last sequence digit <b>6</b>: an undeclared flat (不动产登记：住宅, 200 000 yuan) is registered to the member;</li>
 *   <li>first sequence digit <b>5</b> (sequence 5xx): the member is dead in the 户籍 records since the first day of the
 *       month of the check (for the review's system-found changes, docs/review.md);</li>
 *   <li>sequence code <b>000</b>: the platform is unavailable (a technical failure, to test retries).</li>
 * </ul>
 * Example: {@code 220122195001010017} (sequence 001) passes; {@code 220122198503150078} (sequence 007) owns a car.
 * The simulator never calls out; it is chosen with {@code doudi.check-platform.mode=simulator}.
 */
public class SimulatedCheckPlatform implements CheckPlatform {

  static final BigDecimal CAR = new BigDecimal("80000.00");
  static final BigDecimal DEPOSIT = new BigDecimal("60000.00");
  static final BigDecimal WAGE = new BigDecimal("3000.00");
  static final BigDecimal FLAT = new BigDecimal("200000.00");

  private final Clock clock;

  public SimulatedCheckPlatform(Clock clock) {
    this.clock = clock;
  }

  @Override
  public CheckResult check(CheckRequest request) {
    if (!request.authorisationSigned()) {
      throw new CheckNotAuthorisedException(request.applicationId());
    }
    List<MemberFindings> members = new ArrayList<>();
    List<FoundAsset> assets = new ArrayList<>();
    String applicant = request.members().isEmpty() ? null : request.members().get(0).idNumber();
    for (CheckRequest.DeclaredAsset a : request.declaredAssets()) {
      assets.add(new FoundAsset(applicant, a.type(), a.description(), a.value()));
    }
    for (CheckRequest.Member m : request.members()) {
      String sequence = m.idNumber() != null && m.idNumber().length() == 18 ? m.idNumber().substring(14, 17) : "";
      if (sequence.equals("000")) {
        throw new CheckPlatformUnavailableException("核对平台暂时无法访问（模拟：身份证顺序码000）", null);
      }
      Map<String, BigDecimal> income = new HashMap<>(m.declaredMonthlyIncome());
      switch (sequence.isEmpty() ? ' ' : sequence.charAt(2)) {
        case '7' -> assets.add(new FoundAsset(m.idNumber(), "VEHICLE", "车管所登记：小型轿车（吉A·模拟）", CAR));
        case '8' -> assets.add(new FoundAsset(m.idNumber(), "DEPOSIT", "银行定期存款（模拟）", DEPOSIT));
        case '9' -> income.merge("WAGE", WAGE, BigDecimal::add);
        case '6' -> assets.add(new FoundAsset(m.idNumber(), "REAL_ESTATE", "不动产登记：住宅（模拟）", FLAT));
        default -> { }
      }
      java.time.LocalDate deceased = sequence.startsWith("5")
          ? clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().withDayOfMonth(1) : null;
      members.add(new MemberFindings(m.idNumber(), m.name(), Map.copyOf(income), deceased));
    }
    return Comparison.compare(request, new Findings(reference(request), members, assets), clock.instant());
  }

  private static String reference(CheckRequest request) {
    CRC32 crc = new CRC32();
    request.members().forEach(m -> crc.update(String.valueOf(m.idNumber()).getBytes(StandardCharsets.UTF_8)));
    return "SIM-" + request.applicationId() + "-" + Long.toHexString(crc.getValue()).toUpperCase();
  }
}
