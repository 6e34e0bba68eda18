package org.doudi.child;

/**
 * A parent's situation as the guardian states it and the township verifies it (docs/child.md). {@link #absent()}:
 * the situations that make a child an orphan when both parents are in them (死亡、宣告死亡、宣告失踪、查找不到生父母);
 * {@link #unableToCare()}: the situations of 民发〔2019〕62号 (and, for 撤销监护资格 and 遣送出境, 民发〔2020〕125号 —
 * UNCONFIRMED, neither text is in the shared sources).
 */
public enum ParentSituation {
  NONE("无上述情形（能够履行抚养义务）"),
  DEAD("死亡"),
  DECLARED_DEAD("人民法院宣告死亡"),
  DECLARED_MISSING("人民法院宣告失踪"),
  NOT_FOUND("查找不到生父母"),
  SEVERE_DISABILITY("重残（一级、二级残疾或三级、四级精神、智力残疾）"),
  SERIOUS_ILLNESS("重病"),
  IMPRISONED("服刑在押（6个月以上）"),
  DRUG_REHAB("强制隔离戒毒（6个月以上）"),
  OTHER_RESTRICTION("被执行其他限制人身自由的措施（6个月以上）"),
  LOST_CONTACT("失联（失去联系且未履行监护抚养责任6个月以上）"),
  GUARDIANSHIP_REVOKED("被撤销监护资格"),
  DEPORTED("被遣送（驱逐）出境");

  /** The codes with their labels, for the API description. */
  public static final String CODES = "NONE 无上述情形, DEAD 死亡, DECLARED_DEAD 宣告死亡, DECLARED_MISSING 宣告失踪, "
      + "NOT_FOUND 查找不到生父母, SEVERE_DISABILITY 重残, SERIOUS_ILLNESS 重病, IMPRISONED 服刑在押, DRUG_REHAB 强制隔离戒毒, "
      + "OTHER_RESTRICTION 其他限制人身自由, LOST_CONTACT 失联, GUARDIANSHIP_REVOKED 被撤销监护资格, DEPORTED 被遣送（驱逐）出境";

  private final String label;

  ParentSituation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Dead, declared dead or missing, or not to be found. */
  public boolean absent() {
    return this == DEAD || this == DECLARED_DEAD || this == DECLARED_MISSING || this == NOT_FOUND;
  }

  /** Alive but in a situation of 民发〔2019〕62号 in which they cannot bring the child up. */
  public boolean unableToCare() {
    return !absent() && this != NONE;
  }
}
