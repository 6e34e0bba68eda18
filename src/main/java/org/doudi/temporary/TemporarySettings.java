package org.doudi.temporary;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.Role;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.beans.factory.annotation.Value;

/**
 * Settings and group helpers the 临时救助 models read as {@code ${temporary.…}} (properties {@code doudi.temporary.*}):
 * <ul>
 *   <li>{@code paperwork-working-days} (10): the 补齐手续 deadline after the emergency eased;</li>
 *   <li>{@code paperwork-reminder-working-days} (7): when the township worker is reminded (before the deadline);</li>
 *   <li>{@code easing-default-working-days} (5): when the case moves to 补齐手续 if the worker set no date and no
 *   {@code EmergencyEased} message arrives;</li>
 *   <li>{@code notice-period} (P7D): the 支出型 公示 period. The 公示 itself is mandatory (四(二) “严格执行申请受理、审核确认、
 *   公示程序”): {@code public-notice=false} or a zero period refuses to start;</li>
 *   <li>{@code investigation-working-days} (5): due date of the 支出型 入户调查.</li>
 * </ul>
 */
@ProcessBean("temporary")
public class TemporarySettings {

  private final Regions regions;
  private volatile int paperworkWorkingDays;
  private volatile int paperworkReminderWorkingDays;
  private volatile int easingDefaultWorkingDays;
  private final String noticePeriod;
  private final int investigationWorkingDays;

  public TemporarySettings(Regions regions,
      @Value("${doudi.temporary.paperwork-working-days:10}") int paperworkWorkingDays,
      @Value("${doudi.temporary.paperwork-reminder-working-days:7}") int paperworkReminderWorkingDays,
      @Value("${doudi.temporary.easing-default-working-days:5}") int easingDefaultWorkingDays,
      @Value("${doudi.temporary.public-notice:true}") boolean publicNotice,
      @Value("${doudi.temporary.notice-period:P7D}") String noticePeriod,
      @Value("${doudi.temporary.investigation-working-days:5}") int investigationWorkingDays) {
    this.regions = regions;
    if (paperworkWorkingDays < 1 || paperworkReminderWorkingDays < 1
        || paperworkReminderWorkingDays >= paperworkWorkingDays) {
      throw new IllegalArgumentException("doudi.temporary: need 1 <= paperwork-reminder-working-days ("
          + paperworkReminderWorkingDays + ") < paperwork-working-days (" + paperworkWorkingDays + ")");
    }
    if (!publicNotice) {
      throw new IllegalArgumentException("doudi.temporary.public-notice=false 不能使用：支出型临时救助必须公示"
          + "（吉民发〔2020〕40号 四（二）：严格执行申请受理、审核确认、公示程序）");
    }
    Period period = Period.parse(noticePeriod); // fail at start-up on a bad period
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("doudi.temporary.notice-period=" + noticePeriod
          + " 不能使用：支出型临时救助的公示期不能为0（公示不能关闭）");
    }
    this.paperworkWorkingDays = paperworkWorkingDays;
    this.paperworkReminderWorkingDays = paperworkReminderWorkingDays;
    this.easingDefaultWorkingDays = easingDefaultWorkingDays;
    this.noticePeriod = noticePeriod;
    this.investigationWorkingDays = investigationWorkingDays;
  }

  public int getPaperworkWorkingDays() {
    return paperworkWorkingDays;
  }

  public int getPaperworkReminderWorkingDays() {
    return paperworkReminderWorkingDays;
  }

  public int getEasingDefaultWorkingDays() {
    return easingDefaultWorkingDays;
  }

  /**
   * Always true: the 支出型 公示 is mandatory (四(二)). Read only by cases of the earlier model version, whose gateway
   * 需要公示？ still asks {@code ${temporary.publicNotice && …}}; there is no setter and no property that turns it off.
   */
  public boolean isPublicNotice() {
    return true;
  }

  public String getNoticePeriod() {
    return noticePeriod;
  }

  public int getInvestigationWorkingDays() {
    return investigationWorkingDays;
  }

  /** Supervisors of every region from the case's county up to the province. */
  public List<String> supervisorGroups(String regionCode) {
    List<String> groups = new ArrayList<>();
    for (Region r : regions.chain(regionCode)) {
      if (r.level() == RegionLevel.COUNTY || r.level().isAbove(RegionLevel.COUNTY)) {
        groups.add(Role.SUPERVISOR.groupId(r.code()));
      }
    }
    return groups;
  }

  /** Overdue 补齐手续 goes to the county approvers and the supervisors above the case. */
  public List<String> escalationGroups(String regionCode) {
    List<String> groups = new ArrayList<>();
    regions.ancestorAt(regionCode, RegionLevel.COUNTY)
        .ifPresent(c -> groups.add(Role.COUNTY_APPROVER.groupId(c.code())));
    groups.addAll(supervisorGroups(regionCode));
    return groups;
  }
}
