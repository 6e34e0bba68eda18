package org.doudi.calendar.persistence;

import static org.doudi.calendar.persistence.DeadlineRepository.instant;
import static org.doudi.calendar.persistence.DeadlineRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** {@code cal_clock_stop}: the clock stops of each case. */
@Repository
public class ClockStopRepository {

  private static final String COLUMNS = "id, process_instance_id, reason, suspended_on, suspended_at, suspended_by, "
      + "resumed_on, resumed_at, resumed_by";

  private static final RowMapper<ClockStopRow> ROW = (rs, i) -> new ClockStopRow(rs.getLong(1), rs.getString(2),
      rs.getString(3), rs.getObject(4, LocalDate.class), instant(rs, 5), rs.getString(6),
      rs.getObject(7, LocalDate.class), instant(rs, 8), rs.getString(9));

  private final JdbcTemplate jdbc;

  public ClockStopRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Starts a stop; a second running stop of the same case violates {@code uq_cal_clock_stop_running}. */
  public void start(String processInstanceId, String reason, LocalDate on, Instant at, String by) {
    jdbc.update("INSERT INTO cal_clock_stop (process_instance_id, running_pid, reason, suspended_on, suspended_at, "
        + "suspended_by) VALUES (?, ?, ?, ?, ?, ?)", processInstanceId, processInstanceId, reason, on, utc(at), by);
  }

  public Optional<ClockStopRow> running(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cal_clock_stop WHERE running_pid = ?", ROW, processInstanceId)
        .stream().findFirst();
  }

  public void finish(long id, LocalDate on, Instant at, String by) {
    jdbc.update("UPDATE cal_clock_stop SET running_pid = NULL, resumed_on = ?, resumed_at = ?, resumed_by = ? "
        + "WHERE id = ?", on, utc(at), by, id);
  }

  public List<ClockStopRow> all(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cal_clock_stop WHERE process_instance_id = ? ORDER BY id",
        ROW, processInstanceId);
  }

  public record ClockStopRow(long id, String processInstanceId, String reason, LocalDate suspendedOn,
      Instant suspendedAt, String suspendedBy, LocalDate resumedOn, Instant resumedAt, String resumedBy) {

    public boolean running() {
      return resumedOn == null;
    }
  }
}
