package org.doudi.supervision.vagrant.persistence;

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

/** The vagrant_* tables (V47_1__vagrant.sql); called inside the engine's or the request's transaction. */
@Repository
public class VagrantRepository {

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert cases;
  private final SimpleJdbcInsert records;

  public VagrantRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.cases = new SimpleJdbcInsert(jdbc).withTableName("vagrant_case").usingGeneratedKeyColumns("id");
    this.records = new SimpleJdbcInsert(jdbc).withTableName("vagrant_record").usingGeneratedKeyColumns("id");
  }

  public record Station(String code, String name, String countyCode, String address, String phone) {}

  /**
   * @param previousCaseId the same person's case at the station the person came from (null for a first intake)
   * @param firstIntakeAt  that case's first intake (null: this intake is the first)
   */
  public record NewCase(String stationCode, String countyCode, String fullName, String idNumber, String sex,
      int approximateAge, String foundPlace, String broughtBy, String healthState, String note, String registeredBy,
      Long previousCaseId, Instant firstIntakeAt) {}

  public record StoredCase(long id, String stationCode, String countyCode, String fullName, String idNumber,
      String sex, int approximateAge, String foundPlace, String broughtBy, String healthState, String note,
      OffsetDateTime intakeAt, String status, String identifiedName, String identifiedIdNumber,
      OffsetDateTime stayFiledAt, String settlementRegion, String followUp, String followUpRef,
      String processInstanceId, String registeredBy, OffsetDateTime closedAt, Long previousCaseId,
      OffsetDateTime firstIntakeAt) {}

  public record StoredRecord(String kind, String method, String content, String createdBy, OffsetDateTime createdAt) {}

  public Optional<Station> station(String code) {
    return jdbc.query("SELECT code, name, county_code, address, phone FROM vagrant_station WHERE code = ?",
        (rs, i) -> new Station(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        code).stream().findFirst();
  }

  public List<Station> stations() {
    return jdbc.query("SELECT code, name, county_code, address, phone FROM vagrant_station ORDER BY code",
        (rs, i) -> new Station(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
  }

  public long insert(NewCase c, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("station_code", c.stationCode());
    m.put("county_code", c.countyCode());
    m.put("full_name", c.fullName());
    m.put("id_number", c.idNumber());
    m.put("sex", c.sex());
    m.put("approximate_age", c.approximateAge());
    m.put("found_place", c.foundPlace());
    m.put("brought_by", c.broughtBy());
    m.put("health_state", c.healthState());
    m.put("intake_note", c.note());
    m.put("intake_at", Timestamp.from(now));
    m.put("previous_case_id", c.previousCaseId());
    m.put("first_intake_at", Timestamp.from(c.firstIntakeAt() != null ? c.firstIntakeAt() : now));
    m.put("status", "IN_STATION");
    m.put("registered_by", c.registeredBy());
    m.put("registered_at", Timestamp.from(now));
    m.put("updated_at", Timestamp.from(now));
    return cases.executeAndReturnKey(m).longValue();
  }

  /** The later intake that continues this case (its person moved on to another station), if any. */
  public Optional<Long> continuedBy(long id) {
    return jdbc.queryForList("SELECT id FROM vagrant_case WHERE previous_case_id = ?", Long.class, id).stream()
        .findFirst();
  }

  public void attachProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE vagrant_case SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  public Optional<StoredCase> find(long id) {
    return jdbc.query(SELECT + " WHERE id = ?", VagrantRepository::map, id).stream().findFirst();
  }

  /** A station's cases, newest first; {@code status} null = all. */
  public List<StoredCase> byStation(String stationCode, String status, int limit) {
    return status == null
        ? jdbc.query(SELECT + " WHERE station_code = ? ORDER BY id DESC LIMIT ?", VagrantRepository::map,
            stationCode, limit)
        : jdbc.query(SELECT + " WHERE station_code = ? AND status = ? ORDER BY id DESC LIMIT ?",
            VagrantRepository::map, stationCode, status, limit);
  }

  public void identified(long id, String name, String idNumber, Instant now) {
    jdbc.update("UPDATE vagrant_case SET identified_name = ?, identified_id_number = ?, updated_at = ? WHERE id = ?",
        name, idNumber, Timestamp.from(now), id);
  }

  public void stayFiled(long id, Instant now) {
    jdbc.update("UPDATE vagrant_case SET stay_filed_at = ?, updated_at = ? WHERE id = ? AND stay_filed_at IS NULL",
        Timestamp.from(now), Timestamp.from(now), id);
  }

  public void settled(long id, String name, String idNumber, String regionCode, Instant now) {
    jdbc.update("UPDATE vagrant_case SET identified_name = ?, identified_id_number = ?, settlement_region = ?, "
        + "status = 'SETTLED', updated_at = ? WHERE id = ?", name, idNumber, regionCode, Timestamp.from(now), id);
  }

  /** Records the application started for a settled person; false when one was recorded already (a retry). */
  public boolean followUp(long id, String scheme, String reference, Instant now) {
    return jdbc.update("UPDATE vagrant_case SET follow_up = ?, follow_up_ref = ?, updated_at = ?, closed_at = ? "
        + "WHERE id = ? AND follow_up IS NULL", scheme, reference, Timestamp.from(now), Timestamp.from(now), id) == 1;
  }

  /** Closes the stay (RETURNED or LEFT); false when it was closed already. */
  public boolean close(long id, String status, Instant now) {
    return jdbc.update("UPDATE vagrant_case SET status = ?, closed_at = ?, updated_at = ? WHERE id = ? "
        + "AND status = 'IN_STATION'", status, Timestamp.from(now), Timestamp.from(now), id) == 1;
  }

  public void insertRecord(long caseId, String kind, String method, String content, String user, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("case_id", caseId);
    m.put("kind", kind);
    m.put("method", method);
    m.put("content", content.length() > 3000 ? content.substring(0, 3000) : content);
    m.put("created_by", user == null ? "system" : user);
    m.put("created_at", Timestamp.from(now));
    records.execute(m);
  }

  public List<StoredRecord> records(long caseId) {
    return jdbc.query("SELECT kind, method, content, created_by, created_at FROM vagrant_record WHERE case_id = ? "
        + "ORDER BY id", (rs, i) -> new StoredRecord(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getObject(5, OffsetDateTime.class)), caseId);
  }

  public int count(long caseId, String kind) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM vagrant_record WHERE case_id = ? AND kind = ?",
        Integer.class, caseId, kind);
    return n == null ? 0 : n;
  }

  private static final String SELECT = "SELECT id, station_code, county_code, full_name, id_number, sex, "
      + "approximate_age, found_place, brought_by, health_state, intake_note, intake_at, status, identified_name, "
      + "identified_id_number, stay_filed_at, settlement_region, follow_up, follow_up_ref, process_instance_id, "
      + "registered_by, closed_at, previous_case_id, first_intake_at FROM vagrant_case";

  private static StoredCase map(ResultSet rs, int i) throws SQLException {
    return new StoredCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getObject(12, OffsetDateTime.class), rs.getString(13), rs.getString(14), rs.getString(15),
        rs.getObject(16, OffsetDateTime.class), rs.getString(17), rs.getString(18), rs.getString(19),
        rs.getString(20), rs.getString(21), rs.getObject(22, OffsetDateTime.class),
        rs.getObject(23) == null ? null : rs.getLong(23), rs.getObject(24, OffsetDateTime.class));
  }
}
