package org.doudi.standards;

/** Which standards a batch holds: 低保 ({@code eligibility.DibaoStandards}) or 特困 ({@code tekun.TekunStandards}). */
public enum StandardKind {
  DIBAO("低保标准"),
  TEKUN("特困人员基本生活标准");

  private final String label;

  StandardKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
