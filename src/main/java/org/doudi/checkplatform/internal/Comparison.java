package org.doudi.checkplatform.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.doudi.checkplatform.CheckRequest;
import org.doudi.checkplatform.CheckResult;
import org.doudi.checkplatform.CheckResult.Discrepancy;
import org.doudi.checkplatform.CheckResult.FoundAsset;
import org.doudi.checkplatform.CheckResult.MemberFindings;

/**
 * Compares what a platform found with what the household declared. Material (something was hidden):
 * <ul>
 *   <li>a counted income type (WAGE, BUSINESS, PROPERTY, TRANSFER, OTHER) found above the declared amount by more
 *       than 50 yuan/month and more than 10 % of it;</li>
 *   <li>a cash-like asset type (DEPOSIT, SECURITIES, INSURANCE, CLAIM, ONLINE_FINANCE) found above the declared
 *       total by more than 1 000 yuan and more than 10 %;</li>
 *   <li>more vehicles or real-estate items found than declared.</li>
 * </ul>
 * Everything else that differs (less found than declared, income types that do not count, small differences,
 * a member the platform did not answer for) is recorded as a non-material discrepancy.
 */
public final class Comparison {

  static final Set<String> COUNTED = Set.of("WAGE", "BUSINESS", "PROPERTY", "TRANSFER", "OTHER");
  static final Set<String> CASH = Set.of("DEPOSIT", "SECURITIES", "INSURANCE", "CLAIM", "ONLINE_FINANCE");
  static final Set<String> COUNTED_ITEMS = Set.of("VEHICLE", "REAL_ESTATE");
  static final BigDecimal INCOME_TOLERANCE = new BigDecimal("50");
  static final BigDecimal ASSET_TOLERANCE = new BigDecimal("1000");
  static final BigDecimal SHARE = new BigDecimal("0.10");

  private Comparison() {}

  public static CheckResult compare(CheckRequest request, Findings findings, Instant at) {
    List<Discrepancy> out = new ArrayList<>();
    Map<String, MemberFindings> byId = new HashMap<>();
    findings.members().forEach(m -> byId.put(m.idNumber(), m));
    for (int i = 0; i < request.members().size(); i++) {
      CheckRequest.Member m = request.members().get(i);
      String who = "第" + (i + 1) + "位成员（" + m.name() + "）";
      MemberFindings found = byId.get(m.idNumber());
      if (found == null) {
        out.add(new Discrepancy(m.idNumber(), "members[" + i + "]", null, null, false,
            who + "在核对平台没有返回数据，需人工核实"));
        continue;
      }
      if (found.deceasedOn() != null) {
        out.add(new Discrepancy(m.idNumber(), "members[" + i + "].deceasedOn", null, null, false,
            who + "在户籍记录中已于" + found.deceasedOn() + "死亡，需核实"));
      }
      Set<String> types = new TreeSet<>(m.declaredMonthlyIncome().keySet());
      types.addAll(found.monthlyIncome().keySet());
      for (String type : types) {
        BigDecimal declared = nz(m.declaredMonthlyIncome().get(type));
        BigDecimal f = nz(found.monthlyIncome().get(type));
        if (declared.compareTo(f) == 0) {
          continue;
        }
        boolean material = COUNTED.contains(type) && exceeds(f, declared, INCOME_TOLERANCE);
        out.add(new Discrepancy(m.idNumber(), "members[" + i + "].monthlyIncome." + type, money(declared), money(f),
            material, who + "的" + incomeName(type) + "：申报 " + money(declared) + " 元/月，核对发现 " + money(f)
                + " 元/月" + (material ? "，存在未如实申报的收入" : "")));
      }
    }
    Map<String, BigDecimal> declaredValue = new HashMap<>();
    Map<String, Integer> declaredCount = new HashMap<>();
    for (CheckRequest.DeclaredAsset a : request.declaredAssets()) {
      declaredValue.merge(a.type(), nz(a.value()), BigDecimal::add);
      declaredCount.merge(a.type(), 1, Integer::sum);
    }
    Map<String, BigDecimal> foundValue = new HashMap<>();
    Map<String, Integer> foundCount = new HashMap<>();
    for (FoundAsset a : findings.assets()) {
      foundValue.merge(a.type(), nz(a.value()), BigDecimal::add);
      foundCount.merge(a.type(), 1, Integer::sum);
    }
    Set<String> assetTypes = new TreeSet<>(declaredValue.keySet());
    assetTypes.addAll(foundValue.keySet());
    for (String type : assetTypes) {
      BigDecimal declared = declaredValue.getOrDefault(type, BigDecimal.ZERO);
      BigDecimal f = foundValue.getOrDefault(type, BigDecimal.ZERO);
      int dc = declaredCount.getOrDefault(type, 0);
      int fc = foundCount.getOrDefault(type, 0);
      boolean material;
      String message;
      if (COUNTED_ITEMS.contains(type)) {
        if (dc == fc && declared.compareTo(f) == 0) {
          continue;
        }
        material = fc > dc;
        message = assetName(type) + "：申报 " + dc + " 项（" + money(declared) + " 元），核对发现 " + fc + " 项（"
            + money(f) + " 元）" + (material ? "，存在未申报的" + assetName(type) : "");
      } else {
        if (declared.compareTo(f) == 0) {
          continue;
        }
        material = CASH.contains(type) && exceeds(f, declared, ASSET_TOLERANCE);
        message = assetName(type) + "：申报 " + money(declared) + " 元，核对发现 " + money(f) + " 元"
            + (material ? "，存在未如实申报的财产" : "");
      }
      out.add(new Discrepancy(null, "assets." + type, money(declared), money(f), material, message));
    }
    boolean passed = out.stream().noneMatch(Discrepancy::material);
    return new CheckResult(request.applicationId(), findings.reference(), at, List.copyOf(findings.members()),
        List.copyOf(findings.assets()), List.copyOf(out), passed);
  }

  /** found − declared &gt; tolerance and &gt; 10 % of declared. */
  private static boolean exceeds(BigDecimal found, BigDecimal declared, BigDecimal tolerance) {
    BigDecimal diff = found.subtract(declared);
    return diff.compareTo(tolerance) > 0 && diff.compareTo(declared.multiply(SHARE)) > 0;
  }

  private static BigDecimal nz(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  static String incomeName(String type) {
    return switch (type) {
      case "WAGE" -> "工资性收入";
      case "BUSINESS" -> "经营净收入";
      case "PROPERTY" -> "财产净收入";
      case "TRANSFER" -> "转移净收入";
      case "OTHER" -> "其他收入";
      case "PENSION_BASIC" -> "城乡居民基础养老金";
      case "VETERAN_BENEFIT" -> "优待抚恤金";
      case "FAMILY_PLANNING_REWARD" -> "计划生育奖励扶助金";
      case "SCHOLARSHIP" -> "奖学金";
      case "GOOD_SAMARITAN_AWARD" -> "见义勇为奖励";
      case "SOCIAL_ASSISTANCE" -> "社会救助款物";
      case "ELDERLY_ALLOWANCE" -> "高龄津贴";
      default -> type;
    };
  }

  static String assetName(String type) {
    return switch (type) {
      case "DEPOSIT" -> "银行存款";
      case "SECURITIES" -> "证券";
      case "INSURANCE" -> "商业保险";
      case "CLAIM" -> "债权";
      case "ONLINE_FINANCE" -> "互联网金融资产";
      case "VEHICLE" -> "车辆";
      case "REAL_ESTATE" -> "不动产";
      default -> "其他财产";
    };
  }
}
