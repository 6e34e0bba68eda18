package org.doudi.child;

/** What the conditions recognise: 孤儿 or 事实无人抚养儿童. */
public enum ChildCategory {
  ORPHAN("孤儿"),
  UNCARED("事实无人抚养儿童");

  private final String label;

  ChildCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
