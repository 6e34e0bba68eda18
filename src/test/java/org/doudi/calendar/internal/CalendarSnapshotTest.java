package org.doudi.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.doudi.calendar.CalendarDataException;
import org.doudi.calendar.DayKind;
import org.doudi.calendar.WorkingDate;
import org.doudi.calendar.YearNotLoadedException;
import org.junit.jupiter.api.Test;

class CalendarSnapshotTest {

  private static final CalendarSnapshot CAL = ShippedCalendar.snapshot();

  /** Reference: the obvious day-by-day walk, used only to check the table arithmetic. */
  private static LocalDate walk(CalendarSnapshot cal, LocalDate from, int days, String region) {
    LocalDate d = from;
    for (int n = 0; n < days; ) {
      d = d.plusDays(1);
      if (cal.kindOf(d, region).isWorkingDay()) {
        n++;
      }
    }
    return d;
  }

  @Test
  void agreesWithADayByDayWalk() {
    Random random = new Random(20260212);
    LocalDate start = LocalDate.of(2020, 1, 1);
    for (int i = 0; i < 400; i++) {
      LocalDate from = start.plusDays(random.nextInt(365 * 3));
      int days = random.nextInt(900);
      LocalDate expected = walk(CAL, from, days, null);
      assertThat(CAL.addWorkingDays(from, days)).as("%s + %d", from, days).isEqualTo(expected);
      assertThat(CAL.countWorkingDays(from, expected)).isEqualTo(days);
      if (days > 0) {
        assertThat(CAL.kindOf(expected).isWorkingDay()).isTrue();
      }
    }
  }

