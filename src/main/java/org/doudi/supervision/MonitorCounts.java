package org.doudi.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Open legal clocks by band: in total, per county and per township of the caller's region (codes ascending). */
public record MonitorCounts(OffsetDateTime asOf, LocalDate today, BandCounts total, List<AreaCounts> counties,
    List<TownshipCounts> townships) {

  public record BandCounts(long overdue, long dueSoon, long onTime) {}

  public record AreaCounts(String code, String name, long overdue, long dueSoon, long onTime) {}

  public record TownshipCounts(String code, String name, String countyCode, long overdue, long dueSoon,
      long onTime) {}
}
