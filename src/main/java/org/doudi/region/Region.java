package org.doudi.region;

/**
 * One administrative region; {@code urbanRural} is URBAN or RURAL for counties and below. {@code inUse} is false once
 * an import abolished it (撤销 or merged into another): cases filed under it keep it, new cases cannot choose it.
 */
public record Region(String code, String name, RegionLevel level, String parentCode, String urbanRural, boolean inUse) {

  /** A region in use. */
  public Region(String code, String name, RegionLevel level, String parentCode, String urbanRural) {
    this(code, name, level, parentCode, urbanRural, true);
  }

  /**
   * Why a new case cannot be filed under this region, in Chinese; null when it can. Every way a new application
   * chooses its region asks this (existing cases never do).
   */
  public String closedForNewCases() {
    return inUse ? null : "行政区划" + name + "（" + code + "）已撤销或合并，新的申请不能再选用；请选择现行的行政区划";
  }
}
