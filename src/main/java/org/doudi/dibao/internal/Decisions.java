package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.dibao.persistence.DibaoRepository.StoredAssessment;
import org.doudi.dibao.ApplicationRejected;
import org.doudi.eligibility.DibaoAssessment;
import org.doudi.engine.ProcessBean;
import org.doudi.notice.NoticeKind;
import org.doudi.notice.Notices;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.Households;
import org.doudi.household.HouseholdApplication;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.eligibility.SupplementRules;
import org.doudi.payroll.AwardBasis;
import org.doudi.payroll.AwardGrant;
import org.doudi.payroll.Awards;
import org.doudi.register.BenefitRegister;
import org.doudi.register.Person;
import org.doudi.dibao.DibaoVariables;

/** The decision (审核确认办法 第21、24条): approval with publication, rejection with a written notice and its delivery. */
final class Decisions {

  private Decisions() {}

  static final String DECIDED_BY = "decidedBy";

  @ProcessBean("dibaoRecordApproval")
  public static class RecordApproval implements JavaDelegate {
    private final DibaoRepository records;
    private final Households households;
    private final Awards awards;
    private final BenefitRegister register;
    private final ObjectMapper json;
    private final SupplementRules rules;
    private final CaseNotices notices;

    public RecordApproval(DibaoRepository records, Households households, Awards awards, BenefitRegister register,
        ObjectMapper json, SupplementRules rules, CaseNotices notices) {
      this.notices = notices;
      this.records = records;
      this.households = households;
      this.awards = awards;
      this.register = register;
      this.json = json;
      this.rules = rules;
    }

    /**
     * The amount and the persons covered come from the stored assessment (dibao_assessment), never from a process
     * variable: a value sent with a task completion cannot reach the decision, the award or the payroll.
     */
    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
      long id = CaseContext.applicationId(execution);
      String pid = execution.getProcessInstanceId();
      LocalDate today = CaseContext.today();
      LocalDate paymentFrom = today.withDayOfMonth(1).plusMonths(1); // 第21条: from the month after the decision
      StoredAssessment stored = records.latestAssessment(pid)
          .orElseThrow(() -> new IllegalStateException("案件" + pid + "没有存档的评估结果，不能确认同意"));
      DibaoAssessment assessed = json.readValue(stored.json(), DibaoAssessment.class);
      if (!assessed.eligible() || !assessed.outcome().name().equals(stored.outcome())) {
        throw new IllegalStateException("案件" + pid + "存档的评估结论为不符合条件，不能确认同意");
      }
      BigDecimal amount = stored.monthlyAmount();
      List<Person> covered = covered(assessed);
      String reasons = assessed.reasons().stream().map(r -> r.text() + "（" + r.citation() + "）")
          .collect(Collectors.joining("\n"));
      long decision = records.insertDecision(id, pid, "APPROVE", CaseContext.string(execution, AUTHORITY),
          CaseContext.string(execution, DECIDED_BY), CaseContext.now(), today, amount, paymentFrom,
          reasons.isBlank() ? "符合最低生活保障条件" : clip(reasons, 4000), stored.id());
      records.insertPublication(decision, id, CaseContext.string(execution, CaseVariables.REGION_CODE),
          CaseContext.string(execution, APPLICANT_NAME), covered.size(), amount, CaseContext.now());
      households.updateStatus(id, ApplicationStatus.APPROVED);
      register.approve(CaseContext.holderKey(id), pid, covered.stream().map(Person::idNumber)
          .collect(Collectors.toSet()), CaseContext.string(execution, DECIDED_BY));
      execution.setVariable(PAYMENT_FROM, paymentFrom.toString());
      // 第二十一条: the 确认通知书 with the amount and the first month, from the stored decision's figures
      notices.issue(notices.request(execution, NoticeKind.DIBAO_APPROVED, "decision-" + decision)
          .with(Notices.DECIDING_LEVEL, CaseContext.string(execution, AUTHORITY))
          .with("decidedOn", Notices.date(today))
          .with("coveredCount", covered.size())
          .with("coveredNames", covered.stream().map(Person::name).collect(Collectors.joining("、")))
          .with("monthlyAmount", amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString())
          .with("startMonth", paymentFrom.getYear() + "年" + paymentFrom.getMonthValue() + "月"));
      grantAward(execution, id, pid, today, amount, covered, stored.id(), assessed);
    }

