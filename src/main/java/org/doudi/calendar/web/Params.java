package org.doudi.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.doudi.calendar.CalendarDataException;

/** Request parameters parsed by hand, so that a bad value gets a message naming the parameter. */
final class Params {

  private Params() {}

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new CalendarDataException("Parameter '" + name + "' is required (yyyy-MM-dd)");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new CalendarDataException("Parameter '" + name + "' must be a date (yyyy-MM-dd), got '" + value + "'");
    }
  }

  static int count(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new CalendarDataException("Parameter '" + name + "' is required");
    }
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new CalendarDataException("Parameter '" + name + "' must be a whole number, got '" + value + "'");
    }
    if (n < 0 || n > max) {
      throw new CalendarDataException("Parameter '" + name + "' must be between 0 and " + max + ", got " + value);
    }
    return (int) n;
  }

  static String region(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
