package org.doudi.review.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.doudi.review.ChangeKind;
import org.doudi.review.ReportedChange;
import org.doudi.review.ReviewCase;
import org.doudi.review.ReviewClass;
import org.doudi.review.ReviewSchedule;
import org.doudi.review.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** review_schedule, review_case and review_change (V31_1); only this module writes them. */
@Repository
public class ReviewRepository {

  private static final String SCHEDULE = "SELECT beneficiary_key, scheme, county_code, region_code, review_class,"
      + " class_basis, next_review_on, last_reviewed_on, last_compared_on, open_case_id, active FROM review_schedule";
  private static final String CASE = "SELECT * FROM review_case";
  private static final String CHANGE = "SELECT * FROM review_change";

  private final JdbcTemplate jdbc;

  public ReviewRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- schedule

  /** Creates the schedule or, when it exists, sets its place, class and next date and makes it active again. */
  public void enrol(String key, String scheme, String county, String region, ReviewClass c, String basis,
      LocalDate next, Instant now) {
    int n = jdbc.update("UPDATE review_schedule SET county_code = ?, region_code = ?, review_class = ?,"
        + " class_basis = ?, next_review_on = ?, active = TRUE, updated_at = ? WHERE beneficiary_key = ? AND scheme = ?",
        county, region, c.name(), clip(basis, 500), Date.valueOf(next), ts(now), key, scheme);
    if (n == 0) {
      jdbc.update("INSERT INTO review_schedule (beneficiary_key, scheme, county_code, region_code, review_class,"
          + " class_basis, next_review_on, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)", key, scheme,
          county, region, c.name(), clip(basis, 500), Date.valueOf(next), ts(now));
    }
  }

  /** Bulk enrolment (benchmark and migration of existing awards): rows that exist are left as they are. */
  public void enrolAll(List<Object[]> rows) {
    jdbc.batchUpdate("INSERT INTO review_schedule (beneficiary_key, scheme, county_code, region_code, review_class,"
        + " class_basis, next_review_on, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)", rows);
  }

  /** The keys among {@code keys} that have a schedule of the scheme. */
  public java.util.Set<String> scheduled(java.util.Collection<String> keys, String scheme) {
    if (keys.isEmpty()) {
      return java.util.Set.of();
    }
    List<Object> args = new java.util.ArrayList<>(keys);
    args.add(scheme);
    return new java.util.HashSet<>(jdbc.queryForList("SELECT beneficiary_key FROM review_schedule WHERE beneficiary_key"
        + " IN (" + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ") AND scheme = ?",
        String.class, args.toArray()));
  }

  public void move(String key, String scheme, String county, String region, Instant now) {
    jdbc.update("UPDATE review_schedule SET county_code = ?, region_code = ?, updated_at = ? WHERE beneficiary_key = ?"
        + " AND scheme = ?", county, region, ts(now), key, scheme);
  }

  public void deactivate(String key, String scheme, Instant now) {
    jdbc.update("UPDATE review_schedule SET active = FALSE, updated_at = ? WHERE beneficiary_key = ? AND scheme = ?",
        ts(now), key, scheme);
  }

  public Optional<ReviewSchedule> schedule(String key, String scheme) {
    return jdbc.query(SCHEDULE + " WHERE beneficiary_key = ? AND scheme = ?", SCHEDULE_ROW, key, scheme).stream()
        .findFirst();
  }

  public Optional<ReviewSchedule> lockSchedule(String key, String scheme) {
    return jdbc.query(SCHEDULE + " WHERE beneficiary_key = ? AND scheme = ? FOR UPDATE", SCHEDULE_ROW, key, scheme)
        .stream().findFirst();
  }

  /**
   * Up to {@code limit} active schedules due by {@code until} without an open review, locked until the caller's
   * transaction ends: a second run waits and then no longer finds them (they have an open case by then).
   */
  public List<ReviewSchedule> lockDue(LocalDate until, int limit) {
    return jdbc.query(SCHEDULE + " WHERE active = TRUE AND open_case_id IS NULL AND next_review_on <= ?"
        + " ORDER BY next_review_on, beneficiary_key FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE", SCHEDULE_ROW,
        Date.valueOf(until));
  }