  @Test
  void countsTheHalfOpenInterval() {
    LocalDate thu = LocalDate.of(2026, 3, 5);
    assertThat(CAL.countWorkingDays(thu, thu)).isZero();
    assertThat(CAL.countWorkingDays(thu, thu.plusDays(1))).isEqualTo(1);
    // Fri → Mon: Saturday and Sunday do not count, Monday does
    assertThat(CAL.countWorkingDays(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9))).isEqualTo(1);
    // whole 2021 … 2025 in one call, checked against the per-year sums
    int sum = 0;
    for (int y = 2021; y <= 2025; y++) {
      sum += CAL.countWorkingDays(LocalDate.of(y - 1, 12, 31), LocalDate.of(y, 12, 31));
    }
    assertThat(CAL.countWorkingDays(LocalDate.of(2020, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(sum);
  }

  @Test
  void rejectsBadInput() {
    LocalDate d = LocalDate.of(2026, 3, 5);
    assertThatThrownBy(() -> CAL.addWorkingDays(d, -1)).isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("0至2500");
    assertThatThrownBy(() -> CAL.addWorkingDays(d, 2501)).isInstanceOf(CalendarDataException.class);
    assertThatThrownBy(() -> CAL.countWorkingDays(d, d.minusDays(1))).isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("不能早于开始日期");
    assertThatThrownBy(() -> CAL.kindOf(d, "22010")).isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("6位、9位或12位数字");
  }

  @Test
  void strictCalculationsNameTheMissingYear() {
    assertThatThrownBy(() -> CAL.kindOf(LocalDate.of(2027, 1, 4)))
        .isInstanceOfSatisfying(YearNotLoadedException.class, e -> assertThat(e.getYear()).isEqualTo(2027));
    assertThatThrownBy(() -> CAL.addWorkingDays(LocalDate.of(2026, 12, 30), 2))
        .isInstanceOfSatisfying(YearNotLoadedException.class, e -> assertThat(e.getYear()).isEqualTo(2027));
    assertThatThrownBy(() -> CAL.countWorkingDays(LocalDate.of(2019, 12, 30), LocalDate.of(2020, 1, 3)))
        .isInstanceOfSatisfying(YearNotLoadedException.class, e -> assertThat(e.getYear()).isEqualTo(2019));
    // staying inside 2026 needs no 2027 even at the very end of the year
    assertThat(CAL.addWorkingDays(LocalDate.of(2026, 12, 30), 1)).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void provisionalYearsAssumeMondayToFriday() {
    // 2027-01-01 is a Friday: without the 2027 notice it counts as a working day, flagged provisional
    WorkingDate d = CAL.addWorkingDaysProvisionally(LocalDate.of(2026, 12, 31), 1, null);
    assertThat(d).isEqualTo(new WorkingDate(LocalDate.of(2027, 1, 1), true));
    assertThat(CAL.addWorkingDaysProvisionally(LocalDate.of(2027, 1, 1), 5, null))
        .isEqualTo(new WorkingDate(LocalDate.of(2027, 1, 8), true));
    // inside loaded years nothing is provisional, and the result equals the strict one
    assertThat(CAL.addWorkingDaysProvisionally(LocalDate.of(2026, 2, 12), 3, null))
        .isEqualTo(new WorkingDate(LocalDate.of(2026, 2, 24), false));
    // a span that passes through a missing year is provisional even if it ends in a loaded one
    CalendarSnapshot gap = new CalendarSnapshot(ShippedCalendar.notices(2020, 2022), List.of());
    WorkingDate across = gap.addWorkingDaysProvisionally(LocalDate.of(2020, 12, 31), 300, null);
    assertThat(across.provisional()).isTrue();
    assertThat(across.date().getYear()).isEqualTo(2022);
    assertThat(gap.countWorkingDaysProvisionally(LocalDate.of(2020, 12, 31), LocalDate.of(2021, 12, 31), null))
        .isEqualTo(261); // Mon–Fri days of 2021
  }

  @Test
  void regionClosuresApplyToTheRegionAndBelow() {
    LocalDate tue = LocalDate.of(2026, 3, 3);
    CalendarSnapshot cal = new CalendarSnapshot(ShippedCalendar.all(), List.of(
        new RegionClosure("220102", tue, "county holiday"),
        new RegionClosure("220000", LocalDate.of(2026, 3, 10), "province closure"),
        // a closure on a weekend changes nothing
        new RegionClosure("220102", LocalDate.of(2026, 3, 7), "saturday")));
    assertThat(cal.kindOf(tue, "220102")).isEqualTo(DayKind.HOLIDAY);
    assertThat(cal.kindOf(tue, "220102001")).isEqualTo(DayKind.HOLIDAY);
    assertThat(cal.kindOf(tue, "220102001001")).isEqualTo(DayKind.HOLIDAY);
    assertThat(cal.kindOf(tue, "220102000000")).isEqualTo(DayKind.HOLIDAY);
    assertThat(cal.kindOf(tue, "220103")).isEqualTo(DayKind.WORKDAY);
    assertThat(cal.kindOf(tue, "220100")).isEqualTo(DayKind.WORKDAY); // the city is above the county
    assertThat(cal.kindOf(tue)).isEqualTo(DayKind.WORKDAY);
    assertThat(cal.kindOf(LocalDate.of(2026, 3, 7), "220102")).isEqualTo(DayKind.WEEKEND);
    // province-wide closure reaches a village
    assertThat(cal.kindOf(LocalDate.of(2026, 3, 10), "220102001001")).isEqualTo(DayKind.HOLIDAY);
    assertThat(cal.kindOf(LocalDate.of(2026, 3, 10), "230102")).isEqualTo(DayKind.WORKDAY);

    LocalDate mon = LocalDate.of(2026, 3, 2);
    assertThat(cal.addWorkingDays(mon, 1)).isEqualTo(tue);
    assertThat(cal.addWorkingDays(mon, 1, "220102001")).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(cal.countWorkingDays(mon, LocalDate.of(2026, 3, 13), "220102001")).isEqualTo(7);
    assertThat(cal.countWorkingDays(mon, LocalDate.of(2026, 3, 13))).isEqualTo(9);
  }

  @Test
  void regionCodesNormaliseToPrefixes() {
    assertThat(RegionCodes.normalise("220000")).isEqualTo("22");
    assertThat(RegionCodes.normalise("220100")).isEqualTo("2201");
    assertThat(RegionCodes.normalise("220102")).isEqualTo("220102");
    assertThat(RegionCodes.normalise("220102001")).isEqualTo("220102001");
    assertThat(RegionCodes.normalise("220102001000")).isEqualTo("220102001");
    assertThat(RegionCodes.normalise("220102000000")).isEqualTo("220102");
    assertThat(RegionCodes.normalise(null)).isNull();
    assertThatThrownBy(() -> RegionCodes.normalise("22A102")).isInstanceOf(CalendarDataException.class);
  }
}
