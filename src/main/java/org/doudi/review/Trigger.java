package org.doudi.review;

/** Why a review was opened: the schedule, a change the household reported, one the system found, another module. */
public enum Trigger {
  SCHEDULED("定期复核"), REPORTED("家庭报告变化"), SYSTEM("系统比对发现变化"), OTHER("其他");

  private final String label;

  Trigger(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
