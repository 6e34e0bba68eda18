package org.doudi.payroll.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.calendar.YearNotLoadedException;
import org.doudi.engine.ProcessBean;

/**
 * When the payroll of a month runs ({@code payrollSchedule} in models): the pay day ({@code doudi.payroll.pay-day},
 * moved back to the previous working day when it is none), and the run day {@code lead-working-days} working days
 * before it. Years without a loaded holiday notice count Monday–Friday.
 */
@ProcessBean("payrollSchedule")
public class PayrollSchedule {

  private final WorkingDayCalendar calendar;
  private final PayrollProperties properties;

  public PayrollSchedule(WorkingDayCalendar calendar, PayrollProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  public LocalDate payDay(YearMonth month) {
    LocalDate d = month.atDay(properties.getPayDay());
    while (!working(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  public LocalDate runDay(YearMonth month) {
    LocalDate d = payDay(month);
    int left = properties.getLeadWorkingDays();
    while (left > 0) {
      d = d.minusDays(1);
      if (working(d)) {
        left--;
      }
    }
    return d;
  }

  /** True from the run day of {@code today}'s month on. */
  public boolean due(LocalDate today) {
    return !today.isBefore(runDay(YearMonth.from(today)));
  }

  private boolean working(LocalDate d) {
    try {
      return calendar.kindOf(d).isWorkingDay();
    } catch (YearNotLoadedException e) {
      return d.getDayOfWeek().getValue() <= 5;
    }
  }
}
