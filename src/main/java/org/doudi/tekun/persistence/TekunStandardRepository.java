package org.doudi.tekun.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.tekun.NewTekunStandard;
import org.doudi.tekun.TekunStandard;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code tekun_standard} (V37_1); insert-only. */
@Repository
public class TekunStandardRepository {

  private static final String COLUMNS = "id, county_code, urban_rural, monthly_standard, effective_from, sample, "
      + "source_note, created_by, created_at";

  private final NamedParameterJdbcTemplate jdbc;

  public TekunStandardRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<TekunStandard> list(String countyCode) {
    String where = countyCode == null ? "" : " WHERE county_code = :county";
    return jdbc.query("SELECT " + COLUMNS + " FROM tekun_standard" + where
        + " ORDER BY county_code, urban_rural, effective_from", Map.of("county", String.valueOf(countyCode)),
        TekunStandardRepository::row);
  }

  /** The row with the latest effective date not after {@code date}. */
  public Optional<TekunStandard> inForce(String countyCode, String urbanRural, LocalDate date) {
    return jdbc.query("SELECT " + COLUMNS + " FROM tekun_standard WHERE county_code = :county AND urban_rural = :ur"
            + " AND effective_from <= :date ORDER BY effective_from DESC FETCH FIRST 1 ROWS ONLY",
        new MapSqlParameterSource().addValue("county", countyCode).addValue("ur", urbanRural).addValue("date", date),
        TekunStandardRepository::row).stream().findFirst();
  }

  public Optional<LocalDate> latestEffectiveFrom(String countyCode, String urbanRural) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(effective_from) FROM tekun_standard"
            + " WHERE county_code = :county AND urban_rural = :ur",
        Map.of("county", countyCode, "ur", urbanRural), LocalDate.class));
  }

  public TekunStandard insert(NewTekunStandard s, boolean sample, String createdBy, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO tekun_standard (county_code, urban_rural, monthly_standard, effective_from, sample,"
            + " source_note, created_by, created_at) VALUES (:county, :ur, :amount, :from, :sample, :note, :by, :at)",
        new MapSqlParameterSource()
            .addValue("county", s.countyCode()).addValue("ur", s.urbanRural())
            .addValue("amount", s.monthlyStandard()).addValue("from", s.effectiveFrom()).addValue("sample", sample)
            .addValue("note", s.sourceNote().strip()).addValue("by", createdBy).addValue("at", Timestamp.from(at)),
        keys, new String[] {"id"});
    long id = keys.getKey().longValue();
    return jdbc.query("SELECT " + COLUMNS + " FROM tekun_standard WHERE id = :id", Map.of("id", id),
        TekunStandardRepository::row).get(0);
  }

  private static TekunStandard row(ResultSet rs, int i) throws SQLException {
    return new TekunStandard(rs.getLong("id"), rs.getString("county_code"), rs.getString("urban_rural"),
        rs.getBigDecimal("monthly_standard").setScale(2), rs.getObject("effective_from", LocalDate.class),
        rs.getBoolean("sample"), rs.getString("source_note"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
