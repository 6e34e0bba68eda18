package org.doudi.payroll.internal;

import static org.doudi.payroll.ReturnVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.engine.EngineAsSystem;
import org.doudi.identity.CaseVariables;
import org.doudi.payment.LedgerEntry;

import org.springframework.stereotype.Component;

/** Starts process payment-return for a payment the bank returned (business key {@code return:<ledgerId>}). */
@Component
public class ReturnCases {

  public static final String PROCESS_KEY = org.doudi.payroll.ReturnVariables.PROCESS_KEY;

  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final org.springframework.context.ApplicationEventPublisher events;

  public ReturnCases(RuntimeService runtime, EngineAsSystem asSystem,
      org.springframework.context.ApplicationEventPublisher events) {
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.events = events;
  }

  public String start(LedgerEntry e, String batchNo, String bankReason) {
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.REGION_CODE, e.countyCode()); // the county's staff fix the account
    v.put(COUNTY_CODE, e.countyCode());
    v.put(RETURNED_LEDGER_ID, e.id());
    v.put(PAYEE_NAME, e.payee().name());
    v.put(BENEFICIARY_KEY, e.payee().beneficiaryKey());
    v.put(SCHEME, e.scheme().name());
    v.put(AMOUNT, e.amount().toPlainString());
    v.put(PERIOD, e.periodStart() + " 至 " + e.periodEnd());
    v.put(OLD_BANK_NAME, e.payee().bankName());
    v.put(OLD_ACCOUNT_NUMBER, mask(e.payee().accountNumber()));
    v.put(BATCH_NO, batchNo);
    v.put(RETURN_REASON, bankReason == null || bankReason.isBlank() ? "银行退回" : bankReason);
    String pid = asSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, "return:" + e.id(), v).getId());
    events.publishEvent(new org.doudi.payroll.PaymentReturned(e.id(), e.scheme(), e.payee().beneficiaryKey(),
        e.payee().name(), e.payee().idNumber(), e.countyCode(), e.regionCode(), e.amount(), e.periodStart(),
        bankReason, pid));
    return pid;
  }

  /** 6228****1234: enough to check an account against the evidence, not enough to use it. */
  public static String mask(String account) {
    if (account == null || account.length() < 8) {
      return account;
    }
    return account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
  }
}
