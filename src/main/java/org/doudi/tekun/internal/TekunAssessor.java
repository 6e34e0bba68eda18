package org.doudi.tekun.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.household.HouseholdApplication.DisabilityCategory;
import org.doudi.household.IdNumber;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.Violation;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.TekunAssessment;
import org.doudi.tekun.TekunAssessment.Outcome;
import org.doudi.tekun.TekunAssessment.Reason;
import org.doudi.tekun.TekunEligibility;
import org.doudi.tekun.TekunFacts;
import org.doudi.tekun.TekunFacts.ChildStatus;
import org.doudi.tekun.TekunFacts.Schooling;
import org.doudi.tekun.TekunFacts.SelfCareItem;
import org.doudi.tekun.TekunFacts.Supporter;
import org.doudi.tekun.TekunStandard;
import org.doudi.tekun.TekunStandards;
import org.doudi.tekun.internal.TekunCareStandards.CareStandard;
import org.springframework.stereotype.Service;

/**
 * The 特困 assessment (issue 16 items 2–3; docs/tekun.md "Conditions"). The fixed rules are Java: no capacity to work,
 * no source of living (income and assets as the 低保 rules count them: {@code IncomeType.counted()},
 * {@link DibaoStandard#assetLimit()}, {@link DibaoStandard#countsAgainstAssetLimit}), no supporter able to support,
 * minors to 18 and beyond while in school, the child's scheme instead when chosen. The amounts: the basic living
 * standard ({@link TekunStandards}, at least 1.3 × the 低保 standard) and the care standard by self-care level (DMN
 * {@code tekun-care-standard}). Starts nothing, writes nothing.
 */
@Service
public class TekunAssessor implements TekunEligibility {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static final String C_CONDITIONS = "《特困人员认定办法》第四条";
  static final String C_NO_WORK = "《特困人员认定办法》第五条";
  static final String C_MINOR_18 = "吉民发〔2020〕40号 二（三）";
  static final String C_SCHOOL = "《特困人员认定办法》第十条；吉民发〔2020〕40号 二（三）";
  static final String C_INCOME = "《特困人员认定办法》第六条";
  static final String C_ASSETS = "《特困人员认定办法》第六条；吉民发〔2020〕40号 二（一）（低保财产限额）";
  static final String C_SUPPORTER = "《特困人员认定办法》第四条、第八条";
  static final String C_CHILD = "《特困人员认定办法》第九条；吉民发〔2020〕40号 二（三）";
  static final String C_CARE_LEVEL = "特困人员认定办法（生活自理能力评估：六项指标）";

  private static final BigDecimal ZERO = new BigDecimal("0.00");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

  private final DibaoStandards dibaoStandards;
  private final TekunStandards tekunStandards;
  private final TekunCareStandards careStandards;
  private final Regions regions;

  public TekunAssessor(DibaoStandards dibaoStandards, TekunStandards tekunStandards,
      TekunCareStandards careStandards, Regions regions) {
    this.dibaoStandards = dibaoStandards;
    this.tekunStandards = tekunStandards;
    this.careStandards = careStandards;
    this.regions = regions;
  }

