package org.doudi.payroll.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardChange;
import org.doudi.payroll.AwardChangeRequest;
import org.doudi.payroll.AwardChangeRequest.Status;
import org.doudi.payroll.AwardChangeRequestChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * award_change_request (V16_1, TRANSFER's columns V20_1). Status changes are conditional on the status they leave, so a decision or an
 * application happens once even when two transactions try. Every status change publishes
 * {@link AwardChangeRequestChanged} with the row before and after (the audit trail); the request itself is published
 * by {@code AwardChanges} once its approval process exists.
 */
@Repository
public class AwardChangeRepository {

  private static final String COLS = "id, beneficiary_key, scheme, kind, county_code, based_on_award_id, "
      + "new_monthly_amount, new_member_count, new_bank_name, new_account_number, new_county_code, new_region_code, "
      + "case_ref, reason, requested_by, "
      + "requested_at, status, decision, decided_by, decided_at, decision_note, applied_award_id, process_instance_id";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;
  private final ApplicationEventPublisher events;

  public AwardChangeRepository(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("award_change_request").usingGeneratedKeyColumns("id");
  }

  /** Inserts an open request; a second open one of the beneficiary and scheme fails at the unique key. */
  public long insert(String beneficiaryKey, Scheme scheme, AwardChange c, String countyCode, long basedOnAwardId,
      String caseRef, String reason, String requestedBy, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("beneficiary_key", beneficiaryKey);
    m.put("scheme", scheme.name());
    m.put("kind", c.kind().name());
    m.put("county_code", countyCode);
    m.put("based_on_award_id", basedOnAwardId);
    m.put("new_monthly_amount", c.monthlyAmount());
    m.put("new_member_count", c.memberCount());
    m.put("new_bank_name", c.bankName());
    m.put("new_account_number", c.accountNumber());
    m.put("new_county_code", c.countyCode());
    m.put("new_region_code", c.regionCode());
    m.put("case_ref", caseRef);
    m.put("reason", reason);
    m.put("requested_by", requestedBy);
    m.put("requested_at", Timestamp.from(at));
    m.put("status", Status.REQUESTED.name());
    m.put("open_slot", 1);
    return insert.executeAndReturnKey(m).longValue();
  }

  /** The exit assessment of a STOP request (V32_1). */
  public void setExitAssessment(long id, org.doudi.payroll.ExitAssessment a) {
    jdbc.update("UPDATE award_change_request SET exit_reason_code = ?, risk_income_stability = ?, risk_health = ?, "
        + "risk_debts = ?, risk_dependants = ?, risk_note = ? WHERE id = ?", a.exitReasonCode(),
        a.riskIncomeStability(), a.riskHealth(), a.riskDebts(), a.riskDependants(), a.riskNote(), id);
  }

  public Optional<org.doudi.payroll.ExitAssessment> exitAssessment(long id) {
    return jdbc.query("SELECT exit_reason_code, risk_income_stability, risk_health, risk_debts, risk_dependants, "
        + "risk_note FROM award_change_request WHERE id = ? AND exit_reason_code IS NOT NULL", (rs, i) -> {
          int d = rs.getInt("risk_dependants");
          Integer dependants = rs.wasNull() ? null : d;
          return new org.doudi.payroll.ExitAssessment(rs.getString("exit_reason_code"),
              rs.getString("risk_income_stability"), rs.getString("risk_health"), rs.getString("risk_debts"),
              dependants, rs.getString("risk_note"));
        }, id).stream().findFirst();
  }

  public void setProcessInstance(long id, String processInstanceId) {
    jdbc.update("UPDATE award_change_request SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  public Optional<AwardChangeRequest> find(long id) {
    return jdbc.query("SELECT " + COLS + " FROM award_change_request WHERE id = ?", AwardChangeRepository::map, id)
        .stream().findFirst();
  }

  /** The request, its row locked until the transaction ends: the one place a decision is applied from. */
  public AwardChangeRequest lock(long id) {
    return jdbc.queryForObject("SELECT " + COLS + " FROM award_change_request WHERE id = ? FOR UPDATE",
        AwardChangeRepository::map, id);
  }

  public Optional<AwardChangeRequest> open(String beneficiaryKey, Scheme scheme) {
    return jdbc.query("SELECT " + COLS + " FROM award_change_request WHERE beneficiary_key = ? AND scheme = ? "
        + "AND status = 'REQUESTED'", AwardChangeRepository::map, beneficiaryKey, scheme.name()).stream().findFirst();
  }

  public List<AwardChangeRequest> list(String beneficiaryKey, Scheme scheme) {
    return jdbc.query("SELECT " + COLS + " FROM award_change_request WHERE beneficiary_key = ? AND scheme = ? "
        + "ORDER BY id", AwardChangeRepository::map, beneficiaryKey, scheme.name());
  }

  /** The second person's decision on an open, undecided request; false if it was decided already. */
  public boolean recordDecision(long id, String decision, String by, Instant at, String note) {
    Optional<AwardChangeRequest> before = find(id);
    return published("DECIDED", before, jdbc.update(
        "UPDATE award_change_request SET decision = ?, decided_by = ?, decided_at = ?, "
        + "decision_note = ? WHERE id = ? AND status = 'REQUESTED' AND decision IS NULL", decision, by,
        Timestamp.from(at), note, id) == 1);
  }

  public boolean markApproved(long id, long appliedAwardId) {
    Optional<AwardChangeRequest> before = find(id);
    return published("APPLIED", before, jdbc.update(
        "UPDATE award_change_request SET status = 'APPROVED', open_slot = NULL, applied_award_id = ? "
        + "WHERE id = ? AND status = 'REQUESTED' AND decision = 'APPROVE'", appliedAwardId, id) == 1);
  }

  /** Closes a decided request without a change; {@code note} replaces the decision note when given. */
  public boolean markRejected(long id, String note) {
    Optional<AwardChangeRequest> before = find(id);
    return published("REJECTED", before, jdbc.update(
        "UPDATE award_change_request SET status = 'REJECTED', open_slot = NULL, "
        + "decision_note = COALESCE(?, decision_note) WHERE id = ? AND status = 'REQUESTED' AND decision IS NOT NULL",
        note, id) == 1);
  }

  /** The audit event of a status change that happened (the row before and after). */
  private boolean published(String action, Optional<AwardChangeRequest> before, boolean changed) {
    if (changed) {
      events.publishEvent(AwardChangeRequestChanged.of(action, before.orElse(null),
          find(before.orElseThrow().id()).orElseThrow()));
    }
    return changed;
  }

  static AwardChangeRequest map(ResultSet rs, int i) throws SQLException {
    int m = rs.getInt("new_member_count");
    Integer members = rs.wasNull() ? null : m;
    long applied = rs.getLong("applied_award_id");
    Long appliedId = rs.wasNull() ? null : applied;
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new AwardChangeRequest(rs.getLong("id"), rs.getString("beneficiary_key"),
        Scheme.valueOf(rs.getString("scheme")),
        new AwardChange(AwardChange.Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("new_monthly_amount"),
            members, rs.getString("new_bank_name"), rs.getString("new_account_number"),
            rs.getString("new_county_code"), rs.getString("new_region_code")),
        rs.getString("county_code"), rs.getLong("based_on_award_id"), rs.getString("case_ref"),
        rs.getString("reason"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
        Status.valueOf(rs.getString("status")), rs.getString("decision"), rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_note"), appliedId,
        rs.getString("process_instance_id"));
  }
}
