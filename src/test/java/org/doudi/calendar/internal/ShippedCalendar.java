package org.doudi.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The notices shipped in src/main/resources/calendar, read without Spring. */
final class ShippedCalendar {

  private ShippedCalendar() {}

  static List<NoticeYear> notices(int... years) {
    List<NoticeYear> all = new ArrayList<>();
    for (int y : years) {
      try (InputStream in = ShippedCalendar.class.getResourceAsStream("/calendar/" + y + ".json")) {
        if (in == null) {
          throw new IllegalStateException("calendar/" + y + ".json is not shipped");
        }
        all.addAll(NoticeFiles.read(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  static List<NoticeYear> all() {
    return notices(2020, 2021, 2022, 2023, 2024, 2025, 2026);
  }

  static CalendarSnapshot snapshot() {
    return new CalendarSnapshot(all(), List.of());
  }
}
