package org.doudi.tekun;

import java.time.Period;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.doudi.engine.ProcessBean;
import org.springframework.beans.factory.annotation.Value;

/**
 * Settings of the 特困 recognition the model reads as {@code ${tekunSettings.…}}:
 * <ul>
 *   <li>{@code doudi.tekun.democratic-appraisal}: counties (codes, or {@code ALL}) that hold a 民主评议 before the
 *   初审 (default none: the 2021 认定办法 no longer requires it);</li>
 *   <li>{@code doudi.tekun.delegated-counties}: counties that delegated the confirmation to their townships
 *   (吉民发〔2020〕40号 五(二)); default none;</li>
 *   <li>{@code doudi.tekun.spot-check-percent}: the share of the county's confirmations checked at home first (at
 *   least 30, 特困人员认定办法第十二条);</li>
 *   <li>{@code doudi.tekun.materials-lapse}: how long (ISO-8601 period, default {@code P30D}) an application waits for
 *   missing materials before it lapses.</li>
 * </ul>
 */
@ProcessBean("tekunSettings")
public class TekunSettings {

  private final Set<String> appraisalCounties = ConcurrentHashMap.newKeySet();
  private final Set<String> delegatedCounties = ConcurrentHashMap.newKeySet();
  private final int spotCheckPercent;
  private final String materialsLapse;

  public TekunSettings(@Value("${doudi.tekun.democratic-appraisal:}") Set<String> appraisalCounties,
      @Value("${doudi.tekun.delegated-counties:}") Set<String> delegatedCounties,
      @Value("${doudi.tekun.spot-check-percent:30}") int spotCheckPercent,
      @Value("${doudi.tekun.materials-lapse:P30D}") String materialsLapse) {
    if (spotCheckPercent < 30 || spotCheckPercent > 100) {
      throw new IllegalArgumentException("doudi.tekun.spot-check-percent must be 30…100 (《特困人员认定办法》第十二条: "
          + "not below 30 %), got " + spotCheckPercent);
    }
    Period.parse(materialsLapse); // fail at start-up on a bad period
    appraisalCounties.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(this.appraisalCounties::add);
    delegatedCounties.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(this.delegatedCounties::add);
    this.spotCheckPercent = spotCheckPercent;
    this.materialsLapse = materialsLapse;
  }

  /** Whether the county holds a 民主评议 before the 初审. */
  public boolean appraisalRequired(String countyCode) {
    return appraisalCounties.contains("ALL") || appraisalCounties.contains(countyCode);
  }

  /** Whether the county delegated the confirmation to its townships. */
  public boolean delegated(String countyCode) {
    return delegatedCounties.contains(countyCode);
  }

  public int getSpotCheckPercent() {
    return spotCheckPercent;
  }

  public String getMaterialsLapse() {
    return materialsLapse;
  }

  /** For tests and operators: switch the 民主评议 of a county (affects cases reaching the gateway later). */
  public void setAppraisal(String countyCode, boolean required) {
    if (required) {
      appraisalCounties.add(countyCode);
    } else {
      appraisalCounties.remove(countyCode);
    }
  }

  /** For tests and operators: delegate a county's confirmation to its townships, or take it back. */
  public void setDelegated(String countyCode, boolean delegated) {
    if (delegated) {
      delegatedCounties.add(countyCode);
    } else {
      delegatedCounties.remove(countyCode);
    }
  }
}
