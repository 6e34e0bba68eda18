package org.doudi.register.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doudi.register.Holding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** benefit_person and its append-only benefit_person_event (V14_1). */
@Repository
public class RegisterRepository {

  private static final String COLS = "id_number, person_name, scheme, holder_key, case_ref, county_code, region_code, "
      + "status, since";

  private final JdbcTemplate jdbc;

  public RegisterRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails with a duplicate key when the person is registered already (the primary key decides, not a read). */
  public void insert(Holding h, Instant at) {
    jdbc.update("INSERT INTO benefit_person (" + COLS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        h.idNumber(), h.personName(), h.scheme(), h.holderKey(), h.caseRef(), h.countyCode(), h.regionCode(),
        h.status().name(), Timestamp.from(h.since()), Timestamp.from(at));
  }

  public Optional<Holding> find(String idNumber) {
    return jdbc.query("SELECT " + COLS + " FROM benefit_person WHERE id_number = ?", RegisterRepository::map, idNumber)
        .stream().findFirst();
  }

  /** The holder's rows, locked: the holder's changes are serialised. */
  public List<Holding> ofHolder(String holderKey) {
    return jdbc.query("SELECT " + COLS + " FROM benefit_person WHERE holder_key = ? ORDER BY id_number FOR UPDATE",
        RegisterRepository::map, holderKey);
  }

  public void setStatus(String idNumber, Holding.Status status, String caseRef, Instant at) {
    jdbc.update("UPDATE benefit_person SET status = ?, case_ref = ?, updated_at = ? WHERE id_number = ?",
        status.name(), caseRef, Timestamp.from(at), idNumber);
  }

  public void move(String idNumber, String countyCode, String regionCode, Instant at) {
    jdbc.update("UPDATE benefit_person SET county_code = ?, region_code = ?, updated_at = ? WHERE id_number = ?",
        countyCode, regionCode, Timestamp.from(at), idNumber);
  }

  public void delete(String idNumber) {
    jdbc.update("DELETE FROM benefit_person WHERE id_number = ?", idNumber);
  }

  public void event(Holding h, String event, Holding.Status status, String reason, String actor, Instant at) {
    jdbc.update("INSERT INTO benefit_person_event (id_number, holder_key, event, status, county_code, region_code, "
        + "reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", h.idNumber(), h.holderKey(), event,
        status == null ? null : status.name(), h.countyCode(), h.regionCode(), reason, actor, Timestamp.from(at));
  }

  static Holding map(ResultSet rs, int i) throws SQLException {
    return new Holding(rs.getString("id_number"), rs.getString("person_name"), rs.getString("scheme"),
        rs.getString("holder_key"), rs.getString("case_ref"), rs.getString("county_code"),
        rs.getString("region_code"), Holding.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("since").toInstant());
  }
}