  /** Up to {@code limit} active schedules without an open review not compared since before {@code today}, locked. */
  public List<ReviewSchedule> lockToCompare(LocalDate today, int limit) {
    return jdbc.query(SCHEDULE + " WHERE active = TRUE AND open_case_id IS NULL AND (last_compared_on IS NULL OR"
        + " last_compared_on < ?) ORDER BY last_compared_on NULLS FIRST, beneficiary_key FETCH FIRST " + limit
        + " ROWS ONLY FOR UPDATE", SCHEDULE_ROW, Date.valueOf(today));
  }

  public void setOpenCase(String key, String scheme, Long caseId, Instant now) {
    jdbc.update("UPDATE review_schedule SET open_case_id = ?, updated_at = ? WHERE beneficiary_key = ? AND scheme = ?",
        caseId, ts(now), key, scheme);
  }

  public void compared(String key, String scheme, LocalDate on) {
    jdbc.update("UPDATE review_schedule SET last_compared_on = ? WHERE beneficiary_key = ? AND scheme = ?",
        Date.valueOf(on), key, scheme);
  }

  /** After a review: the new class and date, no open case. */
  public void reviewed(String key, String scheme, ReviewClass c, String basis, LocalDate next, LocalDate reviewedOn,
      Instant now) {
    jdbc.update("UPDATE review_schedule SET review_class = ?, class_basis = ?, next_review_on = ?,"
        + " last_reviewed_on = ?, open_case_id = NULL, updated_at = ? WHERE beneficiary_key = ? AND scheme = ?",
        c.name(), clip(basis, 500), Date.valueOf(next), Date.valueOf(reviewedOn), ts(now), key, scheme);
  }

