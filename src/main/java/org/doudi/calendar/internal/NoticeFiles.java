package org.doudi.calendar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.doudi.calendar.CalendarDataException;
import org.doudi.calendar.DayKind;

/**
 * Reads the notice file format (the one of {@code src/main/resources/calendar/*.json}):
 * <pre>{"2027": {"off": ["2027-01-01", ...], "makeup_workdays": ["2027-02-06", ...],
 *          "papers": ["https://www.gov.cn/..."]}}</pre>
 * and rejects anything doubtful, so that a bad upload changes nothing.
 */
public final class NoticeFiles {

  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private NoticeFiles() {}

  public static List<NoticeYear> read(InputStream in) {
    try {
      return parse(JSON.readTree(in));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CalendarDataException("The calendar file is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static List<NoticeYear> parse(JsonNode root) {
    if (root == null || !root.isObject() || root.isEmpty()) {
      throw new CalendarDataException("Expected a JSON object keyed by year, e.g. {\"2027\": {\"off\": [...], "
          + "\"makeup_workdays\": [...], \"papers\": [...]}}");
    }
    List<NoticeYear> years = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      years.add(parseYear(e.getKey(), e.getValue()));
    }
    return years;
  }

  private static NoticeYear parseYear(String key, JsonNode node) {
    if (!key.matches("\\d{4}")) {
      throw new CalendarDataException("Year key must be four digits, got '" + key + "'");
    }
    int year = Integer.parseInt(key);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new CalendarDataException("Year " + year + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
    }
    if (node == null || !node.isObject()) {
      throw new CalendarDataException(year + ": expected an object with off, makeup_workdays and papers");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of("off", "makeup_workdays", "papers").contains(name)) {
        throw new CalendarDataException(year + ": unknown field '" + name + "'");
      }
    }
    TreeMap<LocalDate, DayKind> days = new TreeMap<>();
    List<LocalDate> off = dates(year, node, "off");
    if (off.isEmpty()) {
      throw new CalendarDataException(year + ": 'off' is empty; a notice always lists holidays");
    }
    for (LocalDate d : off) {
      if (days.put(d, DayKind.HOLIDAY) != null) {
        throw new CalendarDataException(year + ": " + d + " is listed twice in 'off'");
      }
    }
    for (LocalDate d : dates(year, node, "makeup_workdays")) {
      DayKind before = days.put(d, DayKind.MAKEUP_WORKDAY);
      if (before == DayKind.HOLIDAY) {
        throw new CalendarDataException(year + ": " + d + " is both a holiday and a make-up working day");
      }
      if (before != null) {
        throw new CalendarDataException(year + ": " + d + " is listed twice in 'makeup_workdays'");
      }
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        throw new CalendarDataException(year + ": make-up working day " + d + " is a " + d.getDayOfWeek()
            + "; only weekend days can be make-up working days");
      }
    }
    JsonNode papers = node.get("papers");
    if (papers == null || !papers.isArray() || papers.isEmpty()) {
      throw new CalendarDataException(year + ": 'papers' must list the source links of the notice");
    }
    List<String> links = new ArrayList<>();
    for (JsonNode p : papers) {
      if (!p.isTextual() || !p.asText().matches("https?://\\S+")) {
        throw new CalendarDataException(year + ": paper '" + p + "' is not an http(s) link");
      }
      links.add(p.asText());
    }
    return new NoticeYear(year, days, links);
  }

  private static List<LocalDate> dates(int year, JsonNode node, String field) {
    JsonNode arr = node.get(field);
    if (arr == null || !arr.isArray()) {
      throw new CalendarDataException(year + ": '" + field + "' must be an array of dates (yyyy-MM-dd)");
    }
    // a notice may reach into the neighbouring year (the 2023 notice lists 2022-12-31), not further
    LocalDate min = LocalDate.of(year - 1, 12, 1);
    LocalDate max = LocalDate.of(year + 1, 1, 31);
    List<LocalDate> out = new ArrayList<>();
    for (JsonNode n : arr) {
      LocalDate d;
      try {
        d = LocalDate.parse(n.asText());
      } catch (DateTimeParseException e) {
        throw new CalendarDataException(year + ": '" + n.asText() + "' in '" + field + "' is not a date (yyyy-MM-dd)");
      }
      if (!n.isTextual() || d.isBefore(min) || d.isAfter(max)) {
        throw new CalendarDataException(year + ": " + n + " in '" + field + "' lies outside " + min + "–" + max);
      }
      out.add(d);
    }
    return out;
  }

  /** Rejects a notice that contradicts another loaded notice about the same day. */
  public static void checkConsistent(NoticeYear candidate, Iterable<NoticeYear> others) {
    for (NoticeYear other : others) {
      if (other.year() == candidate.year()) {
        continue;
      }
      candidate.days().forEach((d, k) -> {
        DayKind theirs = other.days().get(d);
        if (theirs != null && theirs != k) {
          throw new CalendarDataException(candidate.year() + ": " + d + " is " + k + " but the " + other.year()
              + " notice lists it as " + theirs);
        }
      });
    }
  }
}
