package org.doudi.tekun;

/**
 * 生活自理能力 from the six-item assessment (特困人员认定办法: eating, dressing, getting in and out of bed, toileting,
 * walking indoors, bathing): all six possible = SELF_CARE, one to three impossible = PARTIAL, four or more = FULL.
 * Stored by name.
 */
public enum CareLevel {
  SELF_CARE("具备生活自理能力"),
  PARTIAL("部分丧失生活自理能力"),
  FULL("完全丧失生活自理能力");

  /** The six items, in the order of the assessment form. */
  public static final int ITEMS = 6;

  private final String label;

  CareLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The level for the number of items the person cannot do (0..6). */
  public static CareLevel ofImpossibleItems(int impossible) {
    if (impossible < 0 || impossible > ITEMS) {
      throw new IllegalArgumentException("impossible items must be 0.." + ITEMS + ": " + impossible);
    }
    return impossible == 0 ? SELF_CARE : impossible <= 3 ? PARTIAL : FULL;
  }
}
