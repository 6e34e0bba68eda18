package org.doudi.payroll.internal;

import java.util.Map;
import java.util.Set;
import org.doudi.engine.GuardedVariables;
import org.doudi.payroll.BankFiles;
import org.doudi.payroll.Payroll;
import org.springframework.stereotype.Component;

/**
 * The payroll's figures come from its tables; only its delegates put them into variables. The bank's result import
 * ({@code POST /api/payroll/bank-files/{id}/result}) completes 导入银行结果 with the counts it stored.
 */
@Component
class PayrollGuardedVariables implements GuardedVariables {

  @Override
  public Set<String> protectedNames() {
    return Set.of("runId", "countyName", "payrollMonth", "batchNo", "rosterCount", "rosterTotal", "extrasCount",
        "extrasTotal", "lastMonthCount", "lastMonthTotal", "newCount", "stoppedCount", "changedCount", "differences",
        "fileRowCount", "fileTotal", "beneficiaryKey", "ledgerId");
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(Payroll.PROCESS_KEY, ReturnCases.PROCESS_KEY);
  }

  @Override
  public Map<String, Set<String>> apiOnlyFields() {
    return Map.of(Payroll.PROCESS_KEY + ":" + BankFiles.IMPORT_TASK, Set.of("paidCount", "returnedCount",
        "resultImportedBy"));
  }
}