    /** 按户: every member; 单人户 (参照单人户纳入): only the members the assessment included, each with an amount. */
    static List<Person> covered(DibaoAssessment a) {
      return a.members().stream()
          .filter(m -> a.outcome() == DibaoAssessment.Outcome.DIBAO || m.amount().signum() > 0)
          .map(m -> new Person(m.idNumber(), m.name())).toList();
    }

    /** The monthly payroll pays from the award (benefit_award), in the same transaction as the decision. */
    private void grantAward(DelegateExecution execution, long id, String pid, LocalDate today, BigDecimal amount,
        List<Person> covered, long assessmentId, DibaoAssessment assessed) {
      HouseholdApplication a = households.load(id);
      HouseholdApplication.BankAccount account = a.bankAccount();
      if (account == null || amount.signum() <= 0) {
        // no account given yet: the county grants the award once it has one (docs/payroll.md)
        execution.setVariable(DibaoVariables.AWARD_GRANTED, false);
        return;
      }
      execution.setVariable(DibaoVariables.AWARD_GRANTED, true);
      String holder = account.holderName().strip();
      HouseholdApplication.Member payee = a.memberList().stream().filter(m -> holder.equals(m.name().strip()))
          .findFirst().orElse(a.applicant());
      awards.grant(new AwardGrant(CaseContext.holderKey(id), Scheme.DIBAO, pid, a.countyCode(), a.regionCode(),
          a.urbanRural() == null ? null : a.urbanRural().name(), covered.size(),
          new Payee(CaseContext.holderKey(id), holder, payee.idNumber().strip().toUpperCase(), account.bankName(),
              account.accountNumber()), amount, today, "低保审核确认同意", covered, basis(a, assessed, assessmentId)),
          CaseContext.string(execution, DECIDED_BY));
    }

