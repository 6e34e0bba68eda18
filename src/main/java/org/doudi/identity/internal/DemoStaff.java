package org.doudi.identity.internal;

import java.util.List;
import org.doudi.identity.Role;
import org.doudi.identity.Staff;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Demo staff of the Changchun slice; every password is "demo". Exists only in the demo profile. */
@Component
@Profile("demo")
public class DemoStaff {

  record DemoUser(String id, String firstName, String lastName, Role role, String region) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("demo", "演示", "管理员", Role.ADMIN, "220000"),
      new DemoUser("analyst", "省厅", "分析员", Role.ANALYST, "220000"),
      new DemoUser("auditor", "省厅", "审计员", Role.AUDITOR, "220000"),
      new DemoUser("supervisor", "长春市", "督查员", Role.SUPERVISOR, "220100"),
      new DemoUser("ng-county-cw", "南关区", "经办人", Role.COUNTY_CASEWORKER, "220102"),
      new DemoUser("ng-county-approver", "南关区", "审批人", Role.COUNTY_APPROVER, "220102"),
      new DemoUser("na-county-cw", "农安县", "经办人", Role.COUNTY_CASEWORKER, "220122"),
      new DemoUser("na-county-approver", "农安县", "审批人", Role.COUNTY_APPROVER, "220122"),
      new DemoUser("na-supervisor", "农安县", "督查员", Role.SUPERVISOR, "220122"),
      new DemoUser("nanling-cw", "南岭街道", "经办人", Role.TOWNSHIP_CASEWORKER, "220102001"),
      new DemoUser("nanling-approver", "南岭街道", "审批人", Role.TOWNSHIP_APPROVER, "220102001"),
      new DemoUser("ziqiang-cw", "自强街道", "经办人", Role.TOWNSHIP_CASEWORKER, "220102002"),
      new DemoUser("nongan-cw", "农安镇", "经办人", Role.TOWNSHIP_CASEWORKER, "220122100"),
      new DemoUser("nongan-approver", "农安镇", "审批人", Role.TOWNSHIP_APPROVER, "220122100"),
      new DemoUser("fulongquan-cw", "伏龙泉镇", "经办人", Role.TOWNSHIP_CASEWORKER, "220122101"),
      new DemoUser("nanling-sq", "南岭社区", "协理员", Role.VILLAGE_ASSISTANT, "220102001001"),
      new DemoUser("baota", "宝塔村", "协理员", Role.VILLAGE_ASSISTANT, "220122100201"));

  private final Staff staff;

  public DemoStaff(Staff staff) {
    this.staff = staff;
  }

  void create() {
    for (DemoUser u : USERS) {
      staff.ensureUser(u.id(), u.firstName(), u.lastName(), "demo", u.role(), u.region());
    }
  }
}
