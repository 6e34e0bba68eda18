package org.doudi.unemployed;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.platform.ProcessFixture;
import org.doudi.household.IdNumber;
import org.doudi.unemployed.UnemployedApplication.ApplicationPlace;
import org.doudi.unemployed.UnemployedApplication.IdentityDocument;
import org.doudi.unemployed.UnemployedApplication.UrbanRural;
import org.doudi.unemployed.UnemployedApplication.Witness;

/** Test helpers: applicants, the engine clock in China time, jobs and tasks. */
public final class UnemployedFixture extends ProcessFixture {
  public UnemployedFixture(TaskService tasks, ManagementService management) {
    super(tasks, management);
  }

  /** A valid ID number born on {@code yyyymmdd} with sequence {@code nn1} (the check simulator finds nothing). */
  public static String person(String yyyymmdd, int n) {
    String first17 = "220122" + yyyymmdd + String.format("%02d1", n);
    return first17 + IdNumber.checkDigit(first17);
  }

  /** 王五 of 宝塔村 (农安县, rural): out of work since July 2026, household of 3 with 900 yuan a month. */
  public static UnemployedApplication applicant(String idNumber) {
    return new UnemployedApplication("王五", idNumber, IdentityDocument.HUKOU, "220122", "220122100201",
        UrbanRural.RURAL, ApplicationPlace.RESIDENCE, "农安县农安镇宝塔村3组", "13904310000",
        "受疫情影响无法返岗复工，连续三个月无收入，家庭生活困难", "长春某建筑工程有限公司", "长春市南关区某路1号", "钢筋工",
        List.of(new Witness("李工头", "13804310001"), new Witness("赵同事", "13804310002")), YearMonth.of(2026, 7),
        true, false, false, 3, new BigDecimal("900.00"), new BigDecimal("2000.00"), "农安县农村信用合作联社",
        "6228480010000000011", true, true);
  }

  static Map<String, Object> found(String finding) {
    return vars("investigationFinding", finding, "investigators", "刘协理、陈委员",
        "investigationDate", clock().toLocalDate().toString(), "witnessesContacted", true,
        "investigationNotes", "电话联系两名证明人，确认申请人自2026年8月起停工，家中无其他收入来源");
  }

  static Map<String, Object> approve() {
    return vars("reviewDecision", "APPROVE");
  }
}
