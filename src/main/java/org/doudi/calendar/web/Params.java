package org.doudi.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.doudi.calendar.CalendarDataException;

/** Request parameters parsed by hand, so that a bad value gets a message naming the parameter. */
final class Params {

  private Params() {}

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new CalendarDataException("缺少参数 " + name + "（日期，格式yyyy-MM-dd）");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new CalendarDataException("参数 " + name + " 应为日期（格式yyyy-MM-dd），收到“" + value + "”");
    }
  }

  static int count(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new CalendarDataException("缺少参数 " + name);
    }
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new CalendarDataException("参数 " + name + " 应为整数，收到“" + value + "”");
    }
    if (n < 0 || n > max) {
      throw new CalendarDataException("参数 " + name + " 应在0至" + max + "之间，收到" + value);
    }
    return (int) n;
  }

  static String region(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