  /**
   * @throws InvalidApplicationException every input problem (Chinese, field = JSON path), for a 400
   * @throws org.doudi.eligibility.StandardNotFoundException no 低保 standard for the county, type and date (422)
   */
  @Override
  public TekunAssessment assess(TekunFacts f) {
    List<Violation> problems = violations(f);
    if (!problems.isEmpty()) {
      throw new InvalidApplicationException(problems);
    }
    LocalDate on = f.assessedOn() == null ? today() : f.assessedOn();
    IdNumber id = IdNumber.parse(f.idNumber(), on);
    int age = id.ageOn(on);
    List<Reason> reasons = new ArrayList<>();

    // the standards applied
    DibaoStandard dibao = dibaoStandards.require(f.countyCode(), f.urbanRural(), on);
    boolean sample = dibao.sample();
    BigDecimal basic;
    Optional<TekunStandard> recorded = tekunStandards.find(f.countyCode(), f.urbanRural(), on);
    String local = "当地" + (DibaoStandard.URBAN.equals(f.urbanRural()) ? "城市" : "农村");
    if (recorded.isEmpty()) {
      basic = TekunStandards.floor(dibao.monthlyStandard());
      reasons.add(new Reason("BASIC_STANDARD_FROM_DIBAO", "本县未录入" + on + "适用的特困人员基本生活标准，按" + local
          + "低保标准 " + dibao.monthlyStandard() + " 元的1.3倍向上取整到元，计 " + basic + " 元/月",
          TekunStandards.FLOOR_CITATION));
    } else if (recorded.get().monthlyStandard().compareTo(TekunStandards.exactFloor(dibao.monthlyStandard())) < 0) {
      basic = TekunStandards.floor(dibao.monthlyStandard());
      sample |= recorded.get().sample();
      reasons.add(new Reason("BASIC_STANDARD_RAISED_TO_FLOOR", "录入的特困人员基本生活标准 "
          + recorded.get().monthlyStandard() + " 元低于" + local + "现行低保标准 " + dibao.monthlyStandard()
          + " 元的1.3倍，按1.3倍向上取整到元计 " + basic + " 元/月", TekunStandards.FLOOR_CITATION));
    } else {
      basic = recorded.get().monthlyStandard();
      sample |= recorded.get().sample();
      reasons.add(new Reason("BASIC_STANDARD", local + "特困人员基本生活标准 " + basic + " 元/月（自 "
          + recorded.get().effectiveFrom() + " 起）", recorded.get().sourceNote()));
    }
    Set<SelfCareItem> items = f.impossibleItems() == null ? Set.of() : f.impossibleItems();
    CareLevel level = CareLevel.ofImpossibleItems(items.size());
    CareStandard care = careStandards.of(f.countyCode(), level);
    sample |= care.sample();
    reasons.add(new Reason("CARE_LEVEL", items.isEmpty() ? "六项生活自理能力均能自主完成，评估为" + level.label()
        : "六项生活自理能力中有 " + items.size() + " 项不能自主完成（" + EnumSet.copyOf(items).stream()
        .map(SelfCareItem::label).collect(Collectors.joining("、")) + "），评估为" + level.label(), C_CARE_LEVEL));
    reasons.add(new Reason("CARE_STANDARD", level.label() + "的照料护理标准 " + care.amount() + " 元/月",
        care.basis()));

    boolean noWork = workCapacity(f, id, age, reasons);
    boolean noLiving = livingSource(f, dibao, reasons);
    boolean noSupporter = supporter(f.supporter(), reasons);

    ChildStatus child = f.childStatus() == null ? ChildStatus.NONE : f.childStatus();
    Outcome outcome;
    if (f.choosesChildSubsidy()) {
      outcome = Outcome.CHILD_SUBSIDY;
      reasons.add(0, new Reason("CHILD_SUBSIDY_CHOSEN", "未满18周岁的" + child.label()
          + "选择纳入孤儿、事实无人抚养儿童基本生活保障范围，不再认定为特困人员（两项保障不得同时享受）", C_CHILD));
    } else {
      outcome = noWork && noLiving && noSupporter ? Outcome.TEKUN : Outcome.INELIGIBLE;
      if (child != ChildStatus.NONE && age >= 18) {
        reasons.add(new Reason("CHILD_STATUS_ENDED_AT_18", "曾属于" + child.label()
            + "，年满18周岁后不再适用孤儿、事实无人抚养儿童基本生活保障，按特困人员条件评估", C_CHILD));
      } else if (child != ChildStatus.NONE) {
        reasons.add(new Reason("CHILD_SUBSIDY_NOT_CHOSEN", "属于" + child.label()
            + "，未选择孤儿、事实无人抚养儿童基本生活保障；纳入特困人员救助供养后不再享受该项保障（两项不得同时享受）", C_CHILD));
      }
      reasons.add(0, outcome == Outcome.TEKUN
          ? new Reason("TEKUN_CONDITIONS_MET", "同时具备无劳动能力、无生活来源、无法定义务人或法定义务人无履行义务能力三项条件，"
              + "符合特困人员救助供养条件", C_CONDITIONS)
          : new Reason("TEKUN_CONDITIONS_NOT_MET", "不同时具备无劳动能力、无生活来源、无法定义务人或法定义务人无履行义务能力"
              + "三项条件，不符合特困人员救助供养条件", C_CONDITIONS));
    }
    if (sample) {
      reasons.add(new Reason("SAMPLE_STANDARD", "所用标准中有示例数值，并非官方公布的标准，仅供演示", dibao.sourceNote()));
    }
    BigDecimal monthly = outcome == Outcome.TEKUN ? basic.add(care.amount()).setScale(2, RoundingMode.HALF_UP) : ZERO;
    return new TekunAssessment(outcome, f.countyCode(), f.urbanRural(), on, age,
        dibao.monthlyStandard().setScale(2), basic.setScale(2), sample, level, care.amount(), monthly,
        List.copyOf(reasons));
  }

