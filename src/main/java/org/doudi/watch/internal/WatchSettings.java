package org.doudi.watch.internal;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the watch list (application.yaml {@code doudi.watch.*}, docs/watch.md):
 * <ul>
 *   <li>{@code recheck-months} (6): a rejected applicant is re-checked (漏保) this many calendar months after the
 *   rejection, and again every as many months while in the register;</li>
 *   <li>{@code edge-multiple} (1.5): 低保边缘 = assessed per-capita income below this multiple of the standard, with
 *   the assets within the limit (民政部等 2022 通知);</li>
 *   <li>{@code temporary-window-months} (12): a second 临时救助 within this many months raises an alert.</li>
 * </ul>
 */
@Component
public class WatchSettings {

  private final int recheckMonths;
  private final BigDecimal edgeMultiple;
  private final int temporaryWindowMonths;

  public WatchSettings(@Value("${doudi.watch.recheck-months:6}") int recheckMonths,
      @Value("${doudi.watch.edge-multiple:1.5}") BigDecimal edgeMultiple,
      @Value("${doudi.watch.temporary-window-months:12}") int temporaryWindowMonths) {
    if (recheckMonths < 1 || recheckMonths > 24 || temporaryWindowMonths < 1 || temporaryWindowMonths > 36
        || edgeMultiple.compareTo(BigDecimal.ONE) <= 0) {
      throw new IllegalStateException("doudi.watch: recheck-months 1..24, temporary-window-months 1..36, "
          + "edge-multiple > 1");
    }
    this.recheckMonths = recheckMonths;
    this.edgeMultiple = edgeMultiple;
    this.temporaryWindowMonths = temporaryWindowMonths;
  }

  public int recheckMonths() {
    return recheckMonths;
  }

  public BigDecimal edgeMultiple() {
    return edgeMultiple;
  }

  public int temporaryWindowMonths() {
    return temporaryWindowMonths;
  }
}
