package org.doudi.citizen.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code citizen_*} (V65_1): this module's only SQL. */
@Repository
public class CitizenRepository {

  private final JdbcTemplate jdbc;

  public CitizenRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- codes

  public record CodeRow(long id, String codeHash, Instant expiresAt, int attempts, Instant usedAt) {}

  public int codesSince(String column, String value, Instant since) {
    if (!column.equals("phone") && !column.equals("id_number")) {
      throw new IllegalArgumentException(column);
    }
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM citizen_code WHERE " + column + " = ? AND created_at >= ?",
        Integer.class, value, Timestamp.from(since));
    return n == null ? 0 : n;
  }

  public void insertCode(String idNumber, String phone, String codeHash, Instant now, Instant expiresAt) {
    jdbc.update("INSERT INTO citizen_code (id_number, phone, code_hash, created_at, expires_at) VALUES (?,?,?,?,?)",
        idNumber, phone, codeHash, Timestamp.from(now), Timestamp.from(expiresAt));
  }

  /** The newest code for this person and phone, if any. */
  public Optional<CodeRow> latestCode(String idNumber, String phone) {
    return jdbc.query("SELECT id, code_hash, expires_at, attempts, used_at FROM citizen_code WHERE id_number = ? AND "
        + "phone = ? ORDER BY id DESC", (rs, i) -> new CodeRow(rs.getLong(1), rs.getString(2),
            rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getTimestamp(5) == null ? null
            : rs.getTimestamp(5).toInstant()), idNumber, phone).stream().findFirst();
  }

  /** Forgets codes created before {@code before} (they count for no limit any more). */
  public void deleteCodesBefore(Instant before) {
    jdbc.update("DELETE FROM citizen_code WHERE created_at < ?", Timestamp.from(before));
  }

  public void countAttempt(long codeId) {
    jdbc.update("UPDATE citizen_code SET attempts = attempts + 1 WHERE id = ?", codeId);
  }

  /** Marks the code used; false when another request used it first. */
  public boolean useCode(long codeId, Instant now) {
    return jdbc.update("UPDATE citizen_code SET used_at = ? WHERE id = ? AND used_at IS NULL", Timestamp.from(now),
        codeId) == 1;
  }

  // ---- sessions

  public record SessionRow(String idNumber, String phone, Instant expiresAt) {}

  public void insertSession(String tokenHash, String idNumber, String phone, Instant now, Instant expiresAt) {
    jdbc.update("INSERT INTO citizen_session (token_hash, id_number, phone, created_at, expires_at) VALUES (?,?,?,?,?)",
        tokenHash, idNumber, phone, Timestamp.from(now), Timestamp.from(expiresAt));
  }

  public Optional<SessionRow> session(String tokenHash) {
    return jdbc.query("SELECT id_number, phone, expires_at FROM citizen_session WHERE token_hash = ?",
        (rs, i) -> new SessionRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), tokenHash)
        .stream().findFirst();
  }

  public void deleteSession(String tokenHash) {
    jdbc.update("DELETE FROM citizen_session WHERE token_hash = ?", tokenHash);
  }

  public void deleteExpired(Instant now) {
    jdbc.update("DELETE FROM citizen_session WHERE expires_at < ?", Timestamp.from(now));
  }

  // ---- online applications

  public record DraftRow(long id, String scheme, String filedByIdNumber, String filedByPhone, String bodyJson,
      String status, Instant createdAt, Instant expiresAt, String processInstanceId) {}

  public record PersonRow(long applicationId, String idNumber, String phone, boolean applicant, boolean adult) {}

  public record ConsentRow(String idNumber, String kind, String phone, String channel, Instant givenAt) {}

  public long insertDraft(String scheme, String idNumber, String phone, String bodyJson, Instant now, Instant expires) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("INSERT INTO citizen_application (scheme, filed_by_id_number, filed_by_phone, "
          + "body_json, status, created_at, expires_at) VALUES (?,?,?,?,'DRAFT',?,?)", new String[] {"id"});
      ps.setString(1, scheme);
      ps.setString(2, idNumber);
      ps.setString(3, phone);
      ps.setString(4, bodyJson);
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setTimestamp(6, Timestamp.from(expires));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public void insertPerson(long applicationId, String idNumber, String phone, boolean applicant, boolean adult) {
    jdbc.update("INSERT INTO citizen_application_person (application_id, id_number, phone, applicant, adult) "
        + "VALUES (?,?,?,?,?)", applicationId, idNumber, phone, applicant, adult);
  }

  private static final String DRAFT_COLUMNS = "a.id, a.scheme, a.filed_by_id_number, a.filed_by_phone, a.body_json, "
      + "a.status, a.created_at, a.expires_at, a.process_instance_id";

  private static DraftRow draft(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new DraftRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9));
  }

  /** Online applications naming this person with this phone (or filed by them), newest first. */
  public List<DraftRow> draftsOf(String idNumber, String phone) {
    return jdbc.query("SELECT " + DRAFT_COLUMNS + " FROM citizen_application a WHERE (a.filed_by_id_number = ? AND "
        + "a.filed_by_phone = ?) OR EXISTS (SELECT 1 FROM citizen_application_person p WHERE p.application_id = a.id "
        + "AND p.id_number = ? AND p.phone = ?) ORDER BY a.id DESC", CitizenRepository::draft, idNumber, phone,
        idNumber, phone);
  }

  public Optional<DraftRow> draftForUpdate(long id) {
    return jdbc.query("SELECT " + DRAFT_COLUMNS + " FROM citizen_application a WHERE a.id = ? FOR UPDATE",
        CitizenRepository::draft, id).stream().findFirst();
  }

  public List<PersonRow> persons(long applicationId) {
    return jdbc.query("SELECT application_id, id_number, phone, applicant, adult FROM citizen_application_person "
        + "WHERE application_id = ? ORDER BY applicant DESC, id_number", (rs, i) -> new PersonRow(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)), applicationId);
  }

  public List<ConsentRow> consents(long applicationId) {
    return jdbc.query("SELECT id_number, kind, phone, channel, given_at FROM citizen_consent WHERE application_id = ? "
        + "ORDER BY given_at", (rs, i) -> new ConsentRow(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5).toInstant()), applicationId);
  }

  /** Records a consent once; false when it was given before. */
  public boolean insertConsent(long applicationId, String idNumber, String kind, String phone, String channel,
      Instant now) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM citizen_consent WHERE application_id = ? AND id_number = ? "
        + "AND kind = ?", Integer.class, applicationId, idNumber, kind);
    if (n != null && n > 0) {
      return false;
    }
    jdbc.update("INSERT INTO citizen_consent (application_id, id_number, kind, phone, channel, given_at) "
        + "VALUES (?,?,?,?,?,?)", applicationId, idNumber, kind, phone, channel, Timestamp.from(now));
    return true;
  }

  public void markSubmitted(long id, String processInstanceId, Instant now) {
    jdbc.update("UPDATE citizen_application SET status = 'SUBMITTED', process_instance_id = ?, submitted_at = ? "
        + "WHERE id = ?", processInstanceId, Timestamp.from(now), id);
  }

  public void markExpired(long id) {
    jdbc.update("UPDATE citizen_application SET status = 'EXPIRED' WHERE id = ? AND status = 'DRAFT'", id);
  }

  /** The process instances of submitted online applications naming this person with this phone. */
  public List<String> onlineCases(String idNumber, String phone) {
    return jdbc.queryForList("SELECT DISTINCT a.process_instance_id FROM citizen_application a JOIN "
        + "citizen_application_person p ON p.application_id = a.id WHERE a.status = 'SUBMITTED' AND p.id_number = ? "
        + "AND p.phone = ?", String.class, idNumber, phone);
  }

  // ---- emergency reports (V67_1)

  public record ReportRow(long id, String subjectName, String regionCode, Instant createdAt,
      String processInstanceId) {}

  public long insertReport(String idNumber, String phone, String subjectName, String regionCode, Instant now,
      String processInstanceId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO citizen_report (filed_by_id_number, filed_by_phone, subject_name, "
          + "region_code, created_at, process_instance_id) VALUES (?,?,?,?,?,?)", new String[] {"id"});
      ps.setString(1, idNumber);
      ps.setString(2, phone);
      ps.setString(3, subjectName);
      ps.setString(4, regionCode);
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setString(6, processInstanceId);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** The reports filed by this person with this phone, newest first. */
  public List<ReportRow> reportsOf(String idNumber, String phone) {
    return jdbc.query("SELECT id, subject_name, region_code, created_at, process_instance_id FROM citizen_report "
        + "WHERE filed_by_id_number = ? AND filed_by_phone = ? ORDER BY id DESC", (rs, i) -> new ReportRow(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)),
        idNumber, phone);
  }
}
