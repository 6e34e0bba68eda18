package org.doudi.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.calendar.internal.CalendarTime;
import org.doudi.calendar.internal.DeadlineCalculator;
import org.doudi.calendar.internal.DeadlineRecomputer;
import org.doudi.engine.EngineAsSystem;
import org.doudi.calendar.persistence.ClockStopRepository;
import org.doudi.calendar.persistence.ClockStopRepository.ClockStopRow;
import org.doudi.engine.ProcessBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clock stops (中止计时), e.g. while the applicant brings missing materials (一次性告知). While a case's
 * clock stands, its working-day timers are suspended; on resume every open working-day deadline of the
 * case moves by the working days that passed during the stop.
 *
 * <p>Models: {@code ${caseClock.suspend(execution)}} / {@code ${caseClock.resume(execution)}} as an
 * expression of a service task or execution listener.
 */
@ProcessBean("caseClock")
public class CaseClock {

  private final ClockStopRepository stops;
  private final DeadlineRecomputer recomputer;
  private final DeadlineCalculator calculator;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final EngineAsSystem engine;
  private final CalendarTime time;

  public CaseClock(ClockStopRepository stops, DeadlineRecomputer recomputer, DeadlineCalculator calculator,
      RuntimeService runtimeService,
      ManagementService managementService, EngineAsSystem engine, CalendarTime time) {
    this.stops = stops;
    this.recomputer = recomputer;
    this.calculator = calculator;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.engine = engine;
    this.time = time;
  }

  /** A stop as seen from outside; {@code suspendedWorkingDays} is null while it is running. */
  public record ClockStop(long id, String processInstanceId, String reason, LocalDate suspendedOn,
      Instant suspendedAt, String suspendedBy, LocalDate resumedOn, Instant resumedAt, String resumedBy,
      Integer suspendedWorkingDays, int deadlinesMoved) {}

  // from a model: the instance is running by definition (and may not be flushed yet, so no query)
  public void suspend(DelegateExecution execution) {
    stop(execution.getProcessInstanceId(), "model: " + label(execution), "process");
  }

  public void resume(DelegateExecution execution) {
    restart(execution.getProcessInstanceId(), "process");
  }

  @Transactional
  public ClockStop suspend(String processInstanceId, String reason, String actor) {
    requireRunning(processInstanceId);
    return stop(processInstanceId, reason, actor);
  }

  @Transactional
  public ClockStop resume(String processInstanceId, String actor) {
    requireRunning(processInstanceId);
    return restart(processInstanceId, actor);
  }

  private ClockStop stop(String processInstanceId, String reason, String actor) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new CalendarDataException("中止计时须填写理由（1至500字）");
    }
    stops.running(processInstanceId).ifPresent(running -> {
      throw new CaseClockException("案件" + processInstanceId + "的办理时限已自"
          + running.suspendedOn() + "起中止计时（" + running.reason() + "）");
    });
    try {
      stops.start(processInstanceId, reason.trim(), time.today(), time.now(), actor);
    } catch (DuplicateKeyException e) {
      // a concurrent stop won (PostgreSQL has aborted this transaction; nothing more can be read)
      throw new CaseClockException("案件" + processInstanceId + "的办理时限刚被他人中止计时");
    }
    engine.call(() -> {
      recomputer.timerJobs(processInstanceId)
          .forEach(job -> managementService.updateJobSuspensionState().byJobId(job.getId()).suspend());
      return null;
    });
    return view(stops.running(processInstanceId).orElseThrow(), 0);
  }

  private ClockStop restart(String processInstanceId, String actor) {
    ClockStopRow running = stops.running(processInstanceId).orElseThrow(() ->
        new CaseClockException("案件" + processInstanceId + "的办理时限没有中止计时，无法恢复"));
    stops.finish(running.id(), time.today(), time.now(), actor);
    ClockStopRow finished = stops.all(processInstanceId).stream().filter(s -> s.id() == running.id()).findFirst()
        .orElseThrow();
    int moved = engine.call(() -> {
      recomputer.timerJobs(processInstanceId)
          .forEach(job -> managementService.updateJobSuspensionState().byJobId(job.getId()).activate());
      return recomputer.recomputeCase(processInstanceId, "clock stop " + running.id() + " (" + running.reason()
          + ") from " + running.suspendedOn() + " resumed on " + finished.resumedOn()).moved;
    });
    return view(finished, moved);
  }

  public boolean isStopped(String processInstanceId) {
    return stops.running(processInstanceId).isPresent();
  }

  public List<ClockStop> stops(String processInstanceId) {
    return stops.all(processInstanceId).stream().map(s -> view(s, 0)).toList();
  }

  private ClockStop view(ClockStopRow s, int moved) {
    Integer days = s.running() ? null
        : calculator.suspendedWorkingDays(s.processInstanceId(), s.suspendedOn(), s.resumedOn());
    return new ClockStop(s.id(), s.processInstanceId(), s.reason(), s.suspendedOn(), s.suspendedAt(),
        s.suspendedBy(), s.resumedOn(), s.resumedAt(), s.resumedBy(), days, moved);
  }

  /** With the caller's engine authentication: a case the caller may not see is "not found" to them. */
  private void requireRunning(String processInstanceId) {
    long n = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count();
    if (n == 0) {
      throw new java.util.NoSuchElementException("没有正在办理的案件" + processInstanceId);
    }
  }

  private static String label(DelegateExecution execution) {
    String name = execution.getCurrentActivityName();
    return name != null ? name : execution.getCurrentActivityId();
  }
}
