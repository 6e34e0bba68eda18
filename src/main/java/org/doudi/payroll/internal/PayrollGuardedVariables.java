package org.doudi.payroll.internal;

import java.util.Map;
import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.payroll.BankFiles;
import org.doudi.payroll.Payroll;
import org.doudi.payroll.ReturnVariables;
import org.doudi.payroll.StandardRiseVariables;
import org.springframework.stereotype.Component;

/**
 * The payroll's figures come from its tables; only its delegates put them into variables. Since the bank-result
 * message the upload task is never completed by code; only instances of the earlier model (without the message
 * boundary) still get their 导入银行结果 task completed by the import, with the counts it stored.
 */
@Component
class PayrollGuardedVariables implements GuardedVariables {

  @Override
  public Set<String> protectedNames() {
    return Set.of("runId", "countyName", "payrollMonth", "batchNo", "rosterCount", "rosterTotal", "extrasCount",
        "extrasTotal", "lastMonthCount", "lastMonthTotal", "newCount", "stoppedCount", "changedCount", "differences",
        "fileRowCount", "fileTotal", "beneficiaryKey", "ledgerId",
        // payment-return: the returned payment and the stored correction, shown read-only in its forms
        ReturnVariables.RETURNED_LEDGER_ID, ReturnVariables.AMOUNT, ReturnVariables.REQUEST_ID,
        ReturnVariables.NEW_BANK_NAME, ReturnVariables.NEW_ACCOUNT_NUMBER, ReturnVariables.REQUEST_REASON,
        ReturnVariables.REQUESTED_BY, ReturnVariables.REQUESTED_AT, ReturnVariables.DECIDED_BY,
        ReturnVariables.FIXED_BY, ReturnVariables.SENT_BACK, ReturnVariables.REISSUED_LEDGER_ID,
        // standard-rise: the rise's figures, shown read-only in its review form
        StandardRiseVariables.RISE_ID, StandardRiseVariables.STANDARD_CHANGE,
        StandardRiseVariables.EFFECTIVE_MONTH, StandardRiseVariables.ENTERED_BY, StandardRiseVariables.LINE_COUNT,
        StandardRiseVariables.INCREASES, StandardRiseVariables.DECREASE_COUNT, StandardRiseVariables.DECREASES,
        StandardRiseVariables.UNCHANGED_COUNT, StandardRiseVariables.MANUAL, StandardRiseVariables.TOTALS,
        StandardRiseVariables.CATCH_UP_NOTE, StandardRiseVariables.APPLIED_COUNT);
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(Payroll.PROCESS_KEY, ReturnCases.PROCESS_KEY, StandardRiseVariables.PROCESS_KEY);
  }

  @Override
  public Map<String, Set<String>> apiOnlyFields() {
    return Map.of(Payroll.PROCESS_KEY + ":" + BankFiles.IMPORT_TASK, Set.of("paidCount", "returnedCount",
        "resultImportedBy"));
  }
}
