package org.doudi.calendar;

/**
 * Colour band of an open legal clock in the deadline monitor: the due instant passed ({@code OVERDUE}), due within
 * the next {@link OpenDeadlines#DUE_SOON_WORKING_DAYS} working days of the case's region ({@code DUE_SOON}), or
 * later ({@code ON_TIME}).
 */
public enum DeadlineBand {
  OVERDUE("已超期"),
  DUE_SOON("即将到期"),
  ON_TIME("正常");

  private final String label;

  DeadlineBand(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
