package org.doudi.payroll.internal;

import org.doudi.payroll.PayrollVariables;
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
    return Set.of(PayrollVariables.RUN_ID, PayrollVariables.COUNTY_NAME, PayrollVariables.PAYROLL_MONTH, PayrollVariables.BATCH_NO, PayrollVariables.ROSTER_COUNT, PayrollVariables.ROSTER_TOTAL, PayrollVariables.EXTRAS_COUNT,
        PayrollVariables.EXTRAS_TOTAL, PayrollVariables.LAST_MONTH_COUNT, PayrollVariables.LAST_MONTH_TOTAL, PayrollVariables.NEW_COUNT, PayrollVariables.STOPPED_COUNT, PayrollVariables.CHANGED_COUNT, PayrollVariables.DIFFERENCES,
        PayrollVariables.FILE_ROW_COUNT, PayrollVariables.FILE_TOTAL, PayrollVariables.BENEFICIARY_KEY, PayrollVariables.LEDGER_ID,
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
    return Map.of(Payroll.PROCESS_KEY + ":" + BankFiles.IMPORT_TASK, Set.of(PayrollVariables.PAID_COUNT, PayrollVariables.RETURNED_COUNT,
        PayrollVariables.RESULT_IMPORTED_BY));
  }
}
