package org.doudi.temporary.internal;

import static org.doudi.temporary.TemporaryVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.identity.CaseVariables;
import org.doudi.temporary.TemporaryVariables;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.stereotype.Component;

/** Region and jurisdiction checks shared by the 临时救助 start delegates. */
@Component
public class CaseSupport {

  private final Regions regions;
  private final Staff staff;

  public CaseSupport(Regions regions, Staff staff) {
    this.regions = regions;
    this.staff = staff;
  }

  /** A township or village/community; sets regionCode, regionName and countyCode on the case. */
  Region caseRegion(DelegateExecution execution, Values v, String label) {
    // the start forms choose 乡镇（街道） and then, optionally, 村（社区） by name (docs/household.md, region lists)
    String township = v.string(TemporaryVariables.FORM_TOWNSHIP);
    String village = v.string(CaseVariables.REGION_CODE);
    if (township != null && village != null && !village.startsWith(township)) {
      throw new TemporaryFormException(CaseVariables.REGION_CODE, "所选村（社区）不属于所选乡镇（街道），请重新选择");
    }
    execution.removeVariable(TemporaryVariables.FORM_TOWNSHIP);
    if (village == null && township != null) {
      execution.setVariable(CaseVariables.REGION_CODE, township);
    }
    String code = v.text(CaseVariables.REGION_CODE, label, 12);
    Optional<Region> r = code.matches("\\d{6,12}") ? regions.find(code) : Optional.empty();
    if (r.isEmpty() || !(r.get().level() == RegionLevel.TOWNSHIP || r.get().level() == RegionLevel.VILLAGE)) {
      throw new TemporaryFormException(CaseVariables.REGION_CODE,
          "“" + label + "”" + code + "不是已登记的乡镇（街道）或村（社区）区划代码");
    }
    if (r.get().closedForNewCases() != null) {
      throw new TemporaryFormException(CaseVariables.REGION_CODE, r.get().closedForNewCases());
    }
    Region county = regions.ancestorAt(code, RegionLevel.COUNTY).orElseThrow();
    execution.setVariable(CaseVariables.REGION_CODE, code);
    execution.setVariable(REGION_NAME, r.get().name());
    execution.setVariable(COUNTY_CODE, county.code());
    return r.get();
  }

  /** True when the code names a registered region (unknown codes are left to the validators: 400, not 403). */
  public boolean isKnown(String regionCode) {
    return regionCode != null && regionCode.matches("\\d{6,12}") && regions.find(regionCode).isPresent();
  }

  /** True when the user may handle cases of this region in one of the roles (administrators always). */
  public boolean mayHandle(String userId, String regionCode, Role... roles) {
    if (userId == null) {
      return true; // the system (a job, a REST call already checked)
    }
    Optional<StaffMember> m = staff.find(userId);
    if (m.isEmpty()) {
      return false;
    }
    return staff.worksWithin(m.get(), regionCode, java.util.List.of(roles)::contains);
  }

  /** Refuses a start by a user who does not work in the case's region. */
  void requireJurisdiction(String userId, String regionCode, Role... roles) {
    if (!mayHandle(userId, regionCode, roles)) {
      throw new TemporaryFormException(CaseVariables.REGION_CODE,
          "用户" + userId + "不负责行政区划" + regionCode + "的临时救助，不能在此登记");
    }
  }
}
