package org.doudi.watch;

/** Why a person is in the register (watch_entry.category), with how long they stay in it. */
public enum WatchCategory {
  LEFT_BENEFIT("退出低保、特困两年内", 24),
  REJECTED("申请未获救助", 24),
  LOW_INCOME_EDGE("低保边缘家庭", 12),
  EXPENDITURE("支出型困难家庭（支出型临时救助）", 12),
  HARDSHIP_REPORT("主动发现的困难群众", 12);

  private final String label;
  private final int months;

  WatchCategory(String label, int months) {
    this.label = label;
    this.months = months;
  }

  public String label() {
    return label;
  }

  /** Calendar months a person of this category stays in the register after entering (or after the last payment). */
  public int months() {
    return months;
  }
}
