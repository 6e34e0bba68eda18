package org.doudi.payroll.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.payment.Scheme;
import org.doudi.payroll.ExitAssessment;
import org.doudi.payroll.ExitDecision;
import org.doudi.payroll.ExitObjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** award_exit and award_exit_objection (V32_1); status changes are conditional on the status they leave. */
@Repository
public class ExitRepository {

  private static final String COLS = "id, beneficiary_key, scheme, county_code, region_code, case_ref, "
      + "change_request_id, exit_reason_code, risk_income_stability, risk_health, risk_debts, risk_dependants, "
      + "risk_note, risk_level, risk_basis, reason, decided_on, decided_by, decided_at, phase_out_months, "
      + "last_paid_month, stop_effective_from, stop_award_id, status, ended_at, notice_text, objection_deadline";
  private static final String OBJ_COLS = "id, exit_id, received_on, statement, recorded_by, recorded_at, due_date, "
      + "status, decision, decision_note, decided_by, decided_at, reinstated_award_id, process_instance_id";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;
  private final SimpleJdbcInsert insertObjection;
  private final org.springframework.context.ApplicationEventPublisher events;

  public ExitRepository(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("award_exit").usingGeneratedKeyColumns("id");
    this.insertObjection = new SimpleJdbcInsert(jdbc).withTableName("award_exit_objection")
        .usingGeneratedKeyColumns("id");
  }

  public long insert(ExitDecision d, String riskRuleId) {
    Map<String, Object> m = new HashMap<>();
    ExitAssessment a = d.assessment();
    m.put("beneficiary_key", d.beneficiaryKey());
    m.put("scheme", d.scheme().name());
    m.put("county_code", d.countyCode());
    m.put("region_code", d.regionCode());
    m.put("case_ref", d.caseRef());
    m.put("change_request_id", d.changeRequestId());
    m.put("exit_reason_code", a.exitReasonCode());
    m.put("risk_income_stability", a.riskIncomeStability());
    m.put("risk_health", a.riskHealth());
    m.put("risk_debts", a.riskDebts());
    m.put("risk_dependants", a.riskDependants());
    m.put("risk_note", a.riskNote());
    m.put("risk_level", d.riskLevel());
    m.put("risk_basis", d.riskBasis());
    m.put("risk_rule_id", riskRuleId);
    m.put("reason", d.reason());
    m.put("decided_on", Date.valueOf(d.decidedOn()));
    m.put("decided_by", d.decidedBy());
    m.put("decided_at", Timestamp.from(d.decidedAt()));
    m.put("phase_out_months", d.phaseOutMonths());
    m.put("last_paid_month", Date.valueOf(d.lastPaidMonth().atDay(1)));
    m.put("stop_effective_from", Date.valueOf(d.stopEffectiveFrom()));
    m.put("stop_award_id", d.stopAwardId());
    m.put("status", d.status().name());
    m.put("notice_text", d.notice());
    m.put("objection_deadline", Date.valueOf(d.objectionDeadline()));
    long id = insert.executeAndReturnKey(m).longValue();
    exitPublished("DECIDED", null, true, id);
    return id;
  }

  /** The audit event of a write to award_exit that happened (the row before and after). */
  private boolean exitPublished(String action, ExitDecision before, boolean changed, long id) {
    if (changed) {
      ExitDecision after = find(id).orElseThrow();
      events.publishEvent(new org.doudi.payroll.ExitChanged(action, after.beneficiaryKey(), after.countyCode(), null,
          "DECIDED".equals(action) ? after.decidedBy() : null, "award_exit " + id, before, after));
    }
    return changed;
  }

  /** The audit event of a write to award_exit_objection that happened (the row before and after). */
  private boolean objectionPublished(String action, ExitObjection before, boolean changed, long id) {
    if (changed) {
      ExitObjection after = objection(id).orElseThrow();
      ExitDecision exit = find(after.exitId()).orElseThrow();
      String actor = switch (action) {
        case "OBJECTION_RECORDED" -> after.recordedBy();
        case "OBJECTION_DECIDED" -> after.decidedBy();
        default -> null;
      };
      events.publishEvent(new org.doudi.payroll.ExitChanged(action, exit.beneficiaryKey(), exit.countyCode(),
          after.processInstanceId(), actor, "award_exit_objection " + id, before, after));
    }
    return changed;
  }

  public Optional<ExitDecision> find(long id) {
    return jdbc.query("SELECT " + COLS + " FROM award_exit WHERE id = ?", ExitRepository::map, id).stream()
        .findFirst();
  }

  public ExitDecision lock(long id) {
    return jdbc.queryForObject("SELECT " + COLS + " FROM award_exit WHERE id = ? FOR UPDATE", ExitRepository::map, id);
  }

  public Optional<ExitDecision> byStopAward(long stopAwardId) {
    return jdbc.query("SELECT " + COLS + " FROM award_exit WHERE stop_award_id = ?", ExitRepository::map,
        stopAwardId).stream().findFirst();
  }

  public List<ExitDecision> list(String beneficiaryKey, Scheme scheme) {
    return jdbc.query("SELECT " + COLS + " FROM award_exit WHERE beneficiary_key = ? AND scheme = ? ORDER BY id",
        ExitRepository::map, beneficiaryKey, scheme.name());
  }

  /** Phase-outs whose STOP is in force on {@code day}: their award has ended. */
  public List<ExitDecision> phaseOutsEndedBy(LocalDate day) {
    return jdbc.query("SELECT " + COLS + " FROM award_exit WHERE status = 'PHASING_OUT' AND stop_effective_from <= ? "
        + "ORDER BY id", ExitRepository::map, Date.valueOf(day));
  }

