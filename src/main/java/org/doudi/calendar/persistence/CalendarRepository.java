package org.doudi.calendar.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.doudi.calendar.DayKind;
import org.doudi.calendar.internal.NoticeYear;
import org.doudi.calendar.internal.RegionClosure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Notices, regional closures and the audit of who changed them. */
@Repository
public class CalendarRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  public CalendarRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<NoticeYear> notices() {
    Map<Integer, TreeMap<LocalDate, DayKind>> days = new LinkedHashMap<>();
    jdbc.query("SELECT notice_year, day_date, day_kind FROM cal_notice_day ORDER BY notice_year, day_date",
        rs -> {
          days.computeIfAbsent(rs.getInt(1), y -> new TreeMap<>())
              .put(rs.getObject(2, LocalDate.class), DayKind.valueOf(rs.getString(3)));
        });
    return jdbc.query("SELECT notice_year, papers FROM cal_notice ORDER BY notice_year",
        (rs, i) -> new NoticeYear(rs.getInt(1), days.getOrDefault(rs.getInt(1), new TreeMap<>()),
            readPapers(rs.getString(2))));
  }

  public List<NoticeInfo> noticeInfo() {
    return jdbc.query("""
        SELECT n.notice_year, n.papers, n.loaded_by, n.loaded_at,
               (SELECT COUNT(*) FROM cal_notice_day d WHERE d.notice_year = n.notice_year AND d.day_kind = 'HOLIDAY'),
               (SELECT COUNT(*) FROM cal_notice_day d WHERE d.notice_year = n.notice_year AND d.day_kind = 'MAKEUP_WORKDAY')
        FROM cal_notice n ORDER BY n.notice_year""",
        (rs, i) -> new NoticeInfo(rs.getInt(1), readPapers(rs.getString(2)), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getInt(6)));
  }

  /** Replaces the notice of that year (a correction replaces every listed day). */
  public void replaceNotice(NoticeYear notice, String actor, OffsetDateTime at) {
    jdbc.update("DELETE FROM cal_notice_day WHERE notice_year = ?", notice.year());
    jdbc.update("DELETE FROM cal_notice WHERE notice_year = ?", notice.year());
    jdbc.update("INSERT INTO cal_notice (notice_year, papers, loaded_by, loaded_at) VALUES (?, ?, ?, ?)",
        notice.year(), writeJson(notice.papers()), actor, at);
    List<Object[]> rows = new ArrayList<>();
    notice.days().forEach((d, k) -> rows.add(new Object[] {notice.year(), d, k.name()}));
    jdbc.batchUpdate("INSERT INTO cal_notice_day (notice_year, day_date, day_kind) VALUES (?, ?, ?)", rows);
  }

  public List<RegionClosure> closures() {
    return jdbc.query("SELECT region_code, day_date, reason FROM cal_region_closure ORDER BY day_date, region_code",
        (rs, i) -> new RegionClosure(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)));
  }

  public boolean closureExists(String regionCode, LocalDate date) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cal_region_closure WHERE region_code = ? AND day_date = ?",
        Integer.class, regionCode, date);
    return n != null && n > 0;
  }

  public void addClosure(RegionClosure closure, String actor, OffsetDateTime at) {
    jdbc.update("INSERT INTO cal_region_closure (region_code, day_date, reason, created_by, created_at) "
        + "VALUES (?, ?, ?, ?, ?)", closure.regionCode(), closure.date(), closure.reason(), actor, at);
  }

  public int removeClosure(String regionCode, LocalDate date) {
    return jdbc.update("DELETE FROM cal_region_closure WHERE region_code = ? AND day_date = ?", regionCode, date);
  }

  public void log(String action, String subject, String content, String actor, OffsetDateTime at) {
    jdbc.update("INSERT INTO cal_change_log (action, subject, content, actor, changed_at) VALUES (?, ?, ?, ?, ?)",
        action, subject, content, actor, at);
  }

  public List<ChangeLogEntry> changeLog(int limit) {
    return jdbc.query("SELECT id, action, subject, actor, changed_at FROM cal_change_log ORDER BY id DESC "
            + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
        (rs, i) -> new ChangeLogEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)));
  }

  public static String writeJson(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> readPapers(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cal_notice.papers is not a JSON array: " + json, e);
    }
  }

  public record NoticeInfo(int year, List<String> papers, String loadedBy, OffsetDateTime loadedAt,
      int holidays, int makeupWorkdays) {}

  public record ChangeLogEntry(long id, String action, String subject, String actor, OffsetDateTime changedAt) {}
}
