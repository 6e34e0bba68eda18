package org.doudi.review;

import org.doudi.engine.ProcessBean;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code doudi.review.*} (docs/review.md):
 * <ul>
 *   <li>{@code regime}: {@code MEASURES_2021} (default; 审核确认办法 第31条: yearly, half-yearly for irregular income
 *   with able-bodied members) or {@code LEGACY_2012} (民发〔2012〕220号: yearly / half-yearly / monthly urban,
 *   quarterly rural). It is an input of the DMN {@code dibao-review-class}, where the rows live;</li>
 *   <li>{@code lead-working-days} (10): a scheduled review appears in the township's worklist this many working days
 *   before its review date;</li>
 *   <li>{@code change-working-days} (10): a review opened by a change is due this many working days after the change
 *   was learnt of (a death: within 3 months at the latest, whichever is earlier);</li>
 *   <li>{@code start-chunk} (500): reviews started per transaction by the daily run;</li>
 *   <li>{@code compare-chunk} (200), {@code compare-per-day} (2000): households compared with the check platform per
 *   transaction and per day (oldest comparison first).</li>
 * </ul>
 */
@ProcessBean("review")
public class ReviewSettings {

  public enum Regime { MEASURES_2021, LEGACY_2012 }

  private volatile Regime regime;
  private final int leadWorkingDays;
  private final int changeWorkingDays;
  private final int startChunk;
  private final int compareChunk;
  private final int comparePerDay;

  public ReviewSettings(@Value("${doudi.review.regime:MEASURES_2021}") Regime regime,
      @Value("${doudi.review.lead-working-days:10}") int leadWorkingDays,
      @Value("${doudi.review.change-working-days:10}") int changeWorkingDays,
      @Value("${doudi.review.start-chunk:500}") int startChunk,
      @Value("${doudi.review.compare-chunk:200}") int compareChunk,
      @Value("${doudi.review.compare-per-day:2000}") int comparePerDay) {
    if (leadWorkingDays < 0 || changeWorkingDays < 1 || startChunk < 1 || compareChunk < 1 || comparePerDay < 0) {
      throw new IllegalStateException("doudi.review.*: working days and chunk sizes must be positive");
    }
    this.regime = regime;
    this.leadWorkingDays = leadWorkingDays;
    this.changeWorkingDays = changeWorkingDays;
    this.startChunk = startChunk;
    this.compareChunk = compareChunk;
    this.comparePerDay = comparePerDay;
  }

  public Regime getRegime() {
    return regime;
  }

  /** For operators and tests: switch the rule set without a restart (applies to the next class decided). */
  public void setRegime(Regime regime) {
    this.regime = regime;
  }

  public int getLeadWorkingDays() {
    return leadWorkingDays;
  }

  public int getChangeWorkingDays() {
    return changeWorkingDays;
  }

  public int getStartChunk() {
    return startChunk;
  }

  public int getCompareChunk() {
    return compareChunk;
  }

  public int getComparePerDay() {
    return comparePerDay;
  }
}