  public boolean markEnded(long id, Instant at) {
    ExitDecision before = find(id).orElse(null);
    return exitPublished("ENDED", before, jdbc.update(
        "UPDATE award_exit SET status = 'ENDED', ended_at = ? WHERE id = ? AND status = 'PHASING_OUT'",
        Timestamp.from(at), id) == 1, id);
  }

  public boolean markReinstated(long id) {
    ExitDecision before = find(id).orElse(null);
    return exitPublished("REINSTATED", before, jdbc.update(
        "UPDATE award_exit SET status = 'REINSTATED' WHERE id = ? AND status <> 'REINSTATED'", id) == 1, id);
  }

  // objections

  public long insertObjection(long exitId, LocalDate receivedOn, String statement, String recordedBy, Instant at,
      LocalDate due) {
    Map<String, Object> m = new HashMap<>();
    m.put("exit_id", exitId);
    m.put("received_on", Date.valueOf(receivedOn));
    m.put("statement", statement);
    m.put("recorded_by", recordedBy);
    m.put("recorded_at", Timestamp.from(at));
    m.put("due_date", Date.valueOf(due));
    m.put("status", "OPEN");
    return insertObjection.executeAndReturnKey(m).longValue();
  }

  /** Links the objection's process; the objection's audit entry is written here, with the process to find it by. */
  public void setObjectionProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE award_exit_objection SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    objectionPublished("OBJECTION_RECORDED", null, true, id);
  }

  public Optional<ExitObjection> objection(long id) {
    return jdbc.query("SELECT " + OBJ_COLS + " FROM award_exit_objection WHERE id = ?", ExitRepository::mapObjection,
        id).stream().findFirst();
  }

  public Optional<ExitObjection> objectionOf(long exitId) {
    return jdbc.query("SELECT " + OBJ_COLS + " FROM award_exit_objection WHERE exit_id = ?",
        ExitRepository::mapObjection, exitId).stream().findFirst();
  }

  public ExitObjection lockObjection(long id) {
    return jdbc.queryForObject("SELECT " + OBJ_COLS + " FROM award_exit_objection WHERE id = ? FOR UPDATE",
        ExitRepository::mapObjection, id);
  }

  /** The approver's decision on an open, undecided objection; false if it was decided already. */
  public boolean recordObjectionDecision(long id, String decision, String note, String by, Instant at) {
    ExitObjection before = objection(id).orElse(null);
    return objectionPublished("OBJECTION_DECIDED", before, jdbc.update("UPDATE award_exit_objection SET decision = ?, decision_note = ?, decided_by = ?, "
        + "decided_at = ? WHERE id = ? AND status = 'OPEN' AND decision IS NULL", decision, note, by,
        Timestamp.from(at), id) == 1, id);
  }

  /** The recorded decision applied: UPHELD (with the reinstating award row) or REJECTED. */
  public boolean closeObjection(long id, String status, Long reinstatedAwardId) {
    ExitObjection before = objection(id).orElse(null);
    return objectionPublished("OBJECTION_CLOSED", before, jdbc.update(
        "UPDATE award_exit_objection SET status = ?, reinstated_award_id = ? WHERE id = ? "
        + "AND status = 'OPEN' AND decision IS NOT NULL", status, reinstatedAwardId, id) == 1, id);
  }

  static ExitDecision map(ResultSet rs, int i) throws SQLException {
    int dep = rs.getInt("risk_dependants");
    Integer dependants = rs.wasNull() ? null : dep;
    long cr = rs.getLong("change_request_id");
    Long changeRequest = rs.wasNull() ? null : cr;
    Timestamp ended = rs.getTimestamp("ended_at");
    return new ExitDecision(rs.getLong("id"), rs.getString("beneficiary_key"), Scheme.valueOf(rs.getString("scheme")),
        rs.getString("county_code"), rs.getString("region_code"), rs.getString("case_ref"), changeRequest,
        new ExitAssessment(rs.getString("exit_reason_code"), rs.getString("risk_income_stability"),
            rs.getString("risk_health"), rs.getString("risk_debts"), dependants, rs.getString("risk_note")),
        rs.getString("risk_level"), rs.getString("risk_basis"), rs.getString("reason"),
        rs.getDate("decided_on").toLocalDate(), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant(),
        rs.getInt("phase_out_months"), YearMonth.from(rs.getDate("last_paid_month").toLocalDate()),
        rs.getDate("stop_effective_from").toLocalDate(), rs.getLong("stop_award_id"),
        ExitDecision.Status.valueOf(rs.getString("status")), ended == null ? null : ended.toInstant(),
        rs.getString("notice_text"), rs.getDate("objection_deadline").toLocalDate());
  }

  static ExitObjection mapObjection(ResultSet rs, int i) throws SQLException {
    long r = rs.getLong("reinstated_award_id");
    Long reinstated = rs.wasNull() ? null : r;
    Timestamp decided = rs.getTimestamp("decided_at");
    return new ExitObjection(rs.getLong("id"), rs.getLong("exit_id"), rs.getDate("received_on").toLocalDate(),
        rs.getString("statement"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
        rs.getDate("due_date").toLocalDate(), rs.getString("status"), rs.getString("decision"),
        rs.getString("decision_note"),
        rs.getString("decided_by"), decided == null ? null : decided.toInstant(), reinstated,
        rs.getString("process_instance_id"));
  }
}
