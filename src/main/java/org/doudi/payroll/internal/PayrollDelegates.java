package org.doudi.payroll.internal;

import org.doudi.payroll.PayrollVariables;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.payment.LedgerBulk;
import org.doudi.engine.EngineContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.ProcessBean;
import org.doudi.payroll.ApprovalSummary;
import org.doudi.payroll.BankFile;
import org.doudi.payroll.BankFiles;
import org.doudi.payroll.Payroll;
import org.doudi.payroll.RosterSummary;
import org.doudi.payroll.persistence.AwardRepository;
import org.doudi.payroll.persistence.PayrollRepository;

/** The service tasks of monthly-payroll and one-off-disbursement: map variables, call one service, map results back. */
final class PayrollDelegates {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String SYSTEM = "system";

  private PayrollDelegates() {}

  static LocalDate today() {
    return EngineContext.today();
  }

  static long runId(DelegateExecution e) {
    return ((Number) e.getVariable(PayrollVariables.RUN_ID)).longValue();
  }

  /** The user whose command runs this code, or null in a job. */
  static String currentUser() {
    return EngineContext.currentUser();
  }

  /** The timer path: on and after the run day, a run for every county with awards that has none this month. */
  @ProcessBean("payrollDispatch")
  public static class Dispatch implements JavaDelegate {
    private final Payroll payroll;
    private final PayrollSchedule schedule;
    private final AwardRepository awards;
    private final PayrollRepository runs;
    private final org.doudi.payroll.Exits exits;
    private final org.doudi.payroll.AgeSupplements ages;

    public Dispatch(Payroll payroll, PayrollSchedule schedule, AwardRepository awards, PayrollRepository runs,
        org.doudi.payroll.Exits exits, org.doudi.payroll.AgeSupplements ages) {
      this.exits = exits;
      this.ages = ages;
      this.payroll = payroll;
      this.schedule = schedule;
      this.awards = awards;
      this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
      LocalDate today = today();
      YearMonth month = YearMonth.from(today);
      execution.setVariable(PayrollVariables.PAYROLL_MONTH, month.toString());
      execution.setVariable(PayrollVariables.RUN_DAY, schedule.runDay(month).toString());
      // 渐退期满: the phase-outs whose STOP is in force this month end (register, AwardEnded); their rosters are
      // already right (the STOP row decides), so this need not come before the rosters, but it does, once a day
      execution.setVariable(PayrollVariables.PHASE_OUTS_ENDED, exits.endPhaseOuts(today, SYSTEM));
      // members who turn 18, 70 … this month change their supplement from next month (once; docs/standard-rise.md)
      ages.apply(month.plusMonths(1), SYSTEM);
      List<String> started = new ArrayList<>();
      if (schedule.due(today)) {
        List<String> toStart = new ArrayList<>();
        for (String county : awards.counties()) {
          var existing = runs.find(county, month.atDay(1));
          if (existing.isEmpty() || existing.get().processInstanceId() == null) {
            toStart.add(county);
          }
        }
        if (!toStart.isEmpty()) {
          // every county's roster in one pass over the awards; each county's process then finds its own
          payroll.computeRosterAll(month, SYSTEM);
        }
        for (String county : toStart) {
          payroll.start(county, month, SYSTEM);
          started.add(county);
        }
      }
      execution.setVariable(PayrollVariables.COUNTIES_STARTED, String.join(",", started));
    }
  }

  /**
   * The daily one-off bank files: on a working day, every county with approved one-off payments (instalments,
   * subsidies, re-issues) not yet in a file gets one, so no approved payment waits for someone to ask.
   */
  @ProcessBean("payrollExportOneOffFiles")
  public static class ExportOneOffFiles implements JavaDelegate {
    private final BankFiles bankFiles;
    private final LedgerBulk ledger;
    private final WorkingDayCalendar calendar;

    public ExportOneOffFiles(BankFiles bankFiles, LedgerBulk ledger, WorkingDayCalendar calendar) {
      this.bankFiles = bankFiles;
      this.ledger = ledger;
      this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
      List<String> files = new ArrayList<>();
      if (calendar.kindOf(today()).isWorkingDay()) {
        for (String county : ledger.countiesWithPendingOneOff()) {
          bankFiles.exportPending(county, SYSTEM).ifPresent(f -> files.add(f.batchNo()));
        }
      }
      execution.setVariable(PayrollVariables.ONE_OFF_FILES, String.join(",", files));
    }
  }

  @ProcessBean("payrollComputeRoster")
  public static class ComputeRoster implements JavaDelegate {
    private final Payroll payroll;

