package org.doudi.calendar;

/** Invalid input to the calendar: a malformed notice file, region code, date or count. Nothing was changed. */
public class CalendarDataException extends RuntimeException {

  public CalendarDataException(String message) {
    super(message);
  }
}
