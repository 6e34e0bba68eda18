package org.doudi.tekun.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** tekun_case, tekun_case_record and tekun_spot_check (V38_1): the recognition cases and their written records. */
@Repository
public class TekunCaseRepository {

  private static final String COLS = "id, id_number, full_name, county_code, region_code, urban_rural, source, "
      + "applicant_role, guardian_name, care_mode, bank_name, account_number, declared_json, facts_json, "
      + "assessment_json, outcome, care_level, basic_amount, care_amount, monthly_amount, authority, spot_checked, "
      + "status, process_instance_id, tekun_person_id, note, registered_by, registered_at, accepted_at";

  /** A stored case. Amounts and assessment null until assessed. */
  public record StoredCase(long id, String idNumber, String fullName, String countyCode, String regionCode,
      String urbanRural, String source, String applicantRole, String guardianName, String careMode, String bankName,
      String accountNumber, String declaredJson, String factsJson, String assessmentJson, String outcome,
      String careLevel, BigDecimal basicAmount, BigDecimal careAmount, BigDecimal monthlyAmount, String authority,
      Boolean spotChecked, String status, String processInstanceId, Long tekunPersonId, String note,
      String registeredBy, Instant registeredAt, Instant acceptedAt) {

    public boolean open() {
      return status.equals("REGISTERED") || status.equals("AWAITING") || status.equals("ACCEPTED");
    }
  }

  /** What an application stores. */
  public record NewCase(String idNumber, String fullName, String countyCode, String regionCode, String urbanRural,
      String source, String applicantRole, String guardianName, String careMode, String bankName,
      String accountNumber, String declaredJson, String note, String registeredBy) {}

  /** A written record. */
  public record CaseRecord(String kind, int seq, String content, BigDecimal amount, String createdBy,
      Instant createdAt) {}

  /** A spot-check draw. */
  public record SpotCheck(long caseId, String countyCode, int year, int seq, int ratePercent, boolean sampled,
      String rule) {}

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;

