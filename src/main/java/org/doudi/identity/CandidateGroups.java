package org.doudi.identity;

import org.doudi.engine.ProcessBean;
import org.doudi.region.Region;
import org.doudi.region.Regions;

/**
 * Candidate groups for models: {@code camunda:candidateGroups="${groups.of('TOWNSHIP_CASEWORKER', regionCode)}"}
 * gives the township caseworkers of the township that contains the case's region.
 */
@ProcessBean("groups")
public class CandidateGroups {

  private final Regions regions;

  public CandidateGroups(Regions regions) {
    this.regions = regions;
  }

  public String of(String roleName, String regionCode) {
    Role role = Role.valueOf(roleName);
    Region region = role.level()
        .map(level -> regions.ancestorAt(regionCode, level).orElseThrow(() -> new IllegalArgumentException(
            "行政区划 " + regionCode + " 不在" + level.label() + "之下，无法确定" + role.label())))
        .orElseGet(() -> regions.get(regionCode));
    return role.groupId(region.code());
  }
}
