package org.doudi.supervision.petition;

/** 信访 or 监督举报 (a complaint about the handling of a case): both take the same path. */
public enum PetitionKind {
  PETITION("信访"),
  COMPLAINT("监督举报");

  private final String label;

  PetitionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
