package org.doudi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.doudi.calendar.internal.CalendarProperties;
import org.doudi.calendar.internal.CalendarTime;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  private static final LocalDate FEB_12 = LocalDate.of(2026, 2, 12);

  @Test
  void startValuesAreReadAsShanghaiDays() {
    assertThat(Deadlines.toDate(FEB_12)).isEqualTo(FEB_12);
    assertThat(Deadlines.toDate("2026-02-12")).isEqualTo(FEB_12);
    // 23:30 UTC on the 11th is already the 12th in Shanghai
    assertThat(Deadlines.toDate(Date.from(Instant.parse("2026-02-11T23:30:00Z")))).isEqualTo(FEB_12);
    assertThat(Deadlines.toDate(Instant.parse("2026-02-11T23:30:00Z"))).isEqualTo(FEB_12);
    assertThat(Deadlines.toDate("2026-02-11T23:30:00Z")).isEqualTo(FEB_12);
    assertThat(Deadlines.toDate("2026-02-12T07:30:00+08:00")).isEqualTo(FEB_12);
    assertThat(Deadlines.toDate(OffsetDateTime.parse("2026-02-11T18:00:00-06:00"))).isEqualTo(FEB_12);
    assertThat(Deadlines.toDate(ZonedDateTime.of(2026, 2, 12, 0, 5, 0, 0, ZoneId.of("Asia/Shanghai"))))
        .isEqualTo(FEB_12);
    assertThat(Deadlines.toDate("2026-02-12T00:05:00+08:00[Asia/Shanghai]")).isEqualTo(FEB_12);
    assertThat(Deadlines.toDate(LocalDateTime.of(2026, 2, 12, 23, 59))).isEqualTo(FEB_12);
    assertThat(Deadlines.toDate("2026-02-12T23:59")).isEqualTo(FEB_12);
  }

  @Test
  void badStartValuesAreClearErrors() {
    assertThatThrownBy(() -> Deadlines.toDate(null)).isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("is null");
    assertThatThrownBy(() -> Deadlines.toDate("12.02.2026")).isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("不是ISO-8601格式");
    assertThatThrownBy(() -> Deadlines.toDate(42)).isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void theDeadlineDayEndsAtTheConfiguredTime() {
    Date five = new CalendarTime(new CalendarProperties("17:00", null)).endOf(FEB_12);
    assertThat(five.toInstant()).isEqualTo(Instant.parse("2026-02-12T09:00:00Z"));
    Date midnight = new CalendarTime(new CalendarProperties("24:00", null)).endOf(FEB_12);
    assertThat(midnight.toInstant()).isEqualTo(Instant.parse("2026-02-12T16:00:00Z"));
    assertThat(new CalendarProperties(null, null).endOfWorkingDay()).isEqualTo("17:00");
    assertThatThrownBy(() -> new CalendarProperties("5pm", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HH:mm");
    assertThatThrownBy(() -> new CalendarProperties("25:00", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
