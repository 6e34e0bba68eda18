package org.doudi.supervision.petition.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The petition tables (V46_1__petition.sql); called inside the engine's or the request's transaction. */
@Repository
public class PetitionRepository {

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert petitions;
  private final SimpleJdbcInsert events;

  public PetitionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.petitions = new SimpleJdbcInsert(jdbc).withTableName("petition").usingGeneratedKeyColumns("id");
    this.events = new SimpleJdbcInsert(jdbc).withTableName("petition_event").usingGeneratedKeyColumns("id");
  }

  /** A petition as stored. */
  public record Stored(long id, String kind, String channel, String petitionerName, String idNumber, String contact,
      String claim, String regionCode, String countyCode, Long previousPetitionId, String status, LocalDate receivedOn,
      LocalDate routedOn, String handlingRole, LocalDate acceptedOn, Integer extensionDays, String extensionReason,
      LocalDate repliedOn, LocalDate reexaminationRequestedOn, LocalDate reexaminationRepliedOn,
      LocalDate finalReviewRequestedOn, LocalDate finalReviewRepliedOn, int hearingDays, String hardshipProcessId,
      String processInstanceId, String registeredBy, OffsetDateTime registeredAt) {}

  public record Event(long id, String kind, String content, String actor, OffsetDateTime createdAt) {}

  public record CaseRef(String type, String ref) {}

  public long insert(Stored p, List<CaseRef> cases, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("kind", p.kind());
    m.put("channel", p.channel());
    m.put("petitioner_name", p.petitionerName());
    m.put("id_number", p.idNumber());
    m.put("contact", p.contact());
    m.put("claim", p.claim());
    m.put("region_code", p.regionCode());
    m.put("county_code", p.countyCode());
    m.put("previous_petition_id", p.previousPetitionId());
    m.put("status", "REGISTERED");
    m.put("received_on", Date.valueOf(p.receivedOn()));
    m.put("hearing_days", 0);
    m.put("process_instance_id", p.processInstanceId());
    m.put("registered_by", p.registeredBy());
    m.put("registered_at", Timestamp.from(now));
    m.put("updated_at", Timestamp.from(now));
    long id = petitions.executeAndReturnKey(m).longValue();
    for (CaseRef c : cases) {
      jdbc.update("INSERT INTO petition_case (petition_id, ref_type, ref) VALUES (?, ?, ?)", id, c.type(), c.ref());
    }
    return id;
  }

  public Optional<Stored> find(long id) {
    return jdbc.query("SELECT * FROM petition WHERE id = ?", PetitionRepository::map, id).stream().findFirst();
  }

  public Optional<Stored> byProcess(String processInstanceId) {
    return jdbc.query("SELECT * FROM petition WHERE process_instance_id = ?", PetitionRepository::map,
        processInstanceId).stream().findFirst();
  }

  /** Locks the row: two requests for the same 复查 or 复核 are decided one after the other. */
  public Optional<Stored> lock(long id) {
    return jdbc.query("SELECT * FROM petition WHERE id = ? FOR UPDATE", PetitionRepository::map, id).stream()
        .findFirst();
  }

  /** The petitions concerning a case, newest first. */
  public List<Stored> concerning(String type, String ref) {
    return jdbc.query("SELECT p.* FROM petition p JOIN petition_case c ON c.petition_id = p.id "
        + "WHERE c.ref_type = ? AND c.ref = ? ORDER BY p.id DESC", PetitionRepository::map, type, ref);
  }

  public List<CaseRef> cases(long id) {
    return jdbc.query("SELECT ref_type, ref FROM petition_case WHERE petition_id = ? ORDER BY ref_type, ref",
        (rs, i) -> new CaseRef(rs.getString(1), rs.getString(2)), id);
  }

  public List<Event> events(long id) {
    return jdbc.query("SELECT * FROM petition_event WHERE petition_id = ? ORDER BY id", (rs, i) -> new Event(
        rs.getLong("id"), rs.getString("kind"), rs.getString("content"), rs.getString("actor"),
        offset(rs.getTimestamp("created_at"))), id);
  }

  public boolean hasEvent(long id, String kind) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM petition_event WHERE petition_id = ? AND kind = ?",
        Integer.class, id, kind);
    return n != null && n > 0;
  }

  public int countEvents(long id, String kind) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM petition_event WHERE petition_id = ? AND kind = ?",
        Integer.class, id, kind);
    return n == null ? 0 : n;
  }

  public void event(long id, String kind, String content, String actor, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("petition_id", id);
    m.put("kind", kind);
    m.put("content", content.length() > 4000 ? content.substring(0, 4000) : content);
    m.put("actor", actor);
    m.put("created_at", Timestamp.from(now));
    events.execute(m);
  }

  public void attachProcess(long id, String processInstanceId, Instant now) {
    jdbc.update("UPDATE petition SET process_instance_id = ?, updated_at = ? WHERE id = ?", processInstanceId,
        Timestamp.from(now), id);
  }

  public void setStatus(long id, String status, Instant now) {
    jdbc.update("UPDATE petition SET status = ?, updated_at = ? WHERE id = ?", status, Timestamp.from(now), id);
  }

  public void routed(long id, String handlingRole, LocalDate on, Instant now) {
    jdbc.update("UPDATE petition SET status = 'ROUTED', handling_role = ?, routed_on = ?, updated_at = ? WHERE id = ?",
        handlingRole, Date.valueOf(on), Timestamp.from(now), id);
  }

  public void accepted(long id, LocalDate on, Instant now) {
    jdbc.update("UPDATE petition SET status = 'ACCEPTED', accepted_on = ?, updated_at = ? WHERE id = ?",
        Date.valueOf(on), Timestamp.from(now), id);
  }

  public void extended(long id, int days, String reason, Instant now) {
    jdbc.update("UPDATE petition SET extension_days = ?, extension_reason = ?, updated_at = ? WHERE id = ?", days,
        reason, Timestamp.from(now), id);
  }

  public void replied(long id, LocalDate on, Instant now) {
    jdbc.update("UPDATE petition SET status = 'REPLIED', replied_on = ?, updated_at = ? WHERE id = ?",
        Date.valueOf(on), Timestamp.from(now), id);
  }

  public void reexaminationRequested(long id, LocalDate on, Instant now) {
    jdbc.update("UPDATE petition SET status = 'REEXAMINATION', reexamination_requested_on = ?, updated_at = ? "
        + "WHERE id = ?", Date.valueOf(on), Timestamp.from(now), id);
  }

  public void reexamined(long id, LocalDate on, Instant now) {
    jdbc.update("UPDATE petition SET status = 'REEXAMINED', reexamination_replied_on = ?, updated_at = ? WHERE id = ?",
        Date.valueOf(on), Timestamp.from(now), id);
  }

  public void finalReviewRequested(long id, LocalDate on, Instant now) {
    jdbc.update("UPDATE petition SET status = 'FINAL_REVIEW', final_review_requested_on = ?, updated_at = ? "
        + "WHERE id = ?", Date.valueOf(on), Timestamp.from(now), id);
  }

  public void finalReviewReplied(long id, LocalDate on, Instant now) {
    jdbc.update("UPDATE petition SET status = 'CLOSED', final_review_replied_on = ?, updated_at = ? WHERE id = ?",
        Date.valueOf(on), Timestamp.from(now), id);
  }

  public void addHearingDays(long id, int days, Instant now) {
    jdbc.update("UPDATE petition SET hearing_days = hearing_days + ?, updated_at = ? WHERE id = ?", days,
        Timestamp.from(now), id);
  }

  public void referred(long id, String hardshipProcessId, Instant now) {
    jdbc.update("UPDATE petition SET hardship_process_id = ?, updated_at = ? WHERE id = ?", hardshipProcessId,
        Timestamp.from(now), id);
  }

  private static Stored map(ResultSet rs, int i) throws SQLException {
    long prev = rs.getLong("previous_petition_id");
    Long previous = rs.wasNull() ? null : prev;
    int ext = rs.getInt("extension_days");
    Integer extension = rs.wasNull() ? null : ext;
    return new Stored(rs.getLong("id"), rs.getString("kind"), rs.getString("channel"), rs.getString("petitioner_name"),
        rs.getString("id_number"), rs.getString("contact"), rs.getString("claim"), rs.getString("region_code"),
        rs.getString("county_code"), previous, rs.getString("status"), date(rs, "received_on"), date(rs, "routed_on"),
        rs.getString("handling_role"), date(rs, "accepted_on"), extension, rs.getString("extension_reason"),
        date(rs, "replied_on"), date(rs, "reexamination_requested_on"), date(rs, "reexamination_replied_on"),
        date(rs, "final_review_requested_on"), date(rs, "final_review_replied_on"), rs.getInt("hearing_days"),
        rs.getString("hardship_process_id"), rs.getString("process_instance_id"), rs.getString("registered_by"),
        offset(rs.getTimestamp("registered_at")));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static OffsetDateTime offset(Timestamp t) {
    return t == null ? null : t.toInstant().atOffset(ZoneOffset.ofHours(8));
  }
}
