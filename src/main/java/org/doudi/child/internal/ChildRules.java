package org.doudi.child.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.doudi.child.ChildCategory;
import org.doudi.child.ParentSituation;

/**
 * Who is a 孤儿 or a 事实无人抚养儿童 (docs/child.md). Every finding carries its reason and the rule it rests on, so that
 * a refusal can cite it. The definitions are those of 国办发〔2010〕54号 (孤儿) and 民发〔2019〕62号 (事实无人抚养儿童) as
 * recalled, UNCONFIRMED: neither text is in the shared sources; the Jilin notice only requires the subsidy
 * (吉民发〔2020〕40号 三(三)).
 */
public final class ChildRules {

  static final String ORPHAN_RULE = "孤儿：父母均死亡（含宣告死亡）、宣告失踪或查找不到生父母的未满18周岁的未成年人（国办发〔2010〕54号，未经核实）";
  static final String UNCARED_RULE = "事实无人抚养儿童：父母双方均重残、重病、服刑在押、强制隔离戒毒、被执行其他限制人身自由的措施、失联、"
      + "被撤销监护资格或被遣送（驱逐）出境；或一方死亡或失踪、另一方有上述情形之一（民发〔2019〕62号，撤销监护资格、遣送出境见"
      + "民发〔2020〕125号，未经核实）";
  static final String AGE_RULE = "保障对象为未满18周岁的儿童（吉民发〔2020〕40号 三（三）；民发〔2019〕62号）";

  private ChildRules() {}

  /** The finding: eligible with the category, or not with every reason. */
  public record Finding(boolean eligible, ChildCategory category, List<String> reasons) {
    public String text() {
      return String.join("；", reasons);
    }
  }

  public static Finding assess(ParentSituation father, ParentSituation mother, LocalDate birthDate, LocalDate today) {
    List<String> failures = new ArrayList<>();
    if (!birthDate.plusYears(18).isAfter(today)) {
      failures.add("儿童已满18周岁（出生日期" + birthDate + "），不属于保障范围。依据：" + AGE_RULE);
    }
    ChildCategory category = categoryOf(father, mother);
    if (category == null) {
      failures.add("父亲“" + father.label() + "”、母亲“" + mother.label() + "”，既不属于孤儿，也不属于事实无人抚养儿童。依据："
          + ORPHAN_RULE + "；" + UNCARED_RULE);
    }
    if (!failures.isEmpty()) {
      return new Finding(false, category, failures);
    }
    return new Finding(true, category, List.of("符合" + category.label() + "条件：父亲“" + father.label() + "”，母亲“"
        + mother.label() + "”，未满18周岁（" + birthDate.plusYears(18) + "满18周岁）。依据："
        + (category == ChildCategory.ORPHAN ? ORPHAN_RULE : UNCARED_RULE)));
  }

  /** 孤儿 when both parents are absent; 事实无人抚养儿童 when both cannot care, or one is absent and the other cannot. */
  public static ChildCategory categoryOf(ParentSituation father, ParentSituation mother) {
    if (father.absent() && mother.absent()) {
      return ChildCategory.ORPHAN;
    }
    boolean fatherOut = father.absent() || father.unableToCare();
    boolean motherOut = mother.absent() || mother.unableToCare();
    if (fatherOut && motherOut) {
      return ChildCategory.UNCARED; // not both absent (above), so at least one is unable to care
    }
    return null;
  }
}
