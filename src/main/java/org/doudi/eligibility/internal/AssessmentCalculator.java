package org.doudi.eligibility.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.eligibility.DibaoAssessment.MemberAmount;
import org.doudi.eligibility.DibaoAssessment.Outcome;
import org.doudi.eligibility.DibaoAssessment.Reason;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.internal.DibaoDecisions.Ratio;
import org.springframework.stereotype.Component;

/**
 * The 低保 assessment (issue 3 item 5). Exact arithmetic throughout; amounts are rounded to fen (HALF_UP) once:
 * the gap is computed as {@code members × standard − net income} (equal to (standard − per-capita income) ×
 * members without rounding the per-capita income first).
 */
@Component
public class AssessmentCalculator {

  public static final Set<String> COUNTED_INCOME = Set.of("WAGE", "BUSINESS", "PROPERTY", "TRANSFER", "OTHER");
  public static final Set<String> EXCLUDED_INCOME = Set.of("PENSION_BASIC", "VETERAN_BENEFIT",
      "FAMILY_PLANNING_REWARD", "SCHOLARSHIP", "GOOD_SAMARITAN_AWARD", "SOCIAL_ASSISTANCE",
      "ELDERLY_ALLOWANCE");
  /** 全部现金、存款、有价证券及债权 (吉民发〔2020〕40号 二(一)), with online finance and insurance cash value. */
  public static final Set<String> CASH_ASSETS = Set.of("DEPOSIT", "SECURITIES", "CLAIM", "ONLINE_FINANCE",
      "INSURANCE");

  static final String C_INCOME = "《社会救助暂行办法》第九条；《最低生活保障审核确认办法》第十三条";
  static final String C_ASSETS = "吉民发〔2020〕40号 二（一）；《最低生活保障审核确认办法》第十四条";
  static final String C_GAP = "《社会救助暂行办法》第十二条；《最低生活保障审核确认办法》第二十三条";
  static final String C_LOW_INCOME = "吉民发〔2020〕40号 二（一）";
  static final String C_SINGLE = "吉民发〔2020〕40号 二（一）；《最低生活保障审核确认办法》第八条";
  static final String C_EXCLUDED = "《最低生活保障审核确认办法》第十三条";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal ZERO = new BigDecimal("0.00");

  private final DibaoDecisions decisions;

  public AssessmentCalculator(DibaoDecisions decisions) {
    this.decisions = decisions;
  }

