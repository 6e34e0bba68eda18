package org.doudi.calendar.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doudi.calendar.DeadlineKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read path of the deadline monitor over {@code cal_deadline}: open legal clocks (OPEN, kind DUE or TIMER) of a
 * region, filtered and in due order, and their counts per township by band. Every condition is on a column of the
 * partial indexes of V43_2, so a page is a short index range scan at a million open rows (docs/benchmarks/supervision.md).
 */
@Repository
public class OpenDeadlineQuery {

  private final JdbcTemplate jdbc;

  public OpenDeadlineQuery(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Region scope and filters; {@code regions == null} means every row. Codes are padded (220100, 220102001). */
  public record Criteria(List<String> regions, String scheme, String processKey, String countyCode,
      String townshipCode) {}

  /**
   * Where the colour bands split: {@code now} (before it: overdue) and the due-soon cut (up to it: due soon), later
   * for the rows under a region whose closures push its cut ({@code regionCuts}: normalised code prefix → cut).
   */
  public record Cuts(Instant now, Instant soonCut, Map<String, Instant> regionCuts) {}

  public enum Band { OVERDUE, DUE_SOON, ON_TIME }

  public record Row(long id, String processInstanceId, String executionId, String activityId, DeadlineKind kind,
      String processDefinitionId, String processKey, String scheme, String regionCode, String countyCode,
      String townshipCode, Instant dueAt, boolean calendarDays, boolean provisional) {}

  public record TownshipCount(String countyCode, String townshipCode, long overdue, long dueSoon, long total) {}

  public List<Row> page(Criteria c, Band band, Cuts cuts, boolean descending, int offset, int limit) {
    Sql sql = where(c, band, cuts);
    String dir = descending ? " DESC" : "";
    return jdbc.query("SELECT id, process_instance_id, execution_id, activity_id, deadline_kind, "
            + "process_definition_id, process_key, scheme, region_code, county_code, township_code, due_at, day_basis, "
            + "provisional FROM cal_deadline WHERE " + sql.text + " ORDER BY due_at" + dir + ", id" + dir
            + " OFFSET " + offset + " ROWS FETCH FIRST " + limit + " ROWS ONLY",
        OpenDeadlineQuery::row, sql.args.toArray());
  }

  public long count(Criteria c, Band band, Cuts cuts) {
    Sql sql = where(c, band, cuts);
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM cal_deadline WHERE " + sql.text, Long.class,
        sql.args.toArray());
    return n == null ? 0 : n;
  }

  /** The open legal clocks (DUE and TIMER) of the given cases, in due order; at most 500 ids per call. */
  public List<Row> ofProcessInstances(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    if (processInstanceIds.size() > 500) {
      throw new IllegalArgumentException("at most 500 process instances per call");
    }
    String marks = String.join(", ", java.util.Collections.nCopies(processInstanceIds.size(), "?"));
    return jdbc.query("SELECT id, process_instance_id, execution_id, activity_id, deadline_kind, "
            + "process_definition_id, process_key, scheme, region_code, county_code, township_code, due_at, day_basis, "
            + "provisional FROM cal_deadline WHERE status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER') "
            + "AND process_instance_id IN (" + marks + ") ORDER BY due_at, id",
        OpenDeadlineQuery::row, processInstanceIds.toArray());
  }

  /** Counts per county and township: overdue, due soon and all open clocks (on time = the rest). */
  public List<TownshipCount> countsByTownship(Criteria c, Cuts cuts) {
    Sql sql = where(c, null, cuts);
    Sql soon = soon(cuts);
    List<Object> args = new ArrayList<>();
    args.add(DeadlineRepository.utc(cuts.now()));
    args.add(DeadlineRepository.utc(cuts.now()));
    args.addAll(soon.args);
    args.addAll(sql.args);
    return jdbc.query("SELECT county_code, township_code, "
            + "SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN due_at >= ? AND (" + soon.text + ") THEN 1 ELSE 0 END), COUNT(*) "
            + "FROM cal_deadline WHERE " + sql.text + " GROUP BY county_code, township_code",
        (rs, i) -> new TownshipCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
        args.toArray());
  }

  private static Sql where(Criteria c, Band band, Cuts cuts) {
    Sql sql = new Sql("status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER')");
    if (c.regions() != null) {
      if (c.regions().isEmpty()) {
        sql.and("1 = 0");
      } else {
        List<String> terms = new ArrayList<>();
        for (String r : c.regions()) {
          terms.add(regionTerm(r, sql.args));
        }
        sql.and(terms.size() == 1 ? terms.get(0) : "(" + String.join(" OR ", terms) + ")");
      }
    }
    if (c.scheme() != null) {
      sql.and("scheme = ?", c.scheme());
    }
    if (c.processKey() != null) {
      sql.and("process_key = ?", c.processKey());
    }
    if (c.countyCode() != null) {
      sql.and("county_code = ?", c.countyCode());
    }
    if (c.townshipCode() != null) {
      sql.and("township_code = ?", c.townshipCode());
    }
    if (band == Band.OVERDUE) {
      sql.and("due_at < ?", DeadlineRepository.utc(cuts.now()));
    } else if (band != null) {
      sql.and("due_at >= ?", DeadlineRepository.utc(cuts.now()));
      Sql soon = soon(cuts);
      sql.and((band == Band.DUE_SOON ? "(" : "NOT (") + soon.text + ")");
      sql.args.addAll(soon.args);
    }
    return sql;
  }

  /**
   * Due soon: at or before the national cut, or under a region with closures and at or before its cut. A deeper
   * region's closures include those above it, so the OR yields the cut of the deepest matching region.
   */
  private static Sql soon(Cuts cuts) {
    Sql s = new Sql("due_at <= ?");
    s.args.add(DeadlineRepository.utc(cuts.soonCut()));
    cuts.regionCuts().forEach((prefix, cut) -> {
      s.text += " OR (COALESCE(region_code, '') LIKE ? AND due_at <= ?)";
      s.args.add(prefix + "%");
      s.args.add(DeadlineRepository.utc(cut));
    });
    return s;
  }

  /** One region of the scope as an equality or range on an indexed code column. */
  private static String regionTerm(String code, List<Object> args) {
    switch (code.length()) {
      case 6 -> {
        if (code.endsWith("0000")) {
          args.add(code.substring(0, 2));
          args.add(code.substring(0, 2) + "~");
          return "(city_code >= ? AND city_code < ?)";
        }
        if (code.endsWith("00")) {
          args.add(code);
          return "city_code = ?";
        }
        args.add(code);
        return "county_code = ?";
      }
      case 9 -> {
        args.add(code);
        return "township_code = ?";
      }
      case 12 -> {
        args.add(code);
        return "region_code = ?";
      }
      default -> throw new IllegalArgumentException("region code " + code);
    }
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        DeadlineKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getString(10), rs.getString(11), DeadlineRepository.instant(rs, 12), "CALENDAR".equals(rs.getString(13)),
        rs.getBoolean(14));
  }

  private static final class Sql {
    String text;
    final List<Object> args = new ArrayList<>();

    Sql(String text) {
      this.text = text;
    }

    void and(String condition, Object... values) {
      text += " AND " + condition;
      args.addAll(List.of(values));
    }
  }
}
