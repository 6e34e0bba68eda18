package org.doudi.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.doudi.audit.Findings.Decision;
import org.doudi.audit.Findings.Finding;
import org.doudi.audit.Findings.NewDecision;
import org.doudi.audit.Findings.NewFinding;
import org.doudi.audit.Findings.Outcome;
import org.doudi.engine.EngineContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL on audit_finding, audit_finding_entry, audit_finding_decision (insert-only). */
@Repository
public class FindingStore {

  private final JdbcTemplate jdbc;

  public FindingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Long> entriesOfCase(String pid, List<Long> ids) {
    String in = String.join(",", ids.stream().map(i -> "?").toList());
    List<Object> args = new ArrayList<>();
    args.add(pid);
    args.addAll(ids);
    return jdbc.queryForList("SELECT id FROM audit_entry WHERE process_instance_id = ? AND id IN (" + in + ")",
        Long.class, args.toArray());
  }

  public Optional<String> regionOfCase(String pid) {
    return jdbc.queryForList("SELECT region_code FROM audit_entry WHERE process_instance_id = ? AND region_code IS "
        + "NOT NULL ORDER BY id LIMIT 1", String.class, pid).stream().findFirst();
  }

  public Optional<String> businessKeyOfCase(String pid) {
    return jdbc.queryForList("SELECT business_key FROM audit_entry WHERE process_instance_id = ? AND business_key "
        + "IS NOT NULL ORDER BY id LIMIT 1", String.class, pid).stream().findFirst();
  }

  public long insert(NewFinding f, List<Long> entryIds, String businessKey, String region, String by) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Timestamp now = Timestamp.from(Chain.truncate(EngineContext.now()));
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO audit_finding (process_instance_id, business_key, "
          + "region_code, error_text, cause, subjective, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      ps.setString(1, f.processInstanceId());
      ps.setString(2, businessKey);
      ps.setString(3, region);
      ps.setString(4, f.error());
      ps.setString(5, f.cause());
      ps.setBoolean(6, f.subjective());
      ps.setString(7, by);
      ps.setTimestamp(8, now);
      return ps;
    }, key);
    long id = key.getKey().longValue();
    jdbc.batchUpdate("INSERT INTO audit_finding_entry (finding_id, entry_id) VALUES (?, ?)",
        entryIds.stream().map(e -> new Object[] {id, e}).toList());
    return id;
  }

  public void decide(long id, NewDecision d, String by) {
    jdbc.update("INSERT INTO audit_finding_decision (finding_id, decision, subjective, correction, reason, decided_by, "
        + "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, d.decision().name(), d.subjective(), d.correction(),
        d.reason(), by, Timestamp.from(Chain.truncate(EngineContext.now())));
  }

  public Optional<Finding> find(long id) {
    return query(" WHERE f.id = ?", List.of(id), 1).stream().findFirst();
  }

  public List<Finding> list(List<String> prefixes, int limit) {
    if (prefixes == null) {
      return query("", List.of(), limit);
    }
    if (prefixes.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (String p : prefixes) {
      parts.add("f.region_code LIKE ?");
      args.add(p + "%");
    }
    return query(" WHERE " + String.join(" OR ", parts), args, limit);
  }

  private List<Finding> query(String where, List<Object> args, int limit) {
    return jdbc.query("SELECT f.*, d.decision, d.subjective AS d_subjective, d.correction, d.reason, d.decided_by, "
        + "d.decided_at FROM audit_finding f LEFT JOIN audit_finding_decision d ON d.finding_id = f.id" + where
        + " ORDER BY f.id DESC LIMIT " + limit, (rs, n) -> row(rs), args.toArray());
  }

  private Finding row(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    String decision = rs.getString("decision");
    Decision d = decision == null ? null : new Decision(Outcome.valueOf(decision), Outcome.valueOf(decision).label(),
        rs.getBoolean("d_subjective"), rs.getString("correction"), rs.getString("reason"), rs.getString("decided_by"),
        rs.getTimestamp("decided_at").toInstant());
    List<Long> entries = jdbc.queryForList("SELECT entry_id FROM audit_finding_entry WHERE finding_id = ? ORDER BY "
        + "entry_id", Long.class, id);
    return new Finding(id, rs.getString("process_instance_id"), rs.getString("business_key"),
        rs.getString("region_code"), rs.getString("error_text"), rs.getString("cause"), rs.getBoolean("subjective"),
        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), entries, d);
  }
}
