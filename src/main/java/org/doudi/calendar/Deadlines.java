package org.doudi.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.doudi.calendar.internal.CalendarTime;
import org.doudi.calendar.internal.DeadlineCalculator;
import org.doudi.calendar.internal.DeadlineContext;
import org.doudi.calendar.persistence.DeadlineOrigin;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.doudi.engine.ProcessBean;
import org.doudi.identity.CaseVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working-day deadlines for models: {@code ${deadlines.workingDays(3)}} and
 * {@code ${deadlines.workingDaysFrom(acceptedAt, 30)}} in a timer's {@code timeDate}, a user task's
 * {@code camunda:dueDate} or {@code camunda:followUpDate}. The result is the end of the N-th working day
 * after the start day (Asia/Shanghai, {@code doudi.calendar.end-of-working-day}), with the closures of the
 * case's region (process variable {@code regionCode}) and the case's clock stops taken into account.
 *
 * <p>Used in those three fields, each result is recorded so that it is recomputed when the calendar
 * changes or the case's clock is resumed. Years without a loaded notice count Monday–Friday and the
 * deadline is marked provisional.
 */
@ProcessBean("deadlines")
public class Deadlines {

  private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

  /** Years whose missing holiday notice has been logged at warn level (once each per process run). */
  private final java.util.Set<Integer> provisionalYearsWarned = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final DeadlineCalculator calculator;
  private final DeadlineRepository deadlines;
  private final CalendarTime time;

  public Deadlines(DeadlineCalculator calculator, DeadlineRepository deadlines, CalendarTime time) {
    this.calculator = calculator;
    this.deadlines = deadlines;
    this.time = time;
  }

  /** End of the {@code days}-th working day after today (engine clock). */
  public Date workingDays(int days) {
    return compute(time.today(), days);
  }

  /**
   * End of the {@code days}-th working day after the day of {@code start}: a {@link Date}, {@link LocalDate},
   * {@link LocalDateTime} (Shanghai wall time), {@link OffsetDateTime}, {@link ZonedDateTime}, {@link Instant},
   * {@link Calendar} or an ISO-8601 string of one of these.
   */
  public Date workingDaysFrom(Object start, int days) {
    return compute(toDate(start), days);
  }

  /**
   * End of the {@code days}-th calendar day after today: for limits the law counts in days (信访条例's 15日/60日/30日),
   * recorded like the working-day ones so the deadline monitor shows them, but never moved by the calendar.
   */
  public Date calendarDays(int days) {
    return computeCalendar(time.today(), days);
  }

  /** End of the {@code days}-th calendar day after the day of {@code start} (same start types as above). */
  public Date calendarDaysFrom(Object start, int days) {
    return computeCalendar(toDate(start), days);
  }

  private Date computeCalendar(LocalDate start, int days) {
    if (days < 1 || days > WorkingDayCalendar.MAX_WORKING_DAYS) {
      throw new CalendarDataException("A deadline needs 1 to " + WorkingDayCalendar.MAX_WORKING_DAYS
          + " days, got " + days);
    }
    Date due = time.endOf(start.plusDays(days));
    DeadlineContext.Target target = DeadlineContext.current();
    DelegateExecution execution = execution(target);
    if (target != null && execution != null) {
      deadlines.insert(execution.getProcessInstanceId(), execution.getId(), target.activityId(), target.kind(), start,
          days, region(execution), 0, false, due.toInstant(), time.now(), true, origin(execution));
    }
    return due;
  }

  private Date compute(LocalDate start, int days) {
    if (days < 1 || days > WorkingDayCalendar.MAX_WORKING_DAYS) {
      throw new CalendarDataException("A deadline needs 1 to " + WorkingDayCalendar.MAX_WORKING_DAYS
          + " working days, got " + days);
    }
    DeadlineContext.Target target = DeadlineContext.current();
    DelegateExecution execution = execution(target);
    String processInstanceId = execution == null ? null : execution.getProcessInstanceId();
    String region = region(execution);
    DeadlineCalculator.Computed c = calculator.compute(processInstanceId, start, days, region);
    if (c.provisional()) {
      // every case of the year's last weeks meets this until the notice is loaded: one warning per year and process
      // run, the rest at debug; each such deadline is marked provisional in cal_deadline (and the monitor shows it)
      boolean first = provisionalYearsWarned.add(c.day().getYear());
      String message = "Deadline {} working days after {} (process instance {}, activity {}) reaches a year without a "
          + "loaded holiday notice; computed Monday–Friday as {} and marked provisional until the year is loaded"
          + (first ? " (further deadlines in that year: debug level only)" : "");
      Object[] args = {days, start, processInstanceId, target == null ? "?" : target.activityId(), c.day()};
      if (first) {
        log.warn(message, args);
      } else {
        log.debug(message, args);
      }
    }
    if (target != null && execution != null) {
      deadlines.insert(processInstanceId, execution.getId(), target.activityId(), target.kind(), start, days,
          region, c.extensionDays(), c.provisional(), c.due().toInstant(), time.now(), false, origin(execution));
    }
    return c.due();
  }

  private static DelegateExecution execution(DeadlineContext.Target target) {
    if (target != null && target.scope() instanceof DelegateExecution e) {
      return e;
    }
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    return context == null ? null : context.getExecution();
  }

  /** The process definition of the execution, read from the engine's cache (no query). */
  private static DeadlineOrigin origin(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity e && e.getProcessDefinition() != null) {
      ProcessDefinitionEntity d = e.getProcessDefinition();
      return new DeadlineOrigin(d.getId(), d.getKey(), ModelSchemes.of(d.getResourceName()));
    }
    return DeadlineOrigin.UNKNOWN;
  }

  private static String region(VariableScope scope) {
    Object value = scope == null ? null : scope.getVariable(CaseVariables.REGION_CODE);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  static LocalDate toDate(Object start) {
    if (start == null) {
      throw new CalendarDataException("The start of a working-day deadline is null (is the variable set?)");
    }
    if (start instanceof LocalDate d) {
      return d;
    }
    if (start instanceof Date d) {
      return d.toInstant().atZone(CalendarTime.ZONE).toLocalDate();
    }
    if (start instanceof Calendar c) {
      return c.toInstant().atZone(CalendarTime.ZONE).toLocalDate();
    }
    if (start instanceof Instant i) {
      return i.atZone(CalendarTime.ZONE).toLocalDate();
    }
    if (start instanceof OffsetDateTime t) {
      return t.atZoneSameInstant(CalendarTime.ZONE).toLocalDate();
    }
    if (start instanceof ZonedDateTime t) {
      return t.withZoneSameInstant(CalendarTime.ZONE).toLocalDate();
    }
    if (start instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (start instanceof CharSequence s) {
      return parse(s.toString().trim());
    }
    throw new CalendarDataException("Cannot use a " + start.getClass().getName() + " as the start of a deadline");
  }

  private static LocalDate parse(String s) {
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s);
      }
      if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(s).atZoneSameInstant(CalendarTime.ZONE).toLocalDate();
      }
      if (s.endsWith("]")) {
        return ZonedDateTime.parse(s).withZoneSameInstant(CalendarTime.ZONE).toLocalDate();
      }
      return LocalDateTime.parse(s).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new CalendarDataException("“" + s + "”不是ISO-8601格式的日期或时间");
    }
  }
}
