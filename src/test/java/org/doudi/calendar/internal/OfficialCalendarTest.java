package org.doudi.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.doudi.calendar.DayKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every holiday block and make-up day of 2020–2026, twice: hand-written from the State Council notices
 * (docs table in the domain brief §4) and driven from the shipped data files.
 */
class OfficialCalendarTest {

  private static final CalendarSnapshot CAL = ShippedCalendar.snapshot();

  /** Holiday blocks as published (first day, last day): every day inside is off, the days around are not. */
  @ParameterizedTest(name = "{0} … {1}")
  @CsvSource({
      "2020-01-01,2020-01-01", "2020-01-24,2020-02-02", "2020-04-04,2020-04-06", "2020-05-01,2020-05-05",
      "2020-06-25,2020-06-27", "2020-10-01,2020-10-08",
      "2021-01-01,2021-01-03", "2021-02-11,2021-02-17", "2021-04-03,2021-04-05", "2021-05-01,2021-05-05",
      "2021-06-12,2021-06-14", "2021-09-19,2021-09-21", "2021-10-01,2021-10-07",
      "2022-01-01,2022-01-03", "2022-01-31,2022-02-06", "2022-04-03,2022-04-05", "2022-04-30,2022-05-04",
      "2022-06-03,2022-06-05", "2022-09-10,2022-09-12", "2022-10-01,2022-10-07",
      "2022-12-31,2023-01-02", "2023-01-21,2023-01-27", "2023-04-05,2023-04-05", "2023-04-29,2023-05-03",
      "2023-06-22,2023-06-24", "2023-09-29,2023-10-06",
      "2024-01-01,2024-01-01", "2024-02-10,2024-02-17", "2024-04-04,2024-04-06", "2024-05-01,2024-05-05",
      "2024-06-10,2024-06-10", "2024-09-15,2024-09-17", "2024-10-01,2024-10-07",
      "2025-01-01,2025-01-01", "2025-01-28,2025-02-04", "2025-04-04,2025-04-06", "2025-05-01,2025-05-05",
      "2025-05-31,2025-06-02", "2025-10-01,2025-10-08",
      "2026-01-01,2026-01-03", "2026-02-15,2026-02-23", "2026-04-04,2026-04-06", "2026-05-01,2026-05-05",
      "2026-06-19,2026-06-21", "2026-09-25,2026-09-27", "2026-10-01,2026-10-07"})
  void holidayBlock(LocalDate first, LocalDate last) {
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      assertThat(CAL.kindOf(d)).as(d.toString()).isEqualTo(DayKind.HOLIDAY);
    }
    // the day just before and after a block is not part of it: a working day, or a plain weekend
    for (LocalDate edge : List.of(first.minusDays(1), last.plusDays(1))) {
      if (CAL.loadedYears().contains(edge.getYear())) {
        assertThat(CAL.kindOf(edge)).as(edge.toString()).isNotEqualTo(DayKind.HOLIDAY);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
      "2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10",
      "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09",
      "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09",
      "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08",
      "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
      "2024-10-12",
      "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
      "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
  void makeupWorkday(LocalDate date) {
    assertThat(date.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(CAL.kindOf(date)).isEqualTo(DayKind.MAKEUP_WORKDAY);
    assertThat(CAL.kindOf(date).isWorkingDay()).isTrue();
  }

  @Test
  void handWrittenListsCoverTheDataExactly() {
    // the 2020 Spring Festival extension cancelled the 2020-02-01 make-up day (second 2020 paper)
    assertThat(CAL.kindOf(LocalDate.of(2020, 2, 1))).isEqualTo(DayKind.HOLIDAY);
    long makeups = CAL.notices().values().stream().mapToLong(n -> n.count(DayKind.MAKEUP_WORKDAY)).sum();
    assertThat(makeups).isEqualTo(6 + 7 + 7 + 7 + 8 + 5 + 6);
  }

  static Stream<Arguments> everyListedDay() {
    return ShippedCalendar.all().stream()
        .flatMap(n -> n.days().entrySet().stream().map(e -> Arguments.of(n.year(), e.getKey(), e.getValue())));
  }

  @ParameterizedTest(name = "notice {0}: {1} {2}")
  @MethodSource("everyListedDay")
  void everyDayOfTheDataHasItsKind(int notice, LocalDate date, DayKind kind) {
    assertThat(CAL.kindOf(date)).isEqualTo(kind);
  }

  @Test
  void everyOtherDayFollowsTheWeek() {
    Map<LocalDate, DayKind> listed = new java.util.HashMap<>();
    CAL.notices().values().forEach(n -> listed.putAll(n.days()));
    for (LocalDate d = LocalDate.of(2020, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
      DayKind expected = listed.getOrDefault(d,
          d.getDayOfWeek().getValue() >= 6 ? DayKind.WEEKEND : DayKind.WORKDAY);
      assertThat(CAL.kindOf(d)).as(d.toString()).isEqualTo(expected);
    }
  }

  @Test
  void issueExampleSpringFestival2026() {
    // Thu 12 Feb → Fri 13 (1), Sat 14 make-up (2), 15–23 holiday, Tue 24 (3): the data agree with the issue
    assertThat(CAL.addWorkingDays(LocalDate.of(2026, 2, 12), 3)).isEqualTo(LocalDate.of(2026, 2, 24));
    assertThat(CAL.countWorkingDays(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 24))).isEqualTo(3);
    assertThat(CAL.kindOf(LocalDate.of(2026, 2, 14))).isEqualTo(DayKind.MAKEUP_WORKDAY);
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      // 2023 notice: 2022-12-31 (Sat) … 2023-01-02 off
      "2022-12-30, 1, 2023-01-03",
      "2022-12-29, 2, 2023-01-03",
      "2020-12-31, 1, 2021-01-04",
      // 2026-01-04 (Sun) is a make-up day right after the New Year block
      "2025-12-31, 1, 2026-01-04",
      "2025-12-31, 2, 2026-01-05",
      "2024-12-31, 1, 2025-01-02",
      // Spring Festival 2025 (Jan 28 – Feb 4, make-up Sun Jan 26 and Sat Feb 8)
      "2025-01-24, 1, 2025-01-26",
      "2025-01-24, 3, 2025-02-05",
      // National Day 2020 (Oct 1–8, make-up Sun Sep 27, Sat Oct 10)
      "2020-09-30, 1, 2020-10-09",
      "2020-09-30, 2, 2020-10-10",
      // the day itself never counts, even when it is a working day
      "2026-02-13, 1, 2026-02-14",
      "2026-02-21, 1, 2026-02-24",
      // 0 days: the day itself
      "2026-02-21, 0, 2026-02-21"})
  void addAcrossBlocksAndYearBoundaries(LocalDate from, int days, LocalDate expected) {
    assertThat(CAL.addWorkingDays(from, days)).isEqualTo(expected);
    assertThat(CAL.countWorkingDays(from, expected)).isEqualTo(days);
  }

  @Test
  void yearBoundaryListedInTheNeighbouringNotice() {
    LocalDate dec31 = LocalDate.of(2022, 12, 31);
    CalendarSnapshot only2022 = new CalendarSnapshot(ShippedCalendar.notices(2022), List.of());
    CalendarSnapshot only2023 = new CalendarSnapshot(ShippedCalendar.notices(2023), List.of());
    // a plain Saturday by the 2022 notice; the 2023 notice makes it part of the New Year holiday
    assertThat(only2022.kindOf(dec31)).isEqualTo(DayKind.WEEKEND);
    assertThat(CAL.kindOf(dec31)).isEqualTo(DayKind.HOLIDAY);
    // the day belongs to calendar year 2022: asking for it needs the 2022 notice, not the 2023 one
    assertThat(only2022.countWorkingDays(LocalDate.of(2022, 12, 1), dec31)).isEqualTo(21);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> only2023.kindOf(dec31))
        .isInstanceOf(org.doudi.calendar.YearNotLoadedException.class)
        .hasMessageContaining("2022");
    // ...but a provisional 2022 still knows the day from the 2023 notice
    assertThat(only2023.addWorkingDaysProvisionally(LocalDate.of(2022, 12, 30), 1, null).date())
        .isEqualTo(LocalDate.of(2023, 1, 3));
  }
}