  public DibaoAssessment assess(Facts f, DibaoStandard s, LocalDate on) {
    int n = f.members().size();
    if (n == 0) {
      throw new IllegalArgumentException("a household has at least one member");
    }
    BigDecimal size = BigDecimal.valueOf(n);
    BigDecimal standard = s.monthlyStandard();
    List<Reason> reasons = new ArrayList<>();

    BigDecimal counted = BigDecimal.ZERO;
    BigDecimal excluded = BigDecimal.ZERO;
    BigDecimal rigid = BigDecimal.ZERO;
    for (Facts.Member m : f.members()) {
      for (Map.Entry<String, BigDecimal> e : m.monthlyIncome().entrySet()) {
        BigDecimal v = e.getValue() == null ? BigDecimal.ZERO : e.getValue();
        if (COUNTED_INCOME.contains(e.getKey())) {
          counted = counted.add(v);
        } else if (EXCLUDED_INCOME.contains(e.getKey())) {
          excluded = excluded.add(v);
        } else {
          throw new IllegalArgumentException("unknown income type " + e.getKey());
        }
      }
      rigid = rigid.add(m.rigidExpenses() == null ? BigDecimal.ZERO : m.rigidExpenses());
    }
    BigDecimal net = counted.subtract(rigid).max(BigDecimal.ZERO);
    BigDecimal cash = BigDecimal.ZERO;
    List<String> otherAssets = new ArrayList<>();
    for (Facts.Asset a : f.assets()) {
      if (CASH_ASSETS.contains(a.type())) {
        cash = cash.add(a.value());
      } else {
        otherAssets.add(assetName(a.type()) + (a.description() == null ? "" : "（" + a.description() + "）"));
      }
    }
    BigDecimal householdLine = standard.multiply(size);
    BigDecimal householdAssetLimit = s.assetLimit().multiply(size);
    boolean belowStandard = net.compareTo(householdLine) < 0;
    boolean belowDouble = net.compareTo(householdLine.multiply(TWO)) < 0;
    boolean assetsWithin = cash.compareTo(householdAssetLimit) <= 0;
    BigDecimal pcIncome = money(net.divide(size, 10, RoundingMode.HALF_UP));
    BigDecimal pcAssets = money(cash.divide(size, 10, RoundingMode.HALF_UP));

    if (excluded.signum() > 0) {
      reasons.add(new Reason("EXCLUDED_INCOME", "城乡居民基本养老保险基础养老金、优待抚恤金、计划生育奖励与扶助金、奖学金、见义勇为等奖励性补助、政府发放的社会救助款物等共 "
          + money(excluded) + " 元/月不计入家庭收入", C_EXCLUDED));
    }
    if (rigid.signum() > 0) {
      reasons.add(new Reason("RIGID_EXPENSES_DEDUCTED", "因残疾、患重病等增加的刚性支出 " + money(rigid)
          + " 元/月已从家庭收入中扣减", C_EXCLUDED));
    }
    String incomeText = "家庭月人均收入 " + pcIncome + " 元（计入收入 " + money(counted) + " 元"
        + (rigid.signum() > 0 ? "，扣减刚性支出 " + money(rigid) + " 元" : "") + "，共 " + n + " 人）";
    String assetText = "人均现金、存款、有价证券、债权等 " + pcAssets + " 元，限额为 " + s.assetLimitMonths()
        + " 个月低保标准即 " + money(s.assetLimit()) + " 元";
    if (!assetsWithin) {
      reasons.add(new Reason("ASSETS_ABOVE_LIMIT", assetText + "，超过限额", C_ASSETS));
    }

    Outcome outcome;
    List<MemberAmount> members = new ArrayList<>();
    BigDecimal total = ZERO;
    DibaoDecisions.RatioTables tables = decisions.inForce(); // one version of the tables for the whole household
    if (belowStandard && assetsWithin) {
      outcome = Outcome.DIBAO;
      reasons.add(new Reason("INCOME_BELOW_STANDARD", incomeText + "低于当地低保标准 " + money(standard) + " 元",
          C_INCOME));
      reasons.add(new Reason("ASSETS_WITHIN_LIMIT", assetText + "，未超过限额", C_ASSETS));
      BigDecimal gap = money(householdLine.subtract(net));
      reasons.add(new Reason("AMOUNT_GAP", "差额补助：(" + money(standard) + " − " + pcIncome + ") × " + n + " 人 = "
          + gap + " 元/月（按未经舍入的人均收入计算）", C_GAP));
      long[] shares = split(gap, n);
      for (int i = 0; i < n; i++) {
        Facts.Member m = f.members().get(i);
        Integer age = age(m, on);
        Ratio r = tables.supplement(f.countyCode(), age == null ? -1 : age, m.seriousIllness(),
            m.disabilityCategory(), m.disabilityGrade());
        BigDecimal supplement = money(standard.multiply(BigDecimal.valueOf(r.percent())).divide(HUNDRED));
        if (supplement.signum() > 0) {
          reasons.add(new Reason("SUPPLEMENT_" + r.category(), m.name() + "（" + categoryName(r.category())
              + "）按低保标准的 " + r.percent() + "% 增发 " + supplement + " 元/月", r.citation()));
        }
        BigDecimal amount = BigDecimal.valueOf(shares[i], 2).add(supplement);
        members.add(new MemberAmount(m.name(), m.idNumber(), age, r.category(), supplement, amount));
        total = total.add(amount);
      }
    } else if (!belowStandard && belowDouble && assetsWithin) {
      reasons.add(new Reason("INCOME_ABOVE_STANDARD", incomeText + "不低于当地低保标准 " + money(standard)
          + " 元，家庭不能按户纳入低保", C_INCOME));
      reasons.add(new Reason("LOW_INCOME_HOUSEHOLD", "家庭月人均收入低于低保标准的2倍（" + money(householdLine
          .multiply(TWO).divide(size, 10, RoundingMode.HALF_UP)) + " 元）且" + assetText
          + "，属于低收入家庭", C_LOW_INCOME));
      for (Facts.Member m : f.members()) {
        Integer age = age(m, on);
        Optional<Ratio> single = tables.singlePerson(f.countyCode(), m.seriousIllness(), m.disabilityCategory(),
            m.disabilityGrade());
        if (single.isEmpty()) {
          members.add(new MemberAmount(m.name(), m.idNumber(), age, "NONE", ZERO, ZERO));
          continue;
        }
        Ratio r = single.get();
        BigDecimal amount = standard.multiply(BigDecimal.valueOf(r.percent())).divide(HUNDRED);
        // 原则上不得高于按户保障同类对象水平: a one-person household without income plus its supplement
        Ratio same = tables.supplement(f.countyCode(), age == null ? -1 : age, m.seriousIllness(),
            m.disabilityCategory(), m.disabilityGrade());
        BigDecimal cap = standard.multiply(BigDecimal.valueOf(100L + same.percent())).divide(HUNDRED);
        amount = money(amount.min(cap));
        reasons.add(new Reason("SINGLE_PERSON_" + r.category(), m.name() + "（" + categoryName(r.category())
            + "）参照单人户纳入低保，按低保标准的 " + r.percent() + "% 计 " + amount + " 元/月", r.citation() == null
            ? C_SINGLE : r.citation() + "；《最低生活保障审核确认办法》第八条"));
        members.add(new MemberAmount(m.name(), m.idNumber(), age, r.category(), ZERO, amount));
        total = total.add(amount);
      }
      if (total.signum() > 0) {
        outcome = Outcome.SINGLE_PERSON;
      } else {
        outcome = Outcome.INELIGIBLE;
        reasons.add(new Reason("NO_SINGLE_PERSON_MEMBER", "低收入家庭中没有重残人员（一级、二级残疾或三级智力、精神残疾）"
            + "或重病患者，不能参照单人户纳入低保", C_SINGLE));
      }
    } else {
      outcome = Outcome.INELIGIBLE;
      if (!belowDouble) {
        reasons.add(new Reason("INCOME_ABOVE_LOW_INCOME_LINE", incomeText + "不低于当地低保标准的2倍（"
            + money(standard.multiply(TWO)) + " 元），不符合低保及低收入家庭单人户条件",
            C_INCOME + "；" + C_LOW_INCOME));
      } else if (!belowStandard) {
        reasons.add(new Reason("INCOME_ABOVE_STANDARD", incomeText + "不低于当地低保标准 " + money(standard) + " 元",
            C_INCOME));
      } else {
        reasons.add(new Reason("INCOME_BELOW_STANDARD", incomeText + "低于当地低保标准 " + money(standard)
            + " 元，但家庭财产超过限额", C_INCOME));
      }
    }
    if (outcome == Outcome.INELIGIBLE) {
      members.clear();
      total = ZERO;
      for (Facts.Member m : f.members()) {
        members.add(new MemberAmount(m.name(), m.idNumber(), age(m, on), "NONE", ZERO, ZERO));
      }
    }
    if (!otherAssets.isEmpty()) {
      reasons.add(new Reason("OTHER_ASSETS_TO_REVIEW", "家庭登记有" + String.join("、", otherAssets)
          + "，须按现行低保政策核实是否属于维持生产生活的必需财产（本评估未计入现金类财产）",
          "《最低生活保障审核确认办法》第十四条；吉民发〔2020〕40号 二（一）"));
    }
    if (s.sample()) {
      reasons.add(new Reason("SAMPLE_STANDARD", "所用低保标准为示例数值，并非官方公布的标准，仅供演示", s.sourceNote()));
    }
    return new DibaoAssessment(outcome, f.countyCode(), f.urbanRural(), on, money(standard), s.sample(), n,
        money(counted), money(rigid), pcIncome, pcAssets, money(s.assetLimit()), money(total),
        List.copyOf(members), List.copyOf(reasons));
  }

  /** Full years on {@code on}; null without a birth date. */
  static Integer age(Facts.Member m, LocalDate on) {
    return m.birthDate() == null ? null : Period.between(m.birthDate(), on).getYears();
  }

  /** Splits an amount in fen into n shares that add up exactly (the first ones carry the odd fen). */
  static long[] split(BigDecimal amount, int n) {
    long fen = amount.movePointRight(2).longValueExact();
    long[] shares = new long[n];
    for (int i = 0; i < n; i++) {
      shares[i] = fen / n + (i < fen % n ? 1 : 0);
    }
    return shares;
  }

  static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  static String categoryName(String category) {
    return switch (category) {
      case "SEVERE_DISABILITY" -> "重残人员";
      case "SERIOUS_ILLNESS" -> "重病患者";
      case "ELDERLY_70" -> "70周岁以上老年人";
      case "MINOR" -> "未成年人";
      default -> category;
    };
  }

  static String assetName(String type) {
    return switch (type) {
      case "VEHICLE" -> "车辆";
      case "REAL_ESTATE" -> "房屋、林木等不动产";
      default -> "其他财产";
    };
  }
}
