package org.doudi.care;

import org.doudi.tekun.CareLevel;

/** Bed types of a care institution. Stored by name. */
public enum BedType {
  GENERAL("普通床位"),
  /** 护理型床位: for people who partly or fully lost their self-care ability (notice 三(二)). */
  NURSING("护理型床位");

  private final String label;

  BedType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The bed a person of this level needs: a 护理型 bed for PARTIAL and FULL, a general bed for SELF_CARE (a local
   * choice: nursing beds are kept for those who need care, docs/care.md).
   */
  public static BedType neededFor(CareLevel level) {
    return level == CareLevel.SELF_CARE ? GENERAL : NURSING;
  }
}
