package org.doudi.payroll.internal;

import static org.doudi.payroll.ReturnVariables.*;
import static org.doudi.payroll.internal.PayrollFormCheck.refuse;
import static org.doudi.payroll.internal.PayrollFormCheck.text;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payroll.AwardRow;
import org.doudi.payroll.Awards;
import org.doudi.payroll.PayrollCheckpoint;
import org.doudi.payroll.persistence.ReissueRequestRepository;
import org.doudi.payroll.persistence.ReissueRequestRepository.ReissueRequest;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The steps of payment-return after the bank returned a payment: the caseworker's correction is stored
 * (payroll_reissue_request), another person approves it, and only then is the money re-sent and the award's account
 * changed, from the stored request. Four eyes as for award changes (docs/payroll.md): the person who entered the
 * correction never approves it, checked here on the server and by the table's check constraint.
 */
public final class ReturnSteps {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(EngineContext.CHINA);

  private ReturnSteps() {}

  static long requestId(DelegateExecution e) {
    return ((Number) e.getVariable(REQUEST_ID)).longValue();
  }

  static String clip(String s) {
    return s.length() <= 500 ? s : s.substring(0, 499) + "…";
  }

  /**
   * 更正账户并重新发放 (complete listener): checks the answer; a re-issue is stored as a correction waiting for
   * approval, nothing is paid or changed yet. A refusal keeps the task open (REST: 400).
   */
  @ProcessBean("payrollReturnFixCheck")
  public static class FixCheck implements TaskListener {
    private final ReissueRequestRepository requests;
    private final Payments payments;

    public FixCheck(ReissueRequestRepository requests, Payments payments) {
      this.requests = requests;
      this.payments = payments;
    }

    @Override
    public void notify(DelegateTask task) {
      String user = CountyApprovers.actingUser(task);
      Object action = task.getVariable(ACTION);
      if (REISSUE.equals(action)) {
        String bank = text(task, BANK_NAME, "开户银行", 100);
        String account = text(task, ACCOUNT_NUMBER, "银行账号", 30);
        if (!account.matches("\\d{8,30}")) {
          throw refuse(ACCOUNT_NUMBER, "银行账号应为8至30位数字");
        }
        String reason = text(task, REISSUE_REASON, "补发说明", 500);
        if (user == null) {
          throw refuse(ACTION, "请先认领任务，再提交更正");
        }
        long returned = ((Number) task.getVariable(RETURNED_LEDGER_ID)).longValue();
        LedgerEntry p = payments.get(returned);
        if (p.status() != PaymentStatus.RETURNED) {
          throw refuse(ACTION, "付款" + returned + "已不是银行退回状态（" + p.status().label() + "），不能补发");
        }
        Instant now = EngineContext.now();
        long id = requests.insert(returned, p.payee().beneficiaryKey(), p.scheme(), p.countyCode(), bank, account,
            reason, user, now, task.getProcessInstanceId());
        task.setVariable(REQUEST_ID, id);
        task.setVariable(NEW_BANK_NAME, bank);
        task.setVariable(NEW_ACCOUNT_NUMBER, account);
        task.setVariable(REQUEST_REASON, reason);
        task.setVariable(REQUESTED_BY, user);
        task.setVariable(REQUESTED_AT, WHEN.format(now));
      } else if (CLOSE.equals(action)) {
        text(task, CLOSE_REASON, "不再补发的原因", 500);
      } else {
        throw refuse(ACTION, "请选择处理方式：更正账户补发，或不再补发");
      }
      task.setVariable(FIXED_BY, user);
    }
  }

  /**
   * 审批更正账户补发 (complete listener): the second pair of eyes, whatever the candidate groups say. Refuses an
   * approval by the person who entered the correction, a decision by anyone who is not a county approver of the
   * payment's county or an administrator, and an approval of a payment that is no longer returned; otherwise records
   * the decision in the stored request (a rejection closes it at once).
   */
  @ProcessBean("payrollReissueCheck")
  public static class ApprovalCheck implements TaskListener {
    private final ReissueRequestRepository requests;
    private final Payments payments;
    private final CountyApprovers approvers;

    public ApprovalCheck(ReissueRequestRepository requests, Payments payments, CountyApprovers approvers) {
      this.requests = requests;
      this.payments = payments;
      this.approvers = approvers;
    }

