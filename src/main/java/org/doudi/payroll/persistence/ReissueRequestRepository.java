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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * payroll_reissue_request (V21_1): the correction of a returned payment, entered by one person and approved by
 * another before the re-issue. Status changes are conditional on the status they leave, so a decision or a re-issue
 * is recorded once even when two transactions try.
 */
@Repository
public class ReissueRequestRepository {

  /** One correction: REQUESTED 待审批, APPROVED 已同意并补发, REJECTED 退回（或撤回）. */
  public record ReissueRequest(long id, long returnedLedgerId, String beneficiaryKey, Scheme scheme,
      String countyCode, String bankName, String accountNumber, String reason, String requestedBy,
      Instant requestedAt, String status, String decision, String decidedBy, Instant decidedAt, String decisionNote,
      Long reissuedLedgerId, Long awardId, String processInstanceId) {}

  private static final String COLS = "id, returned_ledger_id, beneficiary_key, scheme, county_code, new_bank_name, "
      + "new_account_number, reason, requested_by, requested_at, status, decision, decided_by, decided_at, "
      + "decision_note, reissued_ledger_id, award_id, process_instance_id";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;
  private final org.springframework.context.ApplicationEventPublisher events;

  public ReissueRequestRepository(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("payroll_reissue_request").usingGeneratedKeyColumns("id");
  }

  /** An open correction; a second open one of the same returned payment fails at the unique key. */
  public long insert(long returnedLedgerId, String beneficiaryKey, Scheme scheme, String countyCode, String bankName,
      String accountNumber, String reason, String requestedBy, Instant at, String processInstanceId) {
    Map<String, Object> m = new HashMap<>();
    m.put("returned_ledger_id", returnedLedgerId);
    m.put("beneficiary_key", beneficiaryKey);
    m.put("scheme", scheme.name());
    m.put("county_code", countyCode);
    m.put("new_bank_name", bankName);
    m.put("new_account_number", accountNumber);
    m.put("reason", reason);
    m.put("requested_by", requestedBy);
    m.put("requested_at", Timestamp.from(at));
    m.put("status", "REQUESTED");
    m.put("open_slot", 1);
    m.put("process_instance_id", processInstanceId);
    long id = insert.executeAndReturnKey(m).longValue();
    published("REQUESTED", null, true, id);
    return id;
  }

  /** The audit event of a write that happened (the row before and after). */
  private boolean published(String action, ReissueRequest before, boolean changed, long id) {
    if (changed) {
      ReissueRequest after = find(id).orElseThrow();
      String actor = switch (action) {
        case "REQUESTED" -> after.requestedBy();
        case "APPROVED", "REJECTED" -> after.decidedBy();
        default -> null;
      };
      events.publishEvent(new org.doudi.payroll.ReissueRequestChanged(action, id, after.beneficiaryKey(),
          after.countyCode(), after.processInstanceId(), actor, "payroll_reissue_request " + id, before, after));
    }
    return changed;
  }

  public Optional<ReissueRequest> find(long id) {
    return jdbc.query("SELECT " + COLS + " FROM payroll_reissue_request WHERE id = ?", ReissueRequestRepository::map,
        id).stream().findFirst();
  }

  /** The request, its row locked until the transaction ends: the one place a decision is taken and applied from. */
  public ReissueRequest lock(long id) {
    return jdbc.queryForObject("SELECT " + COLS + " FROM payroll_reissue_request WHERE id = ? FOR UPDATE",
        ReissueRequestRepository::map, id);
  }

  /** Every correction of a returned payment, oldest first. */
  public List<ReissueRequest> ofReturned(long returnedLedgerId) {
    return jdbc.query("SELECT " + COLS + " FROM payroll_reissue_request WHERE returned_ledger_id = ? ORDER BY id",
        ReissueRequestRepository::map, returnedLedgerId);
  }

  /** An approval on an open, undecided request (applied by the re-issue step); false if decided already. */
  public boolean recordApproval(long id, String by, Instant at, String note) {
    ReissueRequest before = find(id).orElse(null);
    return published("APPROVED", before, jdbc.update("UPDATE payroll_reissue_request SET decision = 'APPROVE', decided_by = ?, decided_at = ?, "
        + "decision_note = ? WHERE id = ? AND status = 'REQUESTED' AND decision IS NULL", by, Timestamp.from(at), note,
        id) == 1, id);
  }

  /** A rejection closes the request at once: nothing is to be applied. */
  public boolean recordRejection(long id, String by, Instant at, String note) {
    ReissueRequest before = find(id).orElse(null);
    return published("REJECTED", before, jdbc.update("UPDATE payroll_reissue_request SET decision = 'REJECT', decided_by = ?, decided_at = ?, "
        + "decision_note = ?, status = 'REJECTED', open_slot = NULL WHERE id = ? AND status = 'REQUESTED' "
        + "AND decision IS NULL", by, Timestamp.from(at), note, id) == 1, id);
  }

  public boolean markApproved(long id, long reissuedLedgerId, Long awardId) {
    ReissueRequest before = find(id).orElse(null);
    return published("APPLIED", before, jdbc.update("UPDATE payroll_reissue_request SET status = 'APPROVED', open_slot = NULL, "
        + "reissued_ledger_id = ?, award_id = ? WHERE id = ? AND status = 'REQUESTED' AND decision = 'APPROVE'",
        reissuedLedgerId, awardId, id) == 1, id);
  }

  static ReissueRequest map(ResultSet rs, int i) throws SQLException {
    long reissued = rs.getLong("reissued_ledger_id");
    Long reissuedId = rs.wasNull() ? null : reissued;
    long award = rs.getLong("award_id");
    Long awardId = rs.wasNull() ? null : award;
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new ReissueRequest(rs.getLong("id"), rs.getLong("returned_ledger_id"), rs.getString("beneficiary_key"),
        Scheme.valueOf(rs.getString("scheme")), rs.getString("county_code"), rs.getString("new_bank_name"),
        rs.getString("new_account_number"), rs.getString("reason"), rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(), rs.getString("status"), rs.getString("decision"),
        rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_note"),
        reissuedId, awardId, rs.getString("process_instance_id"));
  }
}
