package org.doudi.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.audit.AuditEntry;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.engine.EngineContext;
import org.doudi.operations.Masking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/** The only SQL on audit_entry: insert (in the caller's transaction) and the auditors' search. */
@Repository
public class AuditStore {

  static final int TEXT = 4000;
  static final String SYSTEM = "system";

  private final JdbcTemplate jdbc;
  private final IdNumbers ids;

  public AuditStore(JdbcTemplate jdbc, IdNumbers ids) {
    this.jdbc = jdbc;
    this.ids = ids;
  }

  public long insert(AuditRecord r) {
    Object[] values = row(r, EngineContext.now(), Map.of());
    GeneratedKeyHolder generated = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(INSERT, new String[] {"id"});
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      return ps;
    }, generated);
    return generated.getKey().longValue();
  }

  /** One statement batch for the entries of an engine command, in their order. */
  public void insertAll(List<AuditRecord> records, List<Instant> times) {
    Map<String, String[]> inBatch = new java.util.HashMap<>();
    for (AuditRecord r : records) {
      if (r.processInstanceId() != null) {
        String[] known = inBatch.computeIfAbsent(r.processInstanceId(), k -> new String[2]);
        known[0] = known[0] != null ? known[0] : Masking.key(r.businessKey());
        known[1] = known[1] != null ? known[1] : r.regionCode();
      }
    }
    List<Object[]> rows = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      Object[] row = row(records.get(i), times.get(i), inBatch);
      if (row[4] instanceof String pid && row[6] instanceof String region) {
        regions.put(pid, region);
      }
      rows.add(row);
    }
    jdbc.batchUpdate(INSERT, rows);
  }

  /**
   * A case's region as this node last wrote it in an entry, from memory only (null when not known here). A case's
   * region is set once, at its start, and no task may change it (identity.CaseGuardedVariables), so the engine's
   * recorder can take it from here instead of loading the case's variables for a command that does not (a claim).
   */
  String rememberedRegion(String processInstanceId) {
    return regions.get(processInstanceId);
  }

  private final Map<String, String> regions = recent();

  /** The 10 000 cases used last (a case's references never change, so a node may keep them). */
  private static <V> Map<String, V> recent() {
    return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > 10_000;
      }
    });
  }

  private static final String INSERT = "INSERT INTO audit_entry (recorded_at, kind, action, actor, "
      + "process_instance_id, business_key, region_code, subject, before_value, after_value, id_hash) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private Object[] row(AuditRecord r, Instant time, Map<String, String[]> inBatch) {
    if (r.kind() == null || r.action() == null || r.action().isBlank()) {
      throw new IllegalArgumentException("an audit record needs a kind and an action");
    }
    String idHash = Optional.ofNullable(r.idNumber()).filter(IdNumbers::valid).map(String::toUpperCase)
        .or(() -> IdNumbers.firstIn(r.businessKey(), r.subject(), r.after(), r.before()))
        .map(ids::hash).orElse(null);
    Instant at = Chain.truncate(time);
    String key = Masking.key(r.businessKey());
    String region = r.regionCode();
    String pid = r.processInstanceId();
    if (pid != null && (key == null || region == null)) {
      String[] batch = inBatch.getOrDefault(pid, new String[2]);
      key = key != null ? key : batch[0];
      region = region != null ? region : batch[1];
    }
    if (pid != null && (key == null || region == null)) {
      // an engine command that did not load the case (a claim loads only the task): the case's earlier entries know
      String[] known = caseOf(pid);
      key = key != null ? key : known[0];
      region = region != null ? region : known[1];
    }
    return new Object[] {Timestamp.from(at), r.kind().name(), clip(r.action(), 80),
        clip(r.actor() != null ? r.actor() : currentActor(), 128), clip(pid, 64),
        clip(key, 255), clip(region, 12), clip(Masking.key(r.subject()), 255),
        clip(Masking.mask(Masking.key(r.before())), TEXT), clip(Masking.mask(Masking.key(r.after())), TEXT), idHash};
  }

  private final Map<String, String[]> cases = recent();

  /** Business key and region of a case from its first entries that carry them (cached once both are known). */
  private String[] caseOf(String pid) {
    String[] cached = cases.get(pid);
    if (cached != null) {
      return cached;
    }
    String key = jdbc.queryForList("SELECT business_key FROM audit_entry WHERE process_instance_id = ? AND "
        + "business_key IS NOT NULL ORDER BY id LIMIT 1", String.class, pid).stream().findFirst().orElse(null);
    String region = jdbc.queryForList("SELECT region_code FROM audit_entry WHERE process_instance_id = ? AND "
        + "region_code IS NOT NULL ORDER BY id LIMIT 1", String.class, pid).stream().findFirst().orElse(null);
    String[] found = {key, region};
    if (key != null && region != null) {
      cases.put(pid, found);
    }
    return found;
  }

  /** The engine's user, else the HTTP caller, else {@code system} (a job, the sealer, start-up). */
  static String currentActor() {
    String engineUser = EngineContext.currentUser();
    if (engineUser != null) {
      return engineUser;
    }
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken) ? a.getName() : SYSTEM;
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** Who may read which entries: everything, or entries whose region starts with one of the prefixes. */
  public record Scope(boolean all, List<String> regionPrefixes, boolean unregioned) {}

  public record Query(String caseRef, String idNumber, String user, Instant from, Instant to, AuditKind kind) {}

  public List<AuditEntry> search(Query q, Scope scope, int page, int size) {
    List<Object> args = new ArrayList<>();
    String where = where(q, scope, args);
    args.add(size);
    args.add((long) page * size);
    return jdbc.query("SELECT e.*, s.seq FROM audit_entry e LEFT JOIN audit_seal s ON s.entry_id = e.id" + where
        + " ORDER BY e.id DESC LIMIT ? OFFSET ?", ROW, args.toArray());
  }

  /** Entries of these process instances, newest first (the case overview). */
  public List<AuditEntry> ofProcessInstances(java.util.Collection<String> pids, int limit) {
    if (pids.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(pids);
    args.add(limit);
    return jdbc.query("SELECT e.*, s.seq FROM audit_entry e LEFT JOIN audit_seal s ON s.entry_id = e.id WHERE "
        + "e.process_instance_id IN (" + String.join(", ", java.util.Collections.nCopies(pids.size(), "?"))
        + ") ORDER BY e.id DESC LIMIT ?", ROW, args.toArray());
  }

  public long count(Query q, Scope scope) {
    List<Object> args = new ArrayList<>();
    String where = where(q, scope, args);
    return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry e" + where, Long.class, args.toArray());
  }

  public Optional<AuditEntry> find(long id) {
    return jdbc.query("SELECT e.*, s.seq FROM audit_entry e LEFT JOIN audit_seal s ON s.entry_id = e.id "
        + "WHERE e.id = ?", ROW, id).stream().findFirst();
  }

  private String where(Query q, Scope scope, List<Object> args) {
    StringBuilder w = new StringBuilder(" WHERE 1 = 1");
    if (q.caseRef() != null) {
      // a case by its process instance id or its business key (keys are stored masked, as the answer shows them)
      w.append(" AND (e.process_instance_id = ? OR e.business_key = ? OR e.process_instance_id IN (SELECT "
          + "k.process_instance_id FROM audit_entry k WHERE k.business_key = ? AND k.process_instance_id IS NOT NULL))");
      String key = Masking.key(q.caseRef());
      args.add(q.caseRef());
      args.add(key);
      args.add(key);
    }
    if (q.idNumber() != null) {
      // the person's own entries and every entry of the cases that concern the person
      String h = ids.hash(q.idNumber());
      w.append(" AND (e.id_hash = ? OR e.process_instance_id IN (SELECT p.process_instance_id FROM audit_entry p "
          + "WHERE p.id_hash = ? AND p.process_instance_id IS NOT NULL))");
      args.add(h);
      args.add(h);
    }
    if (q.user() != null) {
      w.append(" AND e.actor = ?");
      args.add(q.user());
    }
    if (q.from() != null) {
      w.append(" AND e.recorded_at >= ?");
      args.add(Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      w.append(" AND e.recorded_at < ?");
      args.add(Timestamp.from(q.to()));
    }
    if (q.kind() != null) {
      w.append(" AND e.kind = ?");
      args.add(q.kind().name());
    }
    if (!scope.all()) {
      List<String> parts = new ArrayList<>();
      for (String p : scope.regionPrefixes()) {
        parts.add("e.region_code LIKE ?");
        args.add(p + "%");
      }
      if (scope.unregioned()) {
        parts.add("e.region_code IS NULL");
      }
      w.append(parts.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", parts) + ")");
    }
    return w.toString();
  }

  static final RowMapper<AuditEntry> ROW = (ResultSet rs, int n) -> new AuditEntry(rs.getLong("id"),
      rs.getTimestamp("recorded_at").toInstant(), kind(rs.getString("kind")), rs.getString("action"),
      rs.getString("actor"), rs.getString("process_instance_id"), rs.getString("business_key"),
      rs.getString("region_code"), rs.getString("subject"), rs.getString("before_value"),
      rs.getString("after_value"), rs.getString("id_hash") != null, (Long) rs.getObject("seq", Long.class));

  private static AuditKind kind(String s) {
    try {
      return AuditKind.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