    @Override
    public void notify(DelegateTask task) {
      Object d = task.getVariable(DECISION);
      if (!APPROVE.equals(d) && !REJECT.equals(d)) {
        throw refuse(DECISION, "请选择审批意见：同意补发，或退回经办人");
      }
      Object n = task.getVariable(DECISION_NOTE);
      String note = n == null || n.toString().isBlank() ? null : n.toString().trim();
      if (note != null && note.length() > 500) {
        throw refuse(DECISION_NOTE, "审批意见不能超过500个字");
      }
      if (REJECT.equals(d) && note == null) {
        throw refuse(DECISION_NOTE, "退回须写明理由，经办人据此重新核实");
      }
      String user = CountyApprovers.actingUser(task);
      if (user == null) {
        throw refuse(DECISION, "请先认领任务，再提交审批意见");
      }
      long id = ((Number) task.getVariable(REQUEST_ID)).longValue();
      ReissueRequest r = requests.lock(id);
      if (!"REQUESTED".equals(r.status()) || r.decision() != null) {
        throw refuse(DECISION, "更正补发申请" + id + "已经审批，不能再次审批");
      }
      if (APPROVE.equals(d) && user.equals(r.requestedBy())) {
        throw refuse(DECISION, "不能审批本人录入的更正账户补发（" + user + "录入）：须由本县（市、区）另一名审批人员审批；"
            + "如需撤回，请选择退回经办人并写明理由");
      }
      if (!approvers.mayDecide(user, r.countyCode())) {
        throw refuse(DECISION, "只有" + r.countyCode() + "的县级审批人员或系统管理员可以审批更正账户补发，" + user + "不是");
      }
      Instant now = EngineContext.now();
      if (APPROVE.equals(d)) {
        PaymentStatus status = payments.get(r.returnedLedgerId()).status();
        if (status != PaymentStatus.RETURNED) {
          throw refuse(DECISION, "付款" + r.returnedLedgerId() + "已不是银行退回状态（" + status.label()
              + "），不能补发；请选择退回经办人");
        }
        requests.recordApproval(id, user, now, note);
      } else {
        requests.recordRejection(id, user, now, note);
      }
      task.setVariable(DECIDED_BY, user);
    }
  }

  /**
   * 补发到更正后的账户: the approved correction becomes a REISSUE payment (approved by the approver, into the county's
   * next one-off bank file) and, when the award is active with another account, the award's account from the month
   * after the approval. In the job's transaction, under the request's row lock: a request already APPROVED writes
   * nothing (a retried or repeated job), a failure before the commit leaves nothing.
   */
  @ProcessBean("payrollReissue")
  public static class Reissue implements JavaDelegate {
    private final ReissueRequestRepository requests;
    private final Payments payments;
    private final Awards awards;
    private final ObjectProvider<PayrollCheckpoint> checkpoints;

    public Reissue(ReissueRequestRepository requests, Payments payments, Awards awards,
        ObjectProvider<PayrollCheckpoint> checkpoints) {
      this.requests = requests;
      this.payments = payments;
      this.awards = awards;
      this.checkpoints = checkpoints;
    }

    @Override
    public void execute(DelegateExecution e) {
      ReissueRequest done = apply(requestId(e));
      e.setVariable(REISSUED_LEDGER_ID, done.reissuedLedgerId());
      e.setVariable(AWARD_ACCOUNT_CHANGED, done.awardId() != null);
    }

    /** The request as re-issued (once). */
    public ReissueRequest apply(long id) {
      ReissueRequest r = requests.lock(id);
      if ("APPROVED".equals(r.status())) {
        return r;
      }
      if (!"REQUESTED".equals(r.status()) || !APPROVE.equals(r.decision()) || r.decidedBy() == null) {
        throw new IllegalStateException("更正补发申请" + id + "没有审批同意的记录，不能补发");
      }
      String by = r.decidedBy();
      LedgerEntry reissued = payments.reissue(r.returnedLedgerId(), r.bankName(), r.accountNumber(), by,
          r.reason() + "（" + r.requestedBy() + "更正，" + by + "审批）");
      Long awardId = null;
      var award = awards.latest(r.beneficiaryKey(), r.scheme()).filter(AwardRow::active);
      if (award.isPresent()) {
        AwardRow row = awards.changeAccount(r.beneficiaryKey(), r.scheme(), r.bankName(), r.accountNumber(),
            "return:" + r.returnedLedgerId(), r.decidedAt().atZone(EngineContext.CHINA).toLocalDate(),
            clip("银行退回后更正账户：" + r.reason()), by);
        awardId = row.id() == award.get().id() ? null : row.id(); // the same bank and account: no new row
      }
      requests.markApproved(id, reissued.id(), awardId);
      checkpoints.orderedStream().forEach(c -> c.reached("reissue", id));
      return requests.find(id).orElseThrow();
    }
  }

  /** 退回经办人: the rejected correction is closed already; the caseworker's form shows who sent it back and why. */
  @ProcessBean("payrollReissueSendBack")
  public static class SendBack implements JavaDelegate {
    private final ReissueRequestRepository requests;

    public SendBack(ReissueRequestRepository requests) {
      this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution e) {
      ReissueRequest r = requests.find(requestId(e)).orElseThrow();
      e.setVariable(SENT_BACK, r.decidedBy() + "于" + WHEN.format(r.decidedAt()) + "退回（账户" + r.bankName() + " "
          + ReturnCases.mask(r.accountNumber()) + "）：" + r.decisionNote());
      // the next approval starts from a clean form
      e.removeVariable(DECISION);
      e.removeVariable(DECISION_NOTE);
      e.removeVariable(DECIDED_BY);
    }
  }
}