  /** 无劳动能力, or a minor to 18, or past 18 still in school. */
  private static boolean workCapacity(TekunFacts f, IdNumber id, int age, List<Reason> reasons) {
    Schooling school = f.schooling() == null ? Schooling.NONE : f.schooling();
    if (age >= 60) {
      reasons.add(new Reason("NO_WORK_CAPACITY_AGE_60", "年满60周岁（" + age + "周岁），属于无劳动能力", C_NO_WORK));
    } else if (age < 16) {
      reasons.add(new Reason("NO_WORK_CAPACITY_UNDER_16", "未满16周岁（" + age + "周岁），属于无劳动能力", C_NO_WORK));
    } else if (disabilityQualifies(f.disabilityCategory(), f.disabilityGrade())) {
      reasons.add(new Reason("NO_WORK_CAPACITY_DISABILITY", f.disabilityCategory().label()
          + grade(f.disabilityGrade()) + "，属于无劳动能力", C_NO_WORK));
    } else if (age < 18) {
      reasons.add(new Reason("MINOR_UNDER_18", "未满18周岁（" + age + "周岁）的未成年人：吉林省将特困人员救助供养覆盖的"
          + "未成年人年龄从16周岁延长至18周岁", C_MINOR_18));
    } else if (school.continuesPast18()) {
      reasons.add(new Reason("IN_SCHOOL_PAST_18", "年满18周岁（" + age + "周岁）仍在" + school.label()
          + "就读，可继续享受特困人员救助供养待遇", C_SCHOOL));
    } else {
      String disability = f.disabilityCategory() == null ? "无残疾" : f.disabilityCategory().label()
          + grade(f.disabilityGrade()) + "（不属于智力、精神残疾一至三级，肢体残疾一、二级或视力残疾一级）";
      String schooling = switch (school) {
        case OTHER -> "；在" + school.label() + "就读，不属于年满18周岁后可继续供养的义务教育、普通高中或中等职业学校";
        case NONE -> age < 20 ? "；年满18周岁且未在义务教育阶段、普通高中或中等职业学校就读" : "";
        default -> "";
      };
      reasons.add(new Reason("HAS_WORK_CAPACITY", age + "周岁（16至59周岁）、" + disability + schooling
          + "，不属于无劳动能力", C_NO_WORK + (school == Schooling.NONE && age >= 20 ? "" : "；" + C_SCHOOL)));
      return false;
    }
    return true;
  }

  /** 智力、精神残疾一至三级，肢体残疾一、二级，视力残疾一级. */
  static boolean disabilityQualifies(DisabilityCategory category, Integer grade) {
    if (category == null || grade == null) {
      return false;
    }
    return switch (category) {
      case INTELLECTUAL, MENTAL -> grade <= 3;
      case PHYSICAL -> grade <= 2;
      case VISUAL -> grade == 1;
      default -> false;
    };
  }

