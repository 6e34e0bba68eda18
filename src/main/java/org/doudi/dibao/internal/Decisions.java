package org.doudi.dibao.internal;

import static org.doudi.dibao.DibaoVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.dibao.persistence.DibaoRepository;
import org.doudi.engine.ProcessBean;
import org.doudi.household.ApplicationStatus;
import org.doudi.household.Households;
import org.doudi.household.HouseholdApplication;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.Payee;
import org.doudi.payment.Scheme;
import org.doudi.payroll.AwardGrant;
import org.doudi.payroll.Awards;

/** The decision (审核确认办法 第21、24条): approval with publication, rejection with a written notice and its delivery. */
final class Decisions {

  private Decisions() {}

  static final String DECIDED_BY = "decidedBy";

  @ProcessBean("dibaoRecordApproval")
  public static class RecordApproval implements JavaDelegate {
    private final DibaoRepository records;
    private final Households households;
    private final Awards awards;

    public RecordApproval(DibaoRepository records, Households households, Awards awards) {
      this.records = records;
      this.households = households;
      this.awards = awards;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long id = CaseContext.applicationId(execution);
      String pid = execution.getProcessInstanceId();
      LocalDate today = CaseContext.today();
      LocalDate paymentFrom = today.withDayOfMonth(1).plusMonths(1); // 第21条: from the month after the decision
      BigDecimal amount = new BigDecimal(CaseContext.string(execution, MONTHLY_AMOUNT));
      String reasons = CaseContext.string(execution, ELIGIBILITY_REASONS);
      long decision = records.insertDecision(id, pid, "APPROVE", CaseContext.string(execution, AUTHORITY),
          CaseContext.string(execution, DECIDED_BY), CaseContext.now(), today, amount, paymentFrom,
          reasons == null || reasons.isBlank() ? "符合最低生活保障条件" : reasons,
          records.latestAssessmentId(pid).orElse(null));
      records.insertPublication(decision, id, CaseContext.string(execution, CaseVariables.REGION_CODE),
          CaseContext.string(execution, APPLICANT_NAME), CaseContext.number(execution, MEMBER_COUNT).intValue(), amount,
          CaseContext.now());
      households.updateStatus(id, ApplicationStatus.APPROVED);
      execution.setVariable(PAYMENT_FROM, paymentFrom.toString());
      grantAward(execution, id, pid, today, amount);
    }

    /** The monthly payroll pays from the award (benefit_award), in the same transaction as the decision. */
    private void grantAward(DelegateExecution execution, long id, String pid, LocalDate today, BigDecimal amount) {
      HouseholdApplication a = households.load(id);
      HouseholdApplication.BankAccount account = a.bankAccount();
      if (account == null || amount.signum() <= 0) {
        // no account given yet: the county grants the award once it has one (POST /api/awards, docs/payroll.md)
        execution.setVariable("awardGranted", false);
        return;
      }
      execution.setVariable("awardGranted", true);
      String holder = account.holderName().strip();
      HouseholdApplication.Member payee = a.memberList().stream().filter(m -> holder.equals(m.name().strip()))
          .findFirst().orElse(a.applicant());
      awards.grant(new AwardGrant("HH-" + id, Scheme.DIBAO, pid, a.countyCode(), a.regionCode(),
          a.urbanRural() == null ? null : a.urbanRural().name(), a.memberList().size(),
          new Payee("HH-" + id, holder, payee.idNumber().strip().toUpperCase(), account.bankName(),
              account.accountNumber()), amount, today, "低保审核确认批准"),
          CaseContext.string(execution, DECIDED_BY));
    }
  }

  @ProcessBean("dibaoRecordRejection")
  public static class RecordRejection implements JavaDelegate {
    private final DibaoRepository records;
    private final Households households;
    private final WorkingDayCalendar calendar;

    public RecordRejection(DibaoRepository records, Households households, WorkingDayCalendar calendar) {
      this.records = records;
      this.households = households;
      this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long id = CaseContext.applicationId(execution);
      String pid = execution.getProcessInstanceId();
      LocalDate today = CaseContext.today();
      String reasons = CaseContext.string(execution, DECISION_REASONS);
      String assessed = CaseContext.string(execution, ELIGIBILITY_REASONS);
      String all = reasons + (assessed == null || assessed.isBlank() ? "" : "\n评估依据：\n" + assessed);
      records.insertDecision(id, pid, "REJECT", CaseContext.string(execution, AUTHORITY),
          CaseContext.string(execution, DECIDED_BY), CaseContext.now(), today, null, null, clip(all, 4000),
          records.latestAssessmentId(pid).orElse(null));
      LocalDate due = calendar.addWorkingDays(today, 3, CaseContext.string(execution, CaseVariables.REGION_CODE));
      records.insertNotice(id, pid, "REJECTION", clip("不予批准最低生活保障通知书：" + CaseContext.string(execution,
          APPLICANT_NAME) + "的申请经审核确认不予批准。理由：" + all + "。如不服，可依法申请行政复议或者提起行政诉讼。", 4000),
          CaseContext.string(execution, DECIDED_BY), CaseContext.now(), due);
      households.updateStatus(id, ApplicationStatus.REJECTED);
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
