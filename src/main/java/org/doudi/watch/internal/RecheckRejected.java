package org.doudi.watch.internal;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.watch.AlertRule;
import org.doudi.watch.WatchList;
import org.doudi.watch.WatchList.Subject;
import org.doudi.watch.persistence.WatchRepository;
import org.doudi.watch.persistence.WatchRepository.EntryRow;
import org.doudi.watch.WatchVariables;

/**
 * 漏保复核 (process {@code watch-recheck}, daily): every rejected applicant whose re-check is due gets a township
 * task (MISSED_RECHECK: visit, re-check the household's situation, help to apply again if it now qualifies); the next
 * re-check is due {@code doudi.watch.recheck-months} later while the person is in the register. Entries past their
 * period leave the register. Idempotent: the alert's key names the entry and the due day, so a retried job raises
 * nothing twice.
 */
@ProcessBean("watchRecheckRejected")
public class RecheckRejected implements JavaDelegate {

  static final int BATCH = 500;

  private final WatchRepository records;
  private final WatchList watch;
  private final WatchSettings settings;

  public RecheckRejected(WatchRepository records, WatchList watch, WatchSettings settings) {
    this.records = records;
    this.watch = watch;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(WatchVariables.RECHECKS_RAISED, recheck(EngineContext.today()));
  }

  /** Raises the re-checks due on the day; returns how many were raised now. */
  public int recheck(LocalDate today) {
    records.endExpired(today);
    int raised = 0;
    for (EntryRow e : records.recheckDue(today, BATCH)) {
      WatchList.Raised r = watch.raise(AlertRule.MISSED_RECHECK, new Subject(e.subjectIdNumber(), e.subjectName(),
          e.regionCode()), "recheck:" + e.id() + ":" + e.recheckDue(), "防止漏保：" + e.enteredOn()
          + " 登记的未获救助对象已到复核时间。" + (e.detail() == null ? "" : e.detail())
          + "。请回访核实家庭收入、财产和支出是否发生变化，符合条件的协助重新申请。");
      if (r.created()) {
        raised++;
      }
      LocalDate next = e.recheckDue().plusMonths(settings.recheckMonths());
      records.setRecheckDue(e.id(), next.isAfter(e.watchUntil()) ? null : next);
    }
    return raised;
  }
}
