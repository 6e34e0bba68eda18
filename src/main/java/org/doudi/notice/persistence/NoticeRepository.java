package org.doudi.notice.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code notice_issue} (V66_1): this module's only table. */
@Repository
public class NoticeRepository {

  /** One issued notice: the stored document and its file name. */
  public record Issue(long documentId, String kind, String step, String fileName) {}

  private final JdbcTemplate jdbc;

  public NoticeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Issue> find(String processInstanceId, String kind, String step) {
    return jdbc.query("SELECT document_id, kind, step, file_name FROM notice_issue WHERE process_instance_id = ?"
            + " AND kind = ? AND step = ?", (rs, i) -> new Issue(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4)), processInstanceId, kind, step).stream().findFirst();
  }

  public List<Issue> forCase(String processInstanceId) {
    return jdbc.query("SELECT document_id, kind, step, file_name FROM notice_issue WHERE process_instance_id = ?"
        + " ORDER BY id", (rs, i) -> new Issue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        processInstanceId);
  }

  public void insert(String processInstanceId, String kind, String step, long documentId, String fileName,
      String issuedBy, Instant at) {
    jdbc.update("INSERT INTO notice_issue (process_instance_id, kind, step, document_id, file_name, issued_by,"
        + " issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)", processInstanceId, kind, step, documentId, fileName, issuedBy,
        Timestamp.from(at));
  }
}
