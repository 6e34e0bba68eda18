package org.doudi.calendar;

import java.util.List;

/**
 * Which open legal clocks to list or count. {@code regions}: the padded region codes (province 220000, city 220100,
 * county 220102, township 220102001, village 220102001001) whose clocks the caller may see, each with everything
 * below it; {@code null} for all rows (administrators), empty for none. The other fields are optional filters
 * ({@code null} = any); {@code band} is ignored by the counts.
 */
public record OpenDeadlineFilter(List<String> regions, String scheme, String processKey, String countyCode,
    String townshipCode, DeadlineBand band) {

  public static OpenDeadlineFilter all() {
    return new OpenDeadlineFilter(null, null, null, null, null, null);
  }

  public OpenDeadlineFilter withBand(DeadlineBand b) {
    return new OpenDeadlineFilter(regions, scheme, processKey, countyCode, townshipCode, b);
  }
}