    public ComputeRoster(Payroll payroll) {
      this.payroll = payroll;
    }

    @Override
    public void execute(DelegateExecution e) {
      RosterSummary s = payroll.rosterOf((String) e.getVariable(PayrollVariables.COUNTY_CODE),
          YearMonth.parse((String) e.getVariable(PayrollVariables.PAYROLL_MONTH)), SYSTEM);
      e.setVariables(payroll.reviewFigures(s.runId()));
    }
  }

  /** The review task's 剔除: the named beneficiaries' payments cancelled, the figures recomputed, back to review. */
  @ProcessBean("payrollExclude")
  public static class Exclude implements JavaDelegate {
    private final Payroll payroll;

    public Exclude(Payroll payroll) {
      this.payroll = payroll;
    }

    @Override
    public void execute(DelegateExecution e) {
      String by = (String) e.getVariable(PayrollVariables.EXCLUDED_BY);
      payroll.excludeBeneficiaries(runId(e), beneficiaryKeys((String) e.getVariable(PayrollVariables.EXCLUDE_BENEFICIARIES)),
          (String) e.getVariable(PayrollVariables.EXCLUDE_REASON), by == null ? SYSTEM : by);
      e.setVariables(payroll.reviewFigures(runId(e)));
      // the next review starts from a clean form
      e.removeVariable(PayrollVariables.REVIEW_DECISION);
      e.removeVariable(PayrollVariables.CONFIRMED_TOTAL);
      e.removeVariable(PayrollVariables.EXCLUDE_BENEFICIARIES);
      e.removeVariable(PayrollVariables.EXCLUDE_REASON);
      e.removeVariable(PayrollVariables.ANOMALIES_VERIFIED);
    }
  }

  /** Beneficiary keys as typed into the review form: separated by commas (also 、，；) or spaces, duplicates once. */
  static List<String> beneficiaryKeys(String typed) {
    if (typed == null) {
      return List.of();
    }
    return java.util.Arrays.stream(typed.split("[,，、;；\\s]+")).map(String::trim).filter(k -> !k.isEmpty())
        .distinct().toList();
  }

  @ProcessBean("payrollApprove")
  public static class Approve implements JavaDelegate {
    private final Payroll payroll;

    public Approve(Payroll payroll) {
      this.payroll = payroll;
    }

    @Override
    public void execute(DelegateExecution e) {
      String by = (String) e.getVariable(PayrollVariables.APPROVED_BY);
      ApprovalSummary s = payroll.approve(runId(e), by == null ? SYSTEM : by);
      e.setVariable(PayrollVariables.APPROVED_COUNT, s.count());
      e.setVariable(PayrollVariables.APPROVED_TOTAL, s.total().toPlainString());
    }
  }

  @ProcessBean("payrollExportBankFile")
  public static class ExportBankFile implements JavaDelegate {
    private final BankFiles bankFiles;

    public ExportBankFile(BankFiles bankFiles) {
      this.bankFiles = bankFiles;
    }

    @Override
    public void execute(DelegateExecution e) {
      BankFile f = bankFiles.export(runId(e), SYSTEM);
      e.setVariable(PayrollVariables.BANK_FILE_ID, f.id());
      e.setVariable(PayrollVariables.BATCH_NO, f.batchNo());
      e.setVariable(PayrollVariables.FILE_ROW_COUNT, f.rowCount());
      e.setVariable(PayrollVariables.FILE_TOTAL, f.totalAmount().toPlainString());
    }
  }

  /** After the bank-result message: the stored counts of the run's bank file into the process (never request data). */
  @ProcessBean("payrollRecordBankResult")
  public static class RecordBankResult implements JavaDelegate {
    private final BankFiles bankFiles;

    public RecordBankResult(BankFiles bankFiles) {
      this.bankFiles = bankFiles;
    }

    @Override
    public void execute(DelegateExecution e) {
      BankFile f = bankFiles.ofRun(runId(e)).orElseThrow(() -> new IllegalStateException("发放批次" + runId(e)
          + "没有银行文件"));
      e.setVariable(PayrollVariables.PAID_COUNT, f.paidCount() == null ? 0 : f.paidCount());
      e.setVariable(PayrollVariables.RETURNED_COUNT, f.returnedCount() == null ? 0 : f.returnedCount());
      e.setVariable(PayrollVariables.RESULT_IMPORTED_AT, f.resultImportedAt() == null ? null : java.util.Date.from(f.resultImportedAt()));
    }
  }
}
