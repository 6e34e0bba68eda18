package org.doudi.care.persistence;

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
import org.doudi.care.BedType;
import org.doudi.care.CareRecords.Agreement;
import org.doudi.care.CareRecords.Institution;
import org.doudi.care.CareRecords.Placement;
import org.doudi.care.CareRecords.Request;
import org.doudi.care.CareRecords.Visit;
import org.doudi.care.InstitutionKind;
import org.doudi.tekun.CareLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * The care_* tables (V39_1). Every status change is conditional on the status it leaves (a retried or concurrent call
 * changes nothing twice); the bed's unique key (bed_id, occupied) is the last word on who holds a bed.
 */
@Repository
public class CareRepository {

  private static final String FREE = "NOT EXISTS (SELECT 1 FROM care_placement p WHERE p.bed_id = b.id AND p.occupied = 1)";
  private static final String REQ = "id, tekun_person_id, id_number, full_name, birth_date, county_code, city_code, "
      + "region_code, care_level, institution_kind, status, transfer_needed, requested_at, source, process_instance_id, "
      + "end_reason";
  private static final String PLC = "p.id, p.request_id, p.bed_id, b.bed_no, b.bed_type, i.id AS institution_id, "
      + "i.name AS institution_name, i.county_code AS institution_county, p.kind, p.placed_at, p.admitted_on, "
      + "p.admitted_by, p.ended_at, p.end_reason FROM care_placement p JOIN care_bed b ON b.id = p.bed_id "
      + "JOIN care_institution i ON i.id = b.institution_id";
  private static final String AGR = "id, tekun_person_id, id_number, full_name, county_code, region_code, care_level, "
      + "status, caregiver_kind, caregiver_name, caregiver_id, caregiver_phone, duties, signed_on, starts_on, ends_on, "
      + "entered_by, renewals, visit_interval_months, next_visit_on, process_instance_id, ended_at, end_reason";
  /** Waiting-list order: 完全丧失 first (notice 三(二) 先急后缓), then the date of the request. */
  public static final String QUEUE_ORDER = "CASE care_level WHEN 'FULL' THEN 0 ELSE 1 END, requested_at, id";

  private final JdbcTemplate jdbc;

  public CareRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // institutions and beds

  public long insertInstitution(String name, String countyCode, String cityCode, InstitutionKind kind, String by,
      Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", name);
    m.put("county_code", countyCode);
    m.put("city_code", cityCode);
    m.put("kind", kind.name());
    m.put("created_by", by);
    m.put("created_at", Timestamp.from(at));
    return insert("care_institution", m);
  }

  public Optional<Institution> institution(long id) {
    return jdbc.query(INSTITUTION + " WHERE i.id = ?", CareRepository::institution, id).stream().findFirst();
  }

  /** The institutions of counties under the region (by code prefix), by county and name. */
  public List<Institution> institutions(String regionPrefix) {
    return jdbc.query(INSTITUTION + " WHERE i.county_code LIKE ? ORDER BY i.county_code, i.name",
        CareRepository::institution, regionPrefix + "%");
  }

  private static final String INSTITUTION = "SELECT i.id, i.name, i.county_code, i.city_code, i.kind, "
      + "(SELECT COUNT(*) FROM care_bed b WHERE b.institution_id = i.id AND b.bed_type = 'GENERAL') AS general_beds, "
      + "(SELECT COUNT(*) FROM care_bed b WHERE b.institution_id = i.id AND b.bed_type = 'NURSING') AS nursing_beds, "
      + "(SELECT COUNT(*) FROM care_bed b WHERE b.institution_id = i.id AND b.bed_type = 'GENERAL' AND " + FREE
      + ") AS free_general, (SELECT COUNT(*) FROM care_bed b WHERE b.institution_id = i.id AND b.bed_type = 'NURSING' "
      + "AND " + FREE + ") AS free_nursing FROM care_institution i";

  public long insertBed(long institutionId, String bedNo, BedType type, String by, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("institution_id", institutionId);
    m.put("bed_no", bedNo);
    m.put("bed_type", type.name());
    m.put("created_by", by);
    m.put("created_at", Timestamp.from(at));
    return insert("care_bed", m);
  }

  public boolean bedExists(long institutionId, String bedNo) {
    return !jdbc.queryForList("SELECT id FROM care_bed WHERE institution_id = ? AND bed_no = ?", Long.class,
        institutionId, bedNo).isEmpty();
  }

  /**
   * Locks the city's institutions (in id order, so that two lockers never deadlock): every placement, transfer and
   * freed bed of a city runs under this lock, so that a free bed and a waiting request are never both left over.
   */
  public int lockCity(String cityCode) {
    return jdbc.queryForList("SELECT id FROM care_institution WHERE city_code = ? ORDER BY id FOR UPDATE", Long.class,
        cityCode).size();
  }