    /**
     * What the amount was made of, for a later standard rise or age band (docs/standard-rise.md): the stored
     * assessment's figures and, per covered person, the case record's facts that the supplement rules read, with
     * the percents of the rules the assessment applied (evaluated as it did: age on the assessment date).
     */
    AwardBasis basis(HouseholdApplication a, DibaoAssessment assessed, long assessmentId) {
      boolean household = assessed.outcome() == DibaoAssessment.Outcome.DIBAO;
      List<AwardBasis.Member> members = new java.util.ArrayList<>();
      SupplementRules.InForce inForce = rules.inForce(); // one version of the tables for the whole household
      for (DibaoAssessment.MemberAmount m : assessed.members()) {
        if (!household && m.amount().signum() <= 0) {
          continue;
        }
        HouseholdApplication.Member facts = a.memberList().stream()
            .filter(x -> x.idNumber().strip().equalsIgnoreCase(m.idNumber().strip())).findFirst()
            .orElseThrow(() -> new IllegalStateException("评估中的成员不在家庭成员名单中"));
        String category = facts.disabilityCategory() == null ? null : facts.disabilityCategory().name();
        SupplementRules.Ratio supplement = inForce.supplement(assessed.countyCode(), m.age() == null ? -1 : m.age(),
            facts.seriousIllness(), category, facts.disabilityGrade());
        Integer single = household ? null : inForce.singlePerson(assessed.countyCode(), facts.seriousIllness(),
            category, facts.disabilityGrade()).map(SupplementRules.Ratio::percent).orElse(null);
        members.add(new AwardBasis.Member(m.idNumber(), m.name(), facts.birthDate(), facts.seriousIllness(), category,
            facts.disabilityGrade(), supplement.category(), supplement.percent(), single));
      }
      BigDecimal net = assessed.countedIncome().subtract(assessed.rigidExpenses()).max(BigDecimal.ZERO);
      return new AwardBasis(household ? AwardBasis.Outcome.HOUSEHOLD : AwardBasis.Outcome.SINGLE_PERSON,
          assessed.householdSize(), net, assessed.perCapitaIncome(), assessed.standard(), assessed.monthlyAmount(),
          "dibao_assessment:" + assessmentId, members);
    }
  }

  @ProcessBean("dibaoRecordRejection")
  public static class RecordRejection implements JavaDelegate {
    private final DibaoRepository records;
    private final Households households;
    private final WorkingDayCalendar calendar;
    private final BenefitRegister register;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final CaseNotices notices;

    public RecordRejection(DibaoRepository records, Households households, WorkingDayCalendar calendar,
        BenefitRegister register, org.springframework.context.ApplicationEventPublisher events, ObjectMapper json,
        CaseNotices notices) {
      this.notices = notices;
      this.records = records;
      this.households = households;
      this.calendar = calendar;
      this.register = register;
      this.events = events;
      this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long id = CaseContext.applicationId(execution);
      String pid = execution.getProcessInstanceId();
      LocalDate today = CaseContext.today();
      String reasons = CaseContext.string(execution, DECISION_REASONS);
      String assessed = CaseContext.string(execution, ELIGIBILITY_REASONS);
      String all = reasons + (assessed == null || assessed.isBlank() ? "" : "\n评估依据：\n" + assessed);
      long decision = records.insertDecision(id, pid, "REJECT", CaseContext.string(execution, AUTHORITY),
          CaseContext.string(execution, DECIDED_BY), CaseContext.now(), today, null, null, clip(all, 4000),
          records.latestAssessmentId(pid).orElse(null));
      // 第二十一条: the written 不予确认同意 notice with the reasons and the remedies, delivered by the township
      notices.issue(notices.request(execution, NoticeKind.DIBAO_REFUSED, "decision-" + decision)
          .with(Notices.DECIDING_LEVEL, CaseContext.string(execution, AUTHORITY))
          .with("decidedOn", Notices.date(today))
          .with("reasons", CaseNotices.indented(all)));
      LocalDate due = calendar.addWorkingDays(today, 3, CaseContext.string(execution, CaseVariables.REGION_CODE));
      records.insertNotice(id, pid, "REJECTION", clip("不予确认同意最低生活保障通知书：" + CaseContext.string(execution,
          APPLICANT_NAME) + "的申请经审核不予确认同意。理由：" + all + "。如不服，可以自收到通知书之日起60日内申请行政复议，"
          + "或者6个月内提起行政诉讼（书面通知书见申请材料）。", 4000),
          CaseContext.string(execution, DECIDED_BY), CaseContext.now(), due);
      households.updateStatus(id, ApplicationStatus.REJECTED);
      register.release(CaseContext.holderKey(id), "不予确认同意", CaseContext.string(execution, DECIDED_BY));
      events.publishEvent(rejected(id, pid, today));
    }

    /** The event for listeners (the watch list): who was rejected, with the stored assessment's figures. */
    private ApplicationRejected rejected(long id, String pid, LocalDate today) {
      HouseholdApplication a = households.load(id);
      HouseholdApplication.Member applicant = a.applicant() != null ? a.applicant()
          : a.memberList().isEmpty() ? null : a.memberList().get(0);
      java.util.Optional<StoredAssessment> stored = records.latestAssessment(pid);
      Boolean assetsWithin = stored.map(s -> assetsWithin(s.json())).orElse(null);
      return new ApplicationRejected(id, pid, a.countyCode(), a.regionCode(),
          applicant == null || applicant.name() == null ? null : applicant.name().strip(),
          applicant == null || applicant.idNumber() == null ? null : applicant.idNumber().strip().toUpperCase(),
          a.memberList().stream().filter(m -> m.idNumber() != null)
          .map(m -> m.idNumber().strip().toUpperCase()).toList(), today,
          stored.map(StoredAssessment::outcome).orElse(null),
          stored.map(StoredAssessment::perCapitaIncome).orElse(null),
          stored.map(StoredAssessment::standard).orElse(null), assetsWithin);
    }

    /** Whether the stored assessment found the assets within the limit (no ASSETS_ABOVE_LIMIT reason); null unread. */
    private Boolean assetsWithin(String assessment) {
      try {
        return json.readValue(assessment, DibaoAssessment.class).reasons().stream()
            .noneMatch(r -> "ASSETS_ABOVE_LIMIT".equals(r.code()));
      } catch (JsonProcessingException e) {
        return null;
      }
    }
  }

  @ProcessBean("dibaoRecordDelivery")
  public static class RecordDelivery implements JavaDelegate {
    private final DibaoRepository records;

    public RecordDelivery(DibaoRepository records) {
      this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
      records.recordDelivery(execution.getProcessInstanceId(), LocalDate.parse(CaseContext.string(execution,
          "deliveredOn")), CaseContext.string(execution, "deliveryMethod"),
          CaseContext.string(execution, "deliveryRecipient"));
    }
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
