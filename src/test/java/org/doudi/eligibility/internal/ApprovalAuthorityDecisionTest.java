package org.doudi.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.doudi.eligibility.ApprovalAuthority;
import org.doudi.eligibility.ApprovalAuthority.Authority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN dibao-approval-authority as shipped: 南关区 220102 is the (sample) delegated county. */
class ApprovalAuthorityDecisionTest {

  final DibaoDecisions decisions = FileDecisions.decisions();

  @ParameterizedTest(name = "{0} separate={1} complaint={2} → {3} visit={4} {5} days")
  @CsvSource({
      "220122, false, false, COUNTY, false, 30",
      "220122, true, false, COUNTY, true, 30",
      "220122, false, true, COUNTY, true, 30",
      "220122, true, true, COUNTY, true, 30",
      "220102, false, false, TOWNSHIP, false, 20",
      "220102, true, false, TOWNSHIP, true, 20",
      "220102, false, true, TOWNSHIP, true, 20",
      "229999, false, false, COUNTY, false, 30"})
  void decides(String county, boolean separate, boolean complaint, Authority authority, boolean visit, int days) {
    ApprovalAuthority a = decisions.authority(county, separate, complaint);
    assertThat(a.authority()).isEqualTo(authority);
    assertThat(a.countyHomeVisitRequired()).isEqualTo(visit);
    assertThat(a.overallLimitWorkingDays()).isEqualTo(days);
    assertThat(a.delegated()).isEqualTo(authority == Authority.TOWNSHIP);
    assertThat(a.basis()).contains("《最低生活保障审核确认办法》第二条");
    if (visit) {
      assertThat(a.basis()).contains("第二十条");
    }
  }
}
