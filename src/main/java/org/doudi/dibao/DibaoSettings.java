package org.doudi.dibao;

import java.util.ArrayList;
import java.util.List;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.Role;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.springframework.beans.factory.annotation.Value;

/**
 * Settings and helpers the model reads as {@code ${dibao.…}}:
 * <ul>
 *   <li>{@code doudi.dibao.democratic-appraisal}: {@code AFTER_OBJECTION} (2021 rules, default: 民主评议 only after an
 *   objection during 公示) or {@code ALWAYS} (2012 rules: every case);</li>
 *   <li>{@code doudi.dibao.materials-lapse}: how long (ISO-8601 calendar period, default {@code P30D}) an application
 *   waits for missing materials before it lapses;</li>
 *   <li>{@code doudi.dibao.investigation-working-days}: working days (default 7, local practice) the household
 *   investigation may take from its recorded start (第15条 limits only the start: 3 working days after 受理);</li>
 *   <li>{@code supervisorGroups(regionCode)}: the supervisors' groups of every region above the case.</li>
 * </ul>
 */
@ProcessBean("dibao")
public class DibaoSettings {

  public enum AppraisalMode { AFTER_OBJECTION, ALWAYS }

  private final Regions regions;
  private volatile AppraisalMode appraisalMode;
  private volatile String materialsLapse;
  private final int investigationWorkingDays;

  public DibaoSettings(Regions regions,
      @Value("${doudi.dibao.democratic-appraisal:AFTER_OBJECTION}") AppraisalMode appraisalMode,
      @Value("${doudi.dibao.materials-lapse:P30D}") String materialsLapse,
      @Value("${doudi.dibao.investigation-working-days:7}") int investigationWorkingDays) {
    this.regions = regions;
    if (investigationWorkingDays < 1 || investigationWorkingDays > 30) {
      throw new IllegalArgumentException("doudi.dibao.investigation-working-days must be 1…30 (within the overall "
          + "limit of 30 working days, 《最低生活保障审核确认办法》第二十二条), got " + investigationWorkingDays);
    }
    this.investigationWorkingDays = investigationWorkingDays;
    this.appraisalMode = appraisalMode;
    java.time.Period.parse(materialsLapse); // fail at start-up on a bad period
    this.materialsLapse = materialsLapse;
  }

  public boolean isAppraisalAlways() {
    return appraisalMode == AppraisalMode.ALWAYS;
  }

  public AppraisalMode getAppraisalMode() {
    return appraisalMode;
  }

  /** For tests and operators: switch the rule set without a restart (affects cases reaching the gateway later). */
  public void setAppraisalMode(AppraisalMode mode) {
    this.appraisalMode = mode;
  }

  /** Working days the household investigation may take from its recorded start (local practice). */
  public int getInvestigationWorkingDays() {
    return investigationWorkingDays;
  }

  public String getMaterialsLapse() {
    return materialsLapse;
  }

  /** Supervisors of the case's county, city and province (a supervisor may sit at any level). */
  public List<String> supervisorGroups(String regionCode) {
    List<String> groups = new ArrayList<>();
    for (Region r : regions.chain(regionCode)) {
      groups.add(Role.SUPERVISOR.groupId(r.code()));
    }
    return groups;
  }
}