  /** A free bed of the type and kind in the city, in the county given first, then by institution and bed. */
  public Optional<Long> freeBed(String cityCode, String countyFirst, InstitutionKind kind, BedType type) {
    return jdbc.queryForList("SELECT b.id FROM care_bed b JOIN care_institution i ON i.id = b.institution_id "
        + "WHERE i.city_code = ? AND i.kind = ? AND b.bed_type = ? AND " + FREE
        + " ORDER BY CASE WHEN i.county_code = ? THEN 0 ELSE 1 END, i.id, b.id FETCH FIRST 1 ROWS ONLY", Long.class,
        cityCode, kind.name(), type.name(), countyFirst).stream().findFirst();
  }

  // placements

  /** @throws org.springframework.dao.DuplicateKeyException the bed is taken, or the request holds one already */
  public long insertPlacement(long requestId, long bedId, String kind, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("request_id", requestId);
    m.put("bed_id", bedId);
    m.put("kind", kind);
    m.put("placed_at", Timestamp.from(at));
    m.put("occupied", 1);
    return insert("care_placement", m);
  }

  public Optional<Placement> currentPlacement(long requestId) {
    return jdbc.query("SELECT " + PLC + " WHERE p.request_id = ? AND p.occupied = 1", CareRepository::placement,
        requestId).stream().findFirst();
  }

  public List<Placement> placements(long requestId) {
    return jdbc.query("SELECT " + PLC + " WHERE p.request_id = ? ORDER BY p.id", CareRepository::placement, requestId);
  }

  public boolean endPlacement(long placementId, String reason, Instant at) {
    return jdbc.update("UPDATE care_placement SET ended_at = ?, end_reason = ?, occupied = NULL "
        + "WHERE id = ? AND occupied = 1", Timestamp.from(at), reason, placementId) == 1;
  }

  public boolean admit(long placementId, LocalDate on, String by, String note) {
    return jdbc.update("UPDATE care_placement SET admitted_on = ?, admitted_by = ?, admission_note = ? "
        + "WHERE id = ? AND occupied = 1", Date.valueOf(on), by, note, placementId) == 1;
  }

  // requests

  public long insertRequest(Request r) {
    Map<String, Object> m = new HashMap<>();
    m.put("tekun_person_id", r.tekunPersonId());
    m.put("id_number", r.idNumber());
    m.put("full_name", r.fullName());
    m.put("birth_date", Date.valueOf(r.birthDate()));
    m.put("county_code", r.countyCode());
    m.put("city_code", r.cityCode());
    m.put("region_code", r.regionCode());
    m.put("care_level", r.careLevel().name());
    m.put("institution_kind", r.institutionKind().name());
    m.put("status", "NEW");
    m.put("transfer_needed", false);
    m.put("requested_at", Timestamp.from(r.requestedAt().toInstant()));
    m.put("source", r.source());
    m.put("open_slot", 1);
    return insert("care_placement_request", m);
  }

  public Optional<Request> request(long id) {
    return jdbc.query("SELECT " + REQ + " FROM care_placement_request WHERE id = ?", CareRepository::request, id)
        .stream().findFirst();
  }

  public Optional<Request> openRequest(long tekunPersonId) {
    return jdbc.query("SELECT " + REQ + " FROM care_placement_request WHERE tekun_person_id = ? AND open_slot = 1",
        CareRepository::request, tekunPersonId).stream().findFirst();
  }

  public void setRequestProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE care_placement_request SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  public boolean setRequestStatus(long id, String from, String to, boolean transferNeeded) {
    return jdbc.update("UPDATE care_placement_request SET status = ?, transfer_needed = ? WHERE id = ? AND status = ?",
        to, transferNeeded, id, from) == 1;
  }

  public void setRequestLevel(long id, CareLevel level, boolean transferNeeded) {
    jdbc.update("UPDATE care_placement_request SET care_level = ?, transfer_needed = ? WHERE id = ? AND open_slot = 1",
        level.name(), transferNeeded, id);
  }

  public boolean endRequest(long id, String reason, Instant at) {
    return jdbc.update("UPDATE care_placement_request SET status = 'ENDED', open_slot = NULL, transfer_needed = FALSE, "
        + "end_reason = ?, ended_at = ? WHERE id = ? AND open_slot = 1", reason, Timestamp.from(at), id) == 1;
  }

  /** The city's requests waiting for a bed (new ones and transfers), in waiting-list order. */
  public List<Request> queue(String cityCode) {
    return jdbc.query("SELECT " + REQ + " FROM care_placement_request WHERE city_code = ? AND (status = 'WAITING' "
        + "OR (status = 'PLACED' AND transfer_needed)) ORDER BY " + QUEUE_ORDER, CareRepository::request, cityCode);
  }

