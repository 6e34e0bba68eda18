package org.doudi.dibao;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.platform.ProcessFixture;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.HouseholdApplication.Relation;
import org.doudi.household.HouseholdApplication.UrbanRural;
import org.doudi.household.TestApplications;

/** Test helpers for the dibao process: the engine clock in China time, jobs, tasks and households. */
final class DibaoFixture extends ProcessFixture {
  DibaoFixture(TaskService tasks, ManagementService management) {
    super(tasks, management);
  }

  static Map<String, Object> allMaterials() {
    return vars("materialIdentity", true, "materialIncome", true, "materialAssets", true,
        "materialAuthorisation", true, "materialPledge", true, "materialDisabilityProof", true);
  }

  /** 启动入户调查: two investigators and the planned visit (today). */
  static Map<String, Object> startInvestigation() {
    return vars("investigator1", "刘调查", "investigator2", "陈调查",
        "plannedVisitDate", clock().toLocalDate().toString(), "investigationPlan", "入户并走访两户邻居");
  }

  static Map<String, Object> investigation() {
    return vars("investigator1", "刘调查", "investigator2", "陈调查", "investigatorsSigned", true,
        "familySigned", true, "investigationDate", clock().toLocalDate().toString(),
        "livingConditions", "平房两间，家电简陋", "neighbourhoodNotes", "邻居反映家庭确实困难");
  }

  /** 张三's household in 宝塔村 (农安县, county approval); the simulator finds nothing hidden. */
  static HouseholdApplication baota() {
    return TestApplications.unique(TestApplications.household());
  }

  /** The same household with a member whose ID sequence ends in 8: the check platform finds a 60 000 yuan deposit. */
  static HouseholdApplication baotaWithHiddenDeposit() {
    HouseholdApplication a = TestApplications.household();
    Member child = a.members().get(2);
    return TestApplications.unique(TestApplications.withMember(a, 2, new Member(child.name(),
        TestApplications.id("22012220150601008"), Relation.CHILD, null, null, null, null, false, false, true, null,
        null)));
  }

  /** A household in 南岭社区 (南关区 220102, where approval is delegated to the township). */
  static HouseholdApplication nanling() {
    HouseholdApplication a = TestApplications.household();
    List<Member> members = a.members().stream().map(m -> new Member(m.name(), m.idNumber(), m.relation(), "220102",
        UrbanRural.URBAN, m.disabilityCategory(), m.disabilityGrade(), m.seriousIllness(), m.ableToWork(),
        m.student(), m.monthlyIncome(), m.rigidExpenses())).toList();
    return TestApplications.unique(new HouseholdApplication("220102", "220102001001", UrbanRural.URBAN,
        "南关区南岭街道南岭社区5栋", a.contactPhone(), members, a.assets(), true, true, null, a.bankAccount(), false, null));
  }

  static LocalDate date(String s) {
    return LocalDate.parse(s);
  }
}
