package org.doudi.supervision.petition;

/** How the petition reached the civil-affairs department. */
public enum PetitionChannel {
  LETTER("来信"),
  VISIT("来访"),
  ONLINE("网上"),
  PHONE("电话"),
  TRANSFER("转送");

  private final String label;

  PetitionChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