  /** The requests of a region and below: status null for the open ones; WAITING in waiting-list order. */
  public List<Request> requests(String regionPrefix, String status, int offset, int limit) {
    String order = "WAITING".equals(status) ? QUEUE_ORDER : "id DESC";
    return jdbc.query("SELECT " + REQ + " FROM care_placement_request WHERE region_code LIKE ? AND "
        + (status == null ? "open_slot = 1" : "status = ?") + " ORDER BY " + order
        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", CareRepository::request,
        status == null ? new Object[] {regionPrefix + "%", offset, limit}
            : new Object[] {regionPrefix + "%", status, offset, limit});
  }

  // agreements and visits

  public long insertAgreement(long tekunPersonId, String idNumber, String fullName, LocalDate birthDate,
      String countyCode, String regionCode, CareLevel level, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("tekun_person_id", tekunPersonId);
    m.put("id_number", idNumber);
    m.put("full_name", fullName);
    m.put("birth_date", Date.valueOf(birthDate));
    m.put("county_code", countyCode);
    m.put("region_code", regionCode);
    m.put("care_level", level.name());
    m.put("status", "PENDING");
    m.put("renewals", 0);
    m.put("created_at", Timestamp.from(at));
    m.put("open_slot", 1);
    return insert("care_agreement", m);
  }

  public Optional<Agreement> agreement(long id) {
    return jdbc.query("SELECT " + AGR + " FROM care_agreement WHERE id = ?", CareRepository::agreement, id).stream()
        .findFirst();
  }

  public Optional<Agreement> openAgreement(long tekunPersonId) {
    return jdbc.query("SELECT " + AGR + " FROM care_agreement WHERE tekun_person_id = ? AND open_slot = 1",
        CareRepository::agreement, tekunPersonId).stream().findFirst();
  }

  public List<Agreement> agreements(String regionPrefix, boolean openOnly, int offset, int limit) {
    return jdbc.query("SELECT " + AGR + " FROM care_agreement WHERE region_code LIKE ?"
        + (openOnly ? " AND open_slot = 1" : "") + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
        CareRepository::agreement, regionPrefix + "%", offset, limit);
  }

  public void setAgreementProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE care_agreement SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  /** The township's entry of the signed agreement (PENDING → ACTIVE). */
  public boolean enterAgreement(long id, String caregiverKind, String caregiverName, String caregiverId,
      String caregiverPhone, String duties, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn, String by) {
    return jdbc.update("UPDATE care_agreement SET status = 'ACTIVE', caregiver_kind = ?, caregiver_name = ?, "
        + "caregiver_id = ?, caregiver_phone = ?, duties = ?, signed_on = ?, starts_on = ?, ends_on = ?, entered_by = ? "
        + "WHERE id = ? AND status = 'PENDING'", caregiverKind, caregiverName, caregiverId, caregiverPhone, duties,
        Date.valueOf(signedOn), Date.valueOf(startsOn), Date.valueOf(endsOn), by, id) == 1;
  }

  public boolean renewAgreement(long id, LocalDate newEnd, String caregiverName, String caregiverPhone) {
    return jdbc.update("UPDATE care_agreement SET ends_on = ?, renewals = renewals + 1, "
        + "caregiver_name = COALESCE(?, caregiver_name), caregiver_phone = COALESCE(?, caregiver_phone) "
        + "WHERE id = ? AND status = 'ACTIVE'", Date.valueOf(newEnd), caregiverName, caregiverPhone, id) == 1;
  }

  public void setVisitPlan(long id, int intervalMonths, LocalDate next) {
    jdbc.update("UPDATE care_agreement SET visit_interval_months = ?, next_visit_on = ? WHERE id = ?", intervalMonths,
        Date.valueOf(next), id);
  }

  public void setAgreementLevel(long id, CareLevel level) {
    jdbc.update("UPDATE care_agreement SET care_level = ? WHERE id = ? AND open_slot = 1", level.name(), id);
  }

  public boolean endAgreement(long id, String reason, Instant at) {
    return jdbc.update("UPDATE care_agreement SET status = 'ENDED', open_slot = NULL, next_visit_on = NULL, "
        + "end_reason = ?, ended_at = ? WHERE id = ? AND open_slot = 1", reason, Timestamp.from(at), id) == 1;
  }

  /** @throws org.springframework.dao.DuplicateKeyException the task's visit is recorded already */
  public long insertVisit(long agreementId, LocalDate on, String visitor, String findings, String problems,
      String taskId, String by, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("agreement_id", agreementId);
    m.put("visited_on", Date.valueOf(on));
    m.put("visitor", visitor);
    m.put("findings", findings);
    m.put("problems", problems);
    m.put("task_id", taskId);
    m.put("recorded_by", by);
    m.put("recorded_at", Timestamp.from(at));
    return insert("care_visit", m);
  }

