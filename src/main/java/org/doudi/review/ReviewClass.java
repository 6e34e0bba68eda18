package org.doudi.review;

/** 复核周期 (分类施保): how often a household's situation is reviewed. */
public enum ReviewClass {
  YEARLY(12, "每年复核一次"), HALF_YEARLY(6, "每半年复核一次"), QUARTERLY(3, "每季度复核一次"), MONTHLY(1, "每月复核一次");

  private final int months;
  private final String label;

  ReviewClass(int months, String label) {
    this.months = months;
    this.label = label;
  }

  public int months() {
    return months;
  }

  public String label() {
    return label;
  }
}
