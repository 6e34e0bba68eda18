package org.doudi.temporary.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The 临时救助 evidence tables (V8_1__temporary.sql). Every write joins the caller's (engine) transaction. */
@Repository
public class TemporaryRepository {

  private static final Set<String> TABLES = Set.of("temporary_case", "temporary_paperwork", "temporary_instalment",
      "temporary_decision", "temporary_case_event", "temporary_holiday_batch", "temporary_objection");

  private final JdbcTemplate jdbc;

  public TemporaryRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record NewCase(String processInstanceId, String kind, String reportChannel, String regionCode,
      String countyCode, String recipientName, String recipientIdNumber, String recipientPhone, String hukouPlace,
      String causeKind, String cause, BigDecimal amount, boolean exceptional, String status, Instant reportedAt,
      String reportedBy) {}

  public void insertCase(NewCase c) {
    jdbc.update("INSERT INTO temporary_case (process_instance_id, kind, report_channel, region_code, county_code, "
            + "recipient_name, recipient_id_number, recipient_phone, hukou_place, cause_kind, cause, amount, exceptional, "
            + "status, reported_at, reported_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        c.processInstanceId(), c.kind(), c.reportChannel(), c.regionCode(), c.countyCode(), c.recipientName(),
        c.recipientIdNumber(), c.recipientPhone(), c.hukouPlace(), c.causeKind(), c.cause(), c.amount(),
        c.exceptional(), c.status(), ts(c.reportedAt()), c.reportedBy());
  }

  public void setStatus(String pid, String status) {
    jdbc.update("UPDATE temporary_case SET status = ? WHERE process_instance_id = ?", status, pid);
  }

  public void setAuthority(String pid, String authority) {
    jdbc.update("UPDATE temporary_case SET authority = ? WHERE process_instance_id = ?", authority, pid);
  }

  public void markPaid(String pid, Instant at) {
    jdbc.update("UPDATE temporary_case SET status = 'PAID', paid_at = ? WHERE process_instance_id = ?", ts(at), pid);
  }

  public void markEased(String pid, Instant at) {
    jdbc.update("UPDATE temporary_case SET status = 'PAPERWORK', eased_at = ? WHERE process_instance_id = ?",
        ts(at), pid);
  }

  public void setPaperworkDue(String pid, Instant due) {
    jdbc.update("UPDATE temporary_case SET paperwork_due = ? WHERE process_instance_id = ?", ts(due), pid);
  }

  public void markReminded(String pid, Instant at) {
    jdbc.update("UPDATE temporary_case SET reminded_at = ? WHERE process_instance_id = ?", ts(at), pid);
  }

  public void markEscalated(String pid, Instant at) {
    jdbc.update("UPDATE temporary_case SET escalated_at = ? WHERE process_instance_id = ?", ts(at), pid);
  }

  public void close(String pid, String status, Instant at) {
    jdbc.update("UPDATE temporary_case SET status = ?, closed_at = ? WHERE process_instance_id = ?", status, ts(at),
        pid);
  }

  public record Paperwork(boolean recipientRegistered, String cause, BigDecimal amountConfirmed, String handlerName,
      boolean handlerSigned, String reviewerName, boolean reviewerSigned, boolean townshipStamped,
      boolean receiptSigned, String note) {}

  public void insertPaperwork(String pid, Paperwork p, Instant at, String by) {
    jdbc.update("INSERT INTO temporary_paperwork (process_instance_id, recipient_registered, cause, amount_confirmed, "
            + "handler_name, handler_signed, reviewer_name, reviewer_signed, township_stamped, receipt_signed, note, "
            + "completed_at, completed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", pid, p.recipientRegistered(),
        p.cause(), p.amountConfirmed(), p.handlerName(), p.handlerSigned(), p.reviewerName(), p.reviewerSigned(),
        p.townshipStamped(), p.receiptSigned(), p.note(), ts(at), by);
  }

  public record Decision(String decision, String authority, BigDecimal totalAmount, Integer instalmentCount,
      Integer intervalMonths, String reasons, LocalDate discussionDate, String discussionParticipants,
      String discussionMinutes, String basis) {}

  public void insertDecision(String pid, Decision d, Instant at, String by) {
    jdbc.update("INSERT INTO temporary_decision (process_instance_id, decision, authority, total_amount, "
            + "instalment_count, interval_months, reasons, discussion_date, discussion_participants, discussion_minutes, "
            + "basis, decided_at, decided_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", pid, d.decision(), d.authority(),
        d.totalAmount(), d.instalmentCount(), d.intervalMonths(), d.reasons(),
        d.discussionDate() == null ? null : java.sql.Date.valueOf(d.discussionDate()), d.discussionParticipants(),
        d.discussionMinutes(), d.basis(), ts(at), by);
  }

  public record Instalment(int seq, LocalDate dueDate, BigDecimal amount, String status, Long ledgerId) {}

  public void insertInstalments(String pid, List<Instalment> schedule) {
    for (Instalment i : schedule) {
      jdbc.update("INSERT INTO temporary_instalment (process_instance_id, seq, due_date, amount, status) "
          + "VALUES (?,?,?,?,'PLANNED')", pid, i.seq(), java.sql.Date.valueOf(i.dueDate()), i.amount());
    }
  }

