package org.doudi.payroll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why an award stops and the household's relapse-risk assessment (返贫风险评估), the input of {@link Exits#decide}.
 * The field names are the keys of the forms that collect it. {@code exitReasonCode} is one of {@link #REASONS}; for
 * {@code DEATH}, {@code FRAUD} and {@code MOVED_AWAY} no assessment is needed (the risk fields may stay null), every
 * other reason requires {@code riskIncomeStability} (STABLE/UNSTABLE/NONE), {@code riskHealth}
 * (GOOD/CHRONIC/SERIOUS), {@code riskDebts} (NONE/MODERATE/HEAVY) and {@code riskDependants} (≥ 0);
 * {@code riskNote} is the assessor's free text (required for reason OTHER, at most 1000 characters).
 */
public record ExitAssessment(String exitReasonCode, String riskIncomeStability, String riskHealth, String riskDebts,
    Integer riskDependants, String riskNote) {

  /** The exit reasons and how the notice names them. */
  public static final Map<String, String> REASONS = reasons();
  /**
   * The person of a one-person 低保 household was recognised as 特困 (module tekun): the 低保 award ends as the 特困
   * award starts, in one transaction; no relapse risk (the person is supported).
   */
  public static final String TEKUN_RECOGNISED = "TEKUN_RECOGNISED";
  /** The reasons that need no relapse-risk assessment (and get no 渐退期). */
  public static final Set<String> EXEMPT = Set.of("DEATH", "FRAUD", "MOVED_AWAY", TEKUN_RECOGNISED);
  /** The one reason that may have a 渐退期 (最低生活保障审核确认办法 第33条). */
  public static final String EMPLOYMENT = "INCOME_ABOVE_STANDARD_EMPLOYMENT";

  public static final Map<String, String> INCOME_STABILITY = Map.of("STABLE", "稳定", "UNSTABLE", "不稳定", "NONE",
      "无稳定收入来源");
  public static final Map<String, String> HEALTH = Map.of("GOOD", "良好", "CHRONIC", "患慢性病", "SERIOUS",
      "患重病或重度残疾");
  public static final Map<String, String> DEBTS = Map.of("NONE", "无", "MODERATE", "一般", "HEAVY", "负债较重");

  private static Map<String, String> reasons() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(EMPLOYMENT, "家庭成员就业，家庭人均收入超过当地最低生活保障标准");
    m.put("INCOME_ABOVE_STANDARD_OTHER", "家庭人均收入超过当地最低生活保障标准");
    m.put("ASSETS_ABOVE_LIMIT", "家庭财产状况超过规定条件");
    m.put("DEATH", "保障对象死亡");
    m.put("FRAUD", "以虚报、隐瞒、伪造等手段骗取社会救助");
    m.put("MOVED_AWAY", "户籍或居住地迁出本县（市、区）");
    m.put("REFUSED_COOPERATION", "无正当理由拒不配合管理审核（复核）");
    m.put("OTHER", "其他原因");
    m.put(TEKUN_RECOGNISED, "认定为特困人员，转入特困人员救助供养");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** An exempt stop (DEATH, FRAUD, MOVED_AWAY), without an assessment. */
  public static ExitAssessment exempt(String exitReasonCode) {
    return new ExitAssessment(exitReasonCode, null, null, null, null, null);
  }

  public boolean exempt() {
    return EXEMPT.contains(exitReasonCode);
  }

  /** How the notice names the reason (the code itself when unknown). */
  public String reasonLabel() {
    return REASONS.getOrDefault(exitReasonCode, String.valueOf(exitReasonCode));
  }

  /** What is wrong with it, in Chinese; empty when it is complete. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (exitReasonCode == null || exitReasonCode.isBlank()) {
      p.add("请填写退出原因 exitReasonCode（" + String.join("、", REASONS.keySet()) + "）");
      return p;
    }
    if (!REASONS.containsKey(exitReasonCode)) {
      p.add("退出原因 exitReasonCode 无效：" + exitReasonCode + "（应为" + String.join("、", REASONS.keySet()) + "）");
      return p;
    }
    if (riskNote != null && riskNote.strip().length() > 1000) {
      p.add("评估说明 riskNote 不能超过1000个字");
    }
    if (exempt()) {
      return p;
    }
    String why = "因“" + reasonLabel() + "”停发须先进行返贫风险评估：";
    one(p, why, "收入来源稳定性 riskIncomeStability", riskIncomeStability, INCOME_STABILITY);
    one(p, why, "健康状况 riskHealth", riskHealth, HEALTH);
    one(p, why, "债务负担 riskDebts", riskDebts, DEBTS);
    if (riskDependants == null) {
      p.add(why + "请填写需赡养（抚养、扶养）人数 riskDependants");
    } else if (riskDependants < 0 || riskDependants > 99) {
      p.add("需赡养（抚养、扶养）人数 riskDependants 应为0至99");
    }
    if ("OTHER".equals(exitReasonCode) && (riskNote == null || riskNote.isBlank())) {
      p.add("退出原因为“其他原因”时须在评估说明 riskNote 中写明具体原因");
    }
    return p;
  }

  private static void one(List<String> p, String why, String label, String value, Map<String, String> allowed) {
    if (value == null || value.isBlank()) {
      p.add(why + "请填写" + label + "（" + String.join("、", allowed.keySet().stream().sorted().toList()) + "）");
    } else if (!allowed.containsKey(value)) {
      p.add(label + "无效：" + value + "（应为" + String.join("、", allowed.keySet().stream().sorted().toList()) + "）");
    }
  }
}
