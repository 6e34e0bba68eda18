package org.doudi.disability.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The disability_* tables (V34_1__disability.sql); called inside the engine's or the request's transaction. */
@Repository
public class DisabilityRepository {

  /** Statuses after which an application is closed (its open slot freed). */
  public static final List<String> CLOSED = List.of("DECLINED", "INELIGIBLE", "REJECTED", "GRANTED", "STOPPED");

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert applications;
  private final SimpleJdbcInsert records;

  public DisabilityRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.applications = new SimpleJdbcInsert(jdbc).withTableName("disability_application")
        .usingGeneratedKeyColumns("id");
    this.records = new SimpleJdbcInsert(jdbc).withTableName("disability_record").usingGeneratedKeyColumns("id");
  }

  /** An application as stored. */
  public record Stored(long id, String kind, String fullName, String idNumber, String countyCode, String regionCode,
      String urbanRural, long householdApplicationId, String category, int grade, String bankName,
      String accountNumber, String source, String status, String standing, BigDecimal monthlyAmount,
      String amountBasis, String processInstanceId, String note, String registeredBy, OffsetDateTime registeredAt) {}

  /** A new application, open (its slot taken). */
  public record NewApplication(String kind, String fullName, String idNumber, String countyCode, String regionCode,
      String urbanRural, long householdApplicationId, String category, int grade, String bankName,
      String accountNumber, String source, String status, String note, String registeredBy) {}

  public long insert(NewApplication a, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("kind", a.kind());
    m.put("full_name", a.fullName());
    m.put("id_number", a.idNumber());
    m.put("county_code", a.countyCode());
    m.put("region_code", a.regionCode());
    m.put("urban_rural", a.urbanRural());
    m.put("household_application_id", a.householdApplicationId());
    m.put("disability_category", a.category());
    m.put("disability_grade", a.grade());
    m.put("bank_name", a.bankName());
    m.put("account_number", a.accountNumber());
    m.put("source", a.source());
    m.put("status", a.status());
    m.put("open_slot", 1);
    m.put("note", a.note());
    m.put("registered_by", a.registeredBy());
    m.put("registered_at", Timestamp.from(now));
    m.put("updated_at", Timestamp.from(now));
    return applications.executeAndReturnKey(m).longValue();
  }

  public Optional<Stored> find(long id) {
    return jdbc.query("SELECT * FROM disability_application WHERE id = ?", DisabilityRepository::map, id).stream()
        .findFirst();
  }

  /** The person's open application of the subsidy, if any. */
  public Optional<Stored> open(String idNumber, String kind) {
    return jdbc.query("SELECT * FROM disability_application WHERE id_number = ? AND kind = ? AND open_slot = 1",
        DisabilityRepository::map, idNumber, kind).stream().findFirst();
  }

  /** The person's latest application of the subsidy with the status, if any. */
  public Optional<Stored> latestWithStatus(String idNumber, String kind, String status) {
    return jdbc.query("SELECT * FROM disability_application WHERE id_number = ? AND kind = ? AND status = ? "
        + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", DisabilityRepository::map, idNumber, kind, status).stream()
        .findFirst();
  }

  /** Applications with the status, by id after {@code afterId} (a scan). */
  public List<Stored> withStatus(String status, long afterId, int limit) {
    return jdbc.query("SELECT * FROM disability_application WHERE status = ? AND id > ? ORDER BY id FETCH FIRST "
        + limit + " ROWS ONLY", DisabilityRepository::map, status, afterId);
  }

  public void attachProcess(long id, String pid) {
    jdbc.update("UPDATE disability_application SET process_instance_id = ? WHERE id = ?", pid, id);
  }

  /** A new status; a closed one frees the open slot. */
  public void setStatus(long id, String status, Instant now) {
    jdbc.update("UPDATE disability_application SET status = ?, open_slot = ?, updated_at = ? WHERE id = ?", status,
        CLOSED.contains(status) ? null : 1, Timestamp.from(now), id);
  }

  public void setAssessment(long id, String standing, BigDecimal amount, String basis, Instant now) {
    jdbc.update("UPDATE disability_application SET standing = ?, monthly_amount = ?, amount_basis = ?, "
        + "updated_at = ? WHERE id = ?", standing, amount, basis, Timestamp.from(now), id);
  }

  public void setAccount(long id, String bankName, String accountNumber, Instant now) {
    jdbc.update("UPDATE disability_application SET bank_name = ?, account_number = ?, updated_at = ? WHERE id = ?",
        bankName, accountNumber, Timestamp.from(now), id);
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
    return jdbc.queryForList("SELECT kind, content, amount, created_by, created_at FROM disability_record "
        + "WHERE application_id = ? ORDER BY id", applicationId);
  }

  public boolean hasRecord(long applicationId, String kind) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM disability_record WHERE application_id = ? AND kind = ?",
        Integer.class, applicationId, kind);
    return n != null && n > 0;
  }

  // candidates (主动发现)

  /** A person found eligible and not receiving. */
  public record Candidate(String idNumber, String kind, String fullName, String countyCode, String regionCode,
      long householdApplicationId, String category, int grade, String standing, String status, Long applicationId,
      String resolution, OffsetDateTime foundAt, OffsetDateTime lastSeenAt) {}

  /** Records the person as an open candidate (new, or found again: last seen now, reopened when resolved). */
  public void upsertCandidate(Candidate c, Instant now) {
    int n = jdbc.update("UPDATE disability_candidate SET full_name = ?, county_code = ?, region_code = ?, "
        + "household_application_id = ?, disability_category = ?, disability_grade = ?, standing = ?, "
        + "status = 'OPEN', resolution = NULL, application_id = ?, last_seen_at = ? WHERE id_number = ? AND kind = ?",
        c.fullName(), c.countyCode(), c.regionCode(), c.householdApplicationId(), c.category(), c.grade(),
        c.standing(), c.applicationId(), Timestamp.from(now), c.idNumber(), c.kind());
    if (n == 0) {
      jdbc.update("INSERT INTO disability_candidate (id_number, kind, full_name, county_code, region_code, "
          + "household_application_id, disability_category, disability_grade, standing, status, application_id, "
          + "found_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)", c.idNumber(), c.kind(),
          c.fullName(), c.countyCode(), c.regionCode(), c.householdApplicationId(), c.category(), c.grade(),
          c.standing(), c.applicationId(), Timestamp.from(now), Timestamp.from(now));
    }
  }

  /** An open candidate is no longer one (receiving, not eligible, declined). */
  public void resolveCandidate(String idNumber, String kind, String resolution) {
    jdbc.update("UPDATE disability_candidate SET status = 'RESOLVED', resolution = ? WHERE id_number = ? AND kind = ? "
        + "AND status = 'OPEN'", resolution.length() > 200 ? resolution.substring(0, 199) + "…" : resolution,
        idNumber, kind);
  }

  /** Open candidates in the region and below, a page in order of region and person. */
  public List<Candidate> openCandidates(String regionPrefix, int offset, int limit) {
    return jdbc.query("SELECT * FROM disability_candidate WHERE status = 'OPEN' AND region_code LIKE ? "
        + "ORDER BY region_code, id_number, kind OFFSET " + offset + " ROWS FETCH FIRST " + limit + " ROWS ONLY",
        DisabilityRepository::candidate, regionPrefix + "%");
  }

  public int countOpenCandidates(String regionPrefix) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM disability_candidate WHERE status = 'OPEN' "
        + "AND region_code LIKE ?", Integer.class, regionPrefix + "%");
    return n == null ? 0 : n;
  }

  public Optional<Candidate> candidate(String idNumber, String kind) {
    return jdbc.query("SELECT * FROM disability_candidate WHERE id_number = ? AND kind = ?",
        DisabilityRepository::candidate, idNumber, kind).stream().findFirst();
  }

  private static Candidate candidate(ResultSet rs, int n) throws SQLException {
    long appId = rs.getLong("application_id");
    Long app = rs.wasNull() ? null : appId;
    return new Candidate(rs.getString("id_number"), rs.getString("kind"), rs.getString("full_name"),
        rs.getString("county_code"), rs.getString("region_code"), rs.getLong("household_application_id"),
        rs.getString("disability_category"), rs.getInt("disability_grade"), rs.getString("standing"),
        rs.getString("status"), app, rs.getString("resolution"),
        rs.getObject("found_at", OffsetDateTime.class), rs.getObject("last_seen_at", OffsetDateTime.class));
  }

  private static Stored map(ResultSet rs, int n) throws SQLException {
    return new Stored(rs.getLong("id"), rs.getString("kind"), rs.getString("full_name"), rs.getString("id_number"),
        rs.getString("county_code"), rs.getString("region_code"), rs.getString("urban_rural"),
        rs.getLong("household_application_id"), rs.getString("disability_category"), rs.getInt("disability_grade"),
        rs.getString("bank_name"), rs.getString("account_number"), rs.getString("source"), rs.getString("status"),
        rs.getString("standing"), rs.getBigDecimal("monthly_amount"), rs.getString("amount_basis"),
        rs.getString("process_instance_id"), rs.getString("note"), rs.getString("registered_by"),
        rs.getObject("registered_at", OffsetDateTime.class));
  }
}
