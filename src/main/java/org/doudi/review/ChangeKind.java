package org.doudi.review;

/**
 * A change in a household's situation, reported by the household (through a caseworker) or found by the system. What
 * each does: a bank account goes to the four-eyes award change (ACCOUNT), a move to another county to the four-eyes
 * transfer (TRANSFER); every other kind opens a review (docs/review.md).
 */
public enum ChangeKind {
  INCOME("收入变化"),
  MEMBER_BIRTH("家庭成员增加（出生）"),
  MEMBER_DEATH("家庭成员死亡"),
  MARRIAGE("婚姻变化（结婚、离婚）"),
  MEMBER_MOVED_AWAY("家庭成员迁出"),
  ADDRESS("居住地址变化"),
  BANK_ACCOUNT("发放账户变化"),
  PAYEE_DEATH("领取人死亡"),
  MOVE_COUNTY("迁往其他县（市、区）"),
  VEHICLE("新增车辆登记"),
  PROPERTY("新增不动产登记");

  private final String label;

  ChangeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A member leaves the household (not counted from the review on). */
  public boolean removesMember() {
    return this == MEMBER_DEATH || this == MEMBER_MOVED_AWAY || this == PAYEE_DEATH;
  }

  /** A member joins the household (counted from the review on, without income until one is found). */
  public boolean addsMember() {
    return this == MEMBER_BIRTH || this == MARRIAGE;
  }

  /** A death: the review is due within 3 months at the latest (民政部等 2022 通知). */
  public boolean death() {
    return this == MEMBER_DEATH || this == PAYEE_DEATH;
  }
}
