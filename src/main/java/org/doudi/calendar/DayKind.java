package org.doudi.calendar;

/** What a calendar day is for casework. */
public enum DayKind {
  /** Monday–Friday, not a holiday. */
  WORKDAY,
  /** Saturday or Sunday, not a make-up working day. */
  WEEKEND,
  /** Official holiday from the State Council notice, or a region's extra closure. */
  HOLIDAY,
  /** Weekend day worked to make up for a holiday (调休上班日). */
  MAKEUP_WORKDAY;

  public boolean isWorkingDay() {
    return this == WORKDAY || this == MAKEUP_WORKDAY;
  }
}
