package org.doudi.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.doudi.calendar.CalendarDataException;
import org.doudi.calendar.DayKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NoticeFilesTest {

  private static List<NoticeYear> read(String json) {
    return NoticeFiles.read(new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheDocumentedFormat() {
    List<NoticeYear> years = read("{'2027': {'off': ['2026-12-31', '2027-01-01'], "
        + "'makeup_workdays': ['2027-01-03'], 'papers': ['https://www.gov.cn/x.htm']}}");
    assertThat(years).singleElement().satisfies(n -> {
      assertThat(n.year()).isEqualTo(2027);
      assertThat(n.days()).containsEntry(LocalDate.of(2026, 12, 31), DayKind.HOLIDAY)
          .containsEntry(LocalDate.of(2027, 1, 3), DayKind.MAKEUP_WORKDAY);
      assertThat(n.papers()).containsExactly("https://www.gov.cn/x.htm");
    });
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "not json|not valid JSON",
      "[]|keyed by year",
      "{'27': {}}|four digits",
      "{'1999': {'off': ['1999-01-01'], 'makeup_workdays': [], 'papers': ['https://a']}}|outside 2000",
      "{'2027': {'off': [], 'makeup_workdays': [], 'papers': ['https://a']}}|'off' is empty",
      "{'2027': {'off': ['2027-02-30'], 'makeup_workdays': [], 'papers': ['https://a']}}|is not a date",
      "{'2027': {'off': ['2028-03-01'], 'makeup_workdays': [], 'papers': ['https://a']}}|lies outside",
      "{'2027': {'off': ['2027-01-01', '2027-01-01'], 'makeup_workdays': [], 'papers': ['https://a']}}|listed twice",
      "{'2027': {'off': ['2027-01-02'], 'makeup_workdays': ['2027-01-02'], 'papers': ['https://a']}}|both a holiday",
      "{'2027': {'off': ['2027-01-01'], 'makeup_workdays': ['2027-01-04'], 'papers': ['https://a']}}|only weekend days",
      "{'2027': {'off': ['2027-01-01'], 'makeup_workdays': [], 'papers': []}}|source links",
      "{'2027': {'off': ['2027-01-01'], 'makeup_workdays': [], 'papers': ['gov.cn']}}|not an http(s) link",
      "{'2027': {'off': ['2027-01-01'], 'papers': ['https://a']}}|'makeup_workdays' must be an array",
      "{'2027': {'off': ['2027-01-01'], 'makeup_workdays': [], 'papers': ['https://a'], 'extra': 1}}|unknown field"})
  void rejectsDoubtfulFiles(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(CalendarDataException.class).hasMessageContaining(message);
  }

  @Test
  void rejectsAContradictionWithAnotherNotice() {
    NoticeYear y2023 = ShippedCalendar.notices(2023).get(0);
    NoticeYear bad2022 = read("{'2022': {'off': ['2022-01-03'], 'makeup_workdays': ['2022-12-31'], "
        + "'papers': ['https://a']}}").get(0);
    assertThatThrownBy(() -> NoticeFiles.checkConsistent(bad2022, List.of(y2023)))
        .isInstanceOf(CalendarDataException.class).hasMessageContaining("2022-12-31");
    NoticeFiles.checkConsistent(ShippedCalendar.notices(2022).get(0), List.of(y2023));
  }
}
