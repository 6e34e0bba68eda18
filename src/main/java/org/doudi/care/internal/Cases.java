package org.doudi.care.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.doudi.engine.EngineContext;

/** Variable helpers shared by the delegates and the form check. */
final class Cases {

  private Cases() {}

  static long id(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      throw new IllegalStateException("流程变量" + name + "缺失");
    }
    return Long.parseLong(v.toString().strip());
  }

  /** The moment a timer of that day fires: 08:00 China time. */
  static Date morningOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(8, 0)).atZone(EngineContext.CHINA).toInstant());
  }

  static Date eveningOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(17, 0)).atZone(EngineContext.CHINA).toInstant());
  }
}
