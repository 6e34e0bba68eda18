package org.doudi.child;

/** How the child is brought up; each has its own monthly standard per county. */
public enum CareMode {
  INSTITUTION("集中养育"),
  HOME("社会散居");

  private final String label;

  CareMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