  /** 无生活来源: counted income below the 低保 standard and cash assets within the 低保 limit. */
  private static boolean livingSource(TekunFacts f, DibaoStandard dibao, List<Reason> reasons) {
    BigDecimal counted = BigDecimal.ZERO;
    BigDecimal excluded = BigDecimal.ZERO;
    Set<String> excludedNames = new java.util.LinkedHashSet<>();
    for (TekunFacts.Income i : f.incomes() == null ? List.<TekunFacts.Income>of() : f.incomes()) {
      if (i.type().counted()) {
        counted = counted.add(i.monthlyAmount());
      } else if (i.monthlyAmount().signum() > 0) {
        excluded = excluded.add(i.monthlyAmount());
        excludedNames.add(i.type().label());
      }
    }
    if (excluded.signum() > 0) {
      reasons.add(new Reason("EXCLUDED_INCOME", String.join("、", excludedNames) + "共 " + money(excluded)
          + " 元/月不计入收入", C_INCOME + "；《最低生活保障审核确认办法》第十三条"));
    }
    BigDecimal standard = dibao.monthlyStandard();
    boolean incomeBelow = counted.compareTo(standard) < 0;
    reasons.add(new Reason(incomeBelow ? "INCOME_BELOW_STANDARD" : "INCOME_NOT_BELOW_STANDARD", "月收入 "
        + money(counted) + " 元" + (incomeBelow ? "低于" : "不低于") + "当地低保标准 " + money(standard) + " 元",
        C_INCOME));
    BigDecimal cash = BigDecimal.ZERO;
    List<String> other = new ArrayList<>();
    for (TekunFacts.Asset a : f.assets() == null ? List.<TekunFacts.Asset>of() : f.assets()) {
      if (DibaoStandard.countsAgainstAssetLimit(a.type().name())) {
        cash = cash.add(a.value());
      } else {
        other.add(a.type().label());
      }
    }
    boolean assetsWithin = cash.compareTo(dibao.assetLimit()) <= 0;
    reasons.add(new Reason(assetsWithin ? "ASSETS_WITHIN_LIMIT" : "ASSETS_ABOVE_LIMIT", "现金、存款、有价证券、债权等 "
        + money(cash) + " 元，" + (assetsWithin ? "未超过" : "超过") + "限额 " + dibao.assetLimitMonths()
        + " 个月低保标准即 " + money(dibao.assetLimit()) + " 元", C_ASSETS));
    if (!other.isEmpty()) {
      reasons.add(new Reason("OTHER_ASSETS_TO_REVIEW", "登记有" + String.join("、", other)
          + "，须核实是否属于维持生活的必需财产（本评估未计入现金类财产）", C_ASSETS));
    }
    return incomeBelow && assetsWithin;
  }

  private static boolean supporter(Supporter s, List<Reason> reasons) {
    switch (s) {
      case NONE -> reasons.add(new Reason("NO_SUPPORTER", "无法定赡养、抚养、扶养义务人", C_SUPPORTER));
      case UNABLE -> reasons.add(new Reason("SUPPORTER_UNABLE", "法定赡养、抚养、扶养义务人无履行义务能力",
          C_SUPPORTER));
      default -> {
        reasons.add(new Reason("SUPPORTER_ABLE", "有法定赡养、抚养、扶养义务人且其有履行义务能力", C_SUPPORTER));
        return false;
      }
    }
    return true;
  }

