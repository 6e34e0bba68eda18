package org.doudi.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.eligibility.DibaoEligibility;
import org.doudi.household.HouseholdApplication;
import org.doudi.household.HouseholdApplication.Member;
import org.doudi.household.Households;
import org.doudi.household.TestApplications;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardGrant;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.platform.ProcessFixture;
import org.doudi.register.Person;

/** Households with an award (as the 低保 approval leaves them), the daily schedule run, and the review's tasks. */
class ReviewFixture extends ProcessFixture {

  static final String NONGAN = "220122";
  static final String NONGAN_TOWN = "220122100";
  static final String BAOTA = "220122100201";
  static final String NANGUAN = "220102";
  static final String NANLING_SQ = "220102001001";
  static final String TOWNSHIP_CW = "nongan-cw";
  static final String COUNTY_APPROVER = "na-county-approver";

  final Households households;
  final DibaoEligibility eligibility;
  final Awards awards;
  final RuntimeService runtime;

  ReviewFixture(TaskService tasks, ManagementService management, Households households, DibaoEligibility eligibility,
      Awards awards, RuntimeService runtime) {
    super(tasks, management);
    this.households = households;
    this.eligibility = eligibility;
    this.awards = awards;
    this.runtime = runtime;
  }

  /** 张三's household (宝塔村): nobody able to work, 李四 severely disabled — a stable household. */
  static HouseholdApplication stable() {
    return TestApplications.unique(TestApplications.household());
  }

  /** 张三 alone (seriously ill, small wage and pension). */
  static HouseholdApplication single() {
    HouseholdApplication a = stable();
    return TestApplications.withMembers(a, List.of(a.members().get(0)));
  }

  /** The same household with 张三 able to work and earning from a small business: irregular income. */
  static HouseholdApplication irregular() {
    HouseholdApplication a = TestApplications.household();
    Member z = a.members().get(0);
    return TestApplications.unique(TestApplications.withMember(a, 0, new Member(z.name(), z.idNumber(), z.relation(),
        z.hukouCountyCode(), z.hukouUrbanRural(), null, null, false, true, false,
        TestApplications.income(HouseholdApplication.IncomeType.BUSINESS, "200.00"), null)));
  }

  /** The household with member {@code index}'s ID number ending its sequence code (digits 15–17) with {@code seq}. */
  static HouseholdApplication withSequence(HouseholdApplication unique, int index, String seq) {
    Member m = unique.members().get(index);
    String id = TestApplications.id(m.idNumber().substring(0, 14) + seq);
    return TestApplications.withMember(unique, index, new Member(m.name(), id, m.relation(), m.hukouCountyCode(),
        m.hukouUrbanRural(), m.disabilityCategory(), m.disabilityGrade(), m.seriousIllness(), m.ableToWork(),
        m.student(), m.monthlyIncome(), m.rigidExpenses()));
  }

  /** Registers the household and grants its award as the approval would (assessed amount, every member covered). */
  String granted(HouseholdApplication a) {
    long id = households.register(a, TOWNSHIP_CW);
    String key = "HH-" + id;
    LocalDate today = clock().toLocalDate();
    DibaoAssessment assessed = eligibility.assess(a, today);
    List<Person> covered = a.members().stream().map(m -> new Person(m.idNumber(), m.name())).toList();
    Member payee = a.applicant();
    awards.grant(new AwardGrant(key, Scheme.DIBAO, "case-" + key, a.countyCode(), a.regionCode(),
        a.urbanRural().name(), covered.size(), new Payee(key, payee.name(), payee.idNumber(), "农安农商银行",
        "62284800" + String.format("%08d", id)), assessed.monthlyAmount(), today, "低保审核确认同意", covered),
        COUNTY_APPROVER);
    return key;
  }

  BigDecimal assessedWithout(HouseholdApplication a, String idNumber) {
    List<Member> left = a.members().stream().filter(m -> !m.idNumber().equals(idNumber)).toList();
    return eligibility.assess(TestApplications.withMembers(a, left), clock().toLocalDate()).monthlyAmount();
  }

  AwardRow award(String key) {
    return awards.latest(key, Scheme.DIBAO).orElseThrow();
  }

  /** Fires the daily schedule (as its timer does) and runs every job of the run and of the reviews it started. */
  void runSchedule() {
    String pid = runtime.startProcessInstanceByKey(ReviewVariables.SCHEDULE_PROCESS_KEY).getId();
    runJobs(pid);
    for (Job j : management.createJobQuery().processDefinitionKey(ReviewVariables.PROCESS_KEY).active().list()) {
      if (j.getDuedate() == null || !j.getDuedate().after(org.camunda.bpm.engine.impl.util.ClockUtil
          .getCurrentTime())) {
        runJobs(j.getProcessInstanceId());
      }
    }
  }

  static Map<String, Object> visit() {
    return vars("visitor1", "刘调查", "visitor2", "陈调查", "visitDate", clock().toLocalDate().toString(),
        "visitSigned", true, "visitFindings", "入户核实，家庭情况与登记一致。");
  }

  static Map<String, Object> outcome(String outcome, String reasons) {
    return vars("reviewOutcome", outcome, "outcomeReasons", reasons);
  }

  static Map<String, Object> stop() {
    return vars("reviewOutcome", "STOP", "outcomeReasons", "家庭成员就业，人均收入已超过当地低保标准。",
        "exitReasonCode", "INCOME_ABOVE_STANDARD_EMPLOYMENT", "riskIncomeStability", "STABLE", "riskHealth", "GOOD",
        "riskDebts", "NONE", "riskDependants", 1, "riskNote", "劳动合同一年，收入稳定，返贫风险低。");
  }

  static Map<String, Object> confirm() {
    return vars("confirmDecision", "CONFIRM", "confirmNote", "同意。");
  }
}
