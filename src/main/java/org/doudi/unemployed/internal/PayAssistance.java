package org.doudi.unemployed.internal;

import org.doudi.unemployed.UnemployedCheckpoint;
import org.springframework.beans.factory.ObjectProvider;
import static org.doudi.unemployed.UnemployedVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.AlreadyClaimedException;
import org.doudi.payment.Channel;
import org.doudi.payment.Claim;
import org.doudi.payment.InvalidPaymentException;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.OnceOnly;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.unemployed.UnemployedApplication;
import org.doudi.unemployed.UnemployedSettings;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.doudi.unemployed.persistence.UnemployedRepository;

/**
 * 全省查重并确认发放 (吉民发〔2020〕40号 二(二)3: "应先行录入临时救助信息管理系统进行验证没有重复信息后，再确认发放救助金，
 * 确保申请人在本省行政区域内只能享受一次"). In one transaction (the job's): the once-only claim for person + scheme +
 * period (a unique key decides between concurrent cases), the ledger row (idempotency key
 * {@code unemployed:<idNumber>:<periodKey>}, APPROVED, bank transfer) and the case record. A duplicate stores what
 * was found and throws BPMN error {@code UNEMPLOYED_DUPLICATE} (the claim's savepoint keeps the transaction usable);
 * a technical failure rolls everything back and the job retries — the retried job finds nothing half-written.
 * There is no second payment: after a supervisor's record correction ({@code duplicateDecision = CORRECT}, allowed
 * only when the earlier payment was returned or cancelled) {@link OnceOnly#correct} supersedes the earlier claim and
 * this case pays instead, key {@code :correction-<seq>}; should the earlier payment have changed meanwhile, the
 * correction is refused and the case goes back to the duplicate task.
 */
@ProcessBean("unemployedPay")
public class PayAssistance implements JavaDelegate {

  private final UnemployedRepository repository;
  private final OnceOnly onceOnly;
  private final Payments payments;
  private final UnemployedSettings settings;
  private final ObjectProvider<UnemployedCheckpoint> checkpoints;
  private final Regions regions;

  public PayAssistance(UnemployedRepository repository, OnceOnly onceOnly, Payments payments,
      UnemployedSettings settings, ObjectProvider<UnemployedCheckpoint> checkpoints, Regions regions) {
    this.regions = regions;
    this.repository = repository;
    this.onceOnly = onceOnly;
    this.payments = payments;
    this.settings = settings;
    this.checkpoints = checkpoints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.applicationId(execution);
    String pid = execution.getProcessInstanceId();
    UnemployedApplication a = repository.find(id).orElseThrow().application();
    String region = Cases.string(execution, CaseVariables.REGION_CODE);
    String decidedBy = Cases.string(execution, DECIDED_BY);
    String period = settings.getPeriodKey();
    BigDecimal amount = repository.decidedAmount(pid)
        .orElseThrow(() -> new IllegalStateException("案件" + pid + "没有存档的救助金额，不予发放")).setScale(2);
    if (amount.signum() <= 0 || amount.compareTo(UnemployedSettings.MAX_AMOUNT) > 0) {
      throw new IllegalStateException("救助金额" + amount + "元超出范围（0, " + UnemployedSettings.MAX_AMOUNT + "]，不予发放");
    }
    boolean correction = "CORRECT".equals(Cases.string(execution, DUPLICATE_DECISION));
    Claim claim;
    try {
      if (correction) {
        claim = onceOnly.correct(a.idNumber(), Scheme.UNEMPLOYED, period, pid, region,
            Cases.string(execution, CORRECTED_BY), Cases.string(execution, DUPLICATE_NOTE));
      } else {
        // An earlier claim of another case (the usual duplicate) is seen before claiming; a claim lost to a
        // concurrent case at the unique key is refused by OnceOnly (its savepoint keeps this transaction usable).
        Optional<Claim> earlier = onceOnly.find(a.idNumber(), Scheme.UNEMPLOYED, period)
            .filter(c -> !c.caseRef().equals(pid));
        if (earlier.isPresent()) {
          throw new AlreadyClaimedException(earlier.get(), regions.find(earlier.get().regionCode())
              .map(Region::name).orElse("区划" + earlier.get().regionCode()));
        }
        claim = onceOnly.claim(a.idNumber(), Scheme.UNEMPLOYED, period, pid, region, decidedBy);
      }
    } catch (AlreadyClaimedException | InvalidPaymentException e) {
      String message = e.getMessage() + (correction ? "（更正查重记录未成功）" : "");
      repository.insertRecord(id, pid, "DUPLICATE", "全省查重发现重复：" + message, null, null, Clock.now());
      repository.updateStatus(id, "DUPLICATE", Clock.now());
      execution.setVariable(DUPLICATE_MESSAGE, message);
      execution.removeVariable(DUPLICATE_DECISION); // the next decision starts from a clean form
      throw new BpmnError(ERROR_DUPLICATE, message);
    }
    String key = "unemployed:" + a.idNumber() + ":" + period + (claim.seq() == 0 ? "" : ":correction-" + claim.seq());
    // the period is the month of the township's decision (fixed before the async boundary, so a retry sends the same)
    LocalDate decided = LocalDate.parse(Cases.string(execution, DECIDED_ON));
    LedgerEntry entry = payments.record(new PaymentRequest(key, Scheme.UNEMPLOYED, pid,
        new Payee("P-" + a.idNumber(), a.fullName(), a.idNumber(), a.bankName(), a.bankAccountNumber()),
        a.countyCode(), region, decided.withDayOfMonth(1), decided.withDayOfMonth(decided.lengthOfMonth()), amount,
        Channel.BANK, null, Cases.clip("未参保失业人员一次性临时救助金（申请" + id + "）"
            + (correction ? "；更正查重记录：" + claim.correctionReason() : ""), 500)),
        PaymentStatus.APPROVED, decidedBy);
    checkpoints.orderedStream().forEach(c -> c.reached(UnemployedCheckpoint.LEDGER_WRITTEN, entry.id()));
    repository.insertRecord(id, pid, "PAYMENT", "确认发放一次性临时救助金" + amount + "元，付款" + entry.id() + "（"
        + key.replace(a.idNumber(), maskedId(a.idNumber())) + "），转入" + a.bankName() + "账户"
        + (correction ? "；督查员" + claim.claimedBy() + "更正查重记录（前次付款未到账），理由：" + claim.correctionReason()
        : ""), amount, decidedBy, Clock.now());
    repository.updateStatus(id, "PAID", Clock.now());
    execution.setVariable(PAYMENT_ID, entry.id());
    execution.setVariable(PAYMENT_KEY, key.replace(a.idNumber(), maskedId(a.idNumber())));
  }

  static String maskedId(String id) {
    return id.substring(0, 6) + "********" + id.substring(14);
  }
}
