package org.doudi.tekun.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * tekun_change and tekun_change_record (V40_1): the cases that change or end a 特困 person's support and their
 * written records. Status changes are conditional on OPEN; records are written once per case and kind.
 */
@Repository
public class TekunChangeRepository {

  /** One case. {@code kind}: REASSESSMENT, TERMINATION, AGE_REVIEW, DEATH. */
  public record Change(long id, long tekunPersonId, String kind, String ground, String reviewKey, String status,
      String processInstanceId, LocalDate reportedOn, LocalDate dueOn, String facts, String fromLevel, String toLevel,
      String impossibleItems, BigDecimal newCareAmount, BigDecimal newBasicAmount, String riskIncomeStability,
      String riskHealth, String riskDebts, Integer riskDependants, LocalDate noticeEndsOn, String objection,
      LocalDate decidedOn, String decidedBy, String lastSupportedMonth, String createdBy) {}

  /** One written record of a case. */
  public record Record(String kind, String text, String recordedBy, Instant recordedAt) {}

  private static final String COLS = "id, tekun_person_id, kind, ground, review_key, status, process_instance_id, "
      + "reported_on, due_on, facts, from_level, to_level, impossible_items, new_care_amount, new_basic_amount, "
      + "risk_income_stability, risk_health, risk_debts, risk_dependants, notice_ends_on, objection, decided_on, "
      + "decided_by, last_supported_month, created_by";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;

