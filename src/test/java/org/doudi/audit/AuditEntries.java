package org.doudi.audit;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** For tests of other modules: the audit entries their writes left (read directly, as an auditor's search would). */
public final class AuditEntries {

  private AuditEntries() {}

  /** One entry as the test checks it. */
  public record Entry(String kind, String action, String actor, String processInstanceId, String businessKey,
      String regionCode, String subject, String before, String after) {}

  /** The entries of a subject ({@code <table> <key>}), oldest first. */
  public static List<Entry> ofSubject(JdbcTemplate jdbc, String subject) {
    return jdbc.query("SELECT kind, action, actor, process_instance_id, business_key, region_code, subject, "
        + "before_value, after_value FROM audit_entry WHERE subject = ? ORDER BY id", (rs, i) -> new Entry(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9)), subject);
  }

  /** The CHANGE entries of an action's prefix (e.g. {@code payroll.AgeStepsApplied}) newer than {@code afterId}. */
  public static List<Entry> ofAction(JdbcTemplate jdbc, String actionPrefix, long afterId) {
    return jdbc.query("SELECT kind, action, actor, process_instance_id, business_key, region_code, subject, "
        + "before_value, after_value FROM audit_entry WHERE kind = 'CHANGE' AND action LIKE ? AND id > ? ORDER BY id",
        (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), actionPrefix + "%", afterId);
  }

  /** The newest entry id (0 for none): a test's starting point. */
  public static long newest(JdbcTemplate jdbc) {
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_entry", Long.class);
    return id == null ? 0 : id;
  }

  public static Map<String, String> actions(List<Entry> entries) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    entries.forEach(e -> out.put(e.action(), e.actor()));
    return out;
  }
}