  public long countDue(LocalDate until) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM review_schedule WHERE active = TRUE AND open_case_id IS NULL"
        + " AND next_review_on <= ?", Long.class, Date.valueOf(until));
    return n == null ? 0 : n;
  }

  // ---------------------------------------------------------------- cases

  public long insertCase(String key, String scheme, String county, String region, Trigger trigger, String detail,
      String scheduledKey, LocalDate dueOn, String openedBy, Instant now) {
    KeyHolder k = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO review_case (beneficiary_key, scheme, county_code,"
          + " region_code, trigger_kind, trigger_detail, scheduled_key, due_on, opened_at, opened_by, status)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')", new String[] {"id"});
      ps.setString(1, key);
      ps.setString(2, scheme);
      ps.setString(3, county);
      ps.setString(4, region);
      ps.setString(5, trigger.name());
      ps.setString(6, clip(detail, 1000));
      ps.setString(7, scheduledKey);
      ps.setDate(8, Date.valueOf(dueOn));
      ps.setTimestamp(9, ts(now));
      ps.setString(10, openedBy);
      return ps;
    }, k);
    return k.getKey().longValue();
  }

  public void setProcessInstance(long id, String pid) {
    jdbc.update("UPDATE review_case SET process_instance_id = ? WHERE id = ?", pid, id);
  }

  public void pullDue(long id, LocalDate dueOn, String detail) {
    jdbc.update("UPDATE review_case SET due_on = ?, trigger_detail = ? WHERE id = ? AND due_on > ?",
        Date.valueOf(dueOn), clip(detail, 1000), id, Date.valueOf(dueOn));
  }

  public Optional<ReviewCase> findCase(long id) {
    return jdbc.query(CASE + " WHERE id = ?", CASE_ROW, id).stream().findFirst();
  }

  public Optional<ReviewCase> lockCase(long id) {
    return jdbc.query(CASE + " WHERE id = ? FOR UPDATE", CASE_ROW, id).stream().findFirst();
  }

  public Optional<ReviewCase> openCase(String key, String scheme) {
    return jdbc.query(CASE + " WHERE beneficiary_key = ? AND scheme = ? AND status = 'OPEN' ORDER BY id", CASE_ROW,
        key, scheme).stream().findFirst();
  }

  public List<ReviewCase> cases(String key, String scheme) {
    return jdbc.query(CASE + " WHERE beneficiary_key = ? AND scheme = ? ORDER BY id", CASE_ROW, key, scheme);
  }

  public Optional<String> checkJson(long id) {
    return jdbc.query("SELECT check_json FROM review_case WHERE id = ? AND check_json IS NOT NULL",
        (rs, i) -> rs.getString(1), id).stream().findFirst();
  }

  public Optional<String> assessmentJson(long id) {
    return jdbc.query("SELECT assessment_json FROM review_case WHERE id = ? AND assessment_json IS NOT NULL",
        (rs, i) -> rs.getString(1), id).stream().findFirst();
  }

  public void recordCheck(long id, String reference, boolean passed, String json, boolean changesFound) {
    jdbc.update("UPDATE review_case SET check_reference = ?, check_passed = ?, check_json = ?, changes_found = ?"
        + " WHERE id = ?", reference, passed, json, changesFound, id);
  }

  public void recordAssessment(long id, String outcome, BigDecimal amount, int members, String json) {
    jdbc.update("UPDATE review_case SET assessed_outcome = ?, assessed_amount = ?, assessed_members = ?,"
        + " assessment_json = ? WHERE id = ?", outcome, amount, members, json, id);
  }

  /** The township's proposal; the risk fields only for STOP (null otherwise). */
  public void recordProposal(long id, String outcome, String reasons, String by, Instant at, String exitReason,
      String income, String health, String debts, Integer dependants, String note) {
    jdbc.update("UPDATE review_case SET proposed_outcome = ?, proposal_reasons = ?, proposed_by = ?, proposed_at = ?,"
        + " exit_reason_code = ?, risk_income_stability = ?, risk_health = ?, risk_debts = ?, risk_dependants = ?,"
        + " risk_note = ?, confirmed_by = NULL, confirmed_at = NULL WHERE id = ?", outcome, clip(reasons, 2000), by,
        ts(at), exitReason, income, health, debts, dependants, clip(note, 1000), id);
  }

  /** The relapse-risk assessment the township proposed with a STOP (the exit reason and the risk fields). */
  public org.doudi.payroll.ExitAssessment exitAssessment(long id) {
    return jdbc.queryForObject("SELECT exit_reason_code, risk_income_stability, risk_health, risk_debts,"
        + " risk_dependants, risk_note FROM review_case WHERE id = ?", (rs, n) -> new org.doudi.payroll.ExitAssessment(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            (Integer) rs.getObject(5, Integer.class), rs.getString(6)), id);
  }

  public void recordConfirmation(long id, String by, Instant at) {
    jdbc.update("UPDATE review_case SET confirmed_by = ?, confirmed_at = ? WHERE id = ?", by, ts(at), id);
  }

  public void recordApplied(long id, String outcome, Long awardId) {
    jdbc.update("UPDATE review_case SET outcome = ?, applied_award_id = ? WHERE id = ?", outcome, awardId, id);
  }

  public void close(long id, String nextClass, LocalDate nextOn, Instant at) {
    jdbc.update("UPDATE review_case SET status = 'CLOSED', next_class = ?, next_review_on = ?, closed_at = ?"
        + " WHERE id = ?", nextClass, nextOn == null ? null : Date.valueOf(nextOn), ts(at), id);
  }

  // ---------------------------------------------------------------- changes

  public long insertChange(String key, String scheme, ChangeKind kind, String source, String detail,
      String memberId, String memberName, String memberRelation, LocalDate occurredOn, LocalDate learnedOn,
      LocalDate dueBy, boolean late, String findingKey, String by, Instant now) {
    KeyHolder k = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO review_change (beneficiary_key, scheme, kind, source,"
          + " detail, member_id_number, member_name, member_relation, occurred_on, learned_on, due_by, late_report,"
          + " finding_key, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      ps.setString(1, key);
      ps.setString(2, scheme);
      ps.setString(3, kind.name());
      ps.setString(4, source);
      ps.setString(5, clip(detail, 1000));
      ps.setString(6, memberId);
      ps.setString(7, memberName);
      ps.setString(8, memberRelation);
      ps.setDate(9, occurredOn == null ? null : Date.valueOf(occurredOn));
      ps.setDate(10, Date.valueOf(learnedOn));
      ps.setDate(11, dueBy == null ? null : Date.valueOf(dueBy));
      ps.setBoolean(12, late);
      ps.setString(13, findingKey);
      ps.setString(14, by);
      ps.setTimestamp(15, ts(now));
      return ps;
    }, k);
    return k.getKey().longValue();
  }

  public boolean findingKnown(String key, String scheme, String findingKey) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM review_change WHERE beneficiary_key = ? AND scheme = ?"
        + " AND finding_key = ?", Integer.class, key, scheme, findingKey);
    return n != null && n > 0;
  }

  public void attach(long changeId, long caseId) {
    jdbc.update("UPDATE review_change SET review_case_id = ? WHERE id = ?", caseId, changeId);
  }

  public void setChangeRequest(long changeId, long requestId) {
    jdbc.update("UPDATE review_change SET change_request_id = ? WHERE id = ?", requestId, changeId);
  }

  public List<ReportedChange> changes(String key, String scheme) {
    return jdbc.query(CHANGE + " WHERE beneficiary_key = ? AND scheme = ? ORDER BY id", CHANGE_ROW, key, scheme);
  }

  public List<ReportedChange> changesOfCase(long caseId) {
    return jdbc.query(CHANGE + " WHERE review_case_id = ? ORDER BY id", CHANGE_ROW, caseId);
  }

  // ---------------------------------------------------------------- mapping

  private static final RowMapper<ReviewSchedule> SCHEDULE_ROW = (rs, i) -> new ReviewSchedule(
      rs.getString("beneficiary_key"), rs.getString("scheme"), rs.getString("county_code"),
      rs.getString("region_code"), ReviewClass.valueOf(rs.getString("review_class")), rs.getString("class_basis"),
      date(rs, "next_review_on"), date(rs, "last_reviewed_on"), date(rs, "last_compared_on"),
      (Long) rs.getObject("open_case_id", Long.class), rs.getBoolean("active"));

  private static final RowMapper<ReviewCase> CASE_ROW = (rs, i) -> new ReviewCase(rs.getLong("id"),
      rs.getString("beneficiary_key"), rs.getString("scheme"), rs.getString("county_code"),
      rs.getString("region_code"), Trigger.valueOf(rs.getString("trigger_kind")), rs.getString("trigger_detail"),
      date(rs, "due_on"), instant(rs, "opened_at"), rs.getString("opened_by"), rs.getString("process_instance_id"),
      rs.getString("status"), (Boolean) rs.getObject("check_passed", Boolean.class),
      (Boolean) rs.getObject("changes_found", Boolean.class), rs.getString("assessed_outcome"),
      rs.getBigDecimal("assessed_amount"), (Integer) rs.getObject("assessed_members", Integer.class),
      rs.getString("proposed_outcome"), rs.getString("proposal_reasons"), rs.getString("proposed_by"),
      rs.getString("exit_reason_code"), rs.getString("confirmed_by"), rs.getString("outcome"),
      (Long) rs.getObject("applied_award_id", Long.class), rs.getString("next_class"), date(rs, "next_review_on"),
      instant(rs, "closed_at"));

  private static final RowMapper<ReportedChange> CHANGE_ROW = (rs, i) -> new ReportedChange(rs.getLong("id"),
      rs.getString("beneficiary_key"), ChangeKind.valueOf(rs.getString("kind")), rs.getString("source"),
      rs.getString("detail"), rs.getString("member_id_number"), rs.getString("member_name"),
      rs.getString("member_relation"), date(rs, "occurred_on"), date(rs, "learned_on"), date(rs, "due_by"),
      rs.getBoolean("late_report"), (Long) rs.getObject("review_case_id", Long.class),
      (Long) rs.getObject("change_request_id", Long.class), rs.getString("recorded_by"),
      instant(rs, "recorded_at"));

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

}
