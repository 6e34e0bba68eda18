package org.doudi.standards.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.doudi.standards.StandardBatch;
import org.doudi.standards.StandardBatch.Row;
import org.doudi.standards.StandardKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL on {@code standard_batch} and {@code standard_batch_row} (this module's own tables). */
@Repository
public class BatchStore {

  private static final String COLUMNS = "id, kind, status, effective_from, source_note, file_name, uploaded_by, "
      + "uploaded_at, decided_by, decided_at, decision_note";

  private final JdbcTemplate jdbc;

  public BatchStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(StandardKind kind, LocalDate from, String note, String fileName, String by, Instant at,
      List<Row> rows) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("INSERT INTO standard_batch (kind, status, effective_from, source_note, file_name, "
          + "uploaded_by, uploaded_at) VALUES (?, 'PENDING', ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, kind.name());
      ps.setDate(2, Date.valueOf(from));
      ps.setString(3, note);
      ps.setString(4, fileName == null || fileName.length() <= 200 ? fileName : fileName.substring(0, 200));
      ps.setString(5, by);
      ps.setTimestamp(6, Timestamp.from(at));
      return ps;
    }, key);
    long id = key.getKey().longValue();
    jdbc.batchUpdate("INSERT INTO standard_batch_row (batch_id, line_no, county_code, urban_rural, monthly_standard, "
        + "asset_limit_months) VALUES (?, ?, ?, ?, ?, ?)", rows.stream().map(r -> new Object[] {id, r.line(),
            r.countyCode(), r.urbanRural(), r.monthlyStandard(), r.assetLimitMonths()}).toList());
    return id;
  }

  /** The batch's status, its row locked until the transaction ends (one decision per batch). */
  public Optional<String> lock(long id) {
    return jdbc.query("SELECT status FROM standard_batch WHERE id = ? FOR UPDATE", (rs, i) -> rs.getString(1), id)
        .stream().findFirst();
  }

  public void decide(long id, String status, String by, Instant at, String note) {
    jdbc.update("UPDATE standard_batch SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
        + "WHERE id = ? AND status = 'PENDING'", status, by, Timestamp.from(at), note, id);
  }

  public Optional<StandardBatch> find(long id) {
    List<Row> rows = jdbc.query("SELECT line_no, county_code, urban_rural, monthly_standard, asset_limit_months "
        + "FROM standard_batch_row WHERE batch_id = ? ORDER BY line_no", (rs, i) -> new Row(rs.getInt(1),
            rs.getString(2), rs.getString(3), rs.getBigDecimal(4), (Integer) rs.getObject(5, Integer.class)), id);
    return jdbc.query("SELECT " + COLUMNS + " FROM standard_batch WHERE id = ?", (rs, i) -> batch(rs, rows), id)
        .stream().findFirst();
  }

  public List<StandardBatch> list() {
    return jdbc.query("SELECT " + COLUMNS + " FROM standard_batch ORDER BY id DESC", (rs, i) -> batch(rs, List.of()));
  }

  private static StandardBatch batch(ResultSet rs, List<Row> rows) throws SQLException {
    Timestamp decided = rs.getTimestamp(10);
    return new StandardBatch(rs.getLong(1), StandardKind.valueOf(rs.getString(2)), rs.getString(3),
        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getTimestamp(8).toInstant(), rs.getString(9), decided == null ? null : decided.toInstant(),
        rs.getString(11), rows);
  }
}
