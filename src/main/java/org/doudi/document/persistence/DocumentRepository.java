package org.doudi.document.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.doudi.document.MaterialType;
import org.doudi.document.StoredDocument;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code case_document} (V52_1, content column by vendor in V52_2): this module's only table. */
@Repository
public class DocumentRepository {

  private static final String COLUMNS = "id, process_instance_id, business_key, region_code, material_type, "
      + "file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcTemplate jdbc;

  public DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public StoredDocument insert(String processInstanceId, String businessKey, String regionCode, MaterialType type,
      String fileName, String contentType, byte[] content, String sha256, String uploadedBy) {
    OffsetDateTime now = OffsetDateTime.now(CHINA);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("INSERT INTO case_document (process_instance_id, business_key, region_code, "
          + "material_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, content) "
          + "VALUES (?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      ps.setString(1, processInstanceId);
      ps.setString(2, businessKey);
      ps.setString(3, regionCode);
      ps.setString(4, type.name());
      ps.setString(5, fileName);
      ps.setString(6, contentType);
      ps.setLong(7, content.length);
      ps.setString(8, sha256);
      ps.setString(9, uploadedBy);
      ps.setTimestamp(10, Timestamp.from(now.toInstant()));
      ps.setBytes(11, content);
      return ps;
    }, key);
    return find(key.getKey().longValue()).orElseThrow();
  }

  public Optional<StoredDocument> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_document WHERE id = ?", DocumentRepository::row, id)
        .stream().findFirst();
  }

  public List<StoredDocument> forCase(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM case_document WHERE process_instance_id = ? ORDER BY id",
        DocumentRepository::row, processInstanceId);
  }

  public byte[] content(long id) {
    return jdbc.queryForObject("SELECT content FROM case_document WHERE id = ?", (rs, n) -> rs.getBytes(1), id);
  }

  private static StoredDocument row(ResultSet rs, int n) throws SQLException {
    return new StoredDocument(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("business_key"),
        rs.getString("region_code"), MaterialType.valueOf(rs.getString("material_type")), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant().atZone(CHINA).toOffsetDateTime());
  }
}
