package org.doudi.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.doudi.engine.RuleVersion;
import org.doudi.engine.RuleVersion.Status;
import org.doudi.engine.RuleVersionChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL on rule_approval and model_deployment(_resource), the engine module's tables (V23_1). Used inside engine
 * commands (the deployment hook, the approval's complete listener), so it joins the command's transaction.
 */
public class RuleApprovalRepository {

  private static final String COLS = "decision_definition_id, decision_key, version, deployment_id, author, "
      + "deployed_at, in_force_before, status, decided_by, decided_at, note, process_instance_id";

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  /** For reading only: writes would go unrecorded ({@link #insert} and {@link #decide} refuse). */
  public RuleApprovalRepository(JdbcTemplate jdbc) {
    this(jdbc, null);
  }

  /** For the writers: every write publishes {@link RuleVersionChanged} (the audit trail). */
  public RuleApprovalRepository(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Ids of the key's versions that do not decide (pending, rejected, superseded). */
  public Set<String> notInForce(String key) {
    return new HashSet<>(jdbc.queryForList("SELECT decision_definition_id FROM rule_approval WHERE decision_key = ?"
        + " AND status IN ('PENDING', 'REJECTED', 'SUPERSEDED')", String.class, key));
  }

  /** Whether any version of the key was ever treated as a money rule. */
  public boolean known(String key) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT COUNT(*) > 0 FROM rule_approval WHERE decision_key = ?", Boolean.class, key));
  }

  public List<RuleVersion> list(String key) {
    return jdbc.query("SELECT " + COLS + " FROM rule_approval WHERE decision_key = ? ORDER BY version", this::row,
        key);
  }

  public Optional<RuleVersion> find(String definitionId) {
    return jdbc.query("SELECT " + COLS + " FROM rule_approval WHERE decision_definition_id = ?", this::row,
        definitionId).stream().findFirst();
  }

  public Optional<RuleVersion> lock(String definitionId) {
    return jdbc.query("SELECT " + COLS + " FROM rule_approval WHERE decision_definition_id = ? FOR UPDATE",
        this::row, definitionId).stream().findFirst();
  }

  public List<RuleVersion> pending(String key) {
    return jdbc.query("SELECT " + COLS + " FROM rule_approval WHERE decision_key = ? AND status = 'PENDING'"
        + " ORDER BY version", this::row, key);
  }

  /** The deployments the application made at start-up. */
  public Set<String> applicationDeployments() {
    return new HashSet<>(jdbc.queryForList("SELECT deployment_id FROM model_deployment WHERE by_application",
        String.class));
  }

  public void insert(RuleVersion v) {
    requireEvents();
    jdbc.update("INSERT INTO rule_approval (" + COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        v.decisionDefinitionId(), v.decisionKey(), v.version(), v.deploymentId(), v.author(),
        Timestamp.from(v.deployedAt()), v.inForceBefore(), v.status().name(), v.decidedBy(),
        v.decidedAt() == null ? null : Timestamp.from(v.decidedAt()), v.note(), v.processInstanceId());
    events.publishEvent(new RuleVersionChanged(v.status().name(), v.decisionKey(), v.author(), v.processInstanceId(),
        "rule_approval " + v.decisionDefinitionId(), null, v));
  }

  public void setProcessInstance(String definitionId, String processInstanceId) {
    jdbc.update("UPDATE rule_approval SET process_instance_id = ? WHERE decision_definition_id = ?",
        processInstanceId, definitionId);
  }

  /** Closes a pending version; false when it was not pending any more. */
  public boolean decide(String definitionId, Status status, String by, Instant at, String note) {
    requireEvents();
    Optional<RuleVersion> before = find(definitionId);
    boolean decided = jdbc.update("UPDATE rule_approval SET status = ?, decided_by = ?, decided_at = ?, note = ?"
        + " WHERE decision_definition_id = ? AND status = 'PENDING'", status.name(), by,
        at == null ? null : Timestamp.from(at), note, definitionId) == 1;
    if (decided) {
      RuleVersion after = find(definitionId).orElseThrow();
      events.publishEvent(new RuleVersionChanged(status.name(), after.decisionKey(), by, after.processInstanceId(),
          "rule_approval " + definitionId, before.orElse(null), after));
    }
    return decided;
  }

  private void requireEvents() {
    if (events == null) {
      throw new IllegalStateException("rule_approval is written only by a repository that publishes its changes");
    }
  }

  public void insertDeployment(String id, String name, String source, String deployedBy, boolean byApplication,
      Instant at) {
    jdbc.update("INSERT INTO model_deployment (deployment_id, name, source, deployed_by, by_application, deployed_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", id, clip(name, 255), clip(source, 255), clip(deployedBy, 255), byApplication,
        Timestamp.from(at));
  }

  public void insertResource(String deploymentId, String name, String sha256, String definitionIds) {
    jdbc.update("INSERT INTO model_deployment_resource (deployment_id, resource_name, sha256, definition_ids)"
        + " VALUES (?, ?, ?, ?)", deploymentId, clip(name, 500), sha256, clip(definitionIds, 4000));
  }

  private RuleVersion row(ResultSet rs, int n) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new RuleVersion(rs.getString("decision_definition_id"), rs.getString("decision_key"), rs.getInt("version"),
        rs.getString("deployment_id"), rs.getString("author"), rs.getTimestamp("deployed_at").toInstant(),
        rs.getString("in_force_before"), Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(), rs.getString("note"), rs.getString("process_instance_id"));
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