  public TekunCaseRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("tekun_case").usingGeneratedKeyColumns("id");
  }

  /** Inserts a REGISTERED case; a second open case of the person fails with a duplicate key. */
  public long insert(NewCase c, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("id_number", c.idNumber());
    m.put("full_name", c.fullName());
    m.put("county_code", c.countyCode());
    m.put("region_code", c.regionCode());
    m.put("urban_rural", c.urbanRural());
    m.put("source", c.source());
    m.put("applicant_role", c.applicantRole());
    m.put("guardian_name", c.guardianName());
    m.put("care_mode", c.careMode());
    m.put("bank_name", c.bankName());
    m.put("account_number", c.accountNumber());
    m.put("declared_json", c.declaredJson());
    m.put("note", c.note());
    m.put("status", "REGISTERED");
    m.put("open_slot", 1);
    m.put("registered_by", c.registeredBy());
    m.put("registered_at", Timestamp.from(at));
    m.put("updated_at", Timestamp.from(at));
    return insert.executeAndReturnKey(m).longValue();
  }

  public Optional<StoredCase> find(long id) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_case WHERE id = ?", (rs, i) -> map(rs), id).stream()
        .findFirst();
  }

  /** Locks the case row (FOR UPDATE) for a decision that must happen once. */
  public Optional<StoredCase> lock(long id) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_case WHERE id = ? FOR UPDATE", (rs, i) -> map(rs), id).stream()
        .findFirst();
  }

  /** The person's open case, if any. */
  public Optional<StoredCase> open(String idNumber) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_case WHERE id_number = ? AND open_slot = 1",
        (rs, i) -> map(rs), idNumber).stream().findFirst();
  }

  public void attachProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE tekun_case SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  /** A new status; a closing one frees the person's open slot. */
  public void setStatus(long id, String status, Instant at) {
    boolean open = status.equals("REGISTERED") || status.equals("AWAITING") || status.equals("ACCEPTED");
    jdbc.update("UPDATE tekun_case SET status = ?, open_slot = ?, updated_at = ? WHERE id = ?", status,
        open ? 1 : null, Timestamp.from(at), id);
  }

  public void accepted(long id, Instant at) {
    jdbc.update("UPDATE tekun_case SET status = 'ACCEPTED', accepted_at = COALESCE(accepted_at, ?), updated_at = ? "
        + "WHERE id = ?", Timestamp.from(at), Timestamp.from(at), id);
  }

  public void storeFacts(long id, String factsJson, Instant at) {
    jdbc.update("UPDATE tekun_case SET facts_json = ?, updated_at = ? WHERE id = ?", factsJson, Timestamp.from(at),
        id);
  }

  public void storeAssessment(long id, String assessmentJson, String outcome, String careLevel, BigDecimal basic,
      BigDecimal care, BigDecimal monthly, Instant at) {
    jdbc.update("UPDATE tekun_case SET assessment_json = ?, outcome = ?, care_level = ?, basic_amount = ?, "
        + "care_amount = ?, monthly_amount = ?, updated_at = ? WHERE id = ?", assessmentJson, outcome, careLevel,
        basic, care, monthly, Timestamp.from(at), id);
  }

  public void setAuthority(long id, String authority, Boolean spotChecked, Instant at) {
    jdbc.update("UPDATE tekun_case SET authority = ?, spot_checked = ?, updated_at = ? WHERE id = ?", authority,
        spotChecked, Timestamp.from(at), id);
  }

  public void confirmed(long id, long tekunPersonId, Instant at) {
    jdbc.update("UPDATE tekun_case SET status = 'CONFIRMED', open_slot = NULL, tekun_person_id = ?, updated_at = ? "
        + "WHERE id = ?", tekunPersonId, Timestamp.from(at), id);
  }

  /** Appends a record of the kind (seq = the next of that kind). */
  public void insertRecord(long caseId, String kind, String content, BigDecimal amount, String by, Instant at) {
    Integer seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) + 1 FROM tekun_case_record WHERE case_id = ? "
        + "AND kind = ?", Integer.class, caseId, kind);
    jdbc.update("INSERT INTO tekun_case_record (case_id, kind, seq, content, amount, created_by, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", caseId, kind, seq, content, amount, by, Timestamp.from(at));
  }

  public int countRecords(long caseId, String kind) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tekun_case_record WHERE case_id = ? AND kind = ?",
        Integer.class, caseId, kind);
    return n == null ? 0 : n;
  }

  public List<CaseRecord> records(long caseId) {
    return jdbc.query("SELECT kind, seq, content, amount, created_by, created_at FROM tekun_case_record "
        + "WHERE case_id = ? ORDER BY id", (rs, i) -> new CaseRecord(rs.getString("kind"), rs.getInt("seq"),
        rs.getString("content"), rs.getBigDecimal("amount"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant()), caseId);
  }

  public Optional<SpotCheck> spotCheck(long caseId) {
    return jdbc.query("SELECT case_id, county_code, draw_year, seq, rate_percent, sampled, rule FROM tekun_spot_check "
        + "WHERE case_id = ?", (rs, i) -> new SpotCheck(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
        rs.getInt(5), rs.getBoolean(6), rs.getString(7)), caseId).stream().findFirst();
  }

  /** The next number of the county's draws in the year (a concurrent draw meets the unique key and is retried). */
  public int nextSpotCheckSeq(String countyCode, int year) {
    Integer n = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) + 1 FROM tekun_spot_check WHERE county_code = ? "
        + "AND draw_year = ?", Integer.class, countyCode, year);
    return n == null ? 1 : n;
  }

  public void insertSpotCheck(SpotCheck s, Instant at) {
    jdbc.update("INSERT INTO tekun_spot_check (case_id, county_code, draw_year, seq, rate_percent, sampled, rule, "
        + "drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.caseId(), s.countyCode(), s.year(), s.seq(), s.ratePercent(),
        s.sampled(), s.rule(), Timestamp.from(at));
  }

  private static StoredCase map(java.sql.ResultSet rs) throws java.sql.SQLException {
    long person = rs.getLong("tekun_person_id");
    Long personId = rs.wasNull() ? null : person;
    boolean spot = rs.getBoolean("spot_checked");
    Boolean spotChecked = rs.wasNull() ? null : spot;
    Timestamp accepted = rs.getTimestamp("accepted_at");
    return new StoredCase(rs.getLong("id"), rs.getString("id_number"), rs.getString("full_name"),
        rs.getString("county_code"), rs.getString("region_code"), rs.getString("urban_rural"),
        rs.getString("source"), rs.getString("applicant_role"), rs.getString("guardian_name"),
        rs.getString("care_mode"), rs.getString("bank_name"), rs.getString("account_number"),
        rs.getString("declared_json"), rs.getString("facts_json"), rs.getString("assessment_json"),
        rs.getString("outcome"), rs.getString("care_level"), rs.getBigDecimal("basic_amount"),
        rs.getBigDecimal("care_amount"), rs.getBigDecimal("monthly_amount"), rs.getString("authority"), spotChecked,
        rs.getString("status"), rs.getString("process_instance_id"), personId, rs.getString("note"),
        rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
        accepted == null ? null : accepted.toInstant());
  }
}
