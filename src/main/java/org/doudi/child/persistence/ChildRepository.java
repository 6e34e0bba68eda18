package org.doudi.child.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The child_* tables (V41_1__child.sql); called inside the engine's or the request's transaction. */
@Repository
public class ChildRepository {

  /** Statuses after which an application is closed (its open slot freed). */
  public static final List<String> CLOSED = List.of("INELIGIBLE", "REJECTED", "GRANTED");

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert applications;
  private final SimpleJdbcInsert records;
  private final SimpleJdbcInsert standards;
  private final SimpleJdbcInsert reviews;

  public ChildRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.applications = new SimpleJdbcInsert(jdbc).withTableName("child_application").usingGeneratedKeyColumns("id");
    this.records = new SimpleJdbcInsert(jdbc).withTableName("child_record").usingGeneratedKeyColumns("id");
    this.standards = new SimpleJdbcInsert(jdbc).withTableName("child_standard").usingGeneratedKeyColumns("id");
    this.reviews = new SimpleJdbcInsert(jdbc).withTableName("child_review").usingGeneratedKeyColumns("id");
  }

  /** An application as stored. */
  public record Stored(long id, String childName, String idNumber, LocalDate birthDate, String countyCode,
      String regionCode, String urbanRural, String fatherSituation, String motherSituation, String category,
      String careMode, String guardianName, String guardianIdNumber, String guardianRelation, String guardianPhone,
      String bankName, String accountNumber, String status, BigDecimal monthlyAmount, String amountBasis,
      String processInstanceId, String note, String registeredBy, OffsetDateTime registeredAt) {}

  public long insert(Stored a, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("child_name", a.childName());
    m.put("id_number", a.idNumber());
    m.put("birth_date", Date.valueOf(a.birthDate()));
    m.put("county_code", a.countyCode());
    m.put("region_code", a.regionCode());
    m.put("urban_rural", a.urbanRural());
    m.put("father_situation", a.fatherSituation());
    m.put("mother_situation", a.motherSituation());
    m.put("care_mode", a.careMode());
    m.put("guardian_name", a.guardianName());
    m.put("guardian_id_number", a.guardianIdNumber());
    m.put("guardian_relation", a.guardianRelation());
    m.put("guardian_phone", a.guardianPhone());
    m.put("bank_name", a.bankName());
    m.put("account_number", a.accountNumber());
    m.put("status", "REGISTERED");
    m.put("open_slot", 1);
    m.put("note", a.note());
    m.put("registered_by", a.registeredBy());
    m.put("registered_at", Timestamp.from(now));
    m.put("updated_at", Timestamp.from(now));
    return applications.executeAndReturnKey(m).longValue();
  }

  public Optional<Stored> find(long id) {
    return jdbc.query("SELECT * FROM child_application WHERE id = ?", ChildRepository::map, id).stream().findFirst();
  }

  /** The child's open application, if any. */
  public Optional<Stored> open(String idNumber) {
    return jdbc.query("SELECT * FROM child_application WHERE id_number = ? AND open_slot = 1", ChildRepository::map,
        idNumber).stream().findFirst();
  }

  public void attachProcess(long id, String pid) {
    jdbc.update("UPDATE child_application SET process_instance_id = ? WHERE id = ?", pid, id);
  }

  /** A new status; a closed one frees the open slot. */
  public void setStatus(long id, String status, Instant now) {
    jdbc.update("UPDATE child_application SET status = ?, open_slot = ?, updated_at = ? WHERE id = ?", status,
        CLOSED.contains(status) ? null : 1, Timestamp.from(now), id);
  }

  public void setCategory(long id, String category, Instant now) {
    jdbc.update("UPDATE child_application SET category = ?, updated_at = ? WHERE id = ?", category,
        Timestamp.from(now), id);
  }

  public void setCareMode(long id, String careMode, Instant now) {
    jdbc.update("UPDATE child_application SET care_mode = ?, updated_at = ? WHERE id = ?", careMode,
        Timestamp.from(now), id);
  }

  public void setAmount(long id, BigDecimal amount, String basis, Instant now) {
    jdbc.update("UPDATE child_application SET monthly_amount = ?, amount_basis = ?, updated_at = ? WHERE id = ?",
        amount, basis, Timestamp.from(now), id);
  }

  public void insertRecord(long applicationId, String kind, String content, BigDecimal amount, String by,
      Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("application_id", applicationId);
    m.put("kind", kind);
    m.put("content", content.length() > 4000 ? content.substring(0, 3999) + "…" : content);
    m.put("amount", amount);
    m.put("created_by", by);
    m.put("created_at", Timestamp.from(now));
    records.execute(m);
  }

  public List<Map<String, Object>> records(long applicationId) {
    return jdbc.queryForList("SELECT kind, content, amount, created_by, created_at FROM child_record "
        + "WHERE application_id = ? ORDER BY id", applicationId);
  }

  public boolean hasRecord(long applicationId, String kind) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM child_record WHERE application_id = ? AND kind = ?",
        Integer.class, applicationId, kind);
    return n != null && n > 0;
  }

  // standards

  /** A standard row. */
  public record StandardRow(long id, String countyCode, String careMode, BigDecimal monthlyAmount,
      LocalDate effectiveFrom, boolean sample, String sourceNote, String createdBy) {}

  public long insertStandard(StandardRow s, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("county_code", s.countyCode());
    m.put("care_mode", s.careMode());
    m.put("monthly_amount", s.monthlyAmount());
    m.put("effective_from", Date.valueOf(s.effectiveFrom()));
    m.put("sample", s.sample());
    m.put("source_note", s.sourceNote());
    m.put("created_by", s.createdBy());
    m.put("created_at", Timestamp.from(now));
    return standards.executeAndReturnKey(m).longValue();
  }

  /** The standard in force on {@code day}: the latest row not after it. */
  public Optional<StandardRow> standardOn(String countyCode, String careMode, LocalDate day) {
    return jdbc.query("SELECT * FROM child_standard WHERE county_code = ? AND care_mode = ? AND effective_from <= ? "
        + "ORDER BY effective_from DESC FETCH FIRST 1 ROWS ONLY", ChildRepository::standard, countyCode, careMode,
        Date.valueOf(day)).stream().findFirst();
  }

  public List<StandardRow> standards(String countyCode) {
    return jdbc.query("SELECT * FROM child_standard WHERE county_code = ? ORDER BY care_mode, effective_from",
        ChildRepository::standard, countyCode);
  }

  // supports and reviews

  /** A granted support and its review clock. */
  public record Support(long applicationId, String idNumber, String childName, String countyCode, String regionCode,
      String holderKey, LocalDate adultOn, LocalDate nextReviewOn, Long openReviewId, String status) {}

  public void insertSupport(Support s) {
    jdbc.update("INSERT INTO child_support (application_id, id_number, child_name, county_code, region_code, "
        + "holder_key, adult_on, next_review_on, status, active_slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 1)",
        s.applicationId(), s.idNumber(), s.childName(), s.countyCode(), s.regionCode(), s.holderKey(),
        Date.valueOf(s.adultOn()), Date.valueOf(s.nextReviewOn()));
  }

  public Optional<Support> support(long applicationId) {
    return jdbc.query("SELECT * FROM child_support WHERE application_id = ?", ChildRepository::support,
        applicationId).stream().findFirst();
  }

  /** The child's active support, if any. */
  public Optional<Support> activeSupport(String idNumber) {
    return jdbc.query("SELECT * FROM child_support WHERE id_number = ? AND active_slot = 1", ChildRepository::support,
        idNumber).stream().findFirst();
  }

  /** Locks the support row (two nodes' daily runs, a review ending while another starts). */
  public Optional<Support> lockSupport(long applicationId) {
    return jdbc.query("SELECT * FROM child_support WHERE application_id = ? FOR UPDATE", ChildRepository::support,
        applicationId).stream().findFirst();
  }

  /**
   * Active supports due on {@code today}: the yearly review date reached without an open review, or the 18th birthday
   * reached without an open ADULT review (an open yearly review is superseded by it); in order of application, at
   * most {@code limit}.
   */
  public List<Support> due(LocalDate today, int limit) {
    return jdbc.query("SELECT * FROM child_support s WHERE s.status = 'ACTIVE' AND ("
        + "(s.open_review_id IS NULL AND s.next_review_on <= ?) OR (s.adult_on <= ? AND (s.open_review_id IS NULL "
        + "OR NOT EXISTS (SELECT 1 FROM child_review r WHERE r.id = s.open_review_id AND r.kind = 'ADULT')))) "
        + "ORDER BY s.application_id FETCH FIRST " + limit + " ROWS ONLY",
        ChildRepository::support, Date.valueOf(today), Date.valueOf(today));
  }

  public void setOpenReview(long applicationId, Long reviewId) {
    jdbc.update("UPDATE child_support SET open_review_id = ? WHERE application_id = ?", reviewId, applicationId);
  }

  public void setNextReview(long applicationId, LocalDate next) {
    jdbc.update("UPDATE child_support SET next_review_on = ?, open_review_id = NULL WHERE application_id = ?",
        Date.valueOf(next), applicationId);
  }

  public void endSupport(long applicationId, LocalDate endedOn, String reason) {
    jdbc.update("UPDATE child_support SET status = 'ENDED', active_slot = NULL, open_review_id = NULL, ended_on = ?, "
        + "end_reason = ? WHERE application_id = ?", Date.valueOf(endedOn),
        reason.length() > 500 ? reason.substring(0, 499) + "…" : reason, applicationId);
  }

  /** A review row. */
  public record Review(long id, long applicationId, String kind, LocalDate dueOn, String status,
      String processInstanceId, String outcome) {}

  public long insertReview(long applicationId, String kind, LocalDate dueOn, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("application_id", applicationId);
    m.put("kind", kind);
    m.put("due_on", Date.valueOf(dueOn));
    m.put("status", "OPEN");
    m.put("started_at", Timestamp.from(now));
    return reviews.executeAndReturnKey(m).longValue();
  }

  public Optional<Review> review(long id) {
    return jdbc.query("SELECT * FROM child_review WHERE id = ?", ChildRepository::review, id).stream().findFirst();
  }

  public Optional<Review> review(long applicationId, String kind, LocalDate dueOn) {
    return jdbc.query("SELECT * FROM child_review WHERE application_id = ? AND kind = ? AND due_on = ?",
        ChildRepository::review, applicationId, kind, Date.valueOf(dueOn)).stream().findFirst();
  }

  public void attachReviewProcess(long id, String pid) {
    jdbc.update("UPDATE child_review SET process_instance_id = ? WHERE id = ?", pid, id);
  }

  public void closeReview(long id, String outcome, Instant now) {
    jdbc.update("UPDATE child_review SET status = 'CLOSED', outcome = ?, closed_at = ? WHERE id = ?", outcome,
        Timestamp.from(now), id);
  }

  private static Review review(ResultSet rs, int n) throws SQLException {
    return new Review(rs.getLong("id"), rs.getLong("application_id"), rs.getString("kind"),
        rs.getObject("due_on", LocalDate.class), rs.getString("status"), rs.getString("process_instance_id"),
        rs.getString("outcome"));
  }

  private static Support support(ResultSet rs, int n) throws SQLException {
    long open = rs.getLong("open_review_id");
    Long openReview = rs.wasNull() ? null : open;
    return new Support(rs.getLong("application_id"), rs.getString("id_number"), rs.getString("child_name"),
        rs.getString("county_code"), rs.getString("region_code"), rs.getString("holder_key"),
        rs.getObject("adult_on", LocalDate.class), rs.getObject("next_review_on", LocalDate.class),
        openReview, rs.getString("status"));
  }

  private static StandardRow standard(ResultSet rs, int n) throws SQLException {
    return new StandardRow(rs.getLong("id"), rs.getString("county_code"), rs.getString("care_mode"),
        rs.getBigDecimal("monthly_amount"), rs.getObject("effective_from", LocalDate.class), rs.getBoolean("sample"),
        rs.getString("source_note"), rs.getString("created_by"));
  }

  private static Stored map(ResultSet rs, int n) throws SQLException {
    return new Stored(rs.getLong("id"), rs.getString("child_name"), rs.getString("id_number"),
        rs.getObject("birth_date", LocalDate.class), rs.getString("county_code"), rs.getString("region_code"),
        rs.getString("urban_rural"), rs.getString("father_situation"), rs.getString("mother_situation"),
        rs.getString("category"), rs.getString("care_mode"), rs.getString("guardian_name"),
        rs.getString("guardian_id_number"), rs.getString("guardian_relation"), rs.getString("guardian_phone"),
        rs.getString("bank_name"), rs.getString("account_number"), rs.getString("status"),
        rs.getBigDecimal("monthly_amount"), rs.getString("amount_basis"), rs.getString("process_instance_id"),
        rs.getString("note"), rs.getString("registered_by"), rs.getObject("registered_at", OffsetDateTime.class));
  }
}
