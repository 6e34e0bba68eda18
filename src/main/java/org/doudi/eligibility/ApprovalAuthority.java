package org.doudi.eligibility;

/**
 * Who confirms a 低保 application (DMN {@code dibao-approval-authority}).
 *
 * @param authority               COUNTY (县级民政部门) or TOWNSHIP (乡镇（街道）, where the county delegated it)
 * @param countyHomeVisitRequired 县级入户调查 required (单独登记备案 or a complaint/report; 审核确认办法 第20条)
 * @param overallLimitWorkingDays 30, or 20 when delegated, counted from 受理
 * @param basis                   the rules cited
 */
public record ApprovalAuthority(Authority authority, boolean countyHomeVisitRequired, int overallLimitWorkingDays,
    String basis) {

  public enum Authority { COUNTY, TOWNSHIP }

  public boolean delegated() {
    return authority == Authority.TOWNSHIP;
  }
}