  /** Every input problem, in Chinese, each naming its field (JSON path of the request). Empty when fine. */
  public List<Violation> violations(TekunFacts f) {
    List<Violation> v = new ArrayList<>();
    if (f == null) {
      return List.of(new Violation("", "请求内容为空"));
    }
    LocalDate on = f.assessedOn() == null ? today() : f.assessedOn();
    if (f.assessedOn() != null && (on.getYear() < 2000 || on.getYear() > 2100)) {
      v.add(new Violation("assessedOn", "评估日期必须在2000年至2100年之间"));
    }
    if (f.fullName() == null || f.fullName().isBlank()) {
      v.add(new Violation("fullName", "姓名不能为空"));
    } else if (f.fullName().strip().length() > 50) {
      v.add(new Violation("fullName", "姓名不能超过50个字符"));
    }
    Integer age = null;
    try {
      age = IdNumber.parse(f.idNumber(), on.isAfter(today()) ? on : today()).ageOn(on);
      if (age < 0) {
        v.add(new Violation("idNumber", "评估日期早于身份证号码中的出生日期"));
        age = null;
      }
    } catch (IdNumber.InvalidIdNumberException e) {
      v.add(new Violation("idNumber", e.getMessage()));
    }
    if (f.countyCode() == null || f.countyCode().isBlank()) {
      v.add(new Violation("countyCode", "县级区划代码不能为空"));
    } else if (!f.countyCode().matches("\\d{6}")
        || regions.find(f.countyCode()).filter(r -> r.level() == RegionLevel.COUNTY).isEmpty()) {
      v.add(new Violation("countyCode", "县级区划代码 " + f.countyCode() + " 不是已登记的县（市、区）"));
    }
    if (!DibaoStandard.URBAN.equals(f.urbanRural()) && !DibaoStandard.RURAL.equals(f.urbanRural())) {
      v.add(new Violation("urbanRural", "城乡类别必须为 URBAN（城市）或 RURAL（农村）"));
    }
    if (f.disabilityGrade() != null && (f.disabilityGrade() < 1 || f.disabilityGrade() > 4)) {
      v.add(new Violation("disabilityGrade", "残疾等级必须为1至4级"));
    } else if (f.disabilityGrade() == null && f.disabilityCategory() != null) {
      v.add(new Violation("disabilityGrade", "填写了残疾类别（" + f.disabilityCategory().label() + "）须同时填写残疾等级"));
    } else if (f.disabilityGrade() != null && f.disabilityCategory() == null) {
      v.add(new Violation("disabilityCategory", "填写了残疾等级须同时填写残疾类别"));
    }
    if (f.impossibleItems() != null && f.impossibleItems().stream().anyMatch(java.util.Objects::isNull)) {
      v.add(new Violation("impossibleItems", "生活自理能力项目不能为空值"));
    }
    amounts(v, "incomes", "收入", f.incomes() == null ? List.of() : f.incomes().stream()
        .map(i -> i == null ? null : new Object[] {i.type(), i.monthlyAmount()}).toList(), "monthlyAmount");
    amounts(v, "assets", "财产", f.assets() == null ? List.of() : f.assets().stream()
        .map(a -> a == null ? null : new Object[] {a.type(), a.value()}).toList(), "value");
    if (f.supporter() == null) {
      v.add(new Violation("supporter", "必须填写法定赡养、抚养、扶养义务人情况（NONE 无义务人、UNABLE 无履行义务能力、"
          + "ABLE 有履行义务能力）"));
    }
    ChildStatus child = f.childStatus() == null ? ChildStatus.NONE : f.childStatus();
    if (f.choosesChildSubsidy() && child == ChildStatus.NONE) {
      v.add(new Violation("choosesChildSubsidy", "只有孤儿或事实无人抚养儿童可以选择孤儿、事实无人抚养儿童基本生活保障"));
    } else if (f.choosesChildSubsidy() && age != null && age >= 18) {
      v.add(new Violation("choosesChildSubsidy", "年满18周岁（" + age + "周岁）不能再选择孤儿、事实无人抚养儿童基本生活保障"));
    }
    return v;
  }

  private static void amounts(List<Violation> v, String field, String what, List<Object[]> lines, String amount) {
    if (lines.size() > 50) {
      v.add(new Violation(field, what + "最多填写50项"));
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      String at = field + "[" + i + "]";
      Object[] line = lines.get(i);
      if (line == null) {
        v.add(new Violation(at, "第" + (i + 1) + "项" + what + "为空"));
        continue;
      }
      if (line[0] == null) {
        v.add(new Violation(at + ".type", "第" + (i + 1) + "项" + what + "须填写类别"));
      }
      BigDecimal value = (BigDecimal) line[1];
      if (value == null) {
        v.add(new Violation(at + "." + amount, "第" + (i + 1) + "项" + what + "须填写金额"));
      } else if (value.signum() < 0) {
        v.add(new Violation(at + "." + amount, "第" + (i + 1) + "项" + what + "金额不能为负数：" + value.toPlainString()));
      } else if (value.stripTrailingZeros().scale() > 2 || value.compareTo(MAX_AMOUNT) > 0) {
        v.add(new Violation(at + "." + amount, "第" + (i + 1) + "项" + what + "金额最多两位小数且不超过9999999999.99元"));
      }
    }
  }

  private static String grade(Integer grade) {
    return switch (grade) {
      case 1 -> "一级";
      case 2 -> "二级";
      case 3 -> "三级";
      default -> "四级";
    };
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
  }
}