  public List<Visit> visits(long agreementId) {
    return jdbc.query("SELECT * FROM care_visit WHERE agreement_id = ? ORDER BY visited_on, id",
        CareRepository::visit, agreementId);
  }

  public Optional<LocalDate> lastVisit(long agreementId) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(visited_on) FROM care_visit WHERE agreement_id = ?",
        Date.class, agreementId)).map(Date::toLocalDate);
  }

  /** Records the follow-up of the visits whose problems are still open. */
  public int followUp(long agreementId, String text, String by, Instant at) {
    return jdbc.update("UPDATE care_visit SET follow_up = ?, follow_up_by = ?, follow_up_at = ? WHERE agreement_id = ? "
        + "AND problems IS NOT NULL AND follow_up IS NULL", text, by, Timestamp.from(at), agreementId);
  }

  public LocalDate agreementBirthDate(long id) {
    return jdbc.queryForObject("SELECT birth_date FROM care_agreement WHERE id = ?", Date.class, id).toLocalDate();
  }

  // mapping

  private long insert(String table, Map<String, Object> m) {
    return new SimpleJdbcInsert(jdbc).withTableName(table).usingGeneratedKeyColumns("id")
        .usingColumns(m.keySet().toArray(String[]::new)).executeAndReturnKey(m).longValue();
  }

  private static OffsetDateTime odt(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
  }

  private static LocalDate date(ResultSet rs, String col) throws SQLException {
    Date d = rs.getDate(col);
    return d == null ? null : d.toLocalDate();
  }

  private static Institution institution(ResultSet rs, int row) throws SQLException {
    return new Institution(rs.getLong("id"), rs.getString("name"), rs.getString("county_code"),
        rs.getString("city_code"), InstitutionKind.valueOf(rs.getString("kind")), rs.getInt("general_beds"),
        rs.getInt("nursing_beds"), rs.getInt("free_general"), rs.getInt("free_nursing"));
  }

  private static Request request(ResultSet rs, int row) throws SQLException {
    return new Request(rs.getLong("id"), rs.getLong("tekun_person_id"), rs.getString("id_number"),
        rs.getString("full_name"), date(rs, "birth_date"), rs.getString("county_code"), rs.getString("city_code"),
        rs.getString("region_code"), CareLevel.valueOf(rs.getString("care_level")),
        InstitutionKind.valueOf(rs.getString("institution_kind")), rs.getString("status"),
        rs.getBoolean("transfer_needed"), odt(rs, "requested_at"), rs.getString("source"),
        rs.getString("process_instance_id"), rs.getString("end_reason"));
  }

  private static Placement placement(ResultSet rs, int row) throws SQLException {
    return new Placement(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("bed_id"), rs.getString("bed_no"),
        BedType.valueOf(rs.getString("bed_type")), rs.getLong("institution_id"), rs.getString("institution_name"),
        rs.getString("institution_county"), rs.getString("kind"), odt(rs, "placed_at"), date(rs, "admitted_on"),
        rs.getString("admitted_by"), odt(rs, "ended_at"), rs.getString("end_reason"));
  }

  private static Agreement agreement(ResultSet rs, int row) throws SQLException {
    int interval = rs.getInt("visit_interval_months");
    Integer intervalMonths = rs.wasNull() ? null : interval;
    return new Agreement(rs.getLong("id"), rs.getLong("tekun_person_id"), rs.getString("id_number"),
        rs.getString("full_name"), rs.getString("county_code"), rs.getString("region_code"),
        CareLevel.valueOf(rs.getString("care_level")), rs.getString("status"), rs.getString("caregiver_kind"),
        rs.getString("caregiver_name"), rs.getString("caregiver_id"), rs.getString("caregiver_phone"),
        rs.getString("duties"), date(rs, "signed_on"), date(rs, "starts_on"), date(rs, "ends_on"),
        rs.getString("entered_by"), rs.getInt("renewals"), intervalMonths, date(rs, "next_visit_on"),
        rs.getString("process_instance_id"), odt(rs, "ended_at"), rs.getString("end_reason"));
  }

  private static Visit visit(ResultSet rs, int row) throws SQLException {
    return new Visit(rs.getLong("id"), rs.getLong("agreement_id"), date(rs, "visited_on"), rs.getString("visitor"),
        rs.getString("findings"), rs.getString("problems"), rs.getString("follow_up"), rs.getString("follow_up_by"),
        odt(rs, "follow_up_at"), rs.getString("recorded_by"), odt(rs, "recorded_at"));
  }
}
