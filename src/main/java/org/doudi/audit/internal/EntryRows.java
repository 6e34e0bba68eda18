package org.doudi.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The hash of an audit_entry row as read back from the database (sealer and verification read alike). */
final class EntryRows {

  private EntryRows() {}

  static String hash(ResultSet rs) throws SQLException {
    return Chain.entryHash(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("kind"),
        rs.getString("action"), rs.getString("actor"), rs.getString("process_instance_id"),
        rs.getString("business_key"), rs.getString("region_code"), rs.getString("subject"),
        rs.getString("before_value"), rs.getString("after_value"), rs.getString("id_hash"));
  }
}