  public TekunChangeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("tekun_change").usingGeneratedKeyColumns("id");
  }

  /**
   * Inserts an OPEN case; a second open case of the same kind for the person (or a second age review with the same
   * key) fails with a duplicate key.
   */
  public long open(long personId, String kind, String ground, String reviewKey, LocalDate reportedOn, String facts,
      String fromLevel, String by, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("tekun_person_id", personId);
    m.put("kind", kind);
    m.put("ground", ground);
    m.put("review_key", reviewKey);
    m.put("status", "OPEN");
    m.put("open_slot", 1);
    m.put("reported_on", Date.valueOf(reportedOn));
    m.put("facts", facts);
    m.put("from_level", fromLevel);
    m.put("created_by", by);
    m.put("created_at", Timestamp.from(at));
    m.put("updated_at", Timestamp.from(at));
    return insert.executeAndReturnKey(m).longValue();
  }

  public Optional<Change> find(long id) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_change WHERE id = ?", TekunChangeRepository::map, id).stream()
        .findFirst();
  }

  /** The case row locked for the rest of the transaction (a retried job and a concurrent click wait here). */
  public Change lock(long id) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_change WHERE id = ? FOR UPDATE", TekunChangeRepository::map, id)
        .stream().findFirst().orElseThrow();
  }

  public Optional<Change> openOf(long personId, String kind) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_change WHERE tekun_person_id = ? AND kind = ? AND open_slot = 1",
        TekunChangeRepository::map, personId, kind).stream().findFirst();
  }

  public List<Change> ofPerson(long personId) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_change WHERE tekun_person_id = ? ORDER BY id",
        TekunChangeRepository::map, personId);
  }

  public void attachProcess(long id, String processInstanceId, LocalDate dueOn) {
    jdbc.update("UPDATE tekun_change SET process_instance_id = ?, due_on = ? WHERE id = ?", processInstanceId,
        dueOn == null ? null : Date.valueOf(dueOn), id);
  }

  /** The township's six-item re-assessment. */
  public void setAssessment(long id, String toLevel, String impossibleItems, String facts, Instant at) {
    jdbc.update("UPDATE tekun_change SET to_level = ?, impossible_items = ?, facts = ?, updated_at = ? WHERE id = ? "
        + "AND status = 'OPEN'", toLevel, impossibleItems, facts, Timestamp.from(at), id);
  }

  public void setAmounts(long id, BigDecimal basic, BigDecimal care, Instant at) {
    jdbc.update("UPDATE tekun_change SET new_basic_amount = ?, new_care_amount = ?, updated_at = ? WHERE id = ?",
        basic, care, Timestamp.from(at), id);
  }

  /** The township's proposal: the ground, the facts found and the relapse-risk assessment (返贫风险评估). */
  public void setProposal(long id, String ground, String facts, String income, String health, String debts,
      Integer dependants, Instant at) {
    jdbc.update("UPDATE tekun_change SET ground = ?, facts = ?, risk_income_stability = ?, risk_health = ?, "
        + "risk_debts = ?, risk_dependants = ?, updated_at = ? WHERE id = ? AND status = 'OPEN'", ground, facts,
        income, health, debts, dependants, Timestamp.from(at), id);
  }

  public void setNotice(long id, LocalDate endsOn, Instant at) {
    jdbc.update("UPDATE tekun_change SET notice_ends_on = ?, updated_at = ? WHERE id = ?", Date.valueOf(endsOn),
        Timestamp.from(at), id);
  }

  public void setObjection(long id, String objection, Instant at) {
    jdbc.update("UPDATE tekun_change SET objection = ?, updated_at = ? WHERE id = ?", objection, Timestamp.from(at),
        id);
  }

  public void setDecision(long id, LocalDate decidedOn, String decidedBy, Instant at) {
    jdbc.update("UPDATE tekun_change SET decided_on = ?, decided_by = ?, updated_at = ? WHERE id = ?",
        Date.valueOf(decidedOn), decidedBy, Timestamp.from(at), id);
  }

  /** Closes an OPEN case with its outcome; false when it was closed already. */
  public boolean close(long id, String status, String lastSupportedMonth, Instant at) {
    return jdbc.update("UPDATE tekun_change SET status = ?, open_slot = NULL, last_supported_month = COALESCE(?, "
        + "last_supported_month), updated_at = ? WHERE id = ? AND status = 'OPEN'", status, lastSupportedMonth,
        Timestamp.from(at), id) == 1;
  }

  /** Writes the record once (a retried step writes nothing twice); true when written now. */
  public boolean record(long changeId, String kind, String text, String by, Instant at) {
    return jdbc.update("INSERT INTO tekun_change_record (change_id, kind, text, recorded_by, recorded_at) SELECT ?, ?, "
        + "?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM tekun_change_record WHERE change_id = ? AND kind = ?)", changeId,
        kind, text.length() > 4000 ? text.substring(0, 4000) : text, by, Timestamp.from(at), changeId, kind) == 1;
  }

  public List<Record> records(long changeId) {
    return jdbc.query("SELECT kind, text, recorded_by, recorded_at FROM tekun_change_record WHERE change_id = ? "
        + "ORDER BY id", (rs, i) -> new Record(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getTimestamp(4).toInstant()), changeId);
  }

  /**
   * Supported persons due an age review, oldest birthday first, at most {@code limit}: minors whose 18th birthday is
   * on or before {@code until} without an AT18 review, and persons past 18 at school whose yearly re-check
   * ({@code yearlyKey}) is due (their birthday's day of the year on or before {@code until}) and not yet opened.
   */
  public List<Long> dueAgeReviews(LocalDate until, String yearlyKey, int limit) {
    LocalDate born18By = until.minusYears(18);
    return jdbc.queryForList("SELECT p.id FROM tekun_person p WHERE p.status = 'SUPPORTED' AND ("
        + "(p.birth_date > ? AND p.birth_date <= ? AND " + SUPPORTED_AS_MINOR + " AND NOT EXISTS (SELECT 1 FROM tekun_change c WHERE "
        + "c.tekun_person_id = p.id AND c.kind = 'AGE_REVIEW' AND c.review_key = 'AT18')) "
        + "OR (p.birth_date <= ? AND p.in_school = TRUE AND EXISTS (SELECT 1 FROM tekun_change c WHERE "
        + "c.tekun_person_id = p.id AND c.kind = 'AGE_REVIEW' AND c.status = 'CONTINUED' AND c.decided_on <= ?) "
        + "AND NOT EXISTS (SELECT 1 FROM tekun_change c WHERE c.tekun_person_id = p.id AND c.kind = 'AGE_REVIEW' "
        + "AND (c.review_key = ? OR c.open_slot = 1)))) "
        + "ORDER BY p.birth_date, p.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", Long.class,
        Date.valueOf(born18By.minusYears(1)), Date.valueOf(born18By), Date.valueOf(until.minusYears(18)),
        Date.valueOf(until.minusYears(1)), yearlyKey);
  }

  /** Support began no later than the month of the 18th birthday (a person recognised as an adult has no review). */
  private static final String SUPPORTED_AS_MINOR = "(EXTRACT(YEAR FROM p.birth_date) + 18) * 100 "
      + "+ EXTRACT(MONTH FROM p.birth_date) >= CAST(SUBSTRING(p.support_from, 1, 4) AS INTEGER) * 100 "
      + "+ CAST(SUBSTRING(p.support_from, 6, 2) AS INTEGER)";

  private static Change map(ResultSet rs, int row) throws SQLException {
    int dependants = rs.getInt("risk_dependants");
    Integer dep = rs.wasNull() ? null : dependants;
    return new Change(rs.getLong("id"), rs.getLong("tekun_person_id"), rs.getString("kind"), rs.getString("ground"),
        rs.getString("review_key"), rs.getString("status"), rs.getString("process_instance_id"),
        day(rs, "reported_on"), day(rs, "due_on"), rs.getString("facts"), rs.getString("from_level"),
        rs.getString("to_level"), rs.getString("impossible_items"), rs.getBigDecimal("new_care_amount"),
        rs.getBigDecimal("new_basic_amount"), rs.getString("risk_income_stability"), rs.getString("risk_health"),
        rs.getString("risk_debts"), dep, day(rs, "notice_ends_on"), rs.getString("objection"),
        day(rs, "decided_on"), rs.getString("decided_by"), rs.getString("last_supported_month"),
        rs.getString("created_by"));
  }

  private static LocalDate day(ResultSet rs, String col) throws SQLException {
    Date d = rs.getDate(col);
    return d == null ? null : d.toLocalDate();
  }
}
