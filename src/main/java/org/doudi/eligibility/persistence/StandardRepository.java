package org.doudi.eligibility.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.doudi.eligibility.DibaoStandard;
import org.doudi.eligibility.NewDibaoStandard;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code dibao_standard}; insert-only. */
@Repository
public class StandardRepository {

  private static final String COLUMNS = "id, county_code, urban_rural, monthly_standard, asset_limit_months, "
      + "effective_from, sample, source_note, created_by, created_at";

  private final NamedParameterJdbcTemplate jdbc;

  public StandardRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<DibaoStandard> list(String countyCode) {
    String where = countyCode == null ? "" : " WHERE county_code = :county";
    return jdbc.query("SELECT " + COLUMNS + " FROM dibao_standard" + where
        + " ORDER BY county_code, urban_rural, effective_from", Map.of("county", String.valueOf(countyCode)),
        StandardRepository::row);
  }

  /** The standard in force on {@code date}: the row with the latest effective date not after it. */
  public Optional<DibaoStandard> inForce(String countyCode, String urbanRural, LocalDate date) {
    return jdbc.query("SELECT " + COLUMNS + " FROM dibao_standard WHERE county_code = :county AND urban_rural = :ur"
            + " AND effective_from <= :date ORDER BY effective_from DESC",
        new MapSqlParameterSource().addValue("county", countyCode).addValue("ur", urbanRural).addValue("date", date),
        StandardRepository::row).stream().findFirst();
  }

  public Optional<LocalDate> latestEffectiveFrom(String countyCode, String urbanRural) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(effective_from) FROM dibao_standard"
            + " WHERE county_code = :county AND urban_rural = :ur",
        Map.of("county", countyCode, "ur", urbanRural), LocalDate.class));
  }

  public long insert(NewDibaoStandard s, int assetLimitMonths, boolean sample, String createdBy, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO dibao_standard (county_code, urban_rural, monthly_standard, asset_limit_months,"
            + " effective_from, sample, source_note, created_by, created_at) VALUES (:county, :ur, :amount, :months,"
            + " :from, :sample, :note, :by, :at)",
        new MapSqlParameterSource()
            .addValue("county", s.countyCode()).addValue("ur", s.urbanRural())
            .addValue("amount", s.monthlyStandard()).addValue("months", assetLimitMonths)
            .addValue("from", s.effectiveFrom()).addValue("sample", sample).addValue("note", s.sourceNote().strip())
            .addValue("by", createdBy).addValue("at", Timestamp.from(at)),
        keys, new String[] {"id"});
    return keys.getKey().longValue();
  }

  private static DibaoStandard row(ResultSet rs, int i) throws SQLException {
    return new DibaoStandard(rs.getLong("id"), rs.getString("county_code"), rs.getString("urban_rural"),
        rs.getBigDecimal("monthly_standard").setScale(2), rs.getInt("asset_limit_months"),
        rs.getObject("effective_from", LocalDate.class), rs.getBoolean("sample"), rs.getString("source_note"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
