package org.doudi.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Time as the calendar sees it: Asia/Shanghai, "now" from the engine clock (process tests move it),
 * and the moment a deadline day ends.
 */
@Component
public class CalendarTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final int endOfDayMinutes;

  public CalendarTime(CalendarProperties properties) {
    this.endOfDayMinutes = properties.endOfDayMinutes();
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public OffsetDateTime nowOffset() {
    return now().atZone(ZONE).toOffsetDateTime();
  }

  public LocalDate today() {
    return now().atZone(ZONE).toLocalDate();
  }

  /** The end of {@code day}: configured time in Shanghai, or the next midnight for "24:00". */
  public Date endOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZONE).plusMinutes(endOfDayMinutes).toInstant());
  }
}
