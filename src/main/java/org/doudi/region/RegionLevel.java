package org.doudi.region;

/** Levels of the administrative hierarchy, top down. */
public enum RegionLevel {
  PROVINCE("省"),
  CITY("市"),
  COUNTY("县（市、区）"),
  TOWNSHIP("乡镇（街道）"),
  VILLAGE("村（社区）");

  private final String label;

  RegionLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True when this level lies above {@code other} (a county is above a township). */
  public boolean isAbove(RegionLevel other) {
    return ordinal() < other.ordinal();
  }
}
