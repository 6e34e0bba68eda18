package org.doudi.calendar.internal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code doudi.calendar.*}.
 *
 * @param endOfWorkingDay when a deadline day ends, "HH:mm" in Asia/Shanghai; "24:00" means midnight at
 *     the end of the day
 * @param recomputeBatchSize deadlines recomputed per transaction after the calendar changed
 */
@ConfigurationProperties(prefix = "doudi.calendar")
public record CalendarProperties(String endOfWorkingDay, Integer recomputeBatchSize) {

  public CalendarProperties {
    endOfWorkingDay = endOfWorkingDay == null || endOfWorkingDay.isBlank() ? "17:00" : endOfWorkingDay.trim();
    recomputeBatchSize = recomputeBatchSize == null ? 100 : recomputeBatchSize;
    if (recomputeBatchSize < 1) {
      throw new IllegalArgumentException("doudi.calendar.recompute-batch-size must be positive");
    }
    endOfDayOffset(endOfWorkingDay); // fail at startup, not at the first deadline
  }

  /** Minutes after the start of the day at which a deadline day ends (1440 for "24:00"). */
  public int endOfDayMinutes() {
    return endOfDayOffset(endOfWorkingDay);
  }

  private static int endOfDayOffset(String value) {
    if ("24:00".equals(value)) {
      return 24 * 60;
    }
    try {
      LocalTime t = LocalTime.parse(value);
      if (t.getSecond() != 0 || t.getNano() != 0) {
        throw new IllegalArgumentException("doudi.calendar.end-of-working-day must be HH:mm, got " + value);
      }
      return t.getHour() * 60 + t.getMinute();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("doudi.calendar.end-of-working-day must be HH:mm or 24:00, got " + value, e);
    }
  }
}