  public List<Instalment> instalments(String pid) {
    return jdbc.query("SELECT seq, due_date, amount, status, ledger_id FROM temporary_instalment "
            + "WHERE process_instance_id = ? ORDER BY seq",
        (rs, n) -> new Instalment(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), rs.getString(4),
            rs.getObject(5) == null ? null : rs.getLong(5)), pid);
  }

  /** PLANNED → PAID; returns the rows changed (0 when already paid or stopped). */
  public int markInstalmentPaid(String pid, int seq, long ledgerId, Instant at) {
    return jdbc.update("UPDATE temporary_instalment SET status = 'PAID', ledger_id = ?, paid_at = ? "
        + "WHERE process_instance_id = ? AND seq = ? AND status = 'PLANNED'", ledgerId, ts(at), pid, seq);
  }

  /** Every PLANNED instalment → STOPPED; returns how many. */
  public int stopPlanned(String pid, Instant at) {
    return jdbc.update("UPDATE temporary_instalment SET status = 'STOPPED', stopped_at = ? "
        + "WHERE process_instance_id = ? AND status = 'PLANNED'", ts(at), pid);
  }

  public void event(String pid, String kind, String note, Instant at, String by) {
    jdbc.update("INSERT INTO temporary_case_event (process_instance_id, kind, note, created_at, created_by) "
        + "VALUES (?,?,?,?,?)", pid, kind, note, ts(at), by);
  }

  /** An objection to the 公示 (V68_1): the round is the 公示 it was raised against. */
  public record Objection(int noticeRound, String objectorName, String objectorPhone, String content, String source,
      Instant filedAt, String filedBy) {}

  public void insertObjection(String pid, Objection o) {
    jdbc.update("INSERT INTO temporary_objection (process_instance_id, notice_round, objector_name, objector_phone, "
            + "content, source, filed_at, filed_by) VALUES (?,?,?,?,?,?,?,?)", pid, o.noticeRound(), o.objectorName(),
        o.objectorPhone(), o.content(), o.source(), ts(o.filedAt()), o.filedBy());
  }

  public List<Objection> objections(String pid) {
    return jdbc.query("SELECT notice_round, objector_name, objector_phone, content, source, filed_at, filed_by "
            + "FROM temporary_objection WHERE process_instance_id = ? ORDER BY notice_round",
        (rs, n) -> new Objection(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant(), rs.getString(7)), pid);
  }

  /** A recorded 审核确认 of a case: APPROVE or REJECT, the total granted, its instalments, the reasons. */
  public record DecisionRow(String decision, Instant decidedAt, BigDecimal totalAmount, Integer instalments,
      String reasons) {}

  public List<DecisionRow> decisions(String pid) {
    return jdbc.query("SELECT decision, decided_at, total_amount, instalment_count, reasons FROM temporary_decision "
        + "WHERE process_instance_id = ? ORDER BY decided_at, id", (rs, n) -> new DecisionRow(rs.getString(1),
        rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3), (Integer) rs.getObject(4), rs.getString(5)), pid);
  }

  /** Whether a decision (审核确认, either way) has been recorded for the case. */
  public boolean decided(String pid) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM temporary_decision WHERE process_instance_id = ?",
        Integer.class, pid);
    return n != null && n > 0;
  }

  public long insertBatch(String pid, String scheme, int year, String regionCode, BigDecimal amount, String basis,
      String by, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO temporary_holiday_batch (process_instance_id, scheme, subsidy_year, "
          + "region_code, amount, amount_basis, started_by, started_at) VALUES (?,?,?,?,?,?,?,?)", new String[] {"id"});
      ps.setString(1, pid);
      ps.setString(2, scheme);
      ps.setInt(3, year);
      ps.setString(4, regionCode);
      ps.setBigDecimal(5, amount);
      ps.setString(6, basis);
      ps.setString(7, by);
      ps.setTimestamp(8, ts(at));
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  public void finishBatch(long id, int recipients, int created, int skipped, BigDecimal total, Instant at) {
    jdbc.update("UPDATE temporary_holiday_batch SET recipients = ?, created_rows = ?, skipped_rows = ?, "
        + "total_created = ?, finished_at = ? WHERE id = ?", recipients, created, skipped, total, ts(at), id);
  }

  /** Open 补齐手续 (paperwork not completed, emergency eased), oldest deadline first. */
  public List<Map<String, Object>> unfinishedPaperwork() {
    return jdbc.queryForList("SELECT c.process_instance_id, c.region_code, c.county_code, c.recipient_name, "
        + "c.cause, c.amount, c.paid_at, c.eased_at, c.paperwork_due, c.reminded_at, c.escalated_at "
        + "FROM temporary_case c WHERE c.kind = 'EMERGENCY' AND c.status = 'PAPERWORK' AND c.closed_at IS NULL "
        + "ORDER BY c.paperwork_due, c.id");
  }

  public Map<String, Object> caseRow(String pid) {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM temporary_case WHERE process_instance_id = ?",
        pid);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** For tests and support: every row of one of our tables for a case. */
  public List<Map<String, Object>> rows(String table, String pid) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("not a temporary table: " + table);
    }
    return jdbc.queryForList("SELECT * FROM " + table + " WHERE process_instance_id = ? ORDER BY id", pid);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
