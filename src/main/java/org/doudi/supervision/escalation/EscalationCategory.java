package org.doudi.supervision.escalation;

/** How the supervisor acts on a missed limit (督办方式). */
public enum EscalationCategory {
  URGE("催办"),
  INTERVIEW("约谈提醒"),
  RECTIFY("限期整改"),
  CIRCULATE("通报批评");

  private final String label;

  EscalationCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
