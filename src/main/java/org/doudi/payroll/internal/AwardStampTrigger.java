package org.doudi.payroll.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's trigger of V18_2 (db/vendor/h2): every row written to or deleted from benefit_award adds one to
 * payroll_award_stamp for its effective month, in the writing transaction. PostgreSQL does the same with statement
 * triggers (db/vendor/postgresql/V18_2). The stamp tells the review's anomaly sets when they are out of date
 * ({@code AnomalyRepository}).
 */
public class AwardStampTrigger implements Trigger {

  private static final String ADD = "MERGE INTO payroll_award_stamp s USING (VALUES (CAST(? AS DATE))) AS w (d) "
      + "ON s.effective_from = w.d WHEN MATCHED THEN UPDATE SET changes = s.changes + 1 "
      + "WHEN NOT MATCHED THEN INSERT (effective_from, changes) VALUES (w.d, 1)";

  private int effectiveFrom = -1;

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
      int type) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS "
        + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = 'EFFECTIVE_FROM'")) {
      ps.setString(1, schemaName);
      ps.setString(2, tableName);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("benefit_award has no effective_from column");
        }
        effectiveFrom = rs.getInt(1) - 1;
      }
    }
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(ADD)) {
      for (Object[] row : new Object[][] {oldRow, newRow}) {
        if (row != null) {
          ps.setObject(1, row[effectiveFrom]);
          ps.executeUpdate();
        }
      }
    }
  }
}
