package org.doudi.supervision.escalation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of escalation (application.yaml {@code doudi.supervision.escalation.*}, docs/escalation.md):
 * <ul>
 *   <li>{@code repeated-threshold} (2): an office with at least this many missed limits in the period asked for is
 *   flagged for repeated lateness (屡次超时);</li>
 *   <li>{@code page-size} (100): passed limits examined per transaction of the sweep;</li>
 *   <li>{@code max-holder-working-days} (30): the longest 督办 deadline a supervisor may give the holder.</li>
 * </ul>
 */
@Component
public class EscalationSettings {

  private final int repeatedThreshold;
  private final int pageSize;
  private final int maxHolderWorkingDays;

  public EscalationSettings(@Value("${doudi.supervision.escalation.repeated-threshold:2}") int repeatedThreshold,
      @Value("${doudi.supervision.escalation.page-size:100}") int pageSize,
      @Value("${doudi.supervision.escalation.max-holder-working-days:30}") int maxHolderWorkingDays) {
    if (repeatedThreshold < 1 || pageSize < 1 || pageSize > 1000 || maxHolderWorkingDays < 1
        || maxHolderWorkingDays > 250) {
      throw new IllegalStateException("doudi.supervision.escalation: repeated-threshold >= 1, page-size 1..1000, "
          + "max-holder-working-days 1..250");
    }
    this.repeatedThreshold = repeatedThreshold;
    this.pageSize = pageSize;
    this.maxHolderWorkingDays = maxHolderWorkingDays;
  }

  public int repeatedThreshold() {
    return repeatedThreshold;
  }

  public int pageSize() {
    return pageSize;
  }

  public int maxHolderWorkingDays() {
    return maxHolderWorkingDays;
  }
}
