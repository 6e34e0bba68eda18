package org.doudi.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's trigger of V48_2 (db/vendor/h2): audit rows are never updated or deleted. PostgreSQL: a plpgsql trigger. */
public class AppendOnlyTrigger implements Trigger {

  private String table;

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
      int type) {
    this.table = tableName;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("审计记录只能追加，不能修改或删除（" + table + "）", "42501");
  }
}
