package org.doudi.calendar;

/** Where a calendar deadline went in a model. */
public enum DeadlineKind {
  /** A timer event's {@code timeDate}. */
  TIMER,
  /** A user task's {@code camunda:dueDate}. */
  DUE,
  /** A user task's {@code camunda:followUpDate}. */
  FOLLOW_UP
}
