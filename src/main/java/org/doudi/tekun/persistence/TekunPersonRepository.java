package org.doudi.tekun.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.CareMode;
import org.doudi.tekun.TekunPerson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** tekun_person (V36_1). Status changes are conditional on the status they leave. */
@Repository
public class TekunPersonRepository {

  private static final String COLS = "id, id_number, full_name, birth_date, county_code, region_code, urban_rural, "
      + "care_level, care_mode, basic_amount, care_amount, case_id, award_key, support_from, last_supported_month, "
      + "in_school, status, end_reason_code";

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert insert;

  public TekunPersonRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.insert = new SimpleJdbcInsert(jdbc).withTableName("tekun_person").usingGeneratedKeyColumns("id");
  }

  /** Inserts a SUPPORTED record; a second open record of the same person fails with a duplicate key. */
  public long insert(TekunPerson p, String by, Instant at) {
    Map<String, Object> m = new HashMap<>();
    m.put("id_number", p.idNumber());
    m.put("full_name", p.fullName());
    m.put("birth_date", Date.valueOf(p.birthDate()));
    m.put("county_code", p.countyCode());
    m.put("region_code", p.regionCode());
    m.put("urban_rural", p.urbanRural());
    m.put("care_level", p.careLevel().name());
    m.put("care_mode", p.careMode().name());
    m.put("basic_amount", p.basicAmount());
    m.put("care_amount", p.careAmount());
    m.put("case_id", p.caseId());
    m.put("award_key", p.awardKey());
    m.put("support_from", p.supportFrom().toString());
    m.put("in_school", p.inSchool());
    m.put("status", "SUPPORTED");
    m.put("open_slot", 1);
    m.put("recognised_by", by);
    m.put("recognised_at", Timestamp.from(at));
    m.put("updated_at", Timestamp.from(at));
    return insert.executeAndReturnKey(m).longValue();
  }

  public Optional<TekunPerson> find(long id) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_person WHERE id = ?", TekunPersonRepository::map, id).stream()
        .findFirst();
  }

  /** The person's record that is not ENDED. */
  public Optional<TekunPerson> open(String idNumber) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_person WHERE id_number = ? AND open_slot = 1",
        TekunPersonRepository::map, idNumber).stream().findFirst();
  }

  /** The records of a region and its subregions (by code prefix), newest first, one page. */
  public List<TekunPerson> inRegion(String regionPrefix, String status, int offset, int limit) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_person WHERE region_code LIKE ? AND (? IS NULL OR status = ?) "
        + "ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", TekunPersonRepository::map,
        regionPrefix + "%", status, status, offset, limit);
  }

  public static TekunPerson map(ResultSet rs, int row) throws SQLException {
    String last = rs.getString("last_supported_month");
    long caseId = rs.getLong("case_id");
    Long caseRef = rs.wasNull() ? null : caseId;
    boolean school = rs.getBoolean("in_school");
    Boolean inSchool = rs.wasNull() ? null : school;
    return new TekunPerson(rs.getLong("id"), rs.getString("id_number"), rs.getString("full_name"),
        rs.getDate("birth_date").toLocalDate(), rs.getString("county_code"), rs.getString("region_code"),
        rs.getString("urban_rural"), CareLevel.valueOf(rs.getString("care_level")),
        CareMode.valueOf(rs.getString("care_mode")), rs.getBigDecimal("basic_amount"),
        rs.getBigDecimal("care_amount"), caseRef, rs.getString("award_key"),
        YearMonth.parse(rs.getString("support_from")), last == null ? null : YearMonth.parse(last), inSchool,
        rs.getString("status"), rs.getString("end_reason_code"));
  }

  // changes and termination (TekunChanges)

  /** The record locked for the rest of the transaction. */
  public Optional<TekunPerson> lock(long id) {
    return jdbc.query("SELECT " + COLS + " FROM tekun_person WHERE id = ? FOR UPDATE", TekunPersonRepository::map, id)
        .stream().findFirst();
  }

  /** A re-assessed care level and the amounts in force from the next month; only while SUPPORTED. */
  public boolean changeCare(long id, CareLevel level, java.math.BigDecimal basicAmount,
      java.math.BigDecimal careAmount, Instant at) {
    return jdbc.update("UPDATE tekun_person SET care_level = ?, basic_amount = ?, care_amount = ?, updated_at = ? "
        + "WHERE id = ? AND status = 'SUPPORTED'", level.name(), basicAmount, careAmount, Timestamp.from(at), id) == 1;
  }

  /** SUPPORTED to ENDING (a termination decided, in its 公示) or back; false when not in {@code from}. */
  public boolean moveStatus(long id, String from, String to, Instant at) {
    return jdbc.update("UPDATE tekun_person SET status = ?, updated_at = ? WHERE id = ? AND status = ?", to,
        Timestamp.from(at), id, from) == 1;
  }

  /** Support ended: ENDED with the last month paid and the ground; false when it had ended already. */
  public boolean end(long id, YearMonth lastSupportedMonth, String reasonCode, Instant at) {
    return jdbc.update("UPDATE tekun_person SET status = 'ENDED', open_slot = NULL, last_supported_month = ?, "
        + "end_reason_code = ?, updated_at = ? WHERE id = ? AND status <> 'ENDED'", lastSupportedMonth.toString(),
        reasonCode, Timestamp.from(at), id) == 1;
  }

  /** Whether a person of 16 and over is in compulsory education, 普通高中 or 中职 (support past 18). */
  public void setInSchool(long id, Boolean inSchool, Instant at) {
    jdbc.update("UPDATE tekun_person SET in_school = ?, updated_at = ? WHERE id = ?", inSchool, Timestamp.from(at), id);
  }
}
